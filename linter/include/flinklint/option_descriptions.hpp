// Option descriptions from Flink's documentation, apart from catalog.hpp: only hover and `schema`
// read them, and a change to them rebuilds only those.
#pragma once

#include <string_view>

#include "flinklint/version.hpp"

namespace flinklint {

// What Flink's documentation of `version` says the option `key` (a catalog key, placeholders and
// all) does, as plain text with `\n` between paragraphs and list items; empty when the docs of that
// version have no text for it (schemas/descriptions.tsv, scripts/gen_descriptions.py).
std::string_view option_description(std::string_view key, FlinkVersion version);

}  // namespace flinklint

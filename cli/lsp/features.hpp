// Hover and completion over a buffer: what the option catalog of the buffer's Flink version says
// about a key (its description from Flink's docs, type, default, deprecation).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "flinklint/catalog.hpp"
#include "flinklint/diagnostic.hpp"
#include "flinklint/source.hpp"
#include "flinklint/version.hpp"

namespace flinklint::cli::lsp {

// `textDocument/hover` at byte `at` of `source`: the option of the key written there, or null.
// `versions`: the Flink version of each configuration of the buffer, in file order (the lint's);
// `fallback` for a configuration the lint did not see.
nlohmann::json hover_at(const SourcePtr& source, const std::vector<FlinkVersion>& versions,
                        FlinkVersion fallback, std::size_t at);

// The rules of the findings at byte `at`, for hover: each page's title, the first paragraph of what
// it checks and where the whole page is; empty when no finding is there.
std::string rule_pages_at(const std::vector<Diagnostic>& findings, std::size_t at);

// `textDocument/completion` at byte `at`: the option keys of `version` that fit where the cursor
// is (below the mapping keys it is nested in, in config.yaml and flinkConfiguration).
nlohmann::json completion_at(const SourcePtr& source, FlinkVersion version, std::size_t at);

// How hover and completion describe an option, in Markdown.
std::string option_markdown(const OptionInfo& option, FlinkVersion version);

}  // namespace flinklint::cli::lsp

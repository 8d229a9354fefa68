// `--layout nested`: a flat config.yaml written as nested mappings, the way Flink's own
// config.yaml is laid out. Keys that are a prefix of another key (`a.b` beside `a.b.c`) cannot be
// nested both, so they stay flat.
#pragma once

#include <string>
#include <string_view>

namespace flinklint::migrate {

// `text`: top-level `key: value` lines, comments and blank lines (what migrate makes of a legacy
// file). Comment and blank lines move with the key below them.
std::string nest_flat_yaml(std::string_view text);

}  // namespace flinklint::migrate

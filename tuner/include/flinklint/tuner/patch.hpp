// `flinklint tune --patch FILE`: the recommended values as minimal edits of an existing configuration
// (flink-conf.yaml, config.yaml, a manifest with a FlinkDeployment or ConfigMap). Values change in
// place; missing keys are appended in the file's style. Comments, order and the rest stay untouched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/expected.hpp"
#include "flinklint/source.hpp"
#include "flinklint/tuner/tuner.hpp"

namespace flinklint::tuner {

struct Patch {
    std::vector<Edit> edits;         // sorted, non-overlapping, on the original bytes
    std::vector<std::string> notes;  // what was changed, added or left alone, one line each
};

// An error when the file holds no configuration that can be edited in place.
Expected<Patch> plan_patch(const SourcePtr& source, const Tuning& tuning);

// Applies sorted, non-overlapping edits. (To move onto the fix engine's atomic writer, linter/src/fix/.)
std::string apply_edits(std::string_view text, const std::vector<Edit>& edits);

// A unified diff (3 lines of context) between `text` and `text` with `edits` applied.
std::string unified_diff(std::string_view path, std::string_view text, const std::vector<Edit>& edits);

}  // namespace flinklint::tuner

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

// The same for changes computed elsewhere (`flinklint diagnose --patch`): Flink options only, keys
// missing from the file appended under "# added by `added_by`".
Expected<Patch> plan_changes(const SourcePtr& source, std::vector<Recommendation> changes,
                             FlinkVersion version, std::string added_by);

// `text` with the patch's edits applied, through the fix engine (flinklint/fix.hpp), which also
// gives the unified diff and the atomic write.
std::string apply_patch(std::string_view text, const Patch& patch);

}  // namespace flinklint::tuner

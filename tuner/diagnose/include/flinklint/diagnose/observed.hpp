// What a `flinklint observe` snapshot measured on the running job that the tuner would otherwise
// estimate from the profile (`flinklint tune --observed DIR`, docs/tuning.md).
#pragma once

#include <string>

#include "flinklint/expected.hpp"
#include "flinklint/tuner/profile.hpp"

namespace flinklint::diagnose {

// Puts the snapshot's measurements into `profile` in place of its declared or estimated values, each
// listed in profile.measurements with the file it comes from; notes say what was not measured.
// An error when DIR is not a snapshot or holds no job.
Expected<std::vector<std::string>> apply_observed(const std::string& dir, tuner::Profile& profile);

}  // namespace flinklint::diagnose

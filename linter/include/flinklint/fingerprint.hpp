// One identity per finding, the same in a baseline, SARIF's partialFingerprints and GitLab's Code
// Quality report: rule, file (as the report names it), subject (the key, else the message with
// every run of digits folded to `#`, so a number that changes does not make a new finding) and
// the occurrence of that triple in report order. Stable across runs and line moves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "flinklint/diagnostic.hpp"

namespace flinklint {

// FNV-1a 64-bit, chainable through `hash`.
inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
std::uint64_t fnv1a(std::string_view data, std::uint64_t hash = kFnvOffset);

std::string finding_subject(const Diagnostic& diagnostic);

struct FindingIdentity {
    std::string subject;
    std::size_t occurrence = 0;
    std::string fingerprint;  // 16 hex digits
};

// Numbers findings with the same rule, file and subject across calls: a streamed report hands its
// diagnostics over a part at a time, in report order.
class FindingNumbering {
public:
    FindingIdentity next(const Diagnostic& diagnostic, std::string_view file);

private:
    // Keyed by the 64-bit hash of rule, file and subject: a count per finding stays small on large runs.
    std::unordered_map<std::uint64_t, std::size_t> seen_;
};

}  // namespace flinklint

// The CI baseline: `--write-baseline FILE` records today's findings, `--baseline FILE` reports only
// the others. A finding is matched by rule, file (relative to the project root), Flink key (the
// message with its numbers blanked when there is no key) and its occurrence index among findings
// with the same three: line numbers play no part, so edits above a finding keep it matched.
// Format: docs/ci.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/expected.hpp"
#include "flinklint/fingerprint.hpp"

namespace flinklint::cli {

struct BaselineEntry {
    std::string fingerprint;  // 16 hex digits (flinklint/fingerprint.hpp)
    std::string rule;
    std::string file;     // relative to the root, '/'-separated
    std::string subject;  // the key, or the message with digits blanked
    std::size_t occurrence = 0;
    int line = 0;         // informative only
    std::string message;  // informative only
};

// The directory baseline paths are relative to: the directory of .flinklint.yaml, else the
// repository root (nearest .git), else the working directory.
std::filesystem::path baseline_root(const std::filesystem::path& project_root, bool has_project_file);

// Numbers findings with the same rule, file and subject across calls: a streamed `check` hands its
// diagnostics over a part at a time, in report order.
class BaselineNumbering {
public:
    explicit BaselineNumbering(std::filesystem::path root) : root_(std::move(root)) {}
    // One entry per diagnostic, in the diagnostics' order.
    std::vector<BaselineEntry> entries(const std::vector<Diagnostic>& diagnostics);

private:
    std::filesystem::path root_;
    FindingNumbering numbering_;
};

// Writes the baseline JSON; returns an error message or "".
std::string write_baseline(const std::filesystem::path& file, const std::vector<BaselineEntry>& entries,
                           const std::string& tool_version);

// The fingerprints a baseline file records.
Expected<std::multiset<std::string>> read_baseline(const std::filesystem::path& file);

// Drops the diagnostics the baseline records (each recorded fingerprint matches once, and is taken
// out of `known`); `entries` are the diagnostics' own. Returns how many were dropped.
std::size_t drop_baselined(std::vector<Diagnostic>& diagnostics, const std::vector<BaselineEntry>& entries,
                           std::multiset<std::string>& known);

}  // namespace flinklint::cli

// The CI baseline: `--write-baseline FILE` records today's findings, `--baseline FILE` reports only
// the others. A finding is matched by rule, file (relative to the project root), Flink key (the
// message with its numbers blanked when there is no key) and its occurrence index among findings
// with the same three: line numbers play no part, so edits above a finding keep it matched.
// Format: docs/ci.md.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/expected.hpp"

namespace flinklint::cli {

struct BaselineEntry {
    std::string fingerprint;  // 16 hex digits
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

// One entry per diagnostic, in the diagnostics' order.
std::vector<BaselineEntry> baseline_entries(const std::vector<Diagnostic>& diagnostics,
                                            const std::filesystem::path& root);

// Writes the baseline JSON; returns an error message or "".
std::string write_baseline(const std::filesystem::path& file, const std::vector<BaselineEntry>& entries,
                           const std::string& tool_version);

// The fingerprints a baseline file records.
Expected<std::multiset<std::string>> read_baseline(const std::filesystem::path& file);

// Drops the diagnostics the baseline records (each recorded fingerprint matches once); returns how
// many were dropped.
std::size_t drop_baselined(std::vector<Diagnostic>& diagnostics, std::multiset<std::string> known,
                           const std::filesystem::path& root);

}  // namespace flinklint::cli

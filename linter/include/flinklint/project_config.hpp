// .flinklint.yaml: the project's settings for flinklint.
//
//   flink-version: "1.20"
//   fail-on: warning            # error | warning | info
//   disable: [FL203, removed-key]
//   severity: {FL101: error}
//   ignore: ["vendor/**"]       # paths (globs, relative to this file) never checked
//   per-path:
//     - paths: ["legacy/**"]
//       disable: [FL201]
//       flink-version: "1.17"   # the Flink these files are for
//   thresholds: {heartbeat-min-timeout-ratio: 4}   # policy thresholds of the runtime rules
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/expected.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/model.hpp"
#include "flinklint/thresholds.hpp"
#include "flinklint/version.hpp"

namespace flinklint {

struct PathOverride {
    std::vector<std::string> globs;
    std::set<std::string> disabled;  // rule ids
    std::optional<FlinkVersion> flink_version;
};

struct ProjectConfig {
    std::optional<std::filesystem::path> file;  // where it was read from
    std::filesystem::path root;                 // globs are relative to this directory
    std::optional<FlinkVersion> flink_version;
    std::optional<FlinkVersion> operator_version;  // the Kubernetes operator's release
    std::optional<Severity> fail_on;
    RuleSettings rules;  // with the `thresholds:` of the file
    std::vector<std::string> ignore;
    std::vector<PathOverride> per_path;
    // Where the file sets each setting, as "FILE:LINE" (`--show-config`): top-level names, and
    // `severity.FL101`, `thresholds.NAME`, `per-path[N]` for their parts.
    std::map<std::string, std::string> set_at;

    [[nodiscard]] bool ignored(const std::filesystem::path& path) const;
    [[nodiscard]] bool disabled_for(const std::filesystem::path& path, const std::string& rule_id) const;
    // The flink-version of the first per-path entry that matches `path` and sets one.
    [[nodiscard]] std::optional<VersionEvidence> version_for(const std::filesystem::path& path) const;
};

// Errors read "FILE:LINE:COL: message".
Expected<ProjectConfig> load_project_config(const std::filesystem::path& file);
// The nearest .flinklint.yaml (or .flinklint.yml) from `start` up to the repository root (a directory with
// .git).
std::optional<std::filesystem::path> find_project_config(const std::filesystem::path& start);

// The `thresholds:` names with the values in force, in the order the configuration documents them.
std::vector<std::pair<std::string, std::string>> threshold_settings(const Thresholds& thresholds);

// Glob match on '/'-separated paths: `*` and `?` stay within a segment, `**` spans segments.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace flinklint

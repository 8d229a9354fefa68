#include "flinklint/project_config.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "flinklint/read_file.hpp"
#include "flinklint/rule.hpp"

namespace flinklint {
namespace {

constexpr std::uintmax_t kMaxProjectConfigBytes = 1u << 20;  // a settings file, never megabytes

std::string located(const std::filesystem::path& file, const YAML::Mark& mark, std::string_view message) {
    return fmt::format("{}:{}:{}: {}", file.string(), mark.line + 1, mark.column + 1, message);
}

// A relative, '/'-separated path for glob matching; empty if `path` is outside `root`.
std::string relative_to(const std::filesystem::path& path, const std::filesystem::path& root) {
    std::error_code ec;
    const auto absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
    const auto relative = absolute.lexically_relative(root);
    const std::string text = relative.generic_string();
    if (text.empty() || text.starts_with("..")) return path.generic_string();
    return text;
}

// yaml-cpp shares an aliased node, and reading copies it at every use: what the settings expand to
// is bounded (nodes, bytes and depth) before anything is read, so an alias bomb costs no memory.
struct Expansion {
    std::size_t nodes_left = 100'000;
    std::size_t bytes_left = 0;
    bool fits(const YAML::Node& node, int depth) {
        if (nodes_left == 0 || depth > 64) return false;
        --nodes_left;
        if (node.IsScalar()) {
            if (node.Scalar().size() > bytes_left) return false;
            bytes_left -= node.Scalar().size();
            return true;
        }
        for (const auto& item : node) {
            if (node.IsMap() ? !(fits(item.first, depth + 1) && fits(item.second, depth + 1))
                             : !fits(item, depth + 1))
                return false;
        }
        return true;
    }
};

std::vector<std::string> string_list(const YAML::Node& node, const std::filesystem::path& file,
                                     std::string& error) {
    std::vector<std::string> out;
    if (node.IsScalar()) {
        out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
        for (const auto& item : node) {
            if (!item.IsScalar()) {
                error = located(file, item.Mark(), "expected a list of strings");
                return {};
            }
            out.push_back(item.Scalar());
        }
    } else {
        error = located(file, node.Mark(), "expected a string or a list of strings");
    }
    return out;
}

bool rule_ids(const YAML::Node& node, const std::filesystem::path& file, std::set<std::string>& ids,
              std::string& error) {
    const auto names = string_list(node, file, error);
    if (!error.empty()) return false;
    const auto unknown = resolve_rule_names(names, ids);
    if (!unknown.empty()) {
        error = located(file, node.Mark(),
                        fmt::format("unknown rule `{}`{} (see `flinklint rules`)", unknown.front(),
                                    did_you_mean_rule(unknown.front())));
        return false;
    }
    return true;
}

}  // namespace

namespace {

// Matches a suffix of the pattern against a suffix of the path, with backtracking for `*` (one
// segment) and `**` (any depth). Failed (pattern, path) offsets are remembered: without that,
// patterns like `**/**/**/**/x` take exponential time on deep paths.
class GlobMatcher {
public:
    GlobMatcher(std::string_view pattern, std::string_view path) : pattern_(pattern), path_(path) {}

    bool match(std::size_t p0, std::size_t s0) {
        const std::size_t state = p0 * (path_.size() + 1) + s0;
        if (failed_.empty()) failed_.assign((pattern_.size() + 1) * (path_.size() + 1), false);
        if (failed_[state]) return false;
        const bool matched = match_uncached(p0, s0);
        if (!matched) failed_[state] = true;
        return matched;
    }

private:
    bool match_uncached(std::size_t p, std::size_t s) {
        const std::string_view pattern = pattern_;
        const std::string_view path = path_;
        if (pattern.compare(p, 3, "**/") == 0 && match(p + 3, s)) return true;
        while (p < pattern.size()) {
            if (pattern.compare(p, 2, "**") == 0) {
                std::size_t rest = p + 2;
                if (rest < pattern.size() && pattern[rest] == '/') ++rest;
                for (std::size_t i = s; i <= path.size(); ++i) {
                    if ((i == s || path[i - 1] == '/' || rest == pattern.size()) && match(rest, i))
                        return true;
                }
                return false;
            }
            if (pattern[p] == '*') {
                for (std::size_t i = s; i <= path.size(); ++i) {
                    if (match(p + 1, i)) return true;
                    if (i < path.size() && path[i] == '/') break;
                }
                return false;
            }
            if (s >= path.size()) return false;
            if (pattern[p] != '?' && pattern[p] != path[s]) return false;
            if (pattern[p] == '?' && path[s] == '/') return false;
            ++p;
            ++s;
        }
        // A directory pattern matches everything below it.
        return s == path.size() || (s < path.size() && path[s] == '/');
    }

    std::string_view pattern_;
    std::string_view path_;
    std::vector<bool> failed_;
};

// `thresholds:` keys are the Thresholds fields in kebab case.
std::string read_thresholds(const YAML::Node& node, const std::filesystem::path& file, Thresholds& out) {
    if (!node.IsMap()) return located(file, node.Mark(), "thresholds must map names to numbers");
    for (const auto& item : node) {
        const std::string name = item.first.Scalar();
        const YAML::Node& value = item.second;
        double number = 0;
        try {
            number = value.as<double>();
        } catch (const YAML::Exception&) {
            return located(file, value.Mark(), fmt::format("threshold `{}` must be a number", name));
        }
        if (!(number > 0))
            return located(file, value.Mark(), fmt::format("threshold `{}` must be positive", name));
        if (name == "heartbeat-min-timeout-ratio") {
            out.heartbeat_min_timeout_ratio = number;
        } else if (name == "heartbeat-min-interval-ms") {
            out.heartbeat_min_interval_ms = static_cast<std::int64_t>(number);
        } else if (name == "heartbeat-max-timeout-ms") {
            out.heartbeat_max_timeout_ms = static_cast<std::int64_t>(number);
        } else if (name == "checkpoint-min-timeout-fraction") {
            out.checkpoint_min_timeout_fraction = number;
        } else if (name == "checkpoint-upload-safety-factor") {
            out.checkpoint_upload_safety_factor = number;
        } else if (name == "large-state-per-taskmanager-bytes") {
            out.large_state_per_taskmanager_bytes = static_cast<std::uint64_t>(number);
        } else {
            return located(file, item.first.Mark(),
                           fmt::format("unknown threshold `{}` (known: heartbeat-min-timeout-ratio, "
                                       "heartbeat-min-interval-ms, heartbeat-max-timeout-ms, "
                                       "checkpoint-min-timeout-fraction, checkpoint-upload-safety-factor, "
                                       "large-state-per-taskmanager-bytes)",
                                       name));
        }
    }
    return {};
}

}  // namespace

std::vector<std::pair<std::string, std::string>> threshold_settings(const Thresholds& t) {
    return {{"heartbeat-min-timeout-ratio", fmt::format("{}", t.heartbeat_min_timeout_ratio)},
            {"heartbeat-min-interval-ms", fmt::format("{}", t.heartbeat_min_interval_ms)},
            {"heartbeat-max-timeout-ms", fmt::format("{}", t.heartbeat_max_timeout_ms)},
            {"checkpoint-min-timeout-fraction", fmt::format("{}", t.checkpoint_min_timeout_fraction)},
            {"checkpoint-upload-safety-factor", fmt::format("{}", t.checkpoint_upload_safety_factor)},
            {"large-state-per-taskmanager-bytes", fmt::format("{}", t.large_state_per_taskmanager_bytes)}};
}

bool glob_match(std::string_view pattern, std::string_view path) {
    if (pattern.find('*') == std::string_view::npos) {
        // No backtracking needed: the common case stays allocation-free.
        std::size_t p = 0;
        for (; p < pattern.size(); ++p) {
            if (p >= path.size()) return false;
            if (pattern[p] == '?' ? path[p] == '/' : pattern[p] != path[p]) return false;
        }
        return p == path.size() || path[p] == '/';
    }
    return GlobMatcher(pattern, path).match(0, 0);
}

bool ProjectConfig::ignored(const std::filesystem::path& path) const {
    const std::string relative = relative_to(path, root);
    for (const auto& glob : ignore) {
        if (glob_match(glob, relative)) return true;
    }
    return false;
}

bool ProjectConfig::disabled_for(const std::filesystem::path& path, const std::string& rule_id) const {
    if (per_path.empty()) return false;
    const std::string relative = relative_to(path, root);
    for (const auto& override_entry : per_path) {
        if (override_entry.disabled.count(rule_id) == 0) continue;
        for (const auto& glob : override_entry.globs) {
            if (glob_match(glob, relative)) return true;
        }
    }
    return false;
}

std::optional<VersionEvidence> ProjectConfig::version_for(const std::filesystem::path& path) const {
    if (per_path.empty()) return std::nullopt;
    const std::string relative = relative_to(path, root);
    for (const auto& override_entry : per_path) {
        if (!override_entry.flink_version) continue;
        for (const auto& glob : override_entry.globs) {
            if (!glob_match(glob, relative)) continue;
            const std::string where = file ? file->filename().string() : std::string(".flinklint.yaml");
            return VersionEvidence{*override_entry.flink_version, VersionSource::per_path,
                                   fmt::format("per-path flink-version in {} ({})", where, glob)};
        }
    }
    return std::nullopt;
}

namespace {

// The file as YAML, within the size and alias-expansion limits; a null node for an empty file.
Expected<YAML::Node> parse_document(const std::filesystem::path& file, const std::string& bytes) {
    YAML::Node root;
    try {
        root = YAML::Load(bytes);
    } catch (const YAML::Exception& e) {
        return Error{located(file, e.mark, e.msg)};
    }
    if (root.IsNull()) return root;
    if (Expansion expansion{.bytes_left = static_cast<std::size_t>(kMaxProjectConfigBytes)};
        !expansion.fits(root, 0)) {
        return Error{located(file, root.Mark(),
                             fmt::format("more than {} bytes, 100000 nodes or 64 levels once aliases are "
                                         "expanded: not read",
                                         kMaxProjectConfigBytes))};
    }
    if (!root.IsMap()) return Error{located(file, root.Mark(), "the configuration must be a mapping")};
    return root;
}

// Where a setting was written, for --show-config: "FILE:LINE".
std::string line_of(const std::filesystem::path& file, const YAML::Node& node) {
    return fmt::format("{}:{}", file.string(), node.Mark().line + 1);
}

std::optional<Error> read_severities(const YAML::Node& value, const std::filesystem::path& file,
                                     ProjectConfig& config) {
    if (!value.IsMap()) return Error{located(file, value.Mark(), "severity must map rule ids to levels")};
    for (const auto& rule : value) {
        const Rule* found = find_rule(rule.first.Scalar());
        const auto level = parse_severity(rule.second.IsScalar() ? rule.second.Scalar() : "");
        if (found == nullptr) {
            return Error{
                located(file, rule.first.Mark(), fmt::format("unknown rule `{}`", rule.first.Scalar()))};
        }
        if (!level)
            return Error{located(file, rule.second.Mark(), "severity must be error, warning or info")};
        config.rules.severity[std::string(found->info.id)] = *level;
        config.set_at["severity." + std::string(found->info.id)] = line_of(file, rule.first);
    }
    return std::nullopt;
}

std::optional<Error> read_per_path(const YAML::Node& value, const std::filesystem::path& file,
                                   ProjectConfig& config) {
    if (!value.IsSequence()) return Error{located(file, value.Mark(), "per-path must be a list")};
    std::string error;
    for (const auto& entry : value) {
        if (!entry.IsMap() || !entry["paths"] || !(entry["disable"] || entry["flink-version"])) {
            return Error{located(file, entry.Mark(),
                                 "each per-path entry needs `paths` and `disable` or `flink-version`")};
        }
        PathOverride override_entry;
        override_entry.globs = string_list(entry["paths"], file, error);
        if (!error.empty()) return Error{error};
        if (entry["disable"] && !rule_ids(entry["disable"], file, override_entry.disabled, error)) {
            return Error{error};
        }
        if (const YAML::Node version = entry["flink-version"]) {
            override_entry.flink_version = FlinkVersion::parse(version.IsScalar() ? version.Scalar() : "");
            if (!override_entry.flink_version)
                return Error{
                    located(file, version.Mark(), "flink-version must look like \"1.20\" or \"2.1\"")};
        }
        config.set_at[fmt::format("per-path[{}]", config.per_path.size())] = line_of(file, entry);
        config.per_path.push_back(std::move(override_entry));
    }
    return std::nullopt;
}

// One top-level setting of the file into `config`.
std::optional<Error> read_setting(const YAML::Node& key_node, const YAML::Node& value,
                                  const std::filesystem::path& file, ProjectConfig& config) {
    const std::string key = key_node.Scalar();
    config.set_at[key] = line_of(file, key_node);
    std::string error;
    if (key == "flink-version") {
        config.flink_version = FlinkVersion::parse(value.IsScalar() ? value.Scalar() : "");
        if (!config.flink_version) {
            return Error{located(file, value.Mark(), "flink-version must look like \"1.20\" or \"2.1\"")};
        }
    } else if (key == "operator-version") {
        config.operator_version = FlinkVersion::parse(value.IsScalar() ? value.Scalar() : "");
        if (!config.operator_version || config.operator_version->major != 1) {
            return Error{
                located(file, value.Mark(),
                        "operator-version must be a Flink Kubernetes operator release like \"1.10\"")};
        }
    } else if (key == "fail-on") {
        config.fail_on = parse_severity(value.IsScalar() ? value.Scalar() : "");
        if (!config.fail_on)
            return Error{located(file, value.Mark(), "fail-on must be error, warning or info")};
    } else if (key == "disable") {
        rule_ids(value, file, config.rules.disabled, error);
    } else if (key == "severity") {
        return read_severities(value, file, config);
    } else if (key == "ignore") {
        config.ignore = string_list(value, file, error);
    } else if (key == "per-path") {
        return read_per_path(value, file, config);
    } else if (key == "thresholds") {
        error = read_thresholds(value, file, config.rules.thresholds);
        if (error.empty())
            for (const auto& threshold : value)
                config.set_at["thresholds." + threshold.first.Scalar()] = line_of(file, threshold.first);
    } else {
        return Error{
            located(file, key_node.Mark(),
                    fmt::format("unknown setting `{}` (known: flink-version, operator-version, fail-on, "
                                "disable, severity, ignore, per-path, thresholds)",
                                key))};
    }
    if (!error.empty()) return Error{error};
    return std::nullopt;
}

}  // namespace

Expected<ProjectConfig> load_project_config(const std::filesystem::path& file) {
    const FileRead read = read_file_limited(file, kMaxProjectConfigBytes);
    if (!read.bytes) {
        return Error{fmt::format("{}: cannot read the flinklint configuration: {}", file.string(),
                                 read.error.message)};
    }
    ProjectConfig config;
    config.file = file;
    std::error_code ec;
    config.root = std::filesystem::weakly_canonical(std::filesystem::absolute(file, ec).parent_path(), ec);
    const Expected<YAML::Node> root = parse_document(file, *read.bytes);
    if (!root) return Error{root.error()};
    if (root->IsNull()) return config;
    for (const auto& item : *root) {
        if (auto error = read_setting(item.first, item.second, file, config)) return *error;
    }
    return config;
}

std::optional<std::filesystem::path> find_project_config(const std::filesystem::path& start) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::weakly_canonical(std::filesystem::absolute(start, ec), ec);
    if (!std::filesystem::is_directory(dir, ec)) dir = dir.parent_path();
    while (!dir.empty()) {
        for (const char* name : {".flinklint.yaml", ".flinklint.yml"}) {
            const auto candidate = dir / name;
            if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
        }
        if (std::filesystem::exists(dir / ".git", ec)) break;  // the repository root ends the search
        const auto parent = dir.parent_path();
        if (parent == dir) break;
        dir = parent;
    }
    return std::nullopt;
}

}  // namespace flinklint

// `flinklint check --show-config`: the settings a run would use and where each came from (like ruff's
// --show-settings): a command-line flag, the project configuration (FILE:LINE) or the default.
#include "cli/show_config.hpp"

#include <algorithm>
#include <optional>
#include <ostream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "flinklint/rule.hpp"

namespace flinklint::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string_view format_name(OutputFormat format) {
    constexpr std::string_view kNames[] = {"text", "json", "sarif", "github", "junit", "gitlab"};
    return kNames[static_cast<std::size_t>(format)];
}

struct Setting {
    std::string name;
    Json value;  // a string, a number or a list of strings; null when unset
    std::string source;
};

class SettingList {
public:
    SettingList(const CheckOptions& options, const ProjectConfig& project)
        : options_(options), project_(project) {}

    // A setting a flag or the file can give: the flag wins, then the file, then the default.
    void add(std::string name, Json value, std::string_view flag, const std::string& file_key) {
        std::string source = "default";
        if (!flag.empty() && options_.given.contains(std::string(flag))) {
            source = std::string(flag);
        } else if (const auto it = project_.set_at.find(file_key); it != project_.set_at.end()) {
            source = it->second;
        }
        settings.push_back({std::move(name), std::move(value), std::move(source)});
    }
    void add_fixed(std::string name, Json value, std::string source) {
        settings.push_back({std::move(name), std::move(value), std::move(source)});
    }

    std::vector<Setting> settings;

private:
    const CheckOptions& options_;
    const ProjectConfig& project_;
};

void add_versions(const CheckOptions& options, const ProjectConfig& project, SettingList& list) {
    if (options.force_flink_version) {
        const bool forced_flag = options.given.contains("--force-flink-version");
        list.add_fixed("flink-version", options.force_flink_version->str() + " (every file)",
                       forced_flag ? "--force-flink-version" : "--flink-version");
    } else {
        const FlinkVersion version =
            options.flink_version.value_or(project.flink_version.value_or(kDefaultFlinkVersion));
        list.add("flink-version", version.str() + " (files without their own evidence)", "--flink-version",
                 "flink-version");
    }
    list.add("target-version", options.target_version ? Json(options.target_version->str()) : Json(),
             "--target-version", "");
}

void add_rules(const CheckOptions& options, const ProjectConfig& project,
               const std::set<std::string>& disabled, SettingList& list) {
    std::set<std::string> from_flag;
    resolve_rule_names(options.select_disable, from_flag);
    const auto on =
        static_cast<std::size_t>(std::count_if(all_rules().begin(), all_rules().end(), [&](const Rule& rule) {
            return !disabled.contains(std::string(rule.info.id));
        }));
    list.add_fixed("rules", fmt::format("{} of {} on", on, all_rules().size()),
                   options.select.empty() ? "default" : "--select");
    if (!options.select.empty()) {
        Json selected = Json::array();
        for (const std::string& rule : options.select) selected.push_back(rule);
        list.add_fixed("select", std::move(selected), "--select");
    }
    for (const std::string& id : project.rules.disabled)
        list.add_fixed("disable." + id, "off",
                       project.set_at.count("disable") ? project.set_at.at("disable") : "");
    for (const std::string& id : from_flag) list.add_fixed("disable." + id, "off", "--disable");
    for (const auto& [id, severity] : project.rules.severity)
        list.add_fixed("severity." + id, std::string(to_string(severity)),
                       project.set_at.at("severity." + id));
}

void add_paths(const ProjectConfig& project, SettingList& list) {
    Json ignore = Json::array();
    for (const std::string& glob : project.ignore) ignore.push_back(glob);
    list.add("ignore", std::move(ignore), "", "ignore");
    for (std::size_t i = 0; i < project.per_path.size(); ++i) {
        const PathOverride& entry = project.per_path[i];
        std::string value = fmt::format("paths {}", fmt::join(entry.globs, ", "));
        if (!entry.disabled.empty()) value += fmt::format("; disable {}", fmt::join(entry.disabled, ", "));
        if (entry.flink_version) value += "; flink-version " + entry.flink_version->str();
        const std::string key = fmt::format("per-path[{}]", i);
        list.add(key, value, "", key);
    }
}

std::vector<Setting> settings_in_force(const CheckOptions& options, const ProjectConfig& project,
                                       const std::set<std::string>& disabled) {
    SettingList list(options, project);
    list.add_fixed("config-file", project.file ? Json(project.file->generic_string()) : Json(),
                   options.config_path ? "--config"
                   : project.file      ? "the nearest to the working directory"
                                       : "none found up to the repository root");
    list.add_fixed("root", report_root(options, project).generic_string(), root_source(options, project));
    add_versions(options, project, list);
    const Severity fail_on = options.fail_on.value_or(project.fail_on.value_or(Severity::warning));
    list.add("fail-on", std::string(to_string(fail_on)), "--fail-on", "fail-on");
    list.add("format", std::string(options.concise ? "concise" : format_name(options.format)), "--format",
             "");
    list.add("format-of",
             options.format_of_name ? Json(*options.format_of_name) : Json("by name and content"),
             "--format-of", "");
    add_rules(options, project, disabled, list);
    add_paths(project, list);
    for (const auto& [name, value] : threshold_settings(project.rules.thresholds))
        list.add("thresholds." + name, value, "", "thresholds." + name);
    list.add("max-file-size", options.max_file_size, "--max-file-size", "");
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    list.add("jobs", options.jobs != 0 ? options.jobs : cores, "--jobs", "");
    if (options.profile) list.add("profile", *options.profile, "--profile", "");
    if (options.baseline) list.add("baseline", *options.baseline, "--baseline", "");
    return std::move(list.settings);
}

std::string text_of(const Json& value) {
    if (value.is_null()) return "none";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_array()) {
        if (value.empty()) return "none";
        std::string out;
        for (const Json& item : value) out += (out.empty() ? "" : ", ") + text_of(item);
        return out;
    }
    return value.dump();
}

}  // namespace

namespace {

std::optional<std::filesystem::path> git_top_level() {
    std::error_code ec;
    for (std::filesystem::path dir = std::filesystem::current_path(ec); !ec && !dir.empty();
         dir = dir.parent_path()) {
        if (std::filesystem::exists(dir / ".git", ec)) return dir;  // a directory, or a worktree's file
        if (dir == dir.parent_path()) break;
    }
    return std::nullopt;
}

}  // namespace

std::filesystem::path report_root(const CheckOptions& options, const ProjectConfig& project) {
    if (options.root) return *options.root;
    if (auto top = git_top_level()) return *top;
    return project.root;
}

std::string root_source(const CheckOptions& options, const ProjectConfig& project) {
    if (options.root) return "--root";
    if (git_top_level()) return "the git top-level";
    return project.file ? "the configuration file's directory" : "the working directory";
}

void show_config(const CheckOptions& options, const ProjectConfig& project,
                 const std::set<std::string>& disabled, std::ostream& out) {
    const std::vector<Setting> settings = settings_in_force(options, project, disabled);
    if (options.format == OutputFormat::json) {
        Json list = Json::array();
        for (const Setting& setting : settings)
            list.push_back({{"name", setting.name}, {"value", setting.value}, {"source", setting.source}});
        out << Json{{"settings", std::move(list)}}.dump(2) << "\n";
        return;
    }
    std::size_t name_width = 0;
    std::size_t value_width = 0;
    for (const Setting& setting : settings) {
        name_width = std::max(name_width, setting.name.size());
        value_width = std::max(value_width, text_of(setting.value).size());
    }
    for (const Setting& setting : settings)
        out << fmt::format("{:<{}}  {:<{}}  ({})\n", setting.name, name_width, text_of(setting.value),
                           value_width, setting.source);
}

}  // namespace flinklint::cli

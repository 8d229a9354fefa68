// `flinklint migrate --to VERSION PATH...`: each file from its own Flink version to another
// (tuner/migrate), reported, shown as diffs, or written atomically through the fix engine.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/file_walk.hpp"
#include "cli/migrate_report.hpp"
#include "flinklint/fix.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/migrate/migrate.hpp"
#include "flinklint/project_config.hpp"
#include "flinklint/read_file.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxFileSize = 10u << 20;

struct MigrateCommandOptions {
    std::vector<std::string> paths;
    std::string to;
    std::string layout = "flat";
    std::string format = "text";
    std::string flink_version;
    std::string force_flink_version;
    std::optional<std::string> config;
    bool write = false;
    bool diff = false;
    bool table = false;
};

std::optional<std::string> read_current(const fs::path& path) {
    FileRead read = read_file_limited(path, kMaxFileSize);
    return read.bytes;
}

// The diff of one migration: against what is at the output path now (nothing for a new file).
std::string diff_of(const migrate::FileMigration& file) {
    const std::string before =
        file.new_file() ? read_current(file.output_path).value_or(std::string()) : file.original;
    const auto old_source = std::make_shared<const Source>(file.output_path, before);
    const auto new_source = std::make_shared<const Source>(file.output_path, file.migrated);
    return unified_diff(file.output_path, before, file.migrated, secret_spans(old_source, {}),
                        secret_spans(new_source, {}));
}

// Writes one migration; an error message, or nullopt.
std::optional<std::string> write_migration(const migrate::FileMigration& file) {
    if (!file.new_file()) {
        if (file.migrated == file.original) return std::nullopt;
        if (auto error = write_file_atomically(file.path, file.migrated, IfMissing::fail, file.original))
            return fmt::format("{}: not written: {}", file.path, *error);
        return std::nullopt;
    }
    if (const auto existing = read_current(file.output_path)) {
        if (*existing == file.migrated) return std::nullopt;
        return fmt::format(
            "{}: not written: {} already exists with other content (Flink {} reads only it: merge "
            "by hand)",
            file.path, file.output_path, file.to_version.str());
    }
    if (auto error = write_file_atomically(file.output_path, file.migrated, IfMissing::create))
        return fmt::format("{}: not written: {}", file.output_path, *error);
    return std::nullopt;
}

std::optional<ProjectConfig> project_config(const MigrateCommandOptions& options, std::ostream& err) {
    ProjectConfig project;
    std::optional<fs::path> file =
        options.config ? std::optional<fs::path>(*options.config) : find_project_config(fs::current_path());
    if (!file) {
        project.root = fs::current_path();
        return project;
    }
    auto loaded = load_project_config(*file);
    if (!loaded) {
        err << "flinklint: " << loaded.error() << "\n";
        return std::nullopt;
    }
    return std::move(loaded.value());
}

// One group per directory, as `check` groups them: the containers beside a ConfigMap version it.
std::map<std::string, std::vector<fs::path>> by_directory(const std::vector<fs::path>& files,
                                                          const ProjectConfig& project) {
    std::map<std::string, std::vector<fs::path>> groups;
    for (const fs::path& file : files)
        if (!project.ignored(file)) groups[file.parent_path().generic_string()].push_back(file);
    return groups;
}

int run_migrate(const MigrateCommandOptions& options, std::ostream& out, std::ostream& err) {
    const auto to = FlinkVersion::parse(options.to);
    if (options.table) {
        out << migrate::key_table_markdown(kCatalogVersions[4], *to);
        return kExitClean;
    }
    if (options.paths.empty()) {
        err << "flinklint: migrate needs at least one PATH\n";
        return kExitUsage;
    }
    const auto project = project_config(options, err);
    if (!project) return kExitUsage;
    migrate::MigrateOptions migrate_options{
        .to = *to, .layout = options.layout == "nested" ? migrate::Layout::nested : migrate::Layout::flat};
    migrate_options.versions.config_version = project->flink_version;
    if (!options.flink_version.empty())
        migrate_options.versions.cli_version = FlinkVersion::parse(options.flink_version);
    if (!options.force_flink_version.empty())
        migrate_options.versions.forced_version = FlinkVersion::parse(options.force_flink_version);

    const WalkResult walked = collect_files(options.paths);
    int code = walked.errors.empty() ? kExitClean : kExitUsage;
    for (const std::string& error : walked.errors) err << "flinklint: " << error << "\n";
    std::vector<migrate::FileMigration> all;
    for (const auto& [directory, files] : by_directory(walked.files, *project)) {
        std::vector<SourcePtr> sources;
        migrate::MigrateOptions group_options = migrate_options;
        for (const fs::path& file : files) {
            FileRead read = read_file_limited(file, kMaxFileSize);
            if (!read.bytes) {
                err << "flinklint: " << file.generic_string() << ": " << read.error.message << "\n";
                code = kExitUsage;
                continue;
            }
            sources.push_back(std::make_shared<const Source>(file.generic_string(), std::move(*read.bytes)));
            if (auto version = project->version_for(file))
                group_options.versions.path_versions.emplace(file.generic_string(), std::move(*version));
        }
        for (auto& migration : migrate::migrate_group(sources, group_options))
            all.push_back(std::move(migration));
    }
    for (const auto& file : all) {
        if (!file.errors.empty()) {
            code = std::max(code, kExitFindings);
            continue;
        }
        if (options.diff && file.changed()) out << diff_of(file);
        if (!options.write) continue;
        if (const auto error = write_migration(file)) {
            err << "flinklint: " << *error << "\n";
            code = kExitUsage;
        }
    }
    if (!options.diff) render_migration(all, *parse_migrate_format(options.format), out);
    return code;
}

}  // namespace

std::optional<MigrateFormat> parse_migrate_format(std::string_view name) {
    if (name == "text") return MigrateFormat::text;
    if (name == "json") return MigrateFormat::json;
    if (name == "markdown") return MigrateFormat::markdown;
    if (name == "sarif") return MigrateFormat::sarif;
    return std::nullopt;
}

std::function<int(std::ostream&, std::ostream&)> add_migrate_command(CLI::App& app) {
    auto options = std::make_shared<MigrateCommandOptions>();
    auto* command = app.add_subcommand(
        "migrate",
        "Move configuration files from the Flink version each is written for to another (1.x -> 2.x)");
    command->add_option("paths", options->paths, "Files or directories to migrate");
    command->add_option("--to", options->to, "The Flink version to migrate to (2.1)")
        ->required()
        ->check(version_check);
    command->add_flag("--write", options->write,
                      "Write the migrated files (a flink-conf.yaml gets a config.yaml beside it)");
    command->add_flag("--diff", options->diff, "Print unified diffs of the changes instead of the report");
    command->add_option("--layout", options->layout, "Keys of a new config.yaml: flat (default) or nested")
        ->check(CLI::IsMember({"flat", "nested"}));
    command->add_option("--format", options->format, "Report format: text, json, markdown or sarif")
        ->check(CLI::IsMember({"text", "json", "markdown", "sarif"}));
    command
        ->add_option(
            "--flink-version", options->flink_version,
            "Flink version of files without their own evidence (comment, per-path, spec.flinkVersion, image)")
        ->check(version_check);
    command
        ->add_option("--force-flink-version", options->force_flink_version,
                     "Migrate every file from this Flink version, whatever the file says")
        ->check(version_check);
    command->add_option("--config", options->config, "Use this .flinklint.yaml instead of the nearest one");
    command->add_flag(
        "--table", options->table,
        "Print the key table applied from Flink 1.20 to --to as Markdown (docs/migrate.md) and exit");
    return [options](std::ostream& out, std::ostream& err) { return run_migrate(*options, out, err); };
}

}  // namespace flinklint::cli

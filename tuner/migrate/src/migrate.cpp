// The group driver: ingest, each configuration's own version (the model), plans per file, the
// edits applied through the fix engine, and the result read back before anything is offered.
#include "flinklint/migrate/migrate.hpp"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "flinklint/fix.hpp"
#include "flinklint/ingest.hpp"
#include "nested.hpp"
#include "plan.hpp"

namespace flinklint::migrate {
namespace {

constexpr std::string_view kLegacyStem = "flink-conf";

// The file name Flink would see: a flattened `owner__repo__flink-conf.yaml` is `flink-conf.yaml`.
std::size_t name_start(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    const std::size_t base = slash == std::string::npos ? 0 : slash + 1;
    const std::size_t flat =
        path.find("__", base) == std::string::npos ? std::string::npos : path.rfind("__");
    return flat == std::string::npos ? base : flat + 2;
}

bool legacy_name(const std::string& path) {
    return std::string_view(path).substr(name_start(path)).starts_with(kLegacyStem);
}

// config.yaml beside a flink-conf.yaml; `flink-conf-1.15.yaml` becomes `config-1.15.yaml`.
std::string output_path_for(const std::string& path) {
    if (!legacy_name(path)) return path;
    const std::size_t at = name_start(path);
    std::string rest = path.substr(at + kLegacyStem.size());
    if (rest.ends_with(".yml")) rest.replace(rest.size() - 4, 4, ".yaml");
    return path.substr(0, at) + "config" + rest;
}

// A flink-conf.yaml written as nested YAML: the legacy parser read `port: 6124` under `rest:` as
// the key `port`, which no one meant. It is migrated as the YAML it is, which Flink 2.x reads.
bool written_as_nested_yaml(const ParsedFile& file) {
    if (file.format != FileFormat::legacy) return false;
    const Source& source = *file.source;
    for (const ConfigDocument& doc : file.configs) {
        for (const SyntaxIssue& issue : doc.issues) {
            if (issue.kind != SyntaxIssue::Kind::legacy_no_separator) continue;
            const int line = source.position(issue.span.begin).line;
            std::string_view text = source.line_text(line);
            text = text.substr(0, text.find('#'));
            while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
            if (!text.ends_with(':') || static_cast<std::size_t>(line) >= source.line_count()) continue;
            const std::string_view next = source.line_text(line + 1);
            if (next.find_first_not_of(" \t") > text.find_first_not_of(" \t") && !next.empty()) return true;
        }
    }
    return false;
}

ParsedFile read(const SourcePtr& source, std::set<const Source*>& as_yaml) {
    ParsedFile file = ingest(source);
    if (!written_as_nested_yaml(file)) return file;
    ParsedFile yaml = ingest(source, IngestOptions{.forced_format = FileFormat::yaml});
    for (const ConfigDocument& doc : yaml.configs)
        if (!doc.issues.empty()) return file;
    if (!yaml.issues.empty() || yaml.configs.empty()) return file;
    as_yaml.insert(source.get());
    return yaml;
}

void start_report(FilePlan& plan, const FlinkConfig& config, FlinkVersion to) {
    FileMigration& report = plan.report;
    if (!report.from_version_source.empty()) {
        if (config.version() != report.from_version)
            report.notes.push_back(fmt::format("{} is for Flink {} ({})", config.where(),
                                               config.version().str(), config.version_reason()));
        return;
    }
    report.path = config.source()->path();
    report.from_version = config.version();
    report.from_version_source = config.version_reason();
    report.to_version = to;
}

// Problems the migrated text would give Flink's YAML loader: nothing is written then.
void validate(FileMigration& report, const ParsedFile& before, bool to_yaml) {
    IngestOptions options;
    if (to_yaml) options.forced_format = FileFormat::yaml;
    const ParsedFile after =
        ingest(std::make_shared<const Source>(report.output_path, report.migrated), options);
    const auto count = [](const ParsedFile& file) {
        std::size_t n = file.issues.size();
        for (const ConfigDocument& doc : file.configs)
            for (const SyntaxIssue& issue : doc.issues)
                n += issue.kind != SyntaxIssue::Kind::legacy_no_separator &&
                     issue.kind != SyntaxIssue::Kind::legacy_empty_key &&
                     issue.kind != SyntaxIssue::Kind::legacy_empty_value;
        return n;
    };
    const std::size_t had = to_yaml ? 0 : count(before);
    if (count(after) <= had) return;
    for (const ConfigDocument& doc : after.configs)
        for (const SyntaxIssue& issue : doc.issues)
            report.errors.push_back(
                fmt::format("{}:{}: the migrated text would not load: {}", report.output_path,
                            after.source->position(issue.span.begin).line, issue.message));
    for (const SyntaxIssue& issue : after.issues)
        report.errors.push_back(fmt::format("{}:{}: the migrated text would not load: {}", report.output_path,
                                            after.source->position(issue.span.begin).line, issue.message));
}

void finish(FilePlan& plan, const ParsedFile& file, const MigrateOptions& options) {
    FileMigration& report = plan.report;
    report.original = file.source->text();
    std::vector<const Fix*> fixes;
    for (const Fix& fix : plan.fixes) fixes.push_back(&fix);
    AppliedFixes applied = apply_fixes(report.original, fixes);
    for (std::size_t i = 0; i < fixes.size(); ++i)
        if (!applied.applied[i])
            report.notes.push_back(
                fmt::format("not applied (overlaps another change): {}", fixes[i]->description));
    report.migrated = std::move(applied.text);
    const bool to_yaml = plan.converts_legacy;
    report.output_path = to_yaml ? output_path_for(report.path) : report.path;
    if (to_yaml && options.layout == Layout::nested) report.migrated = nest_flat_yaml(report.migrated);
    if (to_yaml && report.output_path != report.path)
        report.notes.push_back(
            fmt::format("Flink {} reads only config.yaml: {} is written beside {}, which is left "
                        "as it is (delete it once the new file is deployed)",
                        options.to.str(), std::filesystem::path(report.output_path).filename().string(),
                        std::filesystem::path(report.path).filename().string()));
    validate(report, file, to_yaml);
}

}  // namespace

std::vector<FileMigration> migrate_group(const std::vector<SourcePtr>& sources,
                                         const MigrateOptions& options) {
    std::vector<ParsedFile> parsed;
    std::set<const Source*> as_yaml;  // flink-conf.yaml files written as nested YAML
    for (const SourcePtr& source : sources) {
        ParsedFile file = read(source, as_yaml);
        if (file.skip_reason.empty()) parsed.push_back(std::move(file));
    }
    const Model model(std::move(parsed), options.versions);
    Plans plans;
    for (const FlinkConfig& config : model.configs()) {
        FilePlan& plan = plans[config.source().get()];
        start_report(plan, config, options.to);
        const bool legacy_file =
            config.file().format == FileFormat::legacy || as_yaml.contains(config.source().get());
        if (legacy_file && options.to >= FlinkVersion{2, 0} && !plan.converts_legacy) {
            plan.converts_legacy = true;
            if (as_yaml.contains(config.source().get()))
                plan.report.notes.push_back(
                    fmt::format("written as nested YAML, which the legacy parser of Flink {} read as flat "
                                "keys (`rpc.address:` "
                                "under `jobmanager:` was the key `rpc.address`): migrated as the YAML it is",
                                config.version().str()));
        }
        plan_config(config, options.to, plan);
        for (std::string& note : default_change_notes(config, options.to))
            plan.report.notes.push_back(std::move(note));
    }
    plan_objects(model, options.to, plans);
    std::vector<FileMigration> result;
    for (const ParsedFile& file : model.files()) {
        auto it = plans.find(file.source.get());
        if (it == plans.end()) continue;
        FilePlan& plan = it->second;
        if (plan.report.from_version_source.empty()) {
            if (plan.fixes.empty()) continue;  // a workload file with nothing to change
            plan.report.path = file.source->path();
            plan.report.from_version = model.default_version().version;
            plan.report.from_version_source = "no Flink configuration in this file";
            plan.report.to_version = options.to;
        }
        finish(plan, file, options);
        result.push_back(std::move(plan.report));
    }
    return result;
}

}  // namespace flinklint::migrate

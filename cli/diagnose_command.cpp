// `flinklint diagnose EVIDENCE...`: Flink's failure texts in JobManager / TaskManager logs and in
// `flinklint observe` snapshots, each with its cause and, given a configuration (--config, or the
// snapshot's own), the change computed by flinklint's models (tuner/diagnose). --patch FILE writes
// the changes through the fix engine, as `tune --patch` does.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/diagnose_report.hpp"
#include "flinklint/diagnose/diagnose.hpp"
#include "flinklint/fix.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/read_file.hpp"
#include "flinklint/tuner/patch.hpp"

namespace flinklint::cli {
namespace {

constexpr std::uintmax_t kMaxConfigSize = 10u << 20;

struct DiagnoseCommandOptions {
    std::vector<std::string> evidence;
    std::optional<std::string> config;
    std::string flink_version;
    std::string format = "text";
    std::optional<std::string> patch;
    bool diff = false;
};

// The configuration of --config with the model it lives in (an EffectiveConfig points into it).
struct LoadedConfig {
    std::unique_ptr<const Model> model;
    std::unique_ptr<const EffectiveConfig> effective;
};

std::optional<LoadedConfig> load_source(SourcePtr source, std::optional<FlinkVersion> version,
                                        const IngestOptions& ingest_options, std::ostream& err) {
    const std::string path = source->path();
    std::vector<ParsedFile> files;
    files.push_back(ingest(std::move(source), ingest_options));
    if (!files.front().skip_reason.empty()) {
        err << "flinklint: " << path << ": " << files.front().skip_reason << "\n";
        return std::nullopt;
    }
    ModelOptions model_options;
    model_options.cli_version = version;
    LoadedConfig loaded{std::make_unique<const Model>(std::move(files), model_options), nullptr};
    loaded.effective = pick_effective_config(*loaded.model, version, std::nullopt);
    if (!loaded.effective) {
        err << "flinklint: " << path << ": no Flink configuration that sizes a TaskManager or JobManager\n";
        return std::nullopt;
    }
    return loaded;
}

std::optional<LoadedConfig> load_config(const std::string& path, std::optional<FlinkVersion> version,
                                        std::ostream& err) {
    FileRead read = read_file_limited(path, kMaxConfigSize);
    if (!read.bytes) {
        err << "flinklint: " << path << ": " << read.error.message << "\n";
        return std::nullopt;
    }
    return load_source(std::make_shared<const Source>(path, std::move(*read.bytes)), version, {}, err);
}

// The cluster configuration of the first snapshot among the evidence (its /jobmanager/config), read
// as the flat `key: value` file it is, at the version the cluster reported unless one is given.
std::optional<LoadedConfig> snapshot_config(const DiagnoseCommandOptions& options,
                                            std::optional<FlinkVersion>& version, std::ostream& err) {
    for (const std::string& path : options.evidence) {
        if (!diagnose::is_snapshot(path)) continue;
        diagnose::SnapshotConfig config = diagnose::snapshot_config(path);
        if (!config.error.empty()) {
            err << "flinklint: " << path << ": " << config.error << "\n";
            return std::nullopt;
        }
        if (!version) version = FlinkVersion::parse(config.version.substr(0, config.version.find('.', 2)));
        IngestOptions ingest_options;
        ingest_options.forced_format = FileFormat::legacy;
        return load_source(std::make_shared<const Source>(config.path, std::move(config.text)), version,
                           ingest_options, err);
    }
    return std::nullopt;
}

// The computed changes of every diagnosis, the first value of a key kept.
std::vector<tuner::Recommendation> recommended(const diagnose::Result& result) {
    std::vector<tuner::Recommendation> out;
    for (const diagnose::Diagnosis& d : result.diagnoses) {
        for (const diagnose::Change& change : d.changes) {
            if (std::ranges::any_of(out, [&](const auto& r) { return r.key == change.key; })) continue;
            out.push_back({change.key, change.value, fmt::format("{} {}: {}", d.id, d.name, change.reason)});
        }
    }
    return out;
}

// --patch FILE: the changes as edits of FILE (never a piece of evidence), a diff or an atomic write.
int patch(const DiagnoseCommandOptions& options, const diagnose::Result& result, FlinkVersion version,
          std::ostream& out, std::ostream& err) {
    namespace fs = std::filesystem;
    const std::string& path = *options.patch;
    std::error_code ec;
    const fs::path target = fs::canonical(path, ec);
    if (ec) {
        err << "flinklint: " << path << ": " << ec.message() << "\n";
        return kExitUsage;
    }
    for (const std::string& evidence : options.evidence) {
        if (fs::equivalent(target, evidence, ec)) {
            err << "flinklint: " << path << ": is evidence given to diagnose, not a configuration to patch\n";
            return kExitUsage;
        }
    }
    FileRead read = read_file_limited(path, kMaxConfigSize);
    if (!read.bytes) {
        err << "flinklint: " << path << ": " << read.error.message << "\n";
        return kExitUsage;
    }
    auto source = std::make_shared<const Source>(path, std::move(*read.bytes));
    const auto planned = tuner::plan_changes(source, recommended(result), version, "flinklint diagnose");
    if (!planned) {
        err << "flinklint: " << path << ": " << planned.error() << "\n";
        return kExitUsage;
    }
    const std::string patched = tuner::apply_patch(source->text(), *planned);
    if (options.diff) {
        const auto after = std::make_shared<const Source>(path, patched);
        out << unified_diff(path, source->text(), patched, secret_spans(source, {}), secret_spans(after, {}));
        return kExitClean;
    }
    if (!planned->edits.empty()) {
        if (auto error = write_file_atomically(target, patched, IfMissing::fail, source->text())) {
            err << "flinklint: " << path << ": " << *error << "\n";
            return kExitUsage;
        }
    }
    for (const std::string& note : planned->notes) out << path << ": " << note << "\n";
    if (planned->edits.empty()) out << path << ": nothing to change\n";
    return kExitClean;
}

int run_diagnose(const DiagnoseCommandOptions& options, std::ostream& out, std::ostream& err) {
    if (options.evidence.empty()) {
        err << "flinklint: diagnose needs at least one log file or snapshot directory\n";
        return kExitUsage;
    }
    if (options.diff && !options.patch) {
        err << "flinklint: --diff needs --patch FILE\n";
        return kExitUsage;
    }
    std::optional<FlinkVersion> version =
        options.flink_version.empty() ? std::nullopt : FlinkVersion::parse(options.flink_version);
    std::optional<LoadedConfig> config;
    if (options.config) {
        config = load_config(*options.config, version, err);
        if (!config) return kExitUsage;
    } else {
        config = snapshot_config(options, version, err);
    }
    diagnose::Options diagnose_options{config ? config->effective.get() : nullptr, version};
    const diagnose::Result result = diagnose::diagnose_evidence(options.evidence, diagnose_options);
    int code = result.diagnoses.empty() ? kExitClean : kExitFindings;
    for (const diagnose::LogSummary& log : result.logs) {
        if (log.error.empty()) continue;
        err << "flinklint: " << log.path << ": " << log.error << "\n";
        code = kExitUsage;
    }
    if (options.patch && code != kExitUsage) {
        const FlinkVersion patch_version =
            version.value_or(config ? config->effective->version() : kDefaultFlinkVersion);
        if (options.diff) return patch(options, result, patch_version, out, err);
        render_diagnosis(result, *parse_diagnose_format(options.format), out);
        const int patched = patch(options, result, patch_version, out, err);
        return patched == kExitClean ? code : patched;
    }
    render_diagnosis(result, *parse_diagnose_format(options.format), out);
    return code;
}

}  // namespace

std::function<int(std::ostream&, std::ostream&)> add_diagnose_command(CLI::App& app) {
    auto options = std::make_shared<DiagnoseCommandOptions>();
    auto* command = app.add_subcommand(
        "diagnose",
        "Explain a failed job from its logs or a `flinklint observe` snapshot and compute the configuration "
        "change");
    command->add_option(
        "evidence", options->evidence,
        "Log files (plain or gzip, kubectl/docker prefixes allowed) and snapshot directories");
    command->add_option(
        "--config", options->config,
        "The job's Flink configuration (any file `check` reads): changes are computed from it "
        "(default: a snapshot's /jobmanager/config)");
    command->add_option("--flink-version", options->flink_version, "Flink version (else the configuration's)")
        ->check(version_check);
    command->add_option("--format", options->format, "Report format: text, json, markdown or sarif")
        ->check(CLI::IsMember({"text", "json", "markdown", "sarif"}));
    command->add_option("--patch", options->patch,
                        "Apply the computed changes to this configuration file (comments and layout kept)");
    command->add_flag("--diff", options->diff,
                      "With --patch: print a unified diff instead of writing the file");
    return [options](std::ostream& out, std::ostream& err) { return run_diagnose(*options, out, err); };
}

}  // namespace flinklint::cli

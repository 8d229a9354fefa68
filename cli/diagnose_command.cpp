// `flinklint diagnose LOG...`: Flink's failure texts in JobManager / TaskManager logs, each with its
// cause and, given --config, the change computed by the memory model (tuner/diagnose).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/diagnose_report.hpp"
#include "flinklint/diagnose/diagnose.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/read_file.hpp"

namespace flinklint::cli {
namespace {

constexpr std::uintmax_t kMaxConfigSize = 10u << 20;

struct DiagnoseCommandOptions {
    std::vector<std::string> evidence;
    std::optional<std::string> config;
    std::string flink_version;
    std::string format = "text";
};

// The configuration of --config with the model it lives in (an EffectiveConfig points into it).
struct LoadedConfig {
    std::unique_ptr<const Model> model;
    std::unique_ptr<const EffectiveConfig> effective;
};

std::optional<LoadedConfig> load_config(const std::string& path, std::optional<FlinkVersion> version,
                                        std::ostream& err) {
    FileRead read = read_file_limited(path, kMaxConfigSize);
    if (!read.bytes) {
        err << "flinklint: " << path << ": " << read.error.message << "\n";
        return std::nullopt;
    }
    std::vector<ParsedFile> files;
    files.push_back(ingest(std::make_shared<const Source>(path, std::move(*read.bytes))));
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

int run_diagnose(const DiagnoseCommandOptions& options, std::ostream& out, std::ostream& err) {
    if (options.evidence.empty()) {
        err << "flinklint: diagnose needs at least one log file\n";
        return kExitUsage;
    }
    const std::optional<FlinkVersion> version =
        options.flink_version.empty() ? std::nullopt : FlinkVersion::parse(options.flink_version);
    std::optional<LoadedConfig> config;
    if (options.config) {
        config = load_config(*options.config, version, err);
        if (!config) return kExitUsage;
    }
    diagnose::Options diagnose_options{config ? config->effective.get() : nullptr, version};
    const diagnose::Result result = diagnose::diagnose_logs(options.evidence, diagnose_options);
    int code = result.diagnoses.empty() ? kExitClean : kExitFindings;
    for (const diagnose::LogSummary& log : result.logs) {
        if (log.error.empty()) continue;
        err << "flinklint: " << log.path << ": " << log.error << "\n";
        code = kExitUsage;
    }
    render_diagnosis(result, *parse_diagnose_format(options.format), out);
    return code;
}

std::string version_check(const std::string& value) {
    return FlinkVersion::parse(value) ? std::string() : "expected a version such as 1.20 or 2.1";
}

}  // namespace

std::function<int(std::ostream&, std::ostream&)> add_diagnose_command(CLI::App& app) {
    auto options = std::make_shared<DiagnoseCommandOptions>();
    auto* command = app.add_subcommand(
        "diagnose",
        "Explain a failed job from its JobManager / TaskManager logs and compute the configuration change");
    command->add_option("evidence", options->evidence,
                        "Log files (plain or gzip, kubectl/docker prefixes allowed)");
    command->add_option(
        "--config", options->config,
        "The job's Flink configuration (any file `check` reads): changes are computed from it");
    command->add_option("--flink-version", options->flink_version, "Flink version (else the configuration's)")
        ->check(version_check);
    command->add_option("--format", options->format, "Report format: text, json, markdown or sarif")
        ->check(CLI::IsMember({"text", "json", "markdown", "sarif"}));
    return [options](std::ostream& out, std::ostream& err) { return run_diagnose(*options, out, err); };
}

}  // namespace flinklint::cli

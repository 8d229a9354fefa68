// `flinklint memory FILE`: the TaskManager / JobManager memory Flink derives from one configuration,
// after the operator's spec overrides (flinklint/effective_config.hpp), as a table or as JSON.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>

#include "cli/commands.hpp"
#include "flinklint/effective_config.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/memory_report.hpp"
#include "flinklint/model.hpp"
#include "flinklint/read_file.hpp"

namespace flinklint::cli {
namespace {

constexpr std::uintmax_t kMaxFileSize = 10u << 20;

std::string read_input(const std::string& path) {
    FileRead read = read_file_limited(path, kMaxFileSize);
    if (!read.bytes) throw CommandError{std::move(read.error.message)};
    return std::move(*read.bytes);
}

}  // namespace

// The configuration the command describes: a FlinkDeployment's (with or without flinkConfiguration),
// else a ConfigMap's, else the first one of the file.
std::unique_ptr<const EffectiveConfig> pick_effective_config(const Model& model,
                                                             std::optional<FlinkVersion> version,
                                                             std::optional<DeploymentMode> mode) {
    const auto& configs = model.configs();
    const auto from_config = [&](const FlinkConfig& config) {
        return std::make_unique<const EffectiveConfig>(config, mode);
    };
    for (const FlinkConfig& config : configs) {
        if (config.effective().is_flink_deployment()) return from_config(config);
    }
    if (!model.bare_deployments().empty()) {
        const EffectiveConfig& bare = *model.bare_deployments().front();
        return std::make_unique<const EffectiveConfig>(bare.file(), *bare.owner(),
                                                       version.value_or(bare.version()), mode);
    }
    for (const FlinkConfig& config : configs) {
        if (config.owner() != nullptr && config.owner()->kind == "ConfigMap") return from_config(config);
    }
    for (const FlinkConfig& config : configs) {
        if (config.effective().sizes_processes()) return from_config(config);
    }
    return nullptr;
}

int run_memory(const MemoryCommandOptions& options, std::ostream& out, std::ostream& err) {
    try {
        auto source = std::make_shared<const Source>(options.file, read_input(options.file));
        std::vector<ParsedFile> files;
        files.push_back(ingest(source));
        if (!files.front().skip_reason.empty()) throw CommandError{files.front().skip_reason};
        ModelOptions model_options;
        model_options.cli_version = options.flink_version;
        const Model model(std::move(files), model_options);

        std::optional<DeploymentMode> mode;
        if (options.mode)
            mode = *options.mode == "active" ? DeploymentMode::active : DeploymentMode::standalone;
        const auto effective = pick_effective_config(model, options.flink_version, mode);
        if (!effective) {
            std::string why = "no Flink configuration that sizes a TaskManager or JobManager";
            for (const SyntaxIssue& issue : model.files().front().issues) {
                if (issue.kind == SyntaxIssue::Kind::yaml_error) why += fmt::format(" ({})", issue.message);
            }
            throw CommandError{why};
        }

        const bool want_tm = !options.process || *options.process == "taskmanager";
        const bool want_jm = !options.process || *options.process == "jobmanager";
        const bool failed = (want_tm && std::holds_alternative<MemoryError>(effective->taskmanager())) ||
                            (want_jm && std::holds_alternative<MemoryError>(effective->jobmanager()));
        if (options.json) {
            nlohmann::json json;
            if (want_tm && want_jm) {
                json = {{"taskmanager", memory_to_json(effective->taskmanager())},
                        {"jobmanager", memory_to_json(effective->jobmanager())}};
            } else {
                json = want_tm ? memory_to_json(effective->taskmanager())
                               : memory_to_json(effective->jobmanager());
            }
            // Values are echoed as written: invalid UTF-8 becomes U+FFFD instead of an exception.
            out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        } else {
            const bool color = options.color.value_or(isatty(STDOUT_FILENO) != 0);
            out << fmt::format("{}: Flink {}, {} mode\n\n", effective->where(), effective->version().str(),
                               effective->mode() == DeploymentMode::active ? "active" : "standalone");
            if (want_tm) out << render_memory_text(effective->taskmanager(), color);
            if (want_tm && want_jm) out << "\n";
            if (want_jm) out << render_memory_text(effective->jobmanager(), color);
        }
        return failed ? kExitFindings : kExitClean;
    } catch (const CommandError& usage) {
        err << "flinklint: " << options.file << ": " << usage.message << "\n";
        return kExitUsage;
    } catch (const std::exception& e) {
        err << "flinklint: " << options.file << ": internal error: " << e.what() << "\n";
        return kExitUsage;
    }
}

}  // namespace flinklint::cli

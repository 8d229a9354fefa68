// `flinklint tune --profile FILE`: a recommended configuration from declared hardware and workload
// (tuner/, docs/tuning.md), as a report, an emitted config file, or edits of an existing config.
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <ostream>
#include <sstream>

#include "cli/commands.hpp"
#include "flinklint/diagnose/observed.hpp"
#include "flinklint/fix.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/read_file.hpp"
#include "flinklint/tuner/output.hpp"
#include "flinklint/tuner/patch.hpp"
#include "flinklint/tuner/tuner.hpp"

namespace flinklint::cli {
namespace {

constexpr std::uintmax_t kMaxConfigSize = 10u << 20;

struct TuneOptions {
    std::string profile;
    std::optional<std::string> observed;
    std::string format = "text";
    std::optional<std::string> output;
    std::optional<std::string> emit;
    std::optional<std::string> patch;
    bool diff = false;
    bool force = false;
};

std::string read_file(const std::string& path) {
    FileRead read = read_file_limited(path, kMaxConfigSize);
    if (!read.bytes) throw CommandError{fmt::format("{}: {}", path, read.error.message)};
    return std::move(*read.bytes);
}

// The fix engine's atomic write: a failed write never leaves half a file (new files included).
void write_file(const std::string& path, const std::string& text) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool link = fs::is_symlink(path, ec);  // sets ec when the file does not exist
    ec.clear();
    const fs::path target = link ? fs::canonical(path, ec) : fs::path(path);
    if (ec) throw CommandError{fmt::format("{}: {}", path, ec.message())};
    if (const auto error = write_file_atomically(target, text, IfMissing::create))
        throw CommandError{fmt::format("{}: {}", path, *error)};
}

void deliver(const TuneOptions& options, const std::string& text, std::ostream& out) {
    if (options.output) {
        write_file(*options.output, text);
    } else {
        out << text;
    }
}

int run_tune(const TuneOptions& options, std::ostream& out, std::ostream& err) {
    try {
        if (options.diff && !options.patch) throw CommandError{"--diff needs --patch FILE"};
        if (options.emit && options.patch) throw CommandError{"use either --emit or --patch"};
        const auto loaded = tuner::load_profile(options.profile);
        if (const auto* errors = std::get_if<std::vector<tuner::ProfileError>>(&loaded)) {
            for (const auto& error : *errors) err << error.str() << "\n";
            return kExitUsage;
        }
        tuner::Profile profile = std::get<tuner::Profile>(loaded);
        if (options.observed) {
            const auto notes = diagnose::apply_observed(*options.observed, profile);
            if (!notes) throw CommandError{notes.error()};
            for (const std::string& note : *notes) err << *options.observed << ": note: " << note << "\n";
        }
        const auto tuned = tuner::tune(profile);
        if (const auto* errors = std::get_if<std::vector<tuner::ProfileError>>(&tuned)) {
            for (const auto& error : *errors) err << error.str() << "\n";
            return kExitUsage;
        }
        const auto& tuning = std::get<tuner::Tuning>(tuned);
        const bool writes = options.emit || options.patch;
        if (writes) {
            // Nothing is written without every warning said (the emitted file carries them too).
            for (const std::string& warning : tuning.warnings)
                err << options.profile << ": warning: " << warning << "\n";
        }
        if (!tuning.infeasible.empty() && !(writes && options.force)) {
            if (!writes)
                deliver(options, tuner::render(tuning, *tuner::parse_report_format(options.format)), out);
            err << options.profile << ": the plan cannot work"
                << (writes ? "; nothing written (--force writes it anyway)" : "") << ":\n";
            for (const std::string& verdict : tuning.infeasible) err << "  " << verdict << "\n";
            return kExitFindings;
        }

        if (options.emit) {
            const auto text = tuner::emit_config(tuning, *tuner::parse_emit_format(*options.emit));
            if (!text) throw CommandError{text.error()};
            deliver(options, *text, out);
            return kExitClean;
        }
        if (options.patch) {
            auto source = std::make_shared<const Source>(*options.patch, read_file(*options.patch));
            const auto patch = tuner::plan_patch(source, tuning);
            if (!patch) throw CommandError{fmt::format("{}: {}", *options.patch, patch.error())};
            if (options.diff) {
                // Secret values stay masked in the context and in any changed line.
                const auto patched = std::make_shared<const Source>(
                    *options.patch, tuner::apply_patch(source->text(), *patch));
                deliver(options,
                        unified_diff(*options.patch, source->text(), patched->text(),
                                     secret_spans(source, {}), secret_spans(patched, {})),
                        out);
                return kExitClean;
            }
            if (!patch->edits.empty()) write_file(*options.patch, tuner::apply_patch(source->text(), *patch));
            for (const std::string& note : patch->notes) out << *options.patch << ": " << note << "\n";
            if (patch->edits.empty()) out << *options.patch << ": already as recommended\n";
            return kExitClean;
        }
        deliver(options, tuner::render(tuning, *tuner::parse_report_format(options.format)), out);
        return kExitClean;
    } catch (const CommandError& failure) {
        err << "flinklint: " << failure.message << "\n";
        return kExitUsage;
    } catch (const std::exception& e) {
        err << "flinklint: " << options.profile << ": internal error: " << e.what() << "\n";
        return kExitUsage;
    }
}

}  // namespace

// Registers `tune` on `app` and returns what runs it once the command line is parsed.
std::function<int(std::ostream&, std::ostream&)> add_tune_command(CLI::App& app) {
    auto options = std::make_shared<TuneOptions>();
    auto* command =
        app.add_subcommand("tune", "Recommend a Flink configuration from declared hardware and workload");
    command->add_option("--profile", options->profile, "Tuner profile (YAML, see docs/tuning.md)")
        ->required();
    command->add_option("--observed", options->observed,
                        "A `flinklint observe` snapshot: its measurements replace the profile's estimates");
    command->add_option("--format", options->format, "Report format: text, markdown, html or json")
        ->check(CLI::IsMember({"text", "markdown", "html", "json"}));
    command->add_option("--output,-o", options->output, "Write the report, configuration or diff to FILE");
    command
        ->add_option("--emit", options->emit,
                     "Write the configuration: flink-conf, config-yaml or flinkdeployment")
        ->check(CLI::IsMember({"flink-conf", "config-yaml", "flinkdeployment"}));
    command->add_option("--patch", options->patch, "Apply the recommended values to this configuration file");
    command->add_flag("--diff", options->diff,
                      "With --patch: print a unified diff instead of writing the file");
    command->add_flag("--force", options->force,
                      "With --emit or --patch: write the configuration even when the plan cannot work");
    return [options](std::ostream& out, std::ostream& err) { return run_tune(*options, out, err); };
}

}  // namespace flinklint::cli

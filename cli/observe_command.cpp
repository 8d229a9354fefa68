// `flinklint observe --url URL [--job ID] --out DIR`: a snapshot of a running cluster's REST API for
// `flinklint diagnose DIR` (tuner/diagnose, docs/diagnose.md).
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "flinklint/diagnose/observe.hpp"

namespace flinklint::cli {
namespace {

int run_observe(diagnose::ObserveOptions options, std::ostream& out, std::ostream& err) {
    options.tool_version = std::string(build_info().version);
    const diagnose::ObserveResult result = diagnose::observe(options);
    if (!result.error.empty()) {
        err << "flinklint: " << result.error << "\n";
        return kExitUsage;
    }
    std::size_t saved = 0;
    for (const diagnose::Fetch& fetch : result.fetches) {
        if (!fetch.file.empty()) {
            ++saved;
            continue;
        }
        err << "flinklint: GET " << fetch.endpoint << ": " << fetch.error << "\n";
    }
    out << options.out << ": Flink " << result.flink_version << ", " << saved << " of "
        << result.fetches.size() << " responses saved, " << result.jobs.size() << " job(s)\n";
    for (const std::string& note : result.notes) out << options.out << ": " << note << "\n";
    return kExitClean;
}

}  // namespace

std::function<int(std::ostream&, std::ostream&)> add_observe_command(CLI::App& app) {
    auto options = std::make_shared<diagnose::ObserveOptions>();
    auto* command = app.add_subcommand(
        "observe",
        "Save a running Flink cluster's REST responses as a snapshot for `flinklint diagnose DIR`");
    command->add_option("--url", options->url, "The REST endpoint, such as http://localhost:8081")
        ->required();
    command->add_option("--job", options->job, "The job to save (default: every job, most recent first)");
    command->add_option("--out", options->out, "The snapshot directory (must not exist, or be empty)")
        ->required();
    command->add_option("--timeout", options->timeout_ms, "Milliseconds to wait for a connection or for data")
        ->check(CLI::Range(100, 600000));
    return [options](std::ostream& out, std::ostream& err) { return run_observe(*options, out, err); };
}

}  // namespace flinklint::cli

// `flinklint observe --url URL [--job ID] --out DIR`: a snapshot of a running cluster's REST API for
// `flinklint diagnose DIR` (tuner/diagnose, docs/diagnose.md).
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string_view>

#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "flinklint/diagnose/observe.hpp"

namespace flinklint::cli {
namespace {

namespace fs = std::filesystem;

bool executable(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

// flinklint-fetch beside this executable (the build tree, the release tarball), then in the libexec
// directory of its install tree (CMakeLists.txt: FLINKLINT_FETCH_RELATIVE_DIR), then on PATH. Empty
// when none is found: observe then names the package.
std::string find_fetcher() {
    constexpr std::string_view kName = "flinklint-fetch";
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& dir : {self.parent_path(), self.parent_path() / FLINKLINT_FETCH_RELATIVE_DIR})
            if (executable(dir / kName)) return (dir / kName).lexically_normal().string();
    }
    const char* path = std::getenv("PATH");
    for (std::string_view rest = path ? path : ""; !rest.empty();) {
        const std::size_t colon = rest.find(':');
        const std::string_view dir = rest.substr(0, colon);
        rest.remove_prefix(colon == std::string_view::npos ? rest.size() : colon + 1);
        if (!dir.empty() && executable(fs::path(dir) / kName)) return (fs::path(dir) / kName).string();
    }
    return {};
}

int run_observe(diagnose::ObserveOptions options, std::ostream& out, std::ostream& err) {
    options.tool_version = std::string(build_info().version);
    options.fetcher = find_fetcher();
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
    command
        ->add_option("--url", options->url,
                     "The REST endpoint, such as http://localhost:8081 or https://flink.example.com")
        ->required();
    command->add_option("--job", options->job, "The job to save (default: every job, most recent first)");
    command->add_option("--out", options->out, "The snapshot directory (must not exist, or be empty)")
        ->required();
    command
        ->add_option("--cacert", options->cacert,
                     "https: the CA certificate file (PEM) to trust instead of the system's")
        ->check(CLI::ExistingFile);
    command->add_flag("--insecure", options->insecure,
                      "https: do not verify the server's certificate (said in the snapshot's manifest)");
    command->add_option("--timeout", options->timeout_ms, "Milliseconds to wait for a connection or for data")
        ->check(CLI::Range(100, 600000));
    return [options](std::ostream& out, std::ostream& err) { return run_observe(*options, out, err); };
}

}  // namespace flinklint::cli

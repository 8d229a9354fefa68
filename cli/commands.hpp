// The subcommands behind the command line (app.cpp parses arguments into these options).
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/document.hpp"
#include "flinklint/effective_config.hpp"
#include "flinklint/model.hpp"
#include "flinklint/output.hpp"
#include "flinklint/profile_facts.hpp"
#include "flinklint/version.hpp"

namespace CLI {
class App;
}

namespace flinklint::cli {

// Exit codes, as documented in README and docs/ci.md.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

// What a user got wrong that ends a command (a flag, an unreadable or invalid input): thrown inside
// a command, printed as one `flinklint: MESSAGE` line by the command's own catch, exit kExitUsage.
// Everything else a command can report is a value (CONTRIBUTING.md, "Errors").
struct CommandError {
    std::string message;
};

// CLI11 validator of a Flink version argument (`1.20`, `2.1`): empty when valid, else the message.
std::string version_check(const std::string& value);

struct CheckOptions {
    std::vector<std::string> paths;
    OutputFormat format = OutputFormat::text;
    std::optional<std::string> output_file;
    std::optional<Severity> fail_on;
    std::optional<FlinkVersion> flink_version;        // the default of files without evidence
    std::optional<FlinkVersion> force_flink_version;  // every file
    std::optional<FlinkVersion> target_version;       // --target-version: what an upgrade breaks
    std::optional<FlinkVersion> operator_version;     // --operator-version: the Kubernetes operator's release
    std::optional<std::string> config_path;
    std::optional<FileFormat> format_of;
    std::string stdin_filename = "stdin.yaml";
    unsigned jobs = 0;  // 0: all cores
    bool verbose = false;
    bool exit_zero = false;
    std::optional<bool> color;  // unset: only on a terminal
    std::uintmax_t max_file_size = 10u << 20;
    std::vector<std::string> select;            // --select: only these rules
    std::vector<std::string> select_disable;    // --disable
    bool quiet = false;                         // --quiet: the findings only, no summary lines
    bool statistics = false;                    // --statistics: counts per rule instead of findings
    bool concise = false;                       // --format concise: one line per finding
    bool fix = false;                           // --fix: apply safe fixes
    bool unsafe_fixes = false;                  // --unsafe-fixes: with --fix or --diff, unsafe fixes too
    bool diff = false;                          // --diff: print the fixes as a unified diff, write nothing
    std::optional<std::string> baseline;        // --baseline FILE: report only findings not in FILE
    std::optional<std::string> write_baseline;  // --write-baseline FILE: record today's findings
    std::optional<std::string> profile;         // --profile FILE: declared hardware and workload
    std::optional<ProfileFacts> profile_facts;  // what run_check read from it
    std::optional<std::string> root;            // --root DIR: report paths relative to it
    bool siblings = false;                      // --siblings: the named files' directories as context
    bool show_config = false;                   // --show-config: print the settings in force, check nothing
    std::optional<std::string> format_of_name;  // --format-of as given
    std::set<std::string> given;                // the flags given on the command line (--show-config)
};

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

struct MemoryCommandOptions {
    std::string file;
    std::optional<std::string> process;  // taskmanager | jobmanager; unset: both
    std::optional<std::string> mode;     // standalone | active; unset: from the file
    std::optional<FlinkVersion> flink_version;
    bool json = false;
    std::optional<bool> color;
};

// `flinklint memory FILE`: exit 0 when Flink would accept the memory configuration, 1 when it
// would refuse to start the process, 2 on usage errors.
int run_memory(const MemoryCommandOptions& options, std::ostream& out, std::ostream& err);

// The configuration `memory` and `diagnose` describe in a model: a FlinkDeployment's (with or
// without flinkConfiguration), else a ConfigMap's, else the first that sizes a process.
std::unique_ptr<const EffectiveConfig> pick_effective_config(const Model& model,
                                                             std::optional<FlinkVersion> version,
                                                             std::optional<DeploymentMode> mode);
int run_rules_list(const std::string& format, std::ostream& out);  // text | json | markdown
int run_explain(const std::string& rule, std::ostream& out, std::ostream& err);

// `flinklint check` (check_args.cpp): registers its options on `app`, returns what runs it once the
// command line is parsed. `args` are the command line's arguments: only the options they name are
// registered (help and anything unusual registers all).
std::function<int(std::ostream&, std::ostream&)> add_check_command(CLI::App& app,
                                                                   std::span<char* const> args);
// `flinklint migrate` (migrate_command.cpp), registered the same way.
std::function<int(std::ostream&, std::ostream&)> add_migrate_command(CLI::App& app);
// `flinklint schema` (schema_command.cpp): the JSON Schema of a kind of file for editors.
std::function<int(std::ostream&, std::ostream&)> add_schema_command(CLI::App& app);

// `flinklint lsp` (lsp/lsp_command.cpp): the language server over stdio.
std::function<int(std::ostream&, std::ostream&)> add_lsp_command(CLI::App& app);

// `flinklint diagnose` (diagnose_command.cpp), registered the same way.
std::function<int(std::ostream&, std::ostream&)> add_diagnose_command(CLI::App& app);
// `flinklint observe` (observe_command.cpp): the REST snapshot `diagnose` reads.
std::function<int(std::ostream&, std::ostream&)> add_observe_command(CLI::App& app);

}  // namespace flinklint::cli

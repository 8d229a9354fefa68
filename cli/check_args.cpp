// `flinklint check`: its options (CLI11) and how they become CheckOptions.
#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "flinklint/ingest.hpp"

namespace flinklint::cli {
namespace {

// What the command line gives as text, before it becomes CheckOptions.
struct CheckArguments {
    CheckOptions options;
    std::string format = "text";
    std::string fail_on;
    std::string flink_version;
    std::string force_flink_version;
    std::string operator_version;
    std::string format_of;
    std::string target_version;
    std::string color;  // --color[=auto|always|never]; empty: auto
    bool no_color = false;
    CLI::App* command = nullptr;  // for the flags given (--show-config says which)
};

// One option of `check`: its names as CLI11 takes them and what registers it. A table, so that
// only the options the arguments name are registered (NamedOptions below).
struct CheckOption {
    std::string_view names;
    void (*add)(CLI::App& check_cmd, const std::string& names, CheckArguments& a);
};

// In the order `flinklint check --help` lists them.
constexpr CheckOption kCheckOptions[] = {
    {"paths",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.paths, "Files or directories to check (`-` reads standard input)")
             ->required();
     }},
    {"--format",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.format, "Output format: text, concise, json, sarif, github, junit, gitlab")
             ->check([](const std::string& value) {
                 return value == "concise" || parse_output_format(value) ? std::string()
                                                                         : "unknown format " + value;
             });
     }},
    {"--output,-o",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.output_file, "Write the report to FILE instead of stdout");
     }},
    {"--fail-on",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.fail_on, "Lowest severity that fails the run: error, warning (default), info")
             ->check([](const std::string& value) {
                 return parse_severity(value) ? std::string() : "expected error, warning or info";
             });
     }},
    {"--flink-version",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.flink_version,
                      "Flink version of files without their own evidence (comment, per-path, "
                      "spec.flinkVersion, image tag); `1.20!` forces it on every file")
             ->check([](const std::string& value) {
                 const std::string_view text = value.ends_with('!')
                                                   ? std::string_view(value).substr(0, value.size() - 1)
                                                   : std::string_view(value);
                 return version_check(std::string(text));
             });
     }},
    {"--force-flink-version",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.force_flink_version,
                      "Check every file against this Flink version, whatever the file says")
             ->check(version_check);
     }},
    {"--operator-version",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.operator_version,
                      "The Flink Kubernetes operator release that reads the FlinkDeployments (e.g. 1.10)")
             ->check([](const std::string& text) {
                 const auto version = FlinkVersion::parse(text);
                 return version && version->major == 1 ? std::string()
                                                       : "expected an operator release like 1.10";
             });
     }},
    {"--target-version",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.target_version,
                      "Also report what breaks when files of an older Flink are upgraded to this version")
             ->check(version_check);
     }},
    {"--config",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.config_path, "Use this .flinklint.yaml instead of the nearest one");
     }},
    {"--format-of",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.format_of, "Read every file as: legacy, yaml or k8s")
             ->check([](const std::string& value) {
                 return parse_file_format(value) ? std::string() : "expected legacy, yaml or k8s";
             });
     }},
    {"--root",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.root,
                      "Report paths in SARIF, GitLab, GitHub and JUnit relative to DIR (default: the git "
                      "top-level, else the configuration file's directory, else the working directory)")
             ->type_name("DIR")
             ->check(CLI::ExistingDirectory);
     }},
    {"--stdin-filename",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.stdin_filename, "File name to report for `-`");
     }},
    {"--jobs,-j",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.jobs, "Files checked in parallel (default: all cores)");
     }},
    {"--select",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.select, "Check only these rule ids or names")->type_name("RULE ...");
     }},
    {"--disable",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.select_disable, "Rule ids or names to turn off")->delimiter(',');
     }},
    {"--max-file-size",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.max_file_size, "Files larger than this many bytes are not read");
     }},
    {"--exit-zero",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.options.exit_zero, "Exit 0 even when there are findings");
     }},
    {"--fix",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.options.fix, "Apply safe fixes in place, then report what remains");
     }},
    {"--unsafe-fixes",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.options.unsafe_fixes, "With --fix or --diff: apply unsafe fixes too");
     }},
    {"--diff",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.options.diff, "Print the fixes as a unified diff instead of writing them");
     }},
    {"--baseline",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.baseline, "Report only findings not recorded in this baseline file")
             ->type_name("FILE");
     }},
    {"--write-baseline",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(n, a.options.write_baseline, "Record today's findings in this baseline file")
             ->type_name("FILE");
     }},
    {"--profile",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_option(
              n, a.options.profile,
              "Tuner profile (hardware, state size, bandwidth) for the rules that need declared facts")
             ->type_name("FILE");
     }},
    {"--verbose,-v",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.options.verbose, "Say which files were skipped and why");
     }},
    {"--quiet,-q",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.options.quiet, "Print the findings only: no summary lines");
     }},
    {"--statistics",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.options.statistics,
                    "Print how many findings each rule has instead of the findings (text or json)");
     }},
    {"--siblings",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.options.siblings,
                    "Read the other YAML files beside each named file as context for the cross-file "
                    "rules; report only on the named files (the pre-commit hooks use it)");
     }},
    {"--show-config",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.options.show_config,
                    "Print the settings in force and where each came from (text or json), check nothing");
     }},
    {"--color{always}",
     [](CLI::App& c, const std::string& n, CheckArguments& a) {
         c.add_flag(n, a.color,
                    "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always (the "
                    "default of a bare --color) or never")
             ->type_name("WHEN")
             ->check(CLI::IsMember({"auto", "always", "never"}));
     }},
    {"--no-color", [](CLI::App& c, const std::string& n,
                      CheckArguments& a) { c.add_flag(n, a.no_color, "Never colour the text output"); }},
};

// The long name of an option as the table spells it: `--output,-o` -> `output`, `--color{always}`
// -> `color`; empty for the positional `paths`.
std::string_view long_name(std::string_view names) {
    if (!names.starts_with("--")) return {};
    names.remove_prefix(2);
    return names.substr(0, names.find_first_of(",{"));
}

// Which of check's options to register. Each costs CLI11 about 10 K instructions, more than a
// small file's rules (docs/performance.md), and a check names few of them: only those are
// registered, with the positional paths. Anything that could make CLI11's answer depend on the
// other options registers them all: help, a short option (`-j2`, `-vq`), `--`, or a long name that
// is not one of check's (its error message). Option values are never taken for names: a word that
// does not start with `-` names nothing, and a value that does only registers more.
class NamedOptions {
public:
    explicit NamedOptions(std::span<char* const> args) {
        for (const std::string_view arg : args) {
            if (arg == "-" || !arg.starts_with('-')) continue;
            if (!arg.starts_with("--") || arg == "--") {
                all_ = true;
                return;
            }
            std::string_view name = arg.substr(2);  // `--format=json` names `format`
            name = name.substr(0, name.find('='));
            if (name.empty() || std::ranges::none_of(kCheckOptions, [name](const CheckOption& o) {
                    return long_name(o.names) == name;
                })) {
                all_ = true;
                return;
            }
            named_.push_back(name);
        }
    }

    [[nodiscard]] bool wants(const CheckOption& option) const {
        const std::string_view name = long_name(option.names);
        return all_ || name.empty() || std::ranges::find(named_, name) != named_.end();
    }

private:
    bool all_ = false;
    std::vector<std::string_view> named_;
};

void add_options(CLI::App& app, std::span<char* const> args, const std::shared_ptr<CheckArguments>& a) {
    CLI::App* check_cmd =
        app.add_subcommand("check", "Check Flink configuration files and Kubernetes manifests");
    a->command = check_cmd;
    const NamedOptions named(args);
    for (const CheckOption& option : kCheckOptions)
        if (named.wants(option)) option.add(*check_cmd, std::string(option.names), *a);
}

int run_parsed(CheckArguments& a, std::ostream& out, std::ostream& err) {
    CheckOptions& check = a.options;
    const std::string format = a.format;
    check.concise = format == "concise";
    check.format = *parse_output_format(check.concise ? "text" : format);
    if (!a.fail_on.empty()) check.fail_on = parse_severity(a.fail_on);
    std::string flink_version = a.flink_version;
    std::string force_flink_version = a.force_flink_version;
    if (flink_version.ends_with('!')) {
        flink_version.pop_back();
        force_flink_version = flink_version;
    }
    if (!flink_version.empty()) check.flink_version = FlinkVersion::parse(flink_version);
    if (!force_flink_version.empty()) check.force_flink_version = FlinkVersion::parse(force_flink_version);
    if (!a.operator_version.empty()) check.operator_version = FlinkVersion::parse(a.operator_version);
    if (!a.target_version.empty()) check.target_version = FlinkVersion::parse(a.target_version);
    if (!a.format_of.empty()) {
        check.format_of = parse_file_format(a.format_of);
        check.format_of_name = a.format_of;
    }
    for (const CLI::Option* option : a.command->get_options())
        if (option->count() > 0) check.given.insert(option->get_name());
    if (a.color == "always") check.color = true;
    if (a.color == "never") check.color = false;
    if (a.no_color) check.color = false;
    return run_check(check, out, err);
}

}  // namespace

std::string version_check(const std::string& value) {
    return FlinkVersion::parse(value) ? std::string() : "expected a version such as 1.20 or 2.1";
}

std::function<int(std::ostream&, std::ostream&)> add_check_command(CLI::App& app,
                                                                   std::span<char* const> args) {
    auto arguments = std::make_shared<CheckArguments>();
    add_options(app, args, arguments);
    return [arguments](std::ostream& out, std::ostream& err) { return run_parsed(*arguments, out, err); };
}

}  // namespace flinklint::cli

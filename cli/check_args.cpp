// `flinklint check`: its options (CLI11) and how they become CheckOptions.
#include <memory>
#include <string>

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

void add_options(CLI::App& app, const std::shared_ptr<CheckArguments>& a) {
    CLI::App* check_cmd =
        app.add_subcommand("check", "Check Flink configuration files and Kubernetes manifests");
    a->command = check_cmd;
    check_cmd
        ->add_option("paths", a->options.paths, "Files or directories to check (`-` reads standard input)")
        ->required();
    check_cmd
        ->add_option("--format", a->format,
                     "Output format: text, concise, json, sarif, github, junit, gitlab")
        ->check([](const std::string& value) {
            return value == "concise" || parse_output_format(value) ? std::string()
                                                                    : "unknown format " + value;
        });
    check_cmd->add_option("--output,-o", a->options.output_file,
                          "Write the report to FILE instead of stdout");
    check_cmd
        ->add_option("--fail-on", a->fail_on,
                     "Lowest severity that fails the run: error, warning (default), info")
        ->check([](const std::string& value) {
            return parse_severity(value) ? std::string() : "expected error, warning or info";
        });
    check_cmd
        ->add_option("--flink-version", a->flink_version,
                     "Flink version of files without their own evidence (comment, per-path, "
                     "spec.flinkVersion, image tag); `1.20!` forces it on every file")
        ->check([](const std::string& value) {
            const std::string_view text = value.ends_with('!')
                                              ? std::string_view(value).substr(0, value.size() - 1)
                                              : std::string_view(value);
            return version_check(std::string(text));
        });
    check_cmd
        ->add_option("--force-flink-version", a->force_flink_version,
                     "Check every file against this Flink version, whatever the file says")
        ->check(version_check);
    check_cmd
        ->add_option("--operator-version", a->operator_version,
                     "The Flink Kubernetes operator release that reads the FlinkDeployments (e.g. 1.10)")
        ->check([](const std::string& text) {
            const auto version = FlinkVersion::parse(text);
            return version && version->major == 1 ? std::string() : "expected an operator release like 1.10";
        });
    check_cmd
        ->add_option("--target-version", a->target_version,
                     "Also report what breaks when files of an older Flink are upgraded to this version")
        ->check(version_check);
    check_cmd->add_option("--config", a->options.config_path,
                          "Use this .flinklint.yaml instead of the nearest one");
    check_cmd->add_option("--format-of", a->format_of, "Read every file as: legacy, yaml or k8s")
        ->check([](const std::string& value) {
            return parse_file_format(value) ? std::string() : "expected legacy, yaml or k8s";
        });
    check_cmd
        ->add_option("--root", a->options.root,
                     "Report paths in SARIF, GitLab, GitHub and JUnit relative to DIR (default: the git "
                     "top-level, else the configuration file's directory, else the working directory)")
        ->type_name("DIR")
        ->check(CLI::ExistingDirectory);
    check_cmd->add_option("--stdin-filename", a->options.stdin_filename, "File name to report for `-`");
    check_cmd->add_option("--jobs,-j", a->options.jobs, "Files checked in parallel (default: all cores)");
    check_cmd->add_option("--select", a->options.select, "Check only these rule ids or names")
        ->type_name("RULE ...");
    check_cmd->add_option("--disable", a->options.select_disable, "Rule ids or names to turn off")
        ->delimiter(',');
    check_cmd->add_option("--max-file-size", a->options.max_file_size,
                          "Files larger than this many bytes are not read");
    check_cmd->add_flag("--exit-zero", a->options.exit_zero, "Exit 0 even when there are findings");
    check_cmd->add_flag("--fix", a->options.fix, "Apply safe fixes in place, then report what remains");
    check_cmd->add_flag("--unsafe-fixes", a->options.unsafe_fixes,
                        "With --fix or --diff: apply unsafe fixes too");
    check_cmd->add_flag("--diff", a->options.diff,
                        "Print the fixes as a unified diff instead of writing them");
    check_cmd
        ->add_option("--baseline", a->options.baseline,
                     "Report only findings not recorded in this baseline file")
        ->type_name("FILE");
    check_cmd
        ->add_option("--write-baseline", a->options.write_baseline,
                     "Record today's findings in this baseline file")
        ->type_name("FILE");
    check_cmd
        ->add_option("--profile", a->options.profile,
                     "Tuner profile (hardware, state size, bandwidth) for the rules that need declared facts")
        ->type_name("FILE");
    check_cmd->add_flag("--verbose,-v", a->options.verbose, "Say which files were skipped and why");
    check_cmd->add_flag("--quiet,-q", a->options.quiet, "Print the findings only: no summary lines");
    check_cmd->add_flag("--statistics", a->options.statistics,
                        "Print how many findings each rule has instead of the findings (text or json)");
    check_cmd->add_flag("--siblings", a->options.siblings,
                        "Read the other YAML files beside each named file as context for the cross-file "
                        "rules; report only on the named files (the pre-commit hooks use it)");
    check_cmd->add_flag("--show-config", a->options.show_config,
                        "Print the settings in force and where each came from (text or json), check nothing");
    check_cmd
        ->add_flag("--color{always}", a->color,
                   "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always (the "
                   "default of a bare --color) or never")
        ->type_name("WHEN")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    check_cmd->add_flag("--no-color", a->no_color, "Never colour the text output");
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

std::function<int(std::ostream&, std::ostream&)> add_check_command(CLI::App& app) {
    auto arguments = std::make_shared<CheckArguments>();
    add_options(app, arguments);
    return [arguments](std::ostream& out, std::ostream& err) { return run_parsed(*arguments, out, err); };
}

}  // namespace flinklint::cli

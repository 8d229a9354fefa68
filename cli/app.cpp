// The command line: argument parsing with CLI11, dispatch to the subcommands.
#include "cli/app.hpp"

#include <functional>
#include <iostream>
#include <span>
#include <string_view>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "flinklint/ingest.hpp"

namespace flinklint::cli {
namespace {

constexpr std::string_view kSubcommands[] = {"check",   "rules",    "explain", "memory", "tune",
                                             "migrate", "diagnose", "observe", "schema", "lsp"};

// The subcommand the arguments name (the first one not starting with `-`), when it is one of
// kSubcommands; else empty. CLI11 builds every option it is given, which cost a one-file check more
// than its rules did (docs/performance.md): only the named subcommand gets its options, while help
// and unknown commands see them all.
std::string_view named_subcommand(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with('-')) continue;
        for (const std::string_view name : kSubcommands)
            if (arg == name) return name;
        return {};
    }
    return {};
}

}  // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    const std::string_view named = named_subcommand(argc, argv);
    const auto wanted = [named](std::string_view name) { return named.empty() || named == name; };
    CLI::App app{"flinklint: static analysis for Apache Flink configuration", "flinklint"};
    // --version is a flag whose callback ends parsing; --format (text or json) is read before it.
    std::string version_format = "text";
    auto* version_format_opt = app.add_option("--format", version_format, "With --version: text or json")
                                   ->check(CLI::IsMember({"text", "json"}));
    version_format_opt->needs(app.add_flag_callback(
        "--version", [] { throw CLI::CallForVersion("", 0); },
        "Print the version, commit, build date, compiler and Flink catalogs, then exit"));
    app.require_subcommand(1);

    using Runner = std::function<int(std::ostream&, std::ostream&)>;
    const std::span<char* const> args(argv, static_cast<std::size_t>(argc));
    const Runner run_check =
        wanted("check") ? add_check_command(app, args.subspan(args.empty() ? 0 : 1)) : Runner();

    std::string rules_format = "text";
    CLI::App* rules_cmd = nullptr;
    if (wanted("rules")) {
        rules_cmd = app.add_subcommand("rules", "List every rule");
        rules_cmd->add_option("--format", rules_format, "text, json or markdown")
            ->check(CLI::IsMember({"text", "json", "markdown"}));
    }

    std::string explain_rule;
    CLI::App* explain_cmd = nullptr;
    if (wanted("explain")) {
        explain_cmd = app.add_subcommand("explain", "Print the documentation of a rule");
        explain_cmd->add_option("rule", explain_rule, "Rule id (FL101) or name (unknown-key)")->required();
    }

    MemoryCommandOptions memory;
    std::string memory_version;
    std::string memory_format = "text";
    CLI::App* memory_cmd = nullptr;
    if (wanted("memory")) {
        memory_cmd = app.add_subcommand("memory", "Derive TaskManager and JobManager memory as Flink does");
        memory_cmd->add_option("file", memory.file, "flink-conf.yaml, config.yaml or a Kubernetes manifest")
            ->required();
        memory_cmd->add_option("--process", memory.process, "taskmanager or jobmanager (default: both)")
            ->check(CLI::IsMember({"taskmanager", "jobmanager"}));
        memory_cmd->add_option("--mode", memory.mode, "standalone or active (default: manifests are active)")
            ->check(CLI::IsMember({"standalone", "active"}));
        memory_cmd->add_option("--flink-version", memory_version, "Target Flink version (default 1.20)")
            ->check(version_check);
        memory_cmd->add_option("--format", memory_format, "text or json")
            ->check(CLI::IsMember({"text", "json"}));
    }

    // `flinklint tune` (tune_command.cpp): registers its options, returns what runs it after parsing.
    std::function<int(std::ostream&, std::ostream&)> add_tune_command(CLI::App & app);
    const Runner run_tune = wanted("tune") ? add_tune_command(app) : Runner();
    const Runner run_migrate = wanted("migrate") ? add_migrate_command(app) : Runner();
    const Runner run_diagnose = wanted("diagnose") ? add_diagnose_command(app) : Runner();
    const Runner run_observe = wanted("observe") ? add_observe_command(app) : Runner();
    const Runner run_schema = wanted("schema") ? add_schema_command(app) : Runner();
    const Runner run_lsp = wanted("lsp") ? add_lsp_command(app) : Runner();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        // Help for the subcommand that asked for it, else for the whole program.
        const auto subcommands = app.get_subcommands();
        out << (subcommands.empty() ? app.help() : subcommands.front()->help());
        return kExitClean;
    } catch (const CLI::CallForVersion&) {
        return run_version(version_format, out);
    } catch (const CLI::ParseError& e) {
        err << "flinklint: " << e.what() << "\n";
        err << "Run `flinklint --help` for usage.\n";
        return kExitUsage;
    }

    if (rules_cmd != nullptr && rules_cmd->parsed()) {
        return run_rules_list(rules_format, out);
    }
    if (explain_cmd != nullptr && explain_cmd->parsed()) return run_explain(explain_rule, out, err);
    if (memory_cmd != nullptr && memory_cmd->parsed()) {
        if (!memory_version.empty()) memory.flink_version = FlinkVersion::parse(memory_version);
        memory.json = memory_format == "json";
        return run_memory(memory, out, err);
    }
    if (run_check && app.got_subcommand("check")) return run_check(out, err);
    if (run_tune && app.got_subcommand("tune")) return run_tune(out, err);
    if (run_migrate && app.got_subcommand("migrate")) return run_migrate(out, err);
    if (run_diagnose && app.got_subcommand("diagnose")) return run_diagnose(out, err);
    if (run_observe && app.got_subcommand("observe")) return run_observe(out, err);
    if (run_schema && app.got_subcommand("schema")) return run_schema(out, err);
    if (run_lsp && app.got_subcommand("lsp")) return run_lsp(out, err);
    return kExitUsage;
}

}  // namespace flinklint::cli

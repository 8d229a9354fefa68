// The command line: argument parsing with CLI11, dispatch to the subcommands.
#include "cli/app.hpp"

#include <functional>
#include <iostream>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

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

using Runner = std::function<int(std::ostream&, std::ostream&)>;

Runner add_rules_command(CLI::App& app) {
    auto format = std::make_shared<std::string>("text");
    app.add_subcommand("rules", "List every rule")
        ->add_option("--format", *format, "text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    return [format](std::ostream& out, std::ostream&) { return run_rules_list(*format, out); };
}

Runner add_explain_command(CLI::App& app) {
    auto rule = std::make_shared<std::string>();
    app.add_subcommand("explain", "Print the documentation of a rule")
        ->add_option("rule", *rule, "Rule id (FL101) or name (unknown-key)")
        ->required();
    return [rule](std::ostream& out, std::ostream& err) { return run_explain(*rule, out, err); };
}

Runner add_memory_command(CLI::App& app) {
    struct Given {
        MemoryCommandOptions memory;
        std::string version;
        std::string format = "text";
    };
    auto given = std::make_shared<Given>();
    CLI::App* cmd = app.add_subcommand("memory", "Derive TaskManager and JobManager memory as Flink does");
    cmd->add_option("file", given->memory.file, "flink-conf.yaml, config.yaml or a Kubernetes manifest")
        ->required();
    cmd->add_option("--process", given->memory.process, "taskmanager or jobmanager (default: both)")
        ->check(CLI::IsMember({"taskmanager", "jobmanager"}));
    cmd->add_option("--mode", given->memory.mode, "standalone or active (default: manifests are active)")
        ->check(CLI::IsMember({"standalone", "active"}));
    cmd->add_option("--flink-version", given->version, "Target Flink version (default 1.20)")
        ->check(version_check);
    cmd->add_option("--format", given->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    return [given](std::ostream& out, std::ostream& err) {
        if (!given->version.empty()) given->memory.flink_version = FlinkVersion::parse(given->version);
        given->memory.json = given->format == "json";
        return run_memory(given->memory, out, err);
    };
}

}  // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    const std::string_view named = named_subcommand(argc, argv);
    CLI::App app{"flinklint: static analysis for Apache Flink configuration", "flinklint"};
    // --version is a flag whose callback ends parsing; --format (text or json) is read before it.
    std::string version_format = "text";
    auto* version_format_opt = app.add_option("--format", version_format, "With --version: text or json")
                                   ->check(CLI::IsMember({"text", "json"}));
    version_format_opt->needs(app.add_flag_callback(
        "--version", [] { throw CLI::CallForVersion("", 0); },
        "Print the version, commit, build date, compiler and Flink catalogs, then exit"));
    app.require_subcommand(1);

    // `flinklint tune` (tune_command.cpp): registers its options, returns what runs it after parsing.
    std::function<int(std::ostream&, std::ostream&)> add_tune_command(CLI::App & app);
    const std::span<char* const> args(argv, static_cast<std::size_t>(argc));
    const std::pair<std::string_view, std::function<Runner()>> registrars[] = {
        {"check", [&] { return add_check_command(app, args.subspan(args.empty() ? 0 : 1)); }},
        {"rules", [&] { return add_rules_command(app); }},
        {"explain", [&] { return add_explain_command(app); }},
        {"memory", [&] { return add_memory_command(app); }},
        {"tune", [&] { return add_tune_command(app); }},
        {"migrate", [&] { return add_migrate_command(app); }},
        {"diagnose", [&] { return add_diagnose_command(app); }},
        {"observe", [&] { return add_observe_command(app); }},
        {"schema", [&] { return add_schema_command(app); }},
        {"lsp", [&] { return add_lsp_command(app); }},
    };
    std::vector<std::pair<std::string_view, Runner>> runners;
    for (const auto& [name, add] : registrars) {
        if (named.empty() || named == name) runners.emplace_back(name, add());
    }

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
    for (const auto& [name, runner] : runners) {
        if (app.got_subcommand(std::string(name))) return runner(out, err);
    }
    return kExitUsage;
}

}  // namespace flinklint::cli

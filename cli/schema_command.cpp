// `flinklint schema --flink-version V --kind K [--output FILE]`: the JSON Schema of one kind of
// file for one Flink version (cli/json_schema.cpp), for editors; schemas/json/ holds them all.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/json_schema.hpp"
#include "cli/output_file.hpp"

namespace flinklint::cli {
namespace {

struct SchemaCommandOptions {
    std::string flink_version = kDefaultFlinkVersion.str();
    std::string kind;
    std::optional<std::string> output;
};

int run_schema(const SchemaCommandOptions& options, std::ostream& out, std::ostream& err) {
    const auto version = FlinkVersion::parse(options.flink_version);
    const auto kind = parse_schema_kind(options.kind);
    if (!version || !kind) return kExitUsage;  // refused by the option checks already
    auto schema = json_schema(*kind, *version);
    if (!schema) {
        err << "flinklint: " << schema.error() << "\n";
        return kExitUsage;
    }
    const std::string text = schema->dump() + "\n";
    if (!options.output) {
        out << text;
        return kExitClean;
    }
    // Atomically: an interrupted run leaves the old schema, never half of a new one.
    std::string error;
    auto file = OutputFile::open(*options.output, error);
    if (file) {
        file->stream() << text;
        if (auto failed = file->commit())
            error = *failed;
        else
            return kExitClean;
    }
    err << "flinklint: cannot write " << *options.output << ": " << error << "\n";
    return kExitUsage;
}

}  // namespace

std::function<int(std::ostream&, std::ostream&)> add_schema_command(CLI::App& app) {
    auto options = std::make_shared<SchemaCommandOptions>();
    auto* cmd =
        app.add_subcommand("schema", "Write the JSON Schema of a Flink configuration file for editors");
    cmd->add_option("--flink-version", options->flink_version, "Flink version (default 1.20)")
        ->check(version_check);
    cmd->add_option("--kind", options->kind, "config-yaml, flink-conf, flinkdeployment or flinksessionjob")
        ->required()
        ->check([](const std::string& value) {
            return parse_schema_kind(value)
                       ? std::string()
                       : "expected config-yaml, flink-conf, flinkdeployment or flinksessionjob";
        });
    cmd->add_option("--output,-o", options->output, "Write the schema to FILE instead of stdout")
        ->type_name("FILE");
    return [options](std::ostream& out, std::ostream& err) { return run_schema(*options, out, err); };
}

}  // namespace flinklint::cli

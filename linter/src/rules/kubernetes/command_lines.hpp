// The command line a container or docker-compose service runs, split into the simple commands a shell
// would run: the exec-form words, and after `sh -c` / `bash -lc` the shell text's commands (split at `;`,
// `&&`, `||`, `|`, `&` and line breaks). Read by the rules on what a container's main process does
// (FL851 verb run as a program, FL852 daemonising start script, FL853 usage placeholder).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flinklint/model.hpp"

namespace flinklint::rules {

struct CommandWord {
    std::string_view text;  // a view into the model's Located values
    Span span;              // the word as written
};

struct SimpleCommand {
    std::vector<CommandWord> words;
    bool in_shell = false;  // a command of the text after `sh -c`
    // The index of the program in `words`: after `exec`, `nohup`, `env`, `VAR=value`, `then`, `do`, ...
    std::size_t program = 0;
};

struct CommandLine {
    SourcePtr source;
    std::string where;  // "Deployment flink container `jobmanager`", "service sql-gateway"
    std::vector<SimpleCommand> commands;
    bool official = false;  // the official image (apache/flink-docker)
    // The words are the container's main process: `command:` of a Kubernetes container or `entrypoint:` of
    // a compose service replaces the image's entrypoint, and the official entrypoint execs any command that
    // does not start with one of its verbs (pass-through mode).
    bool main_process = false;
    bool flink_image = false;  // the image names Flink (official or not)
};

std::vector<CommandLine> command_lines(const Model& model);

// `jobmanager.sh` of `/opt/flink/bin/jobmanager.sh`: the program a command word names.
std::string_view program_name(std::string_view word);

}  // namespace flinklint::rules

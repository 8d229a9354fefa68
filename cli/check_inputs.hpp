// What `flinklint check` reads: stdin, or the files of the paths given, grouped by directory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/group_stream.hpp"
#include "flinklint/expected.hpp"
#include "flinklint/project_config.hpp"

namespace flinklint::cli {

struct CheckInputs {
    bool from_stdin = false;  // the only path is `-`
    std::string stdin_text;   // with from_stdin: at most one byte past --max-file-size
    FileGroups groups;
    std::vector<std::string> errors;  // "PATH: reason" for paths given that cannot be read
    std::vector<std::string> notes;   // skipped and ignored files, said with --verbose
};

// The inputs of a run, or why it must not start (an --output or --write-baseline naming a checked file).
Expected<CheckInputs> gather_check_inputs(const CheckOptions& options, const ProjectConfig& project);

}  // namespace flinklint::cli

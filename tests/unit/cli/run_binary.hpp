// Runs the built flinklint binary as a user would, capturing stdout, stderr and the exit code.
#pragma once

#include <string>
#include <vector>

namespace flinklint::testing {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `flinklint <args...>` in `working_dir` (the repository root when empty), optionally
// feeding `input` on stdin.
RunResult run_flinklint(const std::vector<std::string>& args, const std::string& working_dir = "",
                        const std::string& input = "");

}  // namespace flinklint::testing

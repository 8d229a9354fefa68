// Helpers for the tests of what flinklint ships: the release artefacts, the container image, the CI
// integrations. They drive Debian tools (dpkg, man, bash, zsh, fish, podman, npm).
#pragma once

#include <filesystem>
#include <regex>
#include <string>

#include "fix_test_support.hpp"
#include "test_paths.hpp"

namespace flinklint::testing {

inline bool have_tool(const std::string& tool) {
    std::string output;
    return run_shell("command -v " + tool, std::filesystem::current_path(), output) == 0;
}

inline std::filesystem::path build_dir() {
    return FLINKLINT_BUILD_DIR;
}

// The version CMakeLists.txt's project() declares: the one place it is written.
inline std::string project_version() {
    std::smatch match;
    const std::string cmake = read_file(source_dir() / "CMakeLists.txt");
    return std::regex_search(cmake, match, std::regex(R"(project\(flinklint VERSION ([0-9.]+))"))
               ? match[1].str()
               : "";
}

// Runs `command` in `dir` with stdout and stderr kept apart.
struct ShellResult {
    int code = -1;
    std::string out;
    std::string err;
};
inline ShellResult run_split(const std::string& command, const std::filesystem::path& dir) {
    const TempDir scratch;
    ShellResult result;
    std::string ignored;
    result.code = run_shell("( " + command + " ) >'" + (scratch.path() / "out").string() + "' 2>'" +
                                (scratch.path() / "err").string() + "'",
                            dir, ignored);
    result.out = read_file(scratch.path() / "out");
    result.err = read_file(scratch.path() / "err");
    return result;
}

}  // namespace flinklint::testing

// A tool that is not installed skips the test with `why`, or fails it under FLINKLINT_REQUIRE_TOOLS=1
// (.ci/run, where scripts/install-deps.sh --tests has installed every tool).
#define FLINKLINT_NEED(condition, why) \
    if (!(condition)) FLINKLINT_SKIP_OR_FAIL("FLINKLINT_REQUIRE_TOOLS", why)

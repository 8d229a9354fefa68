#include "run_binary.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_paths.hpp"

namespace flinklint::testing {
namespace {

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

RunResult run_flinklint(const std::vector<std::string>& args, const std::string& working_dir,
                        const std::string& input) {
    const auto scratch =
        std::filesystem::temp_directory_path() / ("flinklint-run-" + std::to_string(::getpid()) + "-" +
                                                  std::to_string(reinterpret_cast<std::uintptr_t>(&args)));
    std::filesystem::create_directories(scratch);
    const auto in_path = scratch / "stdin";
    const auto out_path = scratch / "stdout";
    const auto err_path = scratch / "stderr";
    std::ofstream(in_path, std::ios::binary) << input;

    std::string command = "cd " + shell_quote(working_dir.empty() ? source_dir().string() : working_dir) +
                          " && " + shell_quote(flinklint_binary().string());
    for (const auto& arg : args) command += " " + shell_quote(arg);
    command += " <" + shell_quote(in_path.string()) + " >" + shell_quote(out_path.string()) + " 2>" +
               shell_quote(err_path.string());
    const int status = std::system(command.c_str());

    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = slurp(out_path);
    result.err = slurp(err_path);
    std::error_code ec;
    std::filesystem::remove_all(scratch, ec);
    return result;
}

}  // namespace flinklint::testing

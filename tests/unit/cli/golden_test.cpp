// CLI goldens: tests/cli/<case>.args (one argument per line) runs the real binary from the
// repository root; stdout must equal <case>.out and the exit code <case>.code. An optional
// <case>.stdin is fed to standard input. FLINKLINT_UPDATE_GOLDENS=1 rewrites .out/.code.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

std::vector<std::string> read_args(const fs::path& path) {
    std::vector<std::string> args;
    std::istringstream lines(read_file(path));
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) args.push_back(line);
    }
    return args;
}

}  // namespace

TEST(CliGolden, OutputsMatch) {
    const fs::path dir = source_dir() / "tests" / "cli";
    const bool update = std::getenv("FLINKLINT_UPDATE_GOLDENS") != nullptr;
    std::size_t cases = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".args") continue;
        ++cases;
        const fs::path base = entry.path().parent_path() / entry.path().stem();
        SCOPED_TRACE(base.filename().string());
        const fs::path stdin_path = base.string() + ".stdin";
        const auto result = run_flinklint(read_args(entry.path()), "",
                                          fs::exists(stdin_path) ? read_file(stdin_path) : std::string());
        const fs::path out_path = base.string() + ".out";
        const fs::path code_path = base.string() + ".code";
        if (update) {
            std::ofstream(out_path, std::ios::binary) << result.out;
            std::ofstream(code_path, std::ios::binary) << result.exit_code << "\n";
            continue;
        }
        ASSERT_TRUE(fs::exists(out_path))
            << "missing " << out_path << " (run with FLINKLINT_UPDATE_GOLDENS=1)";
        EXPECT_EQ(result.out, read_file(out_path)) << "stderr: " << result.err;
        EXPECT_EQ(std::to_string(result.exit_code) + "\n", read_file(code_path)) << "stderr: " << result.err;
    }
    EXPECT_GT(cases, 0u);
}

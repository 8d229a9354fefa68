// Inputs fuzz_pipeline once crashed on (tests/fuzz/regressions/pipeline), checked by the real binary
// under each file name the fuzzer uses: a finding or none, never a crash or an internal error.
#include <gtest/gtest.h>

#include <filesystem>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

TEST(PipelineRegressions, EveryInputChecksCleanlyUnderEveryName) {
    const fs::path dir = source_dir() / "tests/fuzz/regressions/pipeline";
    std::size_t inputs = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        ++inputs;
        const std::string bytes = read_file(entry.path());
        for (const char* name : {"flink-conf.yaml", "config.yaml", "deploy.yaml"}) {
            const TempDir work;
            work.write(name, bytes);
            for (const char* mode : {"--exit-zero", "--diff"}) {
                const RunResult result = run_flinklint({"check", mode, name}, work.path().string());
                EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1)
                    << entry.path().filename() << " as " << name << " " << mode << ": exit "
                    << result.exit_code << "\n"
                    << result.err;
                EXPECT_EQ(result.err.find("internal error"), std::string::npos) << result.err;
            }
        }
    }
    EXPECT_GT(inputs, 0u);
}

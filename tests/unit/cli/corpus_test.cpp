// Every real-world file of ../shared/corpus goes through the real binary: exit 0 or 1 (never 2,
// never a crash), and the JSON report parses with the documented shape.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using flinklint::testing::run_flinklint;

TEST(Corpus, EveryFileIsCheckedWithoutErrorAndJsonParses) {
    FLINKLINT_REQUIRE_SHARED(shared);
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(shared / "corpus")) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().filename().string();
        if (name == "README.md" || name == "SOURCES.tsv") continue;
        ++files;
        SCOPED_TRACE(entry.path().string());
        const auto result = run_flinklint({"check", "--format", "json", entry.path().string()});
        ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << "exit " << result.exit_code << "\n"
                                                                    << result.err;
        EXPECT_TRUE(result.err.empty()) << result.err;
        const auto report = nlohmann::json::parse(result.out, nullptr, false);
        ASSERT_FALSE(report.is_discarded()) << result.out.substr(0, 500);
        EXPECT_EQ(report["version"], 1);
        EXPECT_EQ(report["summary"]["files"], 1);
        for (const auto& diagnostic : report["diagnostics"]) {
            for (const char* field : {"file", "line", "column", "end_line", "end_column", "rule", "name",
                                      "category", "severity", "message", "help", "key", "fix"}) {
                EXPECT_TRUE(diagnostic.contains(field)) << field;
            }
            EXPECT_GE(diagnostic["line"].get<int>(), 1);
            EXPECT_GE(diagnostic["column"].get<int>(), 1);
        }
    }
    EXPECT_GT(files, 400u);
}

TEST(Corpus, WholeCorpusInOneRunExitsCleanly) {
    FLINKLINT_REQUIRE_SHARED(shared);
    const auto result = run_flinklint({"check", "--format", "json", (shared / "corpus").string()});
    ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.err;
    const auto report = nlohmann::json::parse(result.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded());
    EXPECT_GE(report["summary"]["files"].get<int>(), 450);
}

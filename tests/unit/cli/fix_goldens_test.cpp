// Fix goldens beside the rule fixtures: <case>/<file>.fixed in a rule's folder
// (linter/src/rules/<category>/<ID>-<name>/) is what `check --fix` makes of <file> (the whole case
// directory fixed together, with the case's `# flinklint-test: flink-version=` option),
// <file>.unsafe.fixed what `--fix --unsafe-fixes` makes of it. A second run must change nothing.
// FLINKLINT_UPDATE_GOLDENS=1 rewrites the goldens that exist.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "fix_test_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

struct Golden {
    fs::path golden;  // the .fixed file
    fs::path input;   // the fixture it belongs to
    bool unsafe = false;
};

std::vector<Golden> goldens() {
    std::vector<Golden> out;
    const fs::path root = source_dir() / "linter" / "src" / "rules";
    if (!fs::is_directory(root)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || entry.path().extension() != ".fixed") continue;
        const bool unsafe = name.size() > 13 && name.ends_with(".unsafe.fixed");
        const std::string input = name.substr(0, name.size() - (unsafe ? 13 : 6));
        out.push_back({entry.path(), entry.path().parent_path() / input, unsafe});
    }
    std::sort(out.begin(), out.end(), [](const Golden& a, const Golden& b) { return a.golden < b.golden; });
    return out;
}

// Copies the case directory (without goldens) and returns the arguments for its options.
std::vector<std::string> prepare_case(const fs::path& case_dir, const TempDir& work) {
    std::vector<std::string> args;
    const std::regex version_re(R"(flinklint-test:\s*flink-version=([0-9.]+))");
    for (const auto& entry : fs::directory_iterator(case_dir)) {
        if (!entry.is_regular_file() || entry.path().extension() == ".fixed") continue;
        const std::string text = read_file(entry.path());
        work.write("case/" + entry.path().filename().string(), text);
        std::smatch match;
        if (std::regex_search(text, match, version_re)) args = {"--flink-version", match[1].str()};
    }
    return args;
}

}  // namespace

TEST(FixGoldens, FixedFilesMatchAndSecondRunChangesNothing) {
    const auto all = goldens();
    ASSERT_FALSE(all.empty()) << "no .fixed goldens in the rule folders under linter/src/rules";
    const bool update = std::getenv("FLINKLINT_UPDATE_GOLDENS") != nullptr;
    for (const Golden& golden : all) {
        SCOPED_TRACE(golden.golden.string());
        ASSERT_TRUE(fs::exists(golden.input)) << "golden without its fixture " << golden.input;
        const TempDir work;
        std::vector<std::string> args{"check", "--fix"};
        if (golden.unsafe) args.push_back("--unsafe-fixes");
        for (const std::string& option : prepare_case(golden.input.parent_path(), work))
            args.push_back(option);
        args.push_back("case");
        const RunResult first = run_flinklint(args, work.path().string());
        ASSERT_TRUE(first.exit_code == 0 || first.exit_code == 1) << first.err;
        const std::string fixed = read_file(work.path() / "case" / golden.input.filename());
        if (update) {
            std::ofstream(golden.golden, std::ios::binary | std::ios::trunc) << fixed;
            continue;
        }
        EXPECT_EQ(fixed, read_file(golden.golden));
        const RunResult second = run_flinklint(args, work.path().string());
        EXPECT_NE(second.out.find("Fixed 0 problems in 0 files."), std::string::npos) << second.out;
        EXPECT_EQ(read_file(work.path() / "case" / golden.input.filename()), fixed);
    }
}

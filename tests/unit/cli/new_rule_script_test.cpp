// scripts/new-rule.sh, run in a scratch copy of what it touches: a new rule is one folder
// (linter/src/rules/<category>/<ID>-<name>/ with its check, page and fixture cases) and one line
// appended to the registry, nothing else.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "fix_test_support.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using flinklint::testing::read_file;
using flinklint::testing::run_shell;
using flinklint::testing::source_dir;
using flinklint::testing::TempDir;

namespace {

const fs::path kRules = fs::path("linter") / "src" / "rules";

// A scratch repository holding the script and the registry files.
void copy_what_the_script_reads(const fs::path& to) {
    fs::create_directories(to / "scripts");
    fs::create_directories(to / kRules);
    fs::copy_file(source_dir() / "scripts" / "new-rule.sh", to / "scripts" / "new-rule.sh");
    for (const auto& entry : fs::directory_iterator(source_dir() / kRules)) {
        if (entry.path().extension() == ".def")
            fs::copy_file(entry.path(), to / kRules / entry.path().filename());
    }
}

std::set<std::string> files_under(const fs::path& root) {
    std::set<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), root).generic_string());
    }
    return files;
}

}  // namespace

TEST(NewRuleScript, CreatesOneFolderAndOneRegistryLine) {
    const TempDir work;
    copy_what_the_script_reads(work.path());
    const auto before = files_under(work.path());
    const std::string registry = read_file(work.path() / kRules / "rules.def");

    std::string output;
    ASSERT_EQ(
        run_shell("bash scripts/new-rule.sh FL099 checkpoint-scaffold-probe checkpoint", work.path(), output),
        0)
        << output;

    const std::string folder = "linter/src/rules/checkpoint/FL099-checkpoint-scaffold-probe/";
    std::set<std::string> added;
    for (const std::string& file : files_under(work.path())) {
        if (!before.contains(file)) added.insert(file);
    }
    const std::set<std::string> expected = {folder + "checkpoint_scaffold_probe.cpp",
                                            folder + "checkpoint-scaffold-probe.md",
                                            folder + "hit/flink-conf.yaml", folder + "no-hit/flink-conf.yaml",
                                            folder + "suppressed/flink-conf.yaml"};
    EXPECT_EQ(added, expected);
    for (const std::string& file : before) {
        if (file.ends_with(".def") && !file.ends_with("rules.def")) {
            EXPECT_EQ(read_file(work.path() / file), read_file(source_dir() / file)) << file;
        }
    }
    const std::string after = read_file(work.path() / kRules / "rules.def");
    ASSERT_TRUE(after.starts_with(registry));
    const std::string line = after.substr(registry.size());
    EXPECT_TRUE(line.starts_with("FLINKLINT_RULE(FL099, \"checkpoint-scaffold-probe\", checkpoint, warning,"))
        << line;
    EXPECT_EQ(line.find('\n'), line.size() - 1) << "one registry line: " << line;
}

TEST(NewRuleScript, RefusesATakenIdAndWritesNothing) {
    const TempDir work;
    copy_what_the_script_reads(work.path());
    const auto before = files_under(work.path());
    std::string output;
    EXPECT_EQ(run_shell("bash scripts/new-rule.sh FL101 another-name schema", work.path(), output), 2)
        << output;
    EXPECT_NE(output.find("taken"), std::string::npos) << output;
    EXPECT_EQ(files_under(work.path()), before);
}

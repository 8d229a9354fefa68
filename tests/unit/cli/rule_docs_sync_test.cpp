// docs/rules/ is generated from the registry and the doc pages beside the rules
// (scripts/gen_rule_docs.sh): it must match what the binary prints.
#include <gtest/gtest.h>

#include <filesystem>

#include "flinklint/rule.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using flinklint::testing::read_file;
using flinklint::testing::run_flinklint;
using flinklint::testing::source_dir;

TEST(RuleDocs, DocsRulesDirectoryIsInSync) {
    const fs::path dir = source_dir() / "docs" / "rules";
    const auto index = run_flinklint({"rules", "--format", "markdown"});
    ASSERT_EQ(index.exit_code, 0);
    EXPECT_EQ(read_file(dir / "README.md"), index.out) << "run scripts/gen_rule_docs.sh";
    std::size_t pages = 0;
    for (const auto& rule : flinklint::all_rules()) {
        const auto page = run_flinklint({"explain", std::string(rule.info.id)});
        const fs::path file = dir / (std::string(rule.info.id) + "-" + std::string(rule.info.name) + ".md");
        ASSERT_TRUE(fs::exists(file)) << file << " missing: run scripts/gen_rule_docs.sh";
        EXPECT_EQ(read_file(file), page.out) << file << " is stale: run scripts/gen_rule_docs.sh";
        ++pages;
    }
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name == "README.md") continue;
        const std::string id = name.substr(0, name.find('-'));
        EXPECT_NE(flinklint::find_rule(id), nullptr) << name << " documents no rule";
    }
    EXPECT_GT(pages, 0u);
}

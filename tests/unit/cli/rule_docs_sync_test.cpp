// docs/rules/ is generated from the registry and the page in each rule's folder
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

// The header of every rule's page says what the registry says (linter/src/rules/rules.def):
// `# ID name`, then `**Category:** C · **Default severity:** S... · **Fix:** F...`, where the fix
// is "none" exactly when the rule offers none.
TEST(RuleDocs, PageHeadersAgreeWithTheRegistry) {
    for (const auto& rule : flinklint::all_rules()) {
        const std::string id(rule.info.id);
        SCOPED_TRACE(id);
        const std::string page(flinklint::rule_doc(rule.info));
        const std::string title = "# " + id + " " + std::string(rule.info.name) + "\n";
        EXPECT_TRUE(page.starts_with(title)) << "the page must start with " << title;
        const std::size_t header = page.find("**Category:** ");
        ASSERT_NE(header, std::string::npos) << "no **Category:** line";
        const std::string line = page.substr(header, page.find('\n', header) - header);
        const std::string category = "**Category:** " + std::string(to_string(rule.info.category)) + " · ";
        EXPECT_TRUE(line.starts_with(category)) << line;
        const std::string severity =
            "**Default severity:** " + std::string(to_string(rule.info.default_severity));
        EXPECT_NE(line.find(severity), std::string::npos) << line;
        const std::size_t fix = line.find("**Fix:** ");
        ASSERT_NE(fix, std::string::npos) << line;
        const bool says_none = line.compare(fix + 9, 4, "none") == 0;
        EXPECT_EQ(says_none, !rule.info.fixable)
            << line
            << (rule.info.fixable ? ": the registry marks the rule fixable" : ": the registry has no fix");
    }
}

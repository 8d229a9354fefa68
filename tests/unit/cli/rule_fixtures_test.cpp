// Every rule's fixtures in its folder, linter/src/rules/<category>/<ID>-<name>/<case>/: files annotated with
//   `# expect: FL101`            the rule reports on this line
//   `# expect-suppressed: FL101` the rule fires here, but an inline suppression silences it
//   `# flinklint-test: flink-version=2.0`   options for the case
// the snapshot of what users read (<ID>-<name>/findings.txt in the rule's folder: position, severity,
// message, help and fix of every finding of the rule in each case, as ruff's snapshot tests pin
// them; FLINKLINT_UPDATE_SNAPSHOTS=1 rewrites them for review in the diff),
// and the registry test that ties rules, docs and fixtures together.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "flinklint/engine.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"
#include "flinklint/rule.hpp"
#include "rule_folders.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint;

namespace {

struct Expectations {
    std::set<std::pair<std::string, int>> reported;    // (file name, line)
    std::set<std::pair<std::string, int>> suppressed;  // (file name, line)
};

struct CaseInput {
    LintGroup group;
    Expectations expect;
    std::optional<FlinkVersion> version;
};

CaseInput load_case(const fs::path& dir, std::string_view rule_id) {
    CaseInput input;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() != ".fixed") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    const std::regex expect_re(R"((?:^|[#\s])expect(-suppressed)?:\s*([A-Za-z0-9, ]+))");
    const std::regex version_re(R"(flinklint-test:\s*flink-version=([0-9.]+))");
    for (const auto& path : paths) {
        auto source =
            std::make_shared<const Source>(path.filename().string(), flinklint::testing::read_file(path));
        for (int line = 1; line <= static_cast<int>(source->line_count()); ++line) {
            const std::string text(source->line_text(line));
            std::smatch match;
            if (std::regex_search(text, match, version_re)) {
                input.version = FlinkVersion::parse(match[1].str());
            }
            if (std::regex_search(text, match, expect_re) &&
                match[2].str().find(rule_id) != std::string::npos) {
                auto& target = match[1].matched ? input.expect.suppressed : input.expect.reported;
                target.insert({path.filename().string(), line});
            }
        }
        input.group.sources.push_back(source);
    }
    return input;
}

std::set<std::pair<std::string, int>> lines_of(const std::vector<Diagnostic>& diagnostics,
                                               std::string_view rule_id) {
    std::set<std::pair<std::string, int>> lines;
    for (const auto& diagnostic : diagnostics) {
        if (diagnostic.rule_id == rule_id) lines.insert({diagnostic.source->path(), diagnostic.start.line});
    }
    return lines;
}

std::string describe(const std::set<std::pair<std::string, int>>& lines) {
    std::string out;
    for (const auto& [file, line] : lines) out += file + ":" + std::to_string(line) + " ";
    return out.empty() ? "(none)" : out;
}

std::string position(const Position& p) {
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// What a user reads of each finding of `rule_id`, one block per finding, in report order.
std::string snapshot_of(const std::vector<Diagnostic>& diagnostics, std::string_view rule_id) {
    std::string out;
    for (const Diagnostic& d : diagnostics) {
        if (d.rule_id != rule_id) continue;
        out += d.source->path() + ":" + position(d.start) + "-" + position(d.end) + " " +
               std::string(to_string(d.severity)) + " " + d.message + "\n";
        if (!d.help.empty()) out += "  help: " + d.help + "\n";
        if (d.fix) {
            out += std::string("  fix (") + (d.fix->safety == FixSafety::safe ? "safe" : "unsafe") +
                   "): " + d.fix->description + "\n";
        }
        for (const RelatedLocation& r : d.related)
            out += "  note: " + r.source->path() + ":" + position(r.start) + " " + r.message + "\n";
    }
    return out;
}

}  // namespace

TEST(RuleFixtures, SnapshotPinsPositionMessageHelpAndFixOfEveryFinding) {
    const bool update = std::getenv("FLINKLINT_UPDATE_SNAPSHOTS") != nullptr;
    for (const auto& [name, dir] : flinklint::testing::rule_folders()) {
        SCOPED_TRACE(name);
        const std::string rule_id = name.substr(0, name.find('-'));
        std::vector<fs::path> cases;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_directory()) cases.push_back(entry.path());
        std::sort(cases.begin(), cases.end());
        std::string snapshot;
        for (const fs::path& case_dir : cases) {
            const CaseInput input = load_case(case_dir, rule_id);
            const Linter linter(ProjectConfig{}, LintOptions{.flink_version = input.version});
            const std::string findings = snapshot_of(linter.lint(input.group).diagnostics, rule_id);
            if (!findings.empty()) snapshot += "## " + case_dir.filename().string() + "\n" + findings;
        }
        const fs::path file = dir / "findings.txt";
        if (update) {
            std::ofstream(file, std::ios::binary) << snapshot;
            continue;
        }
        ASSERT_TRUE(fs::exists(file))
            << "no snapshot " << file << " (FLINKLINT_UPDATE_SNAPSHOTS=1 writes it)";
        EXPECT_EQ(flinklint::testing::read_file(file), snapshot)
            << file << " differs from what the rule reports now; if the change is meant, rewrite it with "
            << "FLINKLINT_UPDATE_SNAPSHOTS=1 and review the diff";
    }
}

TEST(RuleFixtures, EveryCaseReportsExactlyTheAnnotatedLines) {
    const auto dirs = flinklint::testing::rule_folders();
    ASSERT_FALSE(dirs.empty()) << "no rule folders under linter/src/rules/<category>/";
    for (const auto& [name, dir] : dirs) {
        const std::string rule_id = name.substr(0, name.find('-'));
        const Rule* rule = find_rule(rule_id);
        ASSERT_NE(rule, nullptr) << "fixture directory " << name << " names no rule";
        for (const auto& case_entry : fs::directory_iterator(dir)) {
            if (!case_entry.is_directory()) continue;
            SCOPED_TRACE(name + "/" + case_entry.path().filename().string());
            const CaseInput input = load_case(case_entry.path(), rule_id);
            // The rule alone, on the model, then the whole engine (suppressions included).
            std::vector<ParsedFile> files;
            for (const SourcePtr& source : input.group.sources) files.push_back(ingest(source));
            const Model model(std::move(files), ModelOptions{.forced_version = input.version});
            std::vector<Diagnostic> direct;
            Reporter reporter(direct);
            reporter.set_rule(rule->info);
            rule->check(model, reporter);
            const Linter linter(ProjectConfig{}, LintOptions{.flink_version = input.version});
            const auto filtered = linter.lint(input.group).diagnostics;

            auto fired = input.expect.reported;
            fired.insert(input.expect.suppressed.begin(), input.expect.suppressed.end());
            EXPECT_EQ(lines_of(direct, rule_id), fired)
                << "rule fired at " << describe(lines_of(direct, rule_id)) << "; expected "
                << describe(fired);
            EXPECT_EQ(lines_of(filtered, rule_id), input.expect.reported)
                << "after suppressions: " << describe(lines_of(filtered, rule_id)) << "; expected "
                << describe(input.expect.reported);
        }
    }
}

namespace {

void expect_well_formed_metadata(const Rule& rule) {
    const std::string id(rule.info.id);
    EXPECT_TRUE(std::regex_match(id, std::regex("FL[0-9]{3}")));
    EXPECT_TRUE(std::regex_match(std::string(rule.info.name), std::regex("[a-z0-9]+(-[a-z0-9]+)*")));
    EXPECT_FALSE(rule.info.summary.empty());
    const std::string doc(rule_doc(rule.info));
    EXPECT_FALSE(doc.empty()) << "no doc page " << rule.info.name << ".md in the rule's folder";
    for (const char* section : {"## What it checks", "## Why it matters", "## Example", "## Fix"}) {
        EXPECT_NE(doc.find(section), std::string::npos) << "doc page lacks " << section;
    }
    EXPECT_NE(doc.find(id), std::string::npos) << "doc page does not name its id";
}

// The rule's folder holds its page (the one the binary embeds) and its fixture cases.
void expect_complete_folder(const Rule& rule, const fs::path& folder) {
    const std::string id(rule.info.id);
    EXPECT_EQ(folder.parent_path().filename().string(), to_string(rule.info.category))
        << "the folder of a rule sits in its registry category's folder";
    const fs::path page = folder / (std::string(rule.info.name) + ".md");
    EXPECT_TRUE(fs::exists(page)) << "no page " << page;
    EXPECT_EQ(flinklint::testing::read_file(page), rule_doc(rule.info)) << "the binary embeds another page";
    // A fixable rule pins what its fix makes of a file (fix_goldens_test.cpp).
    bool has_golden = false;
    for (const auto& file : fs::recursive_directory_iterator(folder))
        has_golden = has_golden || file.path().extension() == ".fixed";
    EXPECT_EQ(has_golden, rule.info.fixable)
        << (rule.info.fixable ? "a fixable rule without a .fixed golden in "
                              : "a .fixed golden for a rule without a fix in ")
        << folder;
    for (const char* case_name : {"hit", "no-hit", "suppressed"}) {
        const fs::path case_dir = folder / case_name;
        ASSERT_TRUE(fs::is_directory(case_dir)) << "missing case " << case_dir;
        const CaseInput input = load_case(case_dir, id);
        ASSERT_FALSE(input.group.sources.empty()) << "empty case " << case_dir;
        const std::string_view which(case_name);
        if (which == "hit") {
            EXPECT_FALSE(input.expect.reported.empty()) << case_dir;
        }
        if (which == "no-hit") {
            EXPECT_TRUE(input.expect.reported.empty() && input.expect.suppressed.empty()) << case_dir;
        }
        if (which == "suppressed") {
            EXPECT_FALSE(input.expect.suppressed.empty()) << case_dir;
        }
    }
}

}  // namespace

// The registry (linter/src/rules/rules.def), the folders, pages and fixtures agree one to one.
TEST(RuleRegistry, EveryRuleHasItsFolderWithPageAndFixtures) {
    const auto folders = flinklint::testing::rule_folders();
    std::set<std::string> ids;
    std::set<std::string> names;
    for (const Rule& rule : all_rules()) {
        const std::string id(rule.info.id);
        SCOPED_TRACE(id);
        EXPECT_TRUE(ids.insert(id).second) << "duplicate id";
        EXPECT_TRUE(names.insert(std::string(rule.info.name)).second) << "duplicate name";
        expect_well_formed_metadata(rule);
        const std::string folder_name = id + "-" + std::string(rule.info.name);
        const auto it = folders.find(folder_name);
        ASSERT_NE(it, folders.end()) << "no folder linter/src/rules/" << to_string(rule.info.category) << "/"
                                     << folder_name;
        expect_complete_folder(rule, it->second);
    }
    for (const auto& [name, folder] : folders) {
        const Rule* rule = find_rule(name.substr(0, name.find('-')));
        EXPECT_TRUE(rule != nullptr &&
                    name == std::string(rule->info.id) + "-" + std::string(rule->info.name))
            << "the folder " << folder << " names no rule of the registry";
    }
}

// A page anywhere else would be embedded too (pages are found by file name), and could shadow the
// one in the rule's folder.
TEST(RuleRegistry, EveryPageLivesInItsRulesFolder) {
    const fs::path root = flinklint::testing::source_dir() / "linter" / "src" / "rules";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".md") continue;
        const std::string folder = entry.path().parent_path().filename().string();
        const std::string page = entry.path().stem().string();
        EXPECT_TRUE(folder.size() > 6 && folder.substr(6) == page && find_rule(page) != nullptr)
            << entry.path() << " is not the page of the rule whose folder holds it";
    }
}

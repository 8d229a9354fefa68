// Every rule's fixtures under tests/rules/<ID>-<name>/<case>/: files annotated with
//   `# expect: FL101`            the rule reports on this line
//   `# expect-suppressed: FL101` the rule fires here, but an inline suppression silences it
//   `# flinklint-test: flink-version=2.0`   options for the case
// the snapshot of what users read (tests/rules/<ID>-<name>/findings.txt: position, severity,
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
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint;

namespace {

fs::path fixtures_root() {
    return flinklint::testing::source_dir() / "tests" / "rules";
}

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

std::map<std::string, fs::path> fixture_dirs() {
    std::map<std::string, fs::path> dirs;
    if (!fs::is_directory(fixtures_root())) return dirs;
    for (const auto& entry : fs::directory_iterator(fixtures_root())) {
        if (entry.is_directory()) dirs[entry.path().filename().string()] = entry.path();
    }
    return dirs;
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
    for (const auto& [name, dir] : fixture_dirs()) {
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
    const auto dirs = fixture_dirs();
    ASSERT_FALSE(dirs.empty()) << "no fixtures under " << fixtures_root();
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

TEST(RuleRegistry, EveryRuleHasDocAndFixtures) {
    const auto dirs = fixture_dirs();
    std::set<std::string> ids;
    std::set<std::string> names;
    for (const Rule& rule : all_rules()) {
        const std::string id(rule.info.id);
        SCOPED_TRACE(id);
        EXPECT_TRUE(ids.insert(id).second) << "duplicate id";
        EXPECT_TRUE(names.insert(std::string(rule.info.name)).second) << "duplicate name";
        EXPECT_TRUE(std::regex_match(id, std::regex("FL[0-9]{3}")));
        EXPECT_TRUE(std::regex_match(std::string(rule.info.name), std::regex("[a-z0-9]+(-[a-z0-9]+)*")));
        EXPECT_FALSE(rule.info.summary.empty());

        const std::string doc(rule_doc(rule.info));
        EXPECT_FALSE(doc.empty()) << "no doc page " << rule.info.name << ".md beside the rule";
        for (const char* section : {"## What it checks", "## Why it matters", "## Example", "## Fix"}) {
            EXPECT_NE(doc.find(section), std::string::npos) << "doc page lacks " << section;
        }
        EXPECT_NE(doc.find(id), std::string::npos) << "doc page does not name its id";

        const std::string dir_name = id + "-" + std::string(rule.info.name);
        const auto it = dirs.find(dir_name);
        ASSERT_NE(it, dirs.end()) << "no fixtures in tests/rules/" << dir_name;
        // A fixable rule pins what its fix makes of a file (fix_goldens_test.cpp).
        bool has_golden = false;
        for (const auto& file : fs::recursive_directory_iterator(it->second))
            has_golden = has_golden || file.path().extension() == ".fixed";
        EXPECT_EQ(has_golden, rule.info.fixable)
            << (rule.info.fixable ? "a fixable rule without a .fixed golden in tests/rules/"
                                  : "a .fixed golden for a rule without a fix in tests/rules/")
            << dir_name;
        for (const char* case_name : {"hit", "no-hit", "suppressed"}) {
            const fs::path case_dir = it->second / case_name;
            ASSERT_TRUE(fs::is_directory(case_dir)) << "missing case " << case_dir;
            const CaseInput input = load_case(case_dir, id);
            ASSERT_FALSE(input.group.sources.empty()) << "empty case " << case_dir;
            if (std::string_view(case_name) == "hit") {
                EXPECT_FALSE(input.expect.reported.empty()) << case_dir;
            }
            if (std::string_view(case_name) == "no-hit") {
                EXPECT_TRUE(input.expect.reported.empty() && input.expect.suppressed.empty()) << case_dir;
            }
            if (std::string_view(case_name) == "suppressed") {
                EXPECT_FALSE(input.expect.suppressed.empty()) << case_dir;
            }
        }
    }
    for (const auto& [name, dir] : dirs) {
        EXPECT_NE(find_rule(name.substr(0, name.find('-'))), nullptr) << "fixtures for unknown rule " << name;
    }
}

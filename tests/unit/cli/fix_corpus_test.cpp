// The fix property on every real-world file of ../shared/corpus: `--fix --unsafe-fixes` twice on a
// copy (each file alone in its directory, as users keep them). The second run changes nothing,
// every changed file still parses, and only lines that carried a fixed finding changed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

#include "fix_test_support.hpp"
#include "flinklint/ingest.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string::npos ? text.size() : newline + 1;
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

// The alignment of `before` with `after` (lines kept, removed, added) that removes as few lines
// outside `allowed` as it can: repeated lines make the plain LCS ambiguous. Returns the 1-based
// numbers of the removed lines of `before` and the count of added lines.
std::pair<std::set<int>, std::size_t> changed_lines(const std::string& before, const std::string& after,
                                                    const std::set<int>& allowed) {
    const auto a = lines_of(before);
    const auto b = lines_of(after);
    constexpr long kDisallowed = 100'000;
    const auto remove_cost = [&](std::size_t i) {
        return allowed.count(static_cast<int>(i) + 1) ? 1L : kDisallowed;
    };
    // cost[i][j]: cheapest alignment of a[i..] with b[j..].
    std::vector<std::vector<long>> cost(a.size() + 1, std::vector<long>(b.size() + 1, 0));
    for (std::size_t i = a.size() + 1; i-- > 0;) {
        for (std::size_t j = b.size() + 1; j-- > 0;) {
            if (i == a.size() && j == b.size()) continue;
            long best = std::numeric_limits<long>::max();
            if (i < a.size() && j < b.size() && a[i] == b[j]) best = cost[i + 1][j + 1];
            if (i < a.size()) best = std::min(best, cost[i + 1][j] + remove_cost(i));
            if (j < b.size()) best = std::min(best, cost[i][j + 1] + 1);
            cost[i][j] = best;
        }
    }
    std::set<int> removed;
    std::size_t added = 0;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j] && cost[i][j] == cost[i + 1][j + 1]) {
            ++i, ++j;
        } else if (i < a.size() && cost[i][j] == cost[i + 1][j] + remove_cost(i)) {
            removed.insert(static_cast<int>(++i));
        } else {
            ++j, ++added;
        }
    }
    return {removed, added};
}

std::size_t yaml_errors(const fs::path& path) {
    const auto parsed =
        flinklint::ingest(std::make_shared<const flinklint::Source>(path.string(), read_file(path)));
    std::size_t count = 0;
    const auto add = [&](const std::vector<flinklint::SyntaxIssue>& issues) {
        for (const auto& issue : issues)
            count += issue.kind == flinklint::SyntaxIssue::Kind::yaml_error ? 1 : 0;
    };
    add(parsed.issues);
    for (const auto& doc : parsed.configs) add(doc.issues);
    return count;
}

}  // namespace

TEST(FixCorpus, SecondRunChangesNothingAndOnlyFixedLinesChange) {
    FLINKLINT_REQUIRE_SHARED(shared);
    const TempDir work;
    std::map<std::string, fs::path> originals;  // copy (relative to work) -> corpus file
    std::size_t index = 0;
    for (const auto& entry : fs::recursive_directory_iterator(shared / "corpus")) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || name == "README.md" || name == "SOURCES.tsv") continue;
        const std::string copy = "f" + std::to_string(index++) + "/" + name;
        work.write(copy, read_file(entry.path()));
        originals[copy] = entry.path();
    }
    ASSERT_GT(originals.size(), 400u);

    // Lines of each file that carry a finding with a fix (safe or unsafe), before fixing.
    const RunResult before =
        run_flinklint({"check", "--format", "json", "--jobs", "2", "."}, work.path().string());
    ASSERT_TRUE(before.exit_code == 0 || before.exit_code == 1) << before.err;
    const auto report = nlohmann::json::parse(before.out);
    std::map<std::string, std::set<int>> fixable_lines;
    std::size_t offered = 0;
    for (const auto& d : report["diagnostics"]) {
        if (d["fix"].is_null()) continue;
        ++offered;
        std::string file = d["file"].get<std::string>();
        if (file.rfind("./", 0) == 0) file = file.substr(2);
        for (int line = d["line"].get<int>(); line <= d["end_line"].get<int>(); ++line)
            fixable_lines[file].insert(line);
        // A fix may edit other lines of its finding (every earlier copy of a duplicate key).
        const std::string text = read_file(work.path() / file);
        for (const auto& edit : d["fix"]["edits"]) {
            const auto start = std::min(edit["start"].get<std::size_t>(), text.size());
            const auto end = std::min(edit["end"].get<std::size_t>(), text.size());
            const int first_line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + start, '\n'));
            const int last_line =
                first_line + static_cast<int>(std::count(text.begin() + start, text.begin() + end, '\n'));
            for (int line = first_line; line <= last_line; ++line) fixable_lines[file].insert(line);
        }
    }

    const RunResult first =
        run_flinklint({"check", "--fix", "--unsafe-fixes", "--jobs", "2", "."}, work.path().string());
    ASSERT_TRUE(first.exit_code == 0 || first.exit_code == 1) << first.err;
    EXPECT_EQ(first.err.find("error:"), std::string::npos) << first.err;

    std::size_t changed_files = 0;
    std::size_t changed_line_count = 0;
    for (const auto& [copy, original_path] : originals) {
        SCOPED_TRACE(original_path.string());
        const std::string original = read_file(original_path);
        const std::string fixed = read_file(work.path() / copy);
        if (fixed == original) continue;
        ++changed_files;
        EXPECT_LE(yaml_errors(work.path() / copy), yaml_errors(original_path)) << "a fix broke the YAML";
        const auto [removed, added] = changed_lines(original, fixed, fixable_lines[copy]);
        changed_line_count += removed.size();
        EXPECT_LE(added, removed.size()) << "a fix added lines";
        for (const int line : removed) {
            EXPECT_TRUE(fixable_lines[copy].count(line) == 1)
                << "line " << line << " changed without a fixed finding";
        }
    }

    std::map<std::string, std::string> after_first;
    for (const auto& [copy, original_path] : originals) after_first[copy] = read_file(work.path() / copy);
    const RunResult second =
        run_flinklint({"check", "--fix", "--unsafe-fixes", "--jobs", "2", "."}, work.path().string());
    EXPECT_NE(second.out.find("Fixed 0 problems in 0 files."), std::string::npos);
    std::size_t changed_again = 0;
    for (const auto& [copy, text] : after_first)
        changed_again += read_file(work.path() / copy) != text ? 1 : 0;
    EXPECT_EQ(changed_again, 0u);

    const auto fixed_line = first.out.substr(first.out.rfind("Fixed "));
    std::cout << "[ corpus   ] " << originals.size() << " files, " << offered << " findings with a fix; "
              << fixed_line.substr(0, fixed_line.find('\n')) << " (" << changed_files << " files, "
              << changed_line_count << " lines changed); second run: " << changed_again << " files changed\n";
    EXPECT_GT(changed_files, 0u);
}

// The fix engine on its own: edit application, the fix loop with a scripted linter, unified diffs
// and the atomic write (with injected faults).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

#include "fix_test_support.hpp"
#include "flinklint/fix.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint;
using flinklint::testing::list_dir;
using flinklint::testing::read_file;
using flinklint::testing::ScopedEnv;
using flinklint::testing::TempDir;

namespace {

Fix replace(std::size_t begin, std::size_t end, std::string text, FixSafety safety = FixSafety::safe) {
    return Fix{safety, "replace", {Edit{begin, end, std::move(text)}}};
}

std::string apply(std::string_view text, const std::vector<Fix>& fixes,
                  std::vector<bool>* applied = nullptr) {
    std::vector<const Fix*> pointers;
    for (const Fix& fix : fixes) pointers.push_back(&fix);
    AppliedFixes result = apply_fixes(text, pointers);
    if (applied != nullptr) *applied = result.applied;
    return result.text;
}

// A scripted linter: every `from` word gets a fix to `to`; the word BROKEN is an error finding; a
// text with `{{` does not parse.
struct Rewrite {
    std::string from;
    std::string to;
    FixSafety safety = FixSafety::safe;
};

GroupLinter scripted(std::vector<Rewrite> rewrites, int* calls = nullptr) {
    return [rewrites, calls](const std::vector<SourcePtr>& sources) {
        if (calls != nullptr) ++*calls;
        GroupLint lint;
        for (const SourcePtr& source : sources) {
            const std::string& text = source->text();
            lint.parse_errors.push_back(text.find("{{") != std::string::npos ? 1 : 0);
            for (const Rewrite& rewrite : rewrites) {
                for (std::size_t at = text.find(rewrite.from); at != std::string::npos;
                     at = text.find(rewrite.from, at + 1)) {
                    Diagnostic d;
                    d.rule_id = "T" + rewrite.from;
                    d.source = source;
                    d.span = {at, at + rewrite.from.size()};
                    d.key = rewrite.from;
                    d.fix = replace(at, at + rewrite.from.size(), rewrite.to, rewrite.safety);
                    lint.diagnostics.push_back(std::move(d));
                }
            }
            for (std::size_t at = text.find("BROKEN"); at != std::string::npos;
                 at = text.find("BROKEN", at + 1)) {
                Diagnostic d;
                d.rule_id = "E1";
                d.severity = Severity::error;
                d.source = source;
                d.span = {at, at + 6};
                lint.diagnostics.push_back(std::move(d));
            }
        }
        return lint;
    };
}

FixOutcome run_loop(const std::string& text, const GroupLinter& lint, bool unsafe = false) {
    std::vector<SourcePtr> sources{std::make_shared<const Source>("f.yaml", text)};
    GroupLint initial = lint(sources);
    return fix_group(sources, std::move(initial), lint, FixOptions{.unsafe = unsafe});
}

}  // namespace

TEST(ApplyFixes, NonOverlappingFixesApplyInOrder) {
    std::vector<bool> applied;
    EXPECT_EQ(apply("a: 1\nb: 2\n", {replace(0, 1, "x"), replace(5, 6, "yy")}, &applied), "x: 1\nyy: 2\n");
    EXPECT_EQ(applied, (std::vector<bool>{true, true}));
}

TEST(ApplyFixes, OverlappingFixIsSkippedWhole) {
    std::vector<bool> applied;
    const Fix two_edits{FixSafety::safe, "two", {Edit{0, 1, "X"}, Edit{6, 7, "Y"}}};
    EXPECT_EQ(apply("abcdefgh", {replace(5, 8, "-"), two_edits}, &applied), "abcde-");
    EXPECT_EQ(applied, (std::vector<bool>{true, false}));
}

TEST(ApplyFixes, AdjacentEditsApplyButInsertionsAtOneOffsetConflict) {
    EXPECT_EQ(apply("abcd", {replace(0, 2, "X"), replace(2, 4, "Y")}), "XY");
    std::vector<bool> applied;
    EXPECT_EQ(apply("abcd", {replace(2, 2, "1"), replace(2, 2, "2")}, &applied), "ab1cd");
    EXPECT_EQ(applied, (std::vector<bool>{true, false}));
    // A deletion of a line and an insertion at its end touch but do not overlap.
    EXPECT_EQ(apply("l1\nl2\n", {replace(0, 3, ""), replace(3, 3, "#")}), "#l2\n");
}

TEST(ApplyFixes, OutOfRangeAndNoOpFixesAreSkipped) {
    std::vector<bool> applied;
    EXPECT_EQ(apply("abc", {replace(2, 9, "x"), replace(0, 1, "a"), replace(3, 2, "z")}, &applied), "abc");
    EXPECT_EQ(applied, (std::vector<bool>{false, false, false}));
}

TEST(ApplyFixes, KeepsBytesOutsideEdits) {
    const std::string text = "\xEF\xBB\xBFkey: 1\r\n# comment \xC3\xA9\r\nother: 2";
    EXPECT_EQ(apply(text, {replace(3, 6, "new.key")}),
              "\xEF\xBB\xBFnew.key: 1\r\n# comment \xC3\xA9\r\nother: 2");
}

TEST(FixLoop, RepeatsToAFixedPoint) {
    int calls = 0;
    const auto lint = scripted({{"aaa", "bbb"}, {"bbb", "ccc"}}, &calls);
    const FixOutcome outcome = run_loop("aaa bbb\n", lint);
    EXPECT_EQ(outcome.sources[0]->text(), "ccc ccc\n");
    EXPECT_EQ(outcome.fixed[0], 3u);  // bbb->ccc and aaa->bbb in round 1, bbb->ccc in round 2
    EXPECT_TRUE(outcome.final_lint.diagnostics.empty());
    EXPECT_LE(calls, 4);
}

TEST(FixLoop, UnsafeFixesOnlyWhenAsked) {
    const auto lint = scripted({{"aaa", "bbb", FixSafety::unsafe}});
    EXPECT_EQ(run_loop("aaa\n", lint).sources[0]->text(), "aaa\n");
    EXPECT_EQ(run_loop("aaa\n", lint, true).sources[0]->text(), "bbb\n");
}

TEST(FixLoop, DropsAFixThatRaisesANewErrorAndKeepsTheOthers) {
    const auto lint = scripted({{"xx", "BROKEN"}, {"aaa", "bbb"}});
    const FixOutcome outcome = run_loop("xx aaa\n", lint);
    EXPECT_EQ(outcome.sources[0]->text(), "xx bbb\n");
    ASSERT_EQ(outcome.notes.size(), 1u);
    EXPECT_NE(outcome.notes[0].find("would raise E1"), std::string::npos) << outcome.notes[0];
}

TEST(FixLoop, ExistingErrorsDoNotBlockFixes) {
    const auto lint = scripted({{"aaa", "bbb"}});
    EXPECT_EQ(run_loop("BROKEN aaa\n", lint).sources[0]->text(), "BROKEN bbb\n");
}

TEST(FixLoop, DropsAFixThatBreaksParsing) {
    const auto lint = scripted({{"yy", "{{"}, {"aaa", "bbb"}});
    const FixOutcome outcome = run_loop("yy aaa\n", lint);
    EXPECT_EQ(outcome.sources[0]->text(), "yy bbb\n");
    ASSERT_EQ(outcome.notes.size(), 1u);
    EXPECT_NE(outcome.notes[0].find("no longer parse"), std::string::npos);
}

TEST(FixLoop, FixesFineAloneButNotTogetherAreAppliedOneByOne) {
    // Each rewrite alone is fine; together they spell the error word.
    const auto lint = scripted({{"BRO#", "BRO"}, {"#KEN", "KEN"}});
    const FixOutcome outcome = run_loop("BRO##KEN\n", lint);
    // The first is kept; then either one would complete the error word, so both are dropped.
    EXPECT_EQ(outcome.sources[0]->text(), "BRO#KEN\n");
    for (const Diagnostic& d : outcome.final_lint.diagnostics) EXPECT_NE(d.rule_id, "E1");
    EXPECT_EQ(outcome.fixed[0], 1u);
}

TEST(FixLoop, CyclesStop) {
    const auto lint = scripted({{"ping", "pong"}, {"pong", "ping"}});
    const FixOutcome outcome = run_loop("ping\n", lint);
    EXPECT_TRUE(outcome.sources[0]->text() == "ping\n" || outcome.sources[0]->text() == "pong\n");
}

TEST(UnifiedDiff, GitFormatWithContextAndLineNumbers) {
    const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n";
    const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n16\n";
    EXPECT_EQ(unified_diff("conf/flink-conf.yaml", before, after),
              "diff --git a/conf/flink-conf.yaml b/conf/flink-conf.yaml\n"
              "--- a/conf/flink-conf.yaml\n"
              "+++ b/conf/flink-conf.yaml\n"
              "@@ -2,7 +2,7 @@\n"
              " 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
              "@@ -12,5 +12,4 @@\n"
              " 12\n 13\n 14\n-15\n 16\n");
    EXPECT_EQ(unified_diff("x", before, before), "");
}

TEST(UnifiedDiff, MarksAMissingFinalNewlineAndKeepsCarriageReturns) {
    EXPECT_EQ(unified_diff("c.yaml", "a: 1\r\nb: 2", "a: 1\r\nb: 3"),
              "diff --git a/c.yaml b/c.yaml\n--- a/c.yaml\n+++ b/c.yaml\n@@ -1,2 +1,2 @@\n a: 1\r\n"
              "-b: 2\n\\ No newline at end of file\n+b: 3\n\\ No newline at end of file\n");
    EXPECT_EQ(unified_diff("d.yaml", "x\ny\n", "y\n"),
              "diff --git a/d.yaml b/d.yaml\n--- a/d.yaml\n+++ b/d.yaml\n"
              "@@ -1,2 +1 @@\n-x\n y\n");
}

TEST(AtomicWrite, ReplacesContentAndKeepsMode) {
    const TempDir dir;
    const fs::path file = dir.write("flink-conf.yaml", "old\n");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    ASSERT_FALSE(write_file_atomically(file, "new\n").has_value());
    EXPECT_EQ(read_file(file), "new\n");
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(list_dir(dir.path()), "flink-conf.yaml\n");  // no temporary file left
}

// A file that does not exist yet (tune --output, --patch of a new file) is created the same way,
// with the mode any new file gets.
TEST(AtomicWrite, CreatesANewFileWithTheUmaskMode) {
    const TempDir dir;
    const fs::path file = dir.path() / "report.html";
    const mode_t mask = ::umask(022);
    EXPECT_TRUE(
        write_file_atomically(file, "<html/>\n").has_value());  // by default a missing file is an error
    const auto error = write_file_atomically(file, "<html/>\n", IfMissing::create);
    ::umask(mask);
    ASSERT_FALSE(error.has_value()) << *error;
    EXPECT_EQ(read_file(file), "<html/>\n");
    EXPECT_EQ(
        fs::status(file).permissions() & fs::perms::all,
        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    EXPECT_EQ(list_dir(dir.path()), "report.html\n");
    EXPECT_TRUE(
        write_file_atomically(dir.path() / "missing-dir" / "x.yaml", "a\n", IfMissing::create).has_value());
}

TEST(AtomicWrite, RefusesSymlinksAndHardLinks) {
    const TempDir dir;
    const fs::path file = dir.write("real.yaml", "a\n");
    fs::create_symlink(file, dir.path() / "link.yaml");
    EXPECT_TRUE(write_file_atomically(dir.path() / "link.yaml", "b\n").has_value());
    fs::create_hard_link(file, dir.path() / "hard.yaml");
    const auto error = write_file_atomically(file, "b\n");
    ASSERT_TRUE(error.has_value());
    EXPECT_NE(error->find("hard links"), std::string::npos);
    EXPECT_EQ(read_file(file), "a\n");
}

TEST(AtomicWrite, InjectedFailuresLeaveTheOriginalIntact) {
    for (const char* fault : {"write", "rename"}) {
        SCOPED_TRACE(fault);
        const TempDir dir;
        const fs::path file = dir.write("config.yaml", "original: 1\n");
        const ScopedEnv env("FLINKLINT_FAULT_INJECT", fault);
        const auto error = write_file_atomically(file, "replaced: 2\n");
        ASSERT_TRUE(error.has_value());
        EXPECT_NE(error->find("simulated"), std::string::npos);
        EXPECT_EQ(read_file(file), "original: 1\n");
        EXPECT_EQ(list_dir(dir.path()), "config.yaml\n");
    }
}

// `check` writes its report a directory at a time as workers finish: the order must not depend on
// --jobs, and must be the order of one sort of all findings (paths compared as strings), even where
// that differs from the directory order (`prod-eu` before `prod/`, `a/b/` between `a/a` and `a/c`).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>

#include "cli/group_stream.hpp"
#include "fix_test_support.hpp"
#include "run_binary.hpp"

using namespace flinklint::testing;
using flinklint::cli::GroupResult;
using flinklint::cli::Input;

namespace {

const char* const kConfig =
    "taskmanager.numberOfTaskSlot: 4\n"
    "state.backend: rocksdb\n"
    "s3.secret-key: hunter2\n"
    "parallelism.defualt: 2\n";

void write_tree(const TempDir& dir) {
    for (const char* file :
         {"prod/flink-conf.yaml", "prod-eu/flink-conf.yaml", "prod.old/flink-conf.yaml", "a/a.yaml",
          "a/b/flink-conf.yaml", "a/c.yaml", "a b/flink-conf.yaml", "0top.yaml", "b-late.yaml"}) {
        dir.write(std::string("tree/") + file, kConfig);
    }
    // More directories than --jobs 4 runs ahead of the report.
    for (int i = 0; i < 40; ++i) {
        dir.write("tree/many/d" + std::to_string(i) + "/flink-conf.yaml",
                  std::string(kConfig) + "taskmanager.numberOfTaskSlots: " + std::to_string(i % 3) + "\n");
    }
}

}  // namespace

TEST(StreamOrder, SameOutputForOneAndFourJobsInEveryFormat) {
    const TempDir dir;
    write_tree(dir);
    for (const char* format : {"text", "json", "sarif", "github", "junit", "gitlab"}) {
        SCOPED_TRACE(format);
        const RunResult one =
            run_flinklint({"check", "--format", format, "--jobs", "1", "tree"}, dir.path().string());
        const RunResult four =
            run_flinklint({"check", "--format", format, "--jobs", "4", "tree"}, dir.path().string());
        EXPECT_EQ(one.exit_code, 1) << one.err;
        EXPECT_EQ(four.exit_code, one.exit_code);
        EXPECT_EQ(four.out, one.out);
        EXPECT_EQ(four.err, one.err);
        EXPECT_EQ(one.out.find("hunter2"), std::string::npos);
    }
}

TEST(StreamOrder, FindingsAreSortedByPathAsAString) {
    const TempDir dir;
    write_tree(dir);
    const RunResult run =
        run_flinklint({"check", "--format", "json", "--jobs", "4", "tree"}, dir.path().string());
    const auto json = nlohmann::json::parse(run.out);
    std::vector<std::string> files;
    for (const auto& d : json["diagnostics"]) {
        const std::string file = d["file"];
        if (files.empty() || files.back() != file) files.push_back(file);
    }
    EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
    EXPECT_EQ(std::set<std::string>(files.begin(), files.end()).size(), files.size()) << "one run per file";
    EXPECT_EQ(files.size(), 49u);
    EXPECT_EQ(json["summary"]["files"], 49);
}

std::vector<std::size_t> blocks_of(std::initializer_list<std::initializer_list<const char*>> groups) {
    flinklint::cli::FileGroups files;
    for (const auto& group : groups) {
        files.start_group();
        for (const char* path : group) files.add(path, path);
    }
    return flinklint::cli::report_blocks(files);
}

TEST(StreamOrder, BlocksKeepInterleavedDirectoriesTogether) {
    // Directory order (as std::map<path> gives it) with paths that sort the same as strings.
    EXPECT_EQ(blocks_of({{"d0/x.yaml", "d0/y.yaml"}, {"d1/x.yaml"}, {"d2/x.yaml"}}),
              (std::vector<std::size_t>{1, 2, 3}));
    // `a/b/` sorts between `a/a.yaml` and `a/c.yaml`.
    EXPECT_EQ(blocks_of({{"a/a.yaml", "a/c.yaml"}, {"a/b/x.yaml"}, {"d/x.yaml"}}),
              (std::vector<std::size_t>{2, 3}));
    // `prod` comes before `prod-eu` as a path, after it as a string.
    EXPECT_EQ(blocks_of({{"prod/x.yaml"}, {"prod-eu/x.yaml"}, {"q/x.yaml"}}),
              (std::vector<std::size_t>{2, 3}));
    // A path listed by two groups: their findings for it interleave, so they are never split.
    EXPECT_EQ(blocks_of({{"a/x.yaml"}, {"a/x.yaml"}}), (std::vector<std::size_t>{2}));
    EXPECT_EQ(blocks_of({{"-"}}), (std::vector<std::size_t>{1}));
    EXPECT_TRUE(blocks_of({}).empty());
}

TEST(StreamOrder, FileGroupsKeepPathsAndDisplayPaths) {
    flinklint::cli::FileGroups files;
    files.start_group();
    files.add("", "stdin.yaml");
    files.start_group();
    files.add("a//x.yaml", "a/x.yaml");
    files.add("a/y.yaml", "a/y.yaml");
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files.files_in(0), 1u);
    EXPECT_EQ(files.files_in(1), 2u);
    const std::vector<Input> first = files.group(0);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].path, "");
    EXPECT_EQ(first[0].display_path, "stdin.yaml");
    const std::vector<Input> second = files.group(1);
    ASSERT_EQ(second.size(), 2u);
    EXPECT_EQ(second[0].path, "a//x.yaml");
    EXPECT_EQ(second[0].display_path, "a/x.yaml");
    EXPECT_EQ(second[1].path, "a/y.yaml");
    EXPECT_EQ(files.display_path(1, 1), "a/y.yaml");
}

TEST(StreamOrder, DirectoryKeysCompareAsPaths) {
    const std::vector<std::string> dirs = {"",      ".",      "..",       "/",    "//",    "a",      "a/",
                                           "a//",   "a/b",    "a//b",     "a/b/", "a-b",   "a b",    "a.b",
                                           "a/b-c", "a/b/c",  "ab",       "/a",   "/a/b",  "//a",    "./a",
                                           "a/./b", "a/../b", "\xC3\xA9", "z",    "a\x7F", "a\xFF/b"};
    for (const std::string& x : dirs) {
        for (const std::string& y : dirs) {
            const std::filesystem::path px(x);
            const std::filesystem::path py(y);
            const int by_path = px.compare(py);
            const int by_key = flinklint::cli::directory_key(px).compare(flinklint::cli::directory_key(py));
            EXPECT_EQ(by_path < 0, by_key < 0) << '"' << x << "\" \"" << y << '"';
            EXPECT_EQ(by_path == 0, by_key == 0) << '"' << x << "\" \"" << y << '"';
        }
    }
}

TEST(StreamOrder, WorkersStayWithinTheWindowAndEmitInOrder) {
    // Blocks of one group, then one of five (larger than the window), then single ones.
    std::vector<std::size_t> ends;
    for (std::size_t i = 1; i <= 20; ++i) ends.push_back(i);
    ends.push_back(25);
    for (std::size_t i = 26; i <= 60; ++i) ends.push_back(i);
    const std::size_t window = 3;
    std::mutex mutex;
    std::size_t emitted = 0;  // groups emitted
    std::size_t block = 0;
    std::size_t worst_ahead = 0;
    std::atomic<int> emitting{0};
    const auto check = [&](std::size_t i, GroupResult& result) {
        {
            const std::lock_guard lock(mutex);
            worst_ahead = std::max(worst_ahead, i - emitted);
        }
        result.files.push_back(std::to_string(i));
    };
    const auto emit = [&](std::vector<GroupResult>& results) {
        EXPECT_EQ(emitting.fetch_add(1), 0) << "one emit at a time";
        const std::lock_guard lock(mutex);
        const std::size_t first = block == 0 ? 0 : ends[block - 1];
        EXPECT_EQ(results.size(), ends[block] - first);
        for (std::size_t k = 0; k < results.size(); ++k)
            EXPECT_EQ(results[k].files, std::vector<std::string>{std::to_string(first + k)});
        emitted = ends[block++];
        emitting.fetch_sub(1);
    };
    flinklint::cli::check_in_order(ends, 4, window, check, emit);
    EXPECT_EQ(block, ends.size());
    EXPECT_LT(worst_ahead, 5u) << "the block of five is the most a worker may run ahead";
}

TEST(StreamOrder, AnEmitFailureStopsTheRunAndIsRethrown) {
    std::vector<std::size_t> ends;
    for (std::size_t i = 1; i <= 100; ++i) ends.push_back(i);
    std::atomic<std::size_t> checked{0};
    const auto check = [&](std::size_t, GroupResult&) { ++checked; };
    const auto emit = [&](std::vector<GroupResult>&) { throw std::runtime_error("disk full"); };
    EXPECT_THROW(flinklint::cli::check_in_order(ends, 2, 4, check, emit), std::runtime_error);
    EXPECT_LT(checked.load(), 100u);
}

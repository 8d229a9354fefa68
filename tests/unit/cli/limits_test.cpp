// Hostile input through the real binary: every bound ends in a located finding, a quiet skip
// (said with --verbose) or a clear error (exit 2), never a crash, a hang or unbounded memory. A hang
// fails through ctest's TIMEOUT (tests/CMakeLists.txt); the speed of these inputs is measured by
// bench/micro_hostile.cpp, since a timed assertion fails at random on a loaded machine.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "flinklint/project_config.hpp"
#include "run_binary.hpp"

namespace fs = std::filesystem;
using flinklint::testing::run_flinklint;
using flinklint::testing::RunResult;

namespace {

// GCC defines __SANITIZE_ADDRESS__ under ASan; clang 14 answers __has_feature instead.
#if defined(__SANITIZE_ADDRESS__)
#define FLINKLINT_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FLINKLINT_TEST_ASAN 1
#endif
#endif
#if defined(FLINKLINT_TEST_ASAN)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

// A fresh directory per test, removed afterwards.
class Scratch {
public:
    Scratch() {
        static int counter = 0;
        dir_ = fs::temp_directory_path() /
               ("flinklint-limits-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    ~Scratch() {
        std::error_code ec;
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(dir_, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    [[nodiscard]] const fs::path& dir() const { return dir_; }
    fs::path write(const std::string& name, const std::string& bytes) const {
        const fs::path path = dir_ / name;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
    // Runs `flinklint check ARGS...` in the scratch directory.
    [[nodiscard]] RunResult check(std::vector<std::string> args) const {
        args.insert(args.begin(), "check");
        return run_flinklint(args, dir_.string());
    }

private:
    fs::path dir_;
};

struct Finding {
    std::string rule;
    int line = 0;
    int column = 0;
    int end_line = 0;
    int end_column = 0;
    std::string message;
};

// Parses `--format json` output; fails the test when it is not valid JSON.
std::vector<Finding> findings(const RunResult& run) {
    std::vector<Finding> out;
    const auto json = nlohmann::json::parse(run.out, nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << run.out.substr(0, 2000) << run.err;
    if (json.is_discarded()) return out;
    for (const auto& d : json.at("diagnostics")) {
        out.push_back({d.at("rule"), d.at("line"), d.at("column"), d.at("end_line"), d.at("end_column"),
                       d.at("message")});
        EXPECT_GE(out.back().line, 1);
        EXPECT_GE(out.back().column, 1);
    }
    return out;
}

const Finding* find_rule(const std::vector<Finding>& all, const std::string& rule) {
    for (const Finding& f : all)
        if (f.rule == rule) return &f;
    return nullptr;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string alias_bomb() {
    std::string text =
        "taskmanager.numberOfTaskSlots: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
        for (int i = 0; i < 9; ++i) text += (i > 0 ? ", *a" : "*a") + std::to_string(level - 1);
        text += "]\n";
    }
    return text;
}

TEST(CliLimits, DeepNestingIsALocatedFinding) {
    Scratch s;
    s.write("config.yaml", "taskmanager.numberOfTaskSlots: " + std::string(10'000, '[') + "\n");
    std::string block = "taskmanager:\n";
    for (int i = 1; i < 2'000; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
    block += std::string(2'000, ' ') + "k: 1\n";
    s.write("block/config.yaml", block);
    const RunResult run = s.check({"--format", "json", "config.yaml", "block/config.yaml"});

    EXPECT_EQ(run.exit_code, 1) << run.err;
    int limits = 0;
    for (const Finding& f : findings(run)) {
        if (f.rule == "FL001" && f.message.find("nested deeper than") != std::string::npos) ++limits;
    }
    EXPECT_EQ(limits, 2) << run.out;
}

TEST(CliLimits, AliasBombIsALocatedFinding) {
    Scratch s;
    s.write("config.yaml", alias_bomb());
    const RunResult run = s.check({"--format", "json", "config.yaml"});

    EXPECT_EQ(run.exit_code, 1) << run.err;
    const auto all = findings(run);
    const Finding* limit = find_rule(all, "FL001");
    ASSERT_NE(limit, nullptr) << run.out;
    EXPECT_GT(limit->line, 1);  // at the alias that crosses the bound, not at the top of the file
}

TEST(CliLimits, AliasLoopsEndQuickly) {
    Scratch s;
    s.write("config.yaml", "taskmanager.numberOfTaskSlots: 1\na: &a [1, *a]\nb: &b {x: *b}\nc: *c\n");
    s.write("k8s/deploy.yaml",
            "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {name: x}\n"
            "spec: &s\n  flinkConfiguration: &f\n    taskmanager.numberOfTaskSlots: *f\n    loop: *s\n");
    const RunResult run = s.check({"--format", "json", "config.yaml", "k8s/deploy.yaml"});

    EXPECT_LE(run.exit_code, 1) << run.err;
    (void)findings(run);
}

TEST(CliLimits, FileAboveTheSizeLimitIsAFindingOnTheFile) {
    Scratch s;
    s.write("big.yaml", "taskmanager.numberOfTaskSlots: 1\n" + std::string(2'000, '#') + "\n");
    const RunResult run = s.check({"--format", "json", "--max-file-size", "1000", "big.yaml"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const auto all = findings(run);
    ASSERT_EQ(all.size(), 1u) << run.out;
    EXPECT_EQ(all[0].rule, "FL001");
    EXPECT_EQ(std::tie(all[0].line, all[0].column), std::make_tuple(1, 1));
    EXPECT_NE(all[0].message.find("above the limit of 1000 bytes"), std::string::npos) << all[0].message;

    // The default limit is 10 MiB.
    s.write("huge.yaml", "taskmanager.numberOfTaskSlots: 1\n" + std::string(10u << 20, '#'));
    const RunResult huge = s.check({"--format", "json", "huge.yaml"});
    EXPECT_EQ(huge.exit_code, 1) << huge.err;
    EXPECT_NE(huge.out.find("above the limit of 10485760 bytes"), std::string::npos) << huge.out;
}

TEST(CliLimits, BinaryContentIsSkippedQuietly) {
    Scratch s;
    s.write("logo.yaml", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const RunResult quiet = s.check({"."});
    EXPECT_EQ(quiet.exit_code, 0) << quiet.out << quiet.err;
    // The file's reason needs --verbose; that the walked directory held no Flink file does not.
    EXPECT_EQ(quiet.err,
              "flinklint: warning: .: no Flink file checked: none of its 1 YAML file is Flink configuration "
              "(--verbose says why each was skipped)\n");
    const RunResult verbose = s.check({"--verbose", "."});
    EXPECT_EQ(verbose.exit_code, 0);
    EXPECT_NE(verbose.err.find("logo.yaml: skipped: binary content"), std::string::npos) << verbose.err;
    // Named as Flink's own file, binary content is a configuration gone wrong: a finding.
    s.write("flink-conf.yaml", std::string("taskmanager.numberOfTaskSlot: 4\n\0\0\x01\x02", 37));
    const RunResult flink = s.check({"."});
    EXPECT_EQ(flink.exit_code, 1) << flink.out << flink.err;
    EXPECT_NE(flink.out.find("flink-conf.yaml:2:1: error[FL001"), std::string::npos) << flink.out;
}

TEST(CliLimits, InvalidUtf8) {
    Scratch s;
    // Any other YAML file: skipped, and --verbose says why.
    s.write("other/values.yaml", "taskmanager.numberOfTaskSlot: 4\njobmanager.x: \xff\xfe\n");
    const RunResult skipped = s.check({"--verbose", "other"});
    EXPECT_EQ(skipped.exit_code, 0) << skipped.out;
    EXPECT_NE(skipped.err.find("values.yaml: skipped: not valid UTF-8"), std::string::npos) << skipped.err;

    // config.yaml: Flink's YAML loader refuses the file, at the bad byte.
    s.write("yaml/config.yaml",
            "taskmanager:\n  numberOfTaskSlots: \xff"
            "4\n");
    const auto yaml = findings(s.check({"--format", "json", "yaml/config.yaml"}));
    const Finding* bad = find_rule(yaml, "FL001");
    ASSERT_NE(bad, nullptr);
    EXPECT_EQ(std::tie(bad->line, bad->column), std::make_tuple(2, 22));

    // flink-conf.yaml: Flink's line parser reads bytes; an invalid byte is one column, and the
    // JSON report stays valid.
    s.write("legacy/flink-conf.yaml", "\xff\xfe.key: \xc3\n  \xe9taskmanager.numberOfTaskSlot: 4\n");
    const RunResult legacy = s.check({"--format", "json", "legacy/flink-conf.yaml"});
    EXPECT_EQ(legacy.exit_code, 1);
    const auto all = findings(legacy);
    std::set<std::pair<int, int>> at;
    for (const Finding& f : all) at.emplace(f.line, f.column);
    EXPECT_TRUE(at.count({1, 1})) << legacy.out;
    EXPECT_TRUE(at.count({2, 3}) || at.count({2, 4})) << legacy.out;
}

// `flinklint memory --format json` echoes values: invalid UTF-8 threw inside the JSON writer.
TEST(CliLimits, InvalidUtf8InTheMemoryReport) {
    Scratch s;
    s.write("flink-conf.yaml",
            "taskmanager.memory.process.size: 17\xff"
            "28m\njobmanager.memory.process.size: 1600m\n");
    const RunResult run = run_flinklint({"memory", "--format", "json", "flink-conf.yaml"}, s.dir().string());
    EXPECT_NE(run.exit_code, 2) << run.err;
    EXPECT_TRUE(nlohmann::json::accept(run.out)) << run.out;
}

TEST(CliLimits, ByteOrderMarkDoesNotShiftColumns) {
    Scratch s;
    s.write("yaml/config.yaml", "\xEF\xBB\xBFtaskmanager.numberOfTaskSlot: 4\n");
    const auto yaml = findings(s.check({"--format", "json", "yaml/config.yaml"}));
    const Finding* key = find_rule(yaml, "FL101");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(std::tie(key->line, key->column, key->end_column), std::make_tuple(1, 1, 29));
}

// The same file with \n, \r\n and lone \r line breaks gives the same findings at the same places.
TEST(CliLimits, LineEndingsDoNotMovePositions) {
    const std::vector<std::pair<std::string, std::string>> files = {
        {"flink-conf.yaml",
         "# comment\ntaskmanager.numberOfTaskSlot: 4\n\ntaskmanager.memory.process.size: 12 zb\n"
         "jobmanager.rpc.port: abc # trailing\nno separator here\n"},
        {"config.yaml",
         "# comment\ntaskmanager:\n  numberOfTaskSlot: 4\n  memory:\n    process.size: 12 zb\n"
         "jobmanager.rpc.port: 'abc'\n"},
    };
    for (const auto& [name, lf] : files) {
        std::vector<std::tuple<std::string, int, int, int, int>> expected;
        for (const std::string eol : {"\n", "\r\n", "\r"}) {
            std::string text;
            for (const char c : lf) text += c == '\n' ? eol : std::string(1, c);
            Scratch s;
            s.write(name, text);
            const RunResult run = s.check({"--format", "json", name});
            std::vector<std::tuple<std::string, int, int, int, int>> got;
            for (const Finding& f : findings(run))
                got.emplace_back(f.rule, f.line, f.column, f.end_line, f.end_column);
            if (expected.empty()) {
                expected = got;
                EXPECT_GE(got.size(), 3u) << name << run.out;
            } else {
                EXPECT_EQ(got, expected)
                    << name << " with line breaks " << (eol == "\r" ? "CR" : "CRLF") << run.out;
            }
        }
    }
}

TEST(CliLimits, LinesOfMegabytes) {
    Scratch s;
    // One 4 MB value: read, reported once, and the snippet is a window of the line.
    // Keys under a Flink namespace: FL101 warnings (foreign namespaces are info and would not fail).
    s.write("flink-conf.yaml", "taskmanager.numberOfTaskSlots: 1\ntaskmanager.unknown-key: " +
                                   std::string(4u << 20, 'v') + "\n");
    const RunResult run = s.check({"flink-conf.yaml"});

    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_LT(run.out.size(), 4'000u) << run.out.substr(0, 4000);

    // Thousands of findings on one line: the output stays bounded.
    std::string flow = "taskmanager.numberOfTaskSlots: 1\nstate.x: {";
    for (int i = 0; i < 20'000; ++i) flow += (i > 0 ? ", k" : "k") + std::to_string(i) + ": 1";
    s.write("flow/config.yaml", flow + "}\n");
    const RunResult many = s.check({"flow/config.yaml"});

    EXPECT_EQ(many.exit_code, 1) << many.err;
    // At most 1000 findings of one rule per file are shown; one more says how many were not.
    EXPECT_NE(many.out.find("Found 1001 problems"), std::string::npos)
        << many.out.substr(many.out.size() - 300);
    EXPECT_NE(many.out.find("19000 more findings of FL101 not shown"), std::string::npos);
    EXPECT_LT(many.out.size(), 1001u * 800u);
}

// Peak resident memory of the children this process waited for, in MiB.
long children_peak_mib() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss / 1024;
}

TEST(CliLimits, HundredThousandFilesInOneDirectorySlow) {
    Scratch s;
    const fs::path dir = s.dir() / "many";
    fs::create_directories(dir);
    // One in ten is a Flink configuration; the others are YAML files flinklint skips.
    for (int i = 0; i < 100'000; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "f%06d.yaml", i);
        std::ofstream(dir / name) << (i % 10 == 0
                                          ? "taskmanager.numberOfTaskSlots: " + std::to_string(i % 8 + 1)
                                          : "name: x" + std::to_string(i))
                                  << "\n";
    }
    const auto start = std::chrono::steady_clock::now();
    const RunResult run = s.check({"--jobs", "2", "many"});
    const double took = seconds_since(start);  // printed, not asserted: bench/ measures speed
    EXPECT_EQ(run.exit_code, 0) << run.err.substr(0, 2000);
    EXPECT_NE(run.out.find("in 100000 files"), std::string::npos) << run.out.substr(0, 2000);
    const long peak = children_peak_mib();
    EXPECT_LT(peak, kSanitized ? 2048 : 512) << "peak memory of the check, MiB";
    std::printf("100,000 files: %.1f s, peak %ld MiB\n", took, peak);
}

TEST(CliLimits, UnreadableFiles) {
    Scratch s;
    const fs::path file = s.write("conf/flink-conf.yaml", "taskmanager.numberOfTaskSlots: 1\n");
    // A FIFO would block a reader forever: walked it is not a file, given it is an error.
    ASSERT_EQ(::mkfifo((s.dir() / "conf/pipe.yaml").c_str(), 0600), 0);
    const RunResult walked = s.check({"conf"});
    EXPECT_EQ(walked.exit_code, 0) << walked.err;
    const RunResult given = s.check({"conf/pipe.yaml"});
    EXPECT_EQ(given.exit_code, 2);
    EXPECT_NE(given.err.find("conf/pipe.yaml: not a regular file"), std::string::npos) << given.err;

    if (::geteuid() == 0) {
        GTEST_SKIP() << "running as root: chmod 000 does not stop root from reading, sub-case skipped";
    }
    fs::permissions(file, fs::perms::none);
    const RunResult denied = s.check({"conf/flink-conf.yaml"});
    EXPECT_EQ(denied.exit_code, 2);
    EXPECT_NE(denied.err.find("conf/flink-conf.yaml: cannot open the file for reading"), std::string::npos)
        << denied.err;
}

TEST(CliLimits, DanglingSymlinks) {
    Scratch s;
    s.write("conf/flink-conf.yaml", "taskmanager.numberOfTaskSlots: 1\n");
    fs::create_symlink("missing.yaml", s.dir() / "conf/dangling.yaml");
    const RunResult walked = s.check({"--verbose", "conf"});
    EXPECT_EQ(walked.exit_code, 0) << walked.err;
    EXPECT_NE(walked.err.find("conf/dangling.yaml: dangling symbolic link"), std::string::npos) << walked.err;
    EXPECT_EQ(s.check({"conf"}).err, "");

    const RunResult given = s.check({"conf/dangling.yaml"});
    EXPECT_EQ(given.exit_code, 2);
    EXPECT_NE(
        given.err.find("conf/dangling.yaml: dangling symbolic link (its target missing.yaml does not exist)"),
        std::string::npos)
        << given.err;
}

TEST(CliLimits, SymlinkLoops) {
    Scratch s;
    s.write("conf/flink-conf.yaml", "taskmanager.numberOfTaskSlot: 1\n");
    fs::create_directories(s.dir() / "conf/sub");
    fs::create_directory_symlink("..", s.dir() / "conf/sub/up");  // a loop of directories
    fs::create_symlink("self.yaml", s.dir() / "conf/self.yaml");  // a link to itself
    const RunResult walked = s.check({"--verbose", "conf"});

    EXPECT_EQ(walked.exit_code, 1) << walked.err;  // the one finding of flink-conf.yaml, once
    EXPECT_NE(walked.out.find("in 1 file"), std::string::npos) << walked.out;
    EXPECT_NE(walked.err.find("conf/self.yaml: symbolic link loop"), std::string::npos) << walked.err;

    const RunResult given = s.check({"conf/self.yaml"});
    EXPECT_EQ(given.exit_code, 2);
    EXPECT_NE(given.err.find("conf/self.yaml: symbolic link loop"), std::string::npos) << given.err;
}

TEST(CliLimits, DeepDirectoryTrees) {
    Scratch s;
    fs::path deep = "tree";
    for (int i = 0; i < 200; ++i) deep /= "d";
    s.write((deep / "flink-conf.yaml").string(), "taskmanager.numberOfTaskSlot: 1\n");
    s.write("tree/flink-conf.yaml", "taskmanager.numberOfTaskSlots: 1\n");
    const RunResult run = s.check({"--verbose", "tree"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_NE(run.err.find("not entered: more than 128 directory levels"), std::string::npos) << run.err;
}

// `ignore` and `per-path` globs of .flinklint.yaml: backtracking is bounded (once exponential).
TEST(CliLimits, GlobsWithManyStarsEndQuickly) {
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "a/";
    deep += "flink-conf.yaml";
    EXPECT_FALSE(flinklint::glob_match("**/**/**/**/**/**/**/**/**/**/**/**/z", deep));
    EXPECT_TRUE(flinklint::glob_match("**/**/**/**/**/**/**/**/**/**/**/**/flink-conf.yaml", deep));
    EXPECT_FALSE(flinklint::glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*b", std::string(250, 'a')));
}

}  // namespace

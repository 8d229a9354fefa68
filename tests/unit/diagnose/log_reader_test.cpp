// Logs on disk: plain and gzip read alike, over-long lines, line counts, unreadable paths.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "flinklint/diagnose/diagnose.hpp"

namespace {

namespace fs = std::filesystem;
using namespace flinklint;

fs::path temp_file(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("flinklint-diagnose-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir / name;
}

const std::string kLog =
    "2024-03-01 10:00:00,000 INFO  org.apache.flink.runtime.jobmaster.JobMaster [] - Job switched to "
    "RUNNING.\r\n"
    "java.lang.OutOfMemoryError: Java heap space\n"
    "last line without a break";

TEST(LogReader, PlainAndGzipGiveTheSameDiagnosis) {
    const fs::path plain = temp_file("taskmanager.log");
    std::ofstream(plain, std::ios::binary) << kLog;
    const fs::path gz = temp_file("taskmanager.log.gz");
    gzFile out = gzopen(gz.c_str(), "wb");
    ASSERT_NE(out, nullptr);
    gzwrite(out, kLog.data(), static_cast<unsigned>(kLog.size()));
    gzclose(out);

    const auto result = diagnose::diagnose_logs({plain.string(), gz.string()}, {});
    ASSERT_EQ(result.logs.size(), 2u);
    EXPECT_FALSE(result.logs[0].gzip);
    EXPECT_TRUE(result.logs[1].gzip);
    for (const auto& log : result.logs) {
        EXPECT_EQ(log.lines, 3u);
        EXPECT_EQ(log.bytes, kLog.size());
    }
    ASSERT_EQ(result.diagnoses.size(), 2u);
    EXPECT_EQ(result.diagnoses[0].line, 2u);
    EXPECT_EQ(result.diagnoses[1].line, 2u);
    fs::remove_all(plain.parent_path());
}

TEST(LogReader, LinesLongerThanTheBufferAreCut) {
    const fs::path path = temp_file("long.log");
    {
        std::ofstream file(path, std::ios::binary);
        file << "java.lang.OutOfMemoryError: Metaspace " << std::string(3u << 20, 'x') << "\nsecond\n";
    }
    const auto result = diagnose::diagnose_logs({path.string()}, {});
    ASSERT_EQ(result.logs.size(), 1u);
    EXPECT_EQ(result.logs[0].lines, 2u);
    ASSERT_EQ(result.diagnoses.size(), 1u);
    EXPECT_EQ(result.diagnoses[0].evidence.size(), diagnose::kMaxEvidence);
    fs::remove_all(path.parent_path());
}

TEST(LogReader, MissingFilesAndDirectoriesAreErrors) {
    const auto result =
        diagnose::diagnose_logs({"/nonexistent/flink.log", fs::temp_directory_path().string()}, {});
    ASSERT_EQ(result.logs.size(), 2u);
    EXPECT_EQ(result.logs[0].error, "no such file");
    EXPECT_EQ(result.logs[1].error, "not a regular file");
    EXPECT_TRUE(result.diagnoses.empty());
}

}  // namespace

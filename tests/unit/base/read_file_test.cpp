// read_file_limited: the size limit holds whatever the file says of its size, and nothing blocks.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "flinklint/read_file.hpp"

namespace flinklint {
namespace {
namespace fs = std::filesystem;

class ReadFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("flinklint-read-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path write(const std::string& name, const std::string& bytes) {
        std::ofstream(dir_ / name, std::ios::binary) << bytes;
        return dir_ / name;
    }
    fs::path dir_;
};

TEST_F(ReadFile, ReadsUpToTheLimitAndRefusesOneByteMore) {
    const FileRead at_limit = read_file_limited(write("ten", std::string(10, 'x')), 10);
    ASSERT_TRUE(at_limit.bytes);
    EXPECT_EQ(*at_limit.bytes, std::string(10, 'x'));
    const FileRead over = read_file_limited(write("eleven", std::string(11, 'x')), 10);
    EXPECT_FALSE(over.bytes);
    EXPECT_EQ(over.error.kind, ReadError::Kind::too_large);
    EXPECT_EQ(over.error.message, "file is 11 bytes, above the limit of 10 bytes");
}

TEST_F(ReadFile, DirectoriesAndFifosAreRefusedWithoutBlocking) {
    const FileRead directory = read_file_limited(dir_, 10);
    EXPECT_EQ(directory.error.kind, ReadError::Kind::not_regular);
    EXPECT_EQ(directory.error.message, "is a directory");
    ASSERT_EQ(::mkfifo((dir_ / "fifo").c_str(), 0600), 0);
    const FileRead fifo = read_file_limited(dir_ / "fifo", 10);  // no writer: would block if opened blocking
    EXPECT_EQ(fifo.error.kind, ReadError::Kind::not_regular);
    const FileRead zero = read_file_limited("/dev/zero", 10);
    EXPECT_EQ(zero.error.kind, ReadError::Kind::not_regular);
}

TEST_F(ReadFile, AFileWhoseSizeReadsZeroIsReadToItsEnd) {
    const FileRead status = read_file_limited("/proc/self/status", 1 << 20);
    ASSERT_TRUE(status.bytes) << status.error.message;
    EXPECT_NE(status.bytes->find("Name:"), std::string::npos);
    const FileRead small_limit = read_file_limited("/proc/self/status", 16);
    EXPECT_EQ(small_limit.error.kind, ReadError::Kind::too_large);
    EXPECT_EQ(small_limit.error.message, "file is more than 16 bytes, above the limit of 16 bytes");
}

TEST_F(ReadFile, AMissingFileIsUnreadable) {
    const FileRead missing = read_file_limited(dir_ / "missing", 10);
    EXPECT_EQ(missing.error.kind, ReadError::Kind::unreadable);
    EXPECT_EQ(missing.error.message, "No such file or directory");
}

}  // namespace
}  // namespace flinklint

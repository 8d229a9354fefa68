// Where tests find the repository, ../shared and the built binary.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace flinklint::testing {

std::filesystem::path source_dir();  // repository root
std::filesystem::path flinklint_binary();
// ../shared beside the repository, or nullopt when it is absent (tests then GTEST_SKIP).
std::optional<std::filesystem::path> shared_dir();
std::string read_file(const std::filesystem::path& path);

}  // namespace flinklint::testing

// Skips the current test with a clear message when ../shared is not beside the repository.
#define FLINKLINT_REQUIRE_SHARED(var)                                                     \
    const auto var##_opt = ::flinklint::testing::shared_dir();                            \
    if (!var##_opt) GTEST_SKIP() << "../shared is not beside the repository: skipped";    \
    const std::filesystem::path var = *var##_opt

// Where tests find the repository, ../shared and the built binary.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace flinklint::testing {

std::filesystem::path source_dir();  // repository root
std::filesystem::path flinklint_binary();
// ../shared beside the repository, or nullopt when it is absent (tests then skip, or fail in CI).
std::optional<std::filesystem::path> shared_dir();
std::string read_file(const std::filesystem::path& path);
// True when the environment variable `name` is set to 1: FLINKLINT_REQUIRE_SHARED and
// FLINKLINT_REQUIRE_TOOLS, which .ci/run sets so that what a test needs is never silently missing.
bool required_by_environment(const char* name);

}  // namespace flinklint::testing

// Ends the current test when something it needs is missing: a skip with `why`, or a failure when
// the environment variable `env` is 1 (CI, where a skip would hide an untested path).
#define FLINKLINT_SKIP_OR_FAIL(env, why)                            \
    do {                                                            \
        if (::flinklint::testing::required_by_environment(env)) {   \
            GTEST_FAIL() << (why) << " (" env "=1: required here)"; \
        }                                                           \
        GTEST_SKIP() << (why) << ": skipped";                       \
    } while (false)

// Skips (or fails, under FLINKLINT_REQUIRE_SHARED=1) when ../shared is not beside the repository.
#define FLINKLINT_REQUIRE_SHARED(var)                                                                 \
    const auto var##_opt = ::flinklint::testing::shared_dir();                                        \
    if (!var##_opt)                                                                                   \
        FLINKLINT_SKIP_OR_FAIL("FLINKLINT_REQUIRE_SHARED", "../shared is not beside the repository"); \
    const std::filesystem::path var = *var##_opt

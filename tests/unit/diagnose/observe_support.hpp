// What the `flinklint observe` tests share: the recorded Flink 1.15 REST responses, a scratch
// directory per test, and options that run the built flinklint-fetch.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "flinklint/diagnose/observe.hpp"
#include "test_paths.hpp"

namespace flinklint::testing {

inline std::filesystem::path recorded() {
    return source_dir() / "tests" / "unit" / "diagnose" / "rest-1.15";
}

struct Scratch {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("flinklint-observe-" + std::to_string(::getpid()) + "-" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    Scratch() { std::filesystem::remove_all(dir); }
    ~Scratch() { std::filesystem::remove_all(dir); }
};

#ifdef FLINKLINT_FETCH_BINARY
// Options to observe `url` into `out` through the built flinklint-fetch.
inline diagnose::ObserveOptions options_for(const std::string& url, const std::filesystem::path& out) {
    diagnose::ObserveOptions options{url};
    options.out = out.string();
    options.fetcher = FLINKLINT_FETCH_BINARY;
    return options;
}
#endif

}  // namespace flinklint::testing

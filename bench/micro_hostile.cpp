// Hostile inputs the robustness tests feed flinklint (tests/unit/ingest/test_limits.cpp,
// legacy_lines_test.cpp, test_fuzz_regressions.cpp, tests/unit/cli/limits_test.cpp): alias bombs, deep
// nesting, a 4 MB line, 100,000 legacy lines, globs of many stars. The tests check what flinklint says
// about them and leave a hang to ctest's TIMEOUT (tests/CMakeLists.txt); how fast each one is answered
// is measured here and stated in docs/performance.md, since a timed test fails at random on a loaded
// machine.
#include <string>

#include <benchmark/benchmark.h>

#include "flinklint/ingest.hpp"
#include "flinklint/project_config.hpp"
#include "hostile_inputs.hpp"

namespace {

using namespace flinklint;
using flinklint::testing::alias_bomb;

void ingest_text(benchmark::State& state, const std::string& path, const std::string& text,
                 const IngestOptions& options = {}) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(ingest(std::make_shared<const Source>(path, text), options));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void alias_bomb_of_lists(benchmark::State& state) {
    ingest_text(state, "config.yaml", "taskmanager.numberOfTaskSlots: 1\n" + alias_bomb(false));
}

void alias_bomb_of_maps(benchmark::State& state) {
    ingest_text(state, "config.yaml", "taskmanager.numberOfTaskSlots: 1\n" + alias_bomb(true));
}

void deep_flow_nesting(benchmark::State& state) {
    std::string text = "taskmanager.numberOfTaskSlots: ";
    for (int i = 0; i < 10'000; ++i) text += "{a: ";
    ingest_text(state, "config.yaml", text);
}

void deep_block_nesting(benchmark::State& state) {
    IngestOptions options;
    options.forced_format = FileFormat::yaml;
    std::string text = "taskmanager:\n";
    for (int i = 1; i < 2'000; ++i)
        text += std::string(static_cast<std::size_t>(i), ' ') + "k" + std::to_string(i) + ":\n";
    ingest_text(state, "config.yaml", text, options);
}

void stray_comma(benchmark::State& state) {
    IngestOptions options;
    options.forced_format = FileFormat::kubernetes;
    ingest_text(state, "m.yaml", "# x\n  ,b\n", options);
}

void legacy_huge_input(benchmark::State& state) {
    std::string text = "big: " + std::string(4 << 20, 'x') + "\n";
    for (int i = 0; i < 100'000; ++i) text += "key" + std::to_string(i) + ": " + std::to_string(i) + " # c\n";
    text += std::string(2 << 20, ':');
    for (auto _ : state) benchmark::DoNotOptimize(parse_legacy_config(text));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void glob_many_stars(benchmark::State& state) {
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "a/";
    deep += "flink-conf.yaml";
    const std::string as(250, 'a');
    for (auto _ : state) {
        benchmark::DoNotOptimize(glob_match("**/**/**/**/**/**/**/**/**/**/**/**/z", deep));
        benchmark::DoNotOptimize(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*b", as));
    }
}

}  // namespace

BENCHMARK(alias_bomb_of_lists)->Unit(benchmark::kMillisecond);
BENCHMARK(alias_bomb_of_maps)->Unit(benchmark::kMillisecond);
BENCHMARK(deep_flow_nesting)->Unit(benchmark::kMillisecond);
BENCHMARK(deep_block_nesting)->Unit(benchmark::kMillisecond);
BENCHMARK(stray_comma)->Unit(benchmark::kMicrosecond);
BENCHMARK(legacy_huge_input)->Unit(benchmark::kMillisecond);
BENCHMARK(glob_many_stars)->Unit(benchmark::kMicrosecond);

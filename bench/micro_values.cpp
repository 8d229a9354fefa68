// Value grammars (Boost.Spirit X3, linter/src/values/) on values written as the corpus writes them.
// Each iteration parses the whole list; items/s and the time per value are reported.
#include <array>
#include <string_view>

#include <benchmark/benchmark.h>

#include "flinklint/values.hpp"

namespace {

using namespace std::string_view_literals;

constexpr std::array kMemorySizes = {"1728m"sv, "2 gb"sv, "512mb"sv,  "64 kb"sv,
                                     "4096"sv,  "1g"sv,   "256 mb"sv, "1536m"sv};
constexpr std::array kDurations = {"10 s"sv, "1 min"sv,  "50000"sv, "3 minutes"sv,
                                   "1h"sv,   "500 ms"sv, "60s"sv,   "2 hours"sv};
constexpr std::array kLists = {"org.apache.hadoop.;com.amazonaws.;org.apache.iceberg."sv, "/tmp"sv,
                               "'a;b';c"sv, "io.confluent.;org.apache.kafka."sv};
constexpr std::array kMaps = {"k1:v1,k2:v2"sv, "environment:production,team:data-platform"sv,
                              "'a:b':c,d:'e,f'"sv, "owner:flink"sv};
constexpr std::array kPorts = {"6123"sv, "50100-50200"sv, "50100-50200,50300"sv, "9020-9045"sv};

template <class Values, class Parse>
void run(benchmark::State& state, const Values& values, Parse parse) {
    for (auto _ : state) {
        for (const std::string_view value : values) benchmark::DoNotOptimize(parse(value));
    }
    const auto n = static_cast<double>(values.size());
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
    state.counters["per_value"] =
        benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void memory_size(benchmark::State& state) {
    run(state, kMemorySizes, flinklint::parse_memory_size);
}
void duration(benchmark::State& state) {
    run(state, kDurations, [](std::string_view v) { return flinklint::parse_duration(v); });
}
void list(benchmark::State& state) {
    run(state, kLists, flinklint::parse_list);
}
void map(benchmark::State& state) {
    run(state, kMaps, flinklint::parse_map);
}
void port_ranges(benchmark::State& state) {
    run(state, kPorts, flinklint::parse_port_ranges);
}

BENCHMARK(memory_size)->Name("values/memory_size");
BENCHMARK(duration)->Name("values/duration");
BENCHMARK(list)->Name("values/list");
BENCHMARK(map)->Name("values/map");
BENCHMARK(port_ranges)->Name("values/port_ranges");

}  // namespace

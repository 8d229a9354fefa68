// Option catalog lookups and did-you-mean suggestions (linter/src/catalog/): what every key of every
// file costs. These were timed tests until 2026-12; a timed test fails at random on a loaded machine,
// so the speed is measured here and stated in docs/performance.md.
#include <array>
#include <string_view>

#include <benchmark/benchmark.h>

#include "flinklint/catalog.hpp"

namespace {

using namespace std::string_view_literals;

// Known options, a pattern family, a foreign key and an unknown one, as files write them.
constexpr std::array kKeys = {"taskmanager.numberOfTaskSlots"sv,
                              "state.checkpoints.dir"sv,
                              "metrics.reporter.prom.port"sv,
                              "s3.access-key"sv,
                              "made.up.key"sv,
                              "kubernetes.jobmanager.annotations.a"sv,
                              "fs.s3a.connection.maximum"sv};

void catalog_lookup(benchmark::State& state) {
    const flinklint::Catalog& catalog = flinklint::Catalog::for_version({1, 20});
    for (auto _ : state) {
        for (const std::string_view key : kKeys) benchmark::DoNotOptimize(catalog.lookup(key).known());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kKeys.size()));
}

void catalog_suggest(benchmark::State& state) {
    const flinklint::Catalog& catalog = flinklint::Catalog::for_version({2, 2});
    for (auto _ : state) benchmark::DoNotOptimize(catalog.suggest("taskmanager.memory.proces.siz"));
    state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(catalog_lookup);
BENCHMARK(catalog_suggest);

// The layers of `flinklint check`, each on up to 50 real files of each kind (bench_inputs.hpp):
//   yaml_cpp/KIND      yaml-cpp LoadAll + touch every node (the floor, in-process)
//   legacy_parse/...   parse_legacy_config, Flink's line parser (flink-conf.yaml only)
//   ingest/KIND        ingest(): format detection, YAML tree with spans, flattening, K8s objects
//   model/KIND         Model construction of one file (one group per file, as in the corpus)
//   memory/KIND        derive_taskmanager_memory + derive_jobmanager_memory of every configuration
//   rules/KIND         run_rules on a fresh model (effective configurations are built on first use)
//   pipeline/KIND      Linter::lint (flinklint/engine.hpp) of one file: its whole check without I/O and
//   output
// `per_file` is the time per file (per configuration for memory/); bytes/s counts the file bytes.
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_inputs.hpp"
#include "flinklint/effective_config.hpp"
#include "flinklint/engine.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/model.hpp"
#include "yaml_touch.hpp"

namespace {

using namespace flinklint;
using bench::Kind;

void per_file(benchmark::State& state, std::size_t files, std::size_t bytes) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["per_file"] =
        benchmark::Counter(static_cast<double>(files),
                           benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

std::vector<SourcePtr> sources(Kind kind) {
    std::vector<SourcePtr> out;
    for (const bench::File& file : bench::files(kind))
        out.push_back(std::make_shared<const Source>(file.path, file.text));
    return out;
}

std::vector<ParsedFile> parsed(Kind kind) {
    std::vector<ParsedFile> out;
    for (const SourcePtr& source : sources(kind)) out.push_back(ingest(source));
    return out;
}

// One model per file, as `check` builds one per directory and the corpus has one file per directory.
std::vector<std::unique_ptr<Model>> models(const std::vector<ParsedFile>& files) {
    std::vector<std::unique_ptr<Model>> out;
    for (const ParsedFile& file : files) {
        if (file.skip_reason.empty())
            out.push_back(std::make_unique<Model>(std::vector<ParsedFile>{file}, ModelOptions{}));
    }
    return out;
}

void yaml_cpp(benchmark::State& state, Kind kind) {
    const auto& files = bench::files(kind);
    for (auto _ : state) {
        bench::YamlTouch t;
        for (const bench::File& file : files) bench::load_and_touch(file.text, t);
        benchmark::DoNotOptimize(t);
    }
    per_file(state, files.size(), bench::total_bytes(files));
}

void legacy_parse(benchmark::State& state) {
    const auto& files = bench::files(Kind::legacy);
    for (auto _ : state) {
        for (const bench::File& file : files) benchmark::DoNotOptimize(parse_legacy_config(file.text));
    }
    per_file(state, files.size(), bench::total_bytes(files));
}

void ingest_files(benchmark::State& state, Kind kind) {
    const std::vector<SourcePtr> all = sources(kind);
    for (auto _ : state) {
        for (const SourcePtr& source : all) benchmark::DoNotOptimize(ingest(source));
    }
    per_file(state, all.size(), bench::total_bytes(bench::files(kind)));
}

void model(benchmark::State& state, Kind kind) {
    const std::vector<ParsedFile> files = parsed(kind);
    for (auto _ : state) {
        state.PauseTiming();
        std::vector<std::vector<ParsedFile>> copies;
        for (const ParsedFile& file : files) copies.push_back({file});
        std::vector<std::unique_ptr<Model>> built;
        built.reserve(files.size());
        state.ResumeTiming();
        for (auto& copy : copies) built.push_back(std::make_unique<Model>(std::move(copy), ModelOptions{}));
        state.PauseTiming();
        built.clear();
        state.ResumeTiming();
    }
    per_file(state, files.size(), bench::total_bytes(bench::files(kind)));
}

void memory(benchmark::State& state, Kind kind) {
    const std::vector<ParsedFile> files = parsed(kind);
    const auto built = models(files);
    std::vector<std::pair<FlatConfig, MemoryOptions>> configs;
    for (const auto& m : built) {
        for (const EffectiveConfig* config : effective_configs(*m))
            configs.emplace_back(config->flat(), config->memory_options());
    }
    for (auto _ : state) {
        for (const auto& [flat, options] : configs) {
            benchmark::DoNotOptimize(derive_taskmanager_memory(flat, options));
            benchmark::DoNotOptimize(derive_jobmanager_memory(flat, options));
        }
    }
    state.counters["configs"] = static_cast<double>(configs.size());
    state.counters["per_config"] =
        benchmark::Counter(static_cast<double>(configs.size()),
                           benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void rules(benchmark::State& state, Kind kind) {
    const std::vector<ParsedFile> files = parsed(kind);
    const RuleSettings settings;
    std::size_t findings = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto built = models(files);
        state.ResumeTiming();
        for (const auto& m : built) findings += run_rules(*m, settings).size();
        state.PauseTiming();
        built.clear();
        state.ResumeTiming();
    }
    state.counters["findings_per_file"] =
        static_cast<double>(findings) / static_cast<double>(state.iterations() * files.size());
    per_file(state, files.size(), bench::total_bytes(bench::files(kind)));
}

void pipeline(benchmark::State& state, Kind kind) {
    const auto& files = bench::files(kind);
    const Linter linter(ProjectConfig{}, LintOptions{});
    for (auto _ : state) {
        for (const bench::File& file : files) {
            const LintGroup group{{std::make_shared<const Source>(file.path, file.text)}, {}};
            benchmark::DoNotOptimize(linter.lint(group));
        }
    }
    per_file(state, files.size(), bench::total_bytes(files));
}

const bool registered = [] {
    benchmark::AddCustomContext("inputs", bench::input_root());
    benchmark::RegisterBenchmark("legacy_parse/flink-conf.yaml", legacy_parse);
    for (const Kind kind : bench::kKinds) {
        const std::string name = bench::kind_name(kind);
        benchmark::RegisterBenchmark(("yaml_cpp/" + name).c_str(), yaml_cpp, kind);
        benchmark::RegisterBenchmark(("ingest/" + name).c_str(), ingest_files, kind);
        benchmark::RegisterBenchmark(("model/" + name).c_str(), model, kind);
        benchmark::RegisterBenchmark(("memory/" + name).c_str(), memory, kind);
        benchmark::RegisterBenchmark(("rules/" + name).c_str(), rules, kind);
        benchmark::RegisterBenchmark(("pipeline/" + name).c_str(), pipeline, kind);
    }
    return true;
}();

}  // namespace

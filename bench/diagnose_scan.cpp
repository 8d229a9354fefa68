// The log scan of `flinklint diagnose` (tuner/diagnose): bytes per second through the recognisers on
// a synthetic TaskManager log (log4j's layout, mostly ordinary INFO lines with a failure among them),
// in memory and from a file on disk (the streaming reader with its fixed 1 MiB buffer). The issue's
// target is 200 MB/s or more on one core (docs/performance.md).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "flinklint/diagnose/diagnose.hpp"

namespace {

// About 32 MiB of log: 300,000 lines, one failure in 10,000.
const std::string& synthetic_log() {
    static const std::string text = [] {
        std::string out;
        for (int i = 0; i < 300000; ++i) {
            out +=
                "2024-03-01 10:15:02,123 INFO  org.apache.flink.runtime.taskmanager.Task                    "
                "[] - "
                "Window(TumblingEventTimeWindows(60000)) (3/8)#0 switched from INITIALIZING to RUNNING.\n";
            if (i % 10000 == 5000) {
                out +=
                    "java.util.concurrent.TimeoutException: Heartbeat of TaskManager with id "
                    "10.0.0.7:6122-a1b2c3 "
                    "timed out.\n";
            }
        }
        return out;
    }();
    return text;
}

void scan_in_memory(benchmark::State& state) {
    const std::string& log = synthetic_log();
    for (auto _ : state) {
        benchmark::DoNotOptimize(flinklint::diagnose::diagnose_text("taskmanager.log", log, {}));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * log.size()));
}

void scan_file(benchmark::State& state) {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("flinklint-bench-" + std::to_string(::getpid()) + ".log");
    std::ofstream(path, std::ios::binary) << synthetic_log();
    for (auto _ : state) {
        benchmark::DoNotOptimize(flinklint::diagnose::diagnose_logs({path.string()}, {}));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * synthetic_log().size()));
    std::filesystem::remove(path);
}

}  // namespace

BENCHMARK(scan_in_memory)->Unit(benchmark::kMillisecond);
BENCHMARK(scan_file)->Unit(benchmark::kMillisecond);

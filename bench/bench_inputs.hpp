// Inputs of the micro-benchmarks: real files read at run time, grouped by kind.
// $FLINKLINT_BENCH_CORPUS names a corpus written by ../shared/bench/gen_corpus.py (the first 50 files
// of each kind are used); without it, the repository's examples/ (one file per kind).
#pragma once

#include <string>
#include <vector>

namespace bench {

enum class Kind { legacy, config_yaml, deployment, standalone };
inline constexpr Kind kKinds[] = {Kind::legacy, Kind::config_yaml, Kind::deployment, Kind::standalone};

struct File {
    std::string path;
    std::string text;
};

// $FLINKLINT_BENCH_CORPUS, else the repository's examples/.
std::string input_root();
// `flink-conf.yaml`, `config.yaml`, `flinkdeployment.yaml`, `flink-standalone.yaml`.
const char* kind_name(Kind kind);
// Never empty: exits with a message when no file of the kind is found.
const std::vector<File>& files(Kind kind);
std::size_t total_bytes(const std::vector<File>& files);

}  // namespace bench

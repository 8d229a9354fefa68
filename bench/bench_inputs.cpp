#include "bench_inputs.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace bench {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kPerKind = 50;

// File names of each kind: the corpus generator's, then the examples'.
std::optional<Kind> kind_of(const std::string& name) {
    static const std::map<std::string, Kind> names = {
        {"flink-conf.yaml", Kind::legacy},          {"config.yaml", Kind::config_yaml},
        {"flinkdeployment.yaml", Kind::deployment}, {"flink-standalone.yaml", Kind::standalone},
        {"flink-configmap.yaml", Kind::standalone},
    };
    const auto it = names.find(name);
    if (it == names.end()) return std::nullopt;
    return it->second;
}

std::map<Kind, std::vector<File>> load() {
    const fs::path root = input_root();
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::map<Kind, std::vector<File>> by_kind;
    for (const fs::path& path : paths) {
        const auto kind = kind_of(path.filename().string());
        if (!kind || by_kind[*kind].size() >= kPerKind) continue;
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        by_kind[*kind].push_back({path.string(), text.str()});
    }
    return by_kind;
}

}  // namespace

std::string input_root() {
    const char* env = std::getenv("FLINKLINT_BENCH_CORPUS");
    if (env != nullptr && *env != '\0') return env;
    return (fs::path(FLINKLINT_SOURCE_DIR) / "examples").string();
}

const char* kind_name(Kind kind) {
    switch (kind) {
        case Kind::legacy:
            return "flink-conf.yaml";
        case Kind::config_yaml:
            return "config.yaml";
        case Kind::deployment:
            return "flinkdeployment.yaml";
        case Kind::standalone:
            return "flink-standalone.yaml";
    }
    return "?";
}

const std::vector<File>& files(Kind kind) {
    static const std::map<Kind, std::vector<File>> all = load();
    const auto it = all.find(kind);
    if (it == all.end() || it->second.empty()) {
        std::fprintf(stderr, "no %s among the benchmark inputs (set FLINKLINT_BENCH_CORPUS)\n",
                     kind_name(kind));
        std::exit(2);
    }
    return it->second;
}

std::size_t total_bytes(const std::vector<File>& files) {
    std::size_t bytes = 0;
    for (const File& file : files) bytes += file.text.size();
    return bytes;
}

}  // namespace bench

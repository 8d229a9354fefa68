// yaml_floor PATH...: the parse-only floor of docs/performance.md. Reads every *.yaml / *.yml file
// under the paths (one thread), loads every document with yaml-cpp and touches every node; files
// yaml-cpp refuses are counted and skipped. Prints what it read, so the work cannot be optimised away.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "yaml_touch.hpp"

namespace fs = std::filesystem;

namespace {

bool is_yaml(const fs::path& path) {
    return path.extension() == ".yaml" || path.extension() == ".yml";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: yaml_floor PATH...   (files, or directories walked for *.yaml and *.yml)\n");
        return 2;
    }
    bench::YamlTouch t;
    std::size_t files = 0;
    std::size_t bytes = 0;
    const auto read = [&](const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        ++files;
        bytes += static_cast<std::size_t>(text.tellp());
        bench::load_and_touch(text.str(), t);
    };
    for (int i = 1; i < argc; ++i) {
        const fs::path root(argv[i]);
        if (!fs::is_directory(root)) {
            read(root);
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (entry.is_regular_file() && is_yaml(entry.path())) read(entry.path());
        }
    }
    std::printf("files %zu, bytes %zu, documents %zu, nodes %zu, scalar bytes %zu, refused by yaml-cpp %zu\n",
                files, bytes, t.documents, t.nodes, t.scalar_bytes, t.errors);
    return 0;
}

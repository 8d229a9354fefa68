// load_project_config (.flinklint.yaml): it reads a path, so the input goes to a temporary file.
// Loaded configurations are then asked about a few paths (globs of `ignore` and `per-path`).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "flinklint/project_config.hpp"
#include "fuzz_support.hpp"

namespace {

const std::filesystem::path& scratch_file() {
    static const std::filesystem::path file = [] {
        const auto dir =
            std::filesystem::temp_directory_path() / ("flinklint-fuzz-project-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        return dir / ".flinklint.yaml";
    }();
    return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace flinklint;
    const auto& file = scratch_file();
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const auto loaded = load_project_config(file);
    if (!loaded) {
        // Errors are located: "FILE:LINE:COL: message".
        FUZZ_CHECK(loaded.error().rfind(file.string() + ":", 0) == 0);
        return 0;
    }
    const ProjectConfig& config = *loaded;
    const auto root = config.root;
    // Deep paths and long names: globs with many `*` and `**` must not backtrack exponentially.
    static const std::string deep = [] {
        std::string path;
        for (int i = 0; i < 60; ++i) path += "a/";
        return path + std::string(120, 'a') + ".yaml";
    }();
    for (const std::string& relative :
         {std::string("conf/flink-conf.yaml"), std::string("vendor/x.yaml"), deep}) {
        (void)config.ignored(root / relative);
        (void)config.disabled_for(root / relative, "FL101");
    }
    return 0;
}

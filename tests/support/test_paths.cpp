#include "test_paths.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

namespace flinklint::testing {

std::filesystem::path source_dir() {
    return FLINKLINT_SOURCE_DIR;
}

std::filesystem::path flinklint_binary() {
    return FLINKLINT_BINARY;
}

std::optional<std::filesystem::path> shared_dir() {
    std::filesystem::path dir = FLINKLINT_SHARED_DIR;
    std::error_code ec;
    if (std::filesystem::is_directory(dir / "reference", ec)) return dir;
    return std::nullopt;
}

bool required_by_environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && std::string_view(value) == "1";
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace flinklint::testing

#include "test_paths.hpp"

#include <fstream>
#include <sstream>

namespace flinklint::testing {

std::filesystem::path source_dir() { return FLINKLINT_SOURCE_DIR; }

std::filesystem::path flinklint_binary() { return FLINKLINT_BINARY; }

std::optional<std::filesystem::path> shared_dir() {
    std::filesystem::path dir = FLINKLINT_SHARED_DIR;
    std::error_code ec;
    if (std::filesystem::is_directory(dir / "reference", ec)) return dir;
    return std::nullopt;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace flinklint::testing

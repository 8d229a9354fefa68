#include "test_paths.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include "rule_folders.hpp"

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

std::map<std::string, std::filesystem::path> rule_folders() {
    namespace fs = std::filesystem;
    std::map<std::string, fs::path> folders;
    const fs::path root = source_dir() / "linter" / "src" / "rules";
    if (!fs::is_directory(root)) return folders;
    // "FL123-name"
    const auto is_rule_folder = [](const std::string& name) {
        return name.size() > 6 && name.starts_with("FL") && name[5] == '-' &&
               name.find_first_not_of("0123456789", 2) == 5;
    };
    for (const auto& category : fs::directory_iterator(root)) {
        if (!category.is_directory()) continue;
        for (const auto& entry : fs::directory_iterator(category.path())) {
            const std::string name = entry.path().filename().string();
            if (entry.is_directory() && is_rule_folder(name)) folders[name] = entry.path();
        }
    }
    return folders;
}

}  // namespace flinklint::testing

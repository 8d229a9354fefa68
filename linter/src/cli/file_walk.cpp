#include "cli/file_walk.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

bool is_yaml_name(const fs::path& path) {
    const std::string extension = path.extension().string();
    return extension == ".yaml" || extension == ".yml";
}

bool skipped_directory(const fs::path& path) {
    const std::string name = path.filename().string();
    return (name.size() > 1 && name.front() == '.') || name == "node_modules";
}

void walk(const fs::path& root, WalkResult& result) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        result.errors.push_back(fmt::format("{}: cannot read directory: {}", root.string(), ec.message()));
        return;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            result.skipped.push_back(fmt::format("{}: {}", it->path().string(), ec.message()));
            ec.clear();
            continue;
        }
        const fs::directory_entry& entry = *it;
        std::error_code status_ec;
        if (entry.is_symlink(status_ec)) {
            if (!entry.exists(status_ec)) {
                result.skipped.push_back(fmt::format("{}: dangling symbolic link", entry.path().string()));
                continue;
            }
            if (entry.is_directory(status_ec)) {
                it.disable_recursion_pending();
                continue;
            }
        }
        if (entry.is_directory(status_ec)) {
            if (skipped_directory(entry.path())) it.disable_recursion_pending();
            continue;
        }
        if (entry.is_regular_file(status_ec) && is_yaml_name(entry.path())) result.files.push_back(entry.path());
    }
}

}  // namespace

WalkResult collect_files(const std::vector<std::string>& paths) {
    WalkResult result;
    for (const auto& given : paths) {
        const fs::path path(given);
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            result.errors.push_back(fmt::format("{}: no such file or directory", given));
        } else if (fs::is_directory(status)) {
            walk(path, result);
        } else if (fs::is_regular_file(status)) {
            result.files.push_back(path);
        } else {
            result.errors.push_back(fmt::format("{}: not a regular file", given));
        }
    }
    std::sort(result.files.begin(), result.files.end());
    result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
    return result;
}

}  // namespace flinklint::cli

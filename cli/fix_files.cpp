#include "cli/fix_files.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "flinklint/fix.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

bool inside(const fs::path& file, const fs::path& dir) {
    auto f = file.begin();
    for (auto d = dir.begin(); d != dir.end(); ++d, ++f) {
        if (d->empty()) continue;  // trailing separator
        if (f == file.end() || *f != *d) return false;
    }
    return true;
}

std::optional<std::string> read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

std::vector<fs::path> fix_trees(const fs::path& project_root, const std::vector<std::string>& paths) {
    std::vector<fs::path> trees;
    std::error_code ec;
    const auto add = [&](const fs::path& dir) {
        const fs::path canonical = fs::weakly_canonical(dir.empty() ? fs::path(".") : dir, ec);
        if (!ec) trees.push_back(canonical);
    };
    add(project_root);
    for (const std::string& path : paths) {
        if (path == "-") continue;
        // A symlink given on the command line names its directory, not its target's.
        const fs::path given(path);
        add(fs::is_directory(fs::symlink_status(given, ec)) ? given : given.parent_path());
    }
    return trees;
}

FixWrite write_fixed_file(const fs::path& path, std::string_view original, std::string_view fixed,
                          const std::vector<fs::path>& trees) {
    std::error_code ec;
    fs::path target = path;
    std::string via;
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
        const fs::path resolved = fs::canonical(path, ec);
        if (ec)
            return {FixWrite::Status::refused,
                    fmt::format("{}: not fixed: a dangling symbolic link", path.string())};
        bool allowed = false;
        for (const fs::path& tree : trees) allowed = allowed || inside(resolved, tree);
        if (!allowed) {
            return {FixWrite::Status::refused,
                    fmt::format("{}: not fixed: it is a symbolic link to {}, outside the checked tree",
                                path.string(), resolved.string())};
        }
        target = resolved;
        via = fmt::format("{}: fixed {}, the target of this symbolic link", path.string(), resolved.string());
    }
    // Another program may have written the file while flinklint read it: never overwrite that.
    const std::optional<std::string> current = read_all(target);
    if (current && *current == fixed && !via.empty()) {
        return {FixWrite::Status::already,
                fmt::format("{}: its target {} is already fixed", path.string(), target.string())};
    }
    if (!current || *current != original) {
        return {FixWrite::Status::refused,
                fmt::format("{}: not fixed: {}", path.string(), kChangedMeanwhile)};
    }
    if (const auto error = write_file_atomically(target, fixed, IfMissing::fail, original)) {
        if (*error == kChangedMeanwhile)
            return {FixWrite::Status::refused, fmt::format("{}: not fixed: {}", path.string(), *error)};
        return {FixWrite::Status::failed, fmt::format("{}: not fixed: {}", target.string(), *error)};
    }
    return {FixWrite::Status::written, via};
}

}  // namespace flinklint::cli

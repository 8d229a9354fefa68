#include "cli/file_walk.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include <sys/stat.h>

#include <fmt/format.h>

#include "flinklint/ingest.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;

bool is_yaml_name(const fs::path& path) {
    const std::string extension = path.extension().string();
    return extension == ".yaml" || extension == ".yml";
}

namespace {

bool skipped_directory(const fs::path& path) {
    const std::string name = path.filename().string();
    return (name.size() > 1 && name.front() == '.') || name == "node_modules";
}

// Why a path (given, or a symbolic link met in a walk) does not lead to a file.
std::string missing_reason(const fs::path& path, const std::error_code& ec) {
    if (ec == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
    std::error_code link_ec;
    if (fs::is_symlink(fs::symlink_status(path, link_ec))) {
        return fmt::format("dangling symbolic link (its target {} does not exist)",
                           fs::read_symlink(path, link_ec).string());
    }
    return "no such file or directory";
}

// The iterator holds one open directory per level: deeper trees would run out of file descriptors.
constexpr int kMaxDirectoryDepth = 128;

void walk(const fs::path& root, WalkResult& result) {
    std::error_code ec;
    // skip_permission_denied would make an unreadable root an empty walk that passes: it is an error.
    if (fs::directory_iterator probe(root, ec); ec) {
        result.errors.push_back(fmt::format("{}: cannot read directory: {}", root.string(), ec.message()));
        return;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        result.errors.push_back(fmt::format("{}: cannot read directory: {}", root.string(), ec.message()));
        return;
    }
    fs::path last = root;
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        last = entry.path();
        std::error_code status_ec;
        if (entry.is_symlink(status_ec)) {
            if (!entry.exists(status_ec)) {
                result.skipped.push_back(
                    fmt::format("{}: {}", entry.path().string(), missing_reason(entry.path(), status_ec)));
                continue;
            }
            if (entry.is_directory(status_ec)) {
                it.disable_recursion_pending();
                continue;
            }
        }
        if (entry.is_directory(status_ec)) {
            if (skipped_directory(entry.path())) {
                it.disable_recursion_pending();
            } else if (it.depth() + 1 >= kMaxDirectoryDepth) {
                it.disable_recursion_pending();
                result.skipped.push_back(fmt::format("{}: not entered: more than {} directory levels",
                                                     entry.path().string(), kMaxDirectoryDepth));
            }
            continue;
        }
        if (is_yaml_name(entry.path())) {
            if (entry.is_regular_file(status_ec)) result.files.push_back(entry.path());
        } else if (is_dockerfile_name(entry.path().filename().native()) && entry.is_regular_file(status_ec)) {
            result.dockerfiles.push_back(entry.path());
        }
    }
    // An error ends the iteration (the iterator becomes the end): say so rather than check less silently.
    if (ec) {
        result.errors.push_back(fmt::format("{}: directory walk stopped after {}: {}", root.string(),
                                            last.string(), ec.message()));
    }
}

// The usual names only: a named file's directory is not listed, so a check of one file costs two stats.
// Plain strings and stat(2): std::filesystem's path parsing would cost more than the two lookups.
void add_named_dockerfiles(const std::string& file, WalkResult& result) {
    if (is_dockerfile_name(file)) return;
    const std::size_t slash = file.find_last_of('/');
    const std::string directory = slash == std::string::npos ? "" : file.substr(0, slash + 1);
    for (const char* name : {"Dockerfile", "Containerfile"}) {
        std::string candidate = directory + name;
        struct stat st {};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode))
            result.dockerfiles.emplace_back(std::move(candidate));
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
            result.errors.push_back(fmt::format("{}: {}", given, missing_reason(path, ec)));
        } else if (fs::is_directory(status)) {
            walk(path, result);
        } else if (fs::is_regular_file(status)) {
            result.files.push_back(path);
            add_named_dockerfiles(given, result);
        } else {
            result.errors.push_back(fmt::format("{}: not a regular file", given));
        }
    }
    std::sort(result.files.begin(), result.files.end());
    result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
    std::sort(result.dockerfiles.begin(), result.dockerfiles.end());
    result.dockerfiles.erase(std::unique(result.dockerfiles.begin(), result.dockerfiles.end()),
                             result.dockerfiles.end());
    return result;
}

std::vector<fs::path> sibling_files(const std::vector<std::string>& paths,
                                    const std::vector<fs::path>& files) {
    std::vector<fs::path> siblings;
    for (const auto& given : paths) {
        const fs::path path(given);
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) continue;  // a directory is checked whole already
        const fs::path directory = path.parent_path();
        for (fs::directory_iterator it(directory.empty() ? fs::path(".") : directory, ec), end;
             !ec && it != end; it.increment(ec)) {
            std::error_code status_ec;
            if (!it->is_regular_file(status_ec) || !is_yaml_name(it->path())) continue;
            const fs::path sibling = directory / it->path().filename();  // spelled like the named file
            if (!std::binary_search(files.begin(), files.end(), sibling)) siblings.push_back(sibling);
        }
    }
    std::sort(siblings.begin(), siblings.end());
    siblings.erase(std::unique(siblings.begin(), siblings.end()), siblings.end());
    return siblings;
}

void NamedDirectories::add(const std::string& path) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) return;
    std::string prefix = fs::path(path).generic_string();
    if (!prefix.ends_with('/')) prefix += '/';
    directories_.push_back({path, std::move(prefix)});
}

void NamedDirectories::count(const std::vector<std::string>& files, const std::vector<std::string>& notes,
                             const std::vector<std::string>& warnings) {
    if (directories_.empty()) return;
    std::set<std::string_view> skipped;
    for (const std::vector<std::string>* said : {&notes, &warnings}) {
        for (const std::string& note : *said) {
            const std::size_t colon = note.rfind(": skipped: ");
            if (colon != std::string::npos) skipped.insert(std::string_view(note).substr(0, colon));
        }
    }
    for (const std::string& file : files) {
        for (Directory& directory : directories_) {
            if (!fs::path(file).generic_string().starts_with(directory.prefix)) continue;
            ++directory.files;
            if (!skipped.contains(file)) ++directory.flink;
        }
    }
}

std::vector<std::string> NamedDirectories::without_flink() const {
    std::vector<std::string> lines;
    for (const Directory& directory : directories_) {
        if (directory.flink != 0) continue;
        lines.push_back(
            directory.files == 0
                ? fmt::format("{}: no Flink file checked: it holds no *.yaml or *.yml file", directory.shown)
                : fmt::format("{}: no Flink file checked: none of its {} YAML file{} is Flink "
                              "configuration (--verbose says why each was skipped)",
                              directory.shown, directory.files, directory.files == 1 ? "" : "s"));
    }
    return lines;
}

}  // namespace flinklint::cli

// Which files `flinklint check PATH...` reads.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace flinklint::cli {

struct WalkResult {
    std::vector<std::filesystem::path> files;  // sorted, unique
    std::vector<std::string> errors;           // "PATH: reason" for paths given that cannot be read
    std::vector<std::string> skipped;          // "PATH: reason", said with --verbose
};

// Files are taken as given; directories are walked for *.yaml / *.yml (hidden directories,
// node_modules, symbolic links to directories and levels beyond 128 are not entered).
// --siblings: the YAML files beside each named file (not in its subdirectories) that are not among
// `files` (sorted), spelled with the named file's directory; read as context, never reported on.
std::vector<std::filesystem::path> sibling_files(const std::vector<std::string>& paths,
                                                 const std::vector<std::filesystem::path>& files);

WalkResult collect_files(const std::vector<std::string>& paths);

// A name ending in .yaml or .yml: the files a directory is walked for.
bool is_yaml_name(const std::filesystem::path& path);

}  // namespace flinklint::cli

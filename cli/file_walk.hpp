// Which files `flinklint check PATH...` reads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace flinklint::cli {

struct WalkResult {
    std::vector<std::filesystem::path> files;  // sorted, unique
    std::vector<std::string> errors;           // "PATH: reason" for paths given that cannot be read
    std::vector<std::string> skipped;          // "PATH: reason", said with --verbose
    // Dockerfiles met in the walks, and beside each named file: read as context for the Flink version
    // (is_dockerfile_name in flinklint/ingest.hpp).
    std::vector<std::filesystem::path> dockerfiles;
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

// The directories named on the command line, and whether any file read below each was a Flink file: a
// run over a tree of other YAML passes (exit 0), and says, without --verbose, that it checked nothing.
class NamedDirectories {
public:
    void add(const std::string& path);  // ignored unless `path` is a directory
    // The files one group read, and its "PATH: skipped: reason" notes and warnings.
    void count(const std::vector<std::string>& files, const std::vector<std::string>& notes,
               const std::vector<std::string>& warnings);
    // One line for each named directory below which no file was a Flink file.
    [[nodiscard]] std::vector<std::string> without_flink() const;

private:
    struct Directory {
        std::string shown;   // as named
        std::string prefix;  // `shown` with one `/` at the end: what the paths of its files start with
        std::size_t files = 0;
        std::size_t flink = 0;
    };
    std::vector<Directory> directories_;
};

}  // namespace flinklint::cli

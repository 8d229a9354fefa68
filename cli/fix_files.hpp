// Writing fixed files back for `check --fix`: symlinks, files changed meanwhile, atomic replace.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace flinklint::cli {

struct FixWrite {
    // already: the file holds the fixed text (a symlink whose target was fixed under its own name).
    enum class Status { written, already, refused, failed } status = Status::written;
    std::string message;  // what happened, for stderr; empty when written plainly
};

// Replaces `path` (as read: `original`) with `fixed`. A symlink is followed only to a target inside
// one of `trees` (canonical directories: the project root and the paths checked), and the message
// says so; otherwise it is refused. A file that changed since it was read is refused too.
FixWrite write_fixed_file(const std::filesystem::path& path, std::string_view original,
                          std::string_view fixed, const std::vector<std::filesystem::path>& trees);

// The canonical directories `--fix` may write into: the project root and each path checked (a file's
// directory for a file).
std::vector<std::filesystem::path> fix_trees(const std::filesystem::path& project_root,
                                             const std::vector<std::string>& paths);

}  // namespace flinklint::cli

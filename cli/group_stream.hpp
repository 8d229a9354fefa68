// The groups of `flinklint check` checked on worker threads and handed over in report order, so that
// a group's sources, models and diagnostics are freed once its findings are written: memory depends
// on the number of workers, not on the number of files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/check_group.hpp"

namespace flinklint::cli {

// Where a directory sorts in a std::map<fs::path> (fs::path::compare: root name, root directory, then
// the names one by one), as a string that compares the same way at a fraction of a path's size: the
// names each follow a '\0', which sorts before any byte a name holds. Equal keys: the same directory.
std::string directory_key(const std::filesystem::path& dir);

// The files to check, grouped, in directory order. Their names share one buffer: a large tree's list
// costs a few dozen bytes a file, not the hundreds a std::filesystem::path per file would.
class FileGroups {
public:
    void start_group() { group_starts_.push_back(files_.size()); }
    // `path` as walked (empty for stdin), `display_path` as shown in output; a `context` file is read
    // for the cross-file rules only (--siblings).
    void add(std::string_view path, std::string_view display_path, bool context = false);

    [[nodiscard]] std::size_t size() const { return group_starts_.size(); }
    [[nodiscard]] std::size_t files_in(std::size_t group) const {
        return end_of(group) - group_starts_[group];
    }
    [[nodiscard]] std::string_view display_path(std::size_t group, std::size_t file) const;
    [[nodiscard]] std::vector<Input> group(std::size_t group) const;

private:
    struct File {
        std::size_t display_begin, display_end, path_begin, path_end;  // in names_
        bool context;
    };
    [[nodiscard]] std::size_t end_of(std::size_t group) const {
        return group + 1 < group_starts_.size() ? group_starts_[group + 1] : files_.size();
    }
    std::string names_;
    std::vector<File> files_;
    std::vector<std::size_t> group_starts_;
};

// Splits the groups (in directory order) into blocks the report can be written in: runs of
// consecutive groups whose files, ordered as diagnostic_less orders paths (as strings), are a
// consecutive run too. Usually a block is one group; a directory whose files sort around a
// subdirectory's (`a/a.yaml`, `a/b/x.yaml`, `a/c.yaml`), or siblings whose order differs as strings
// (`prod`, `prod-eu`: '-' sorts before '/'), share one. Returns each block's end (one past its last group).
std::vector<std::size_t> report_blocks(const FileGroups& groups);

// Calls `check(i, result)` for every group on `jobs` threads (the caller's among them) and
// `emit(results)` with the results of each block, in order, one call at a time. Workers run at most
// `window` groups (or one block, if larger) ahead of the first group not yet emitted. An exception
// from `emit` stops the run and is rethrown here; `check` must not throw.
void check_in_order(const std::vector<std::size_t>& block_ends, unsigned jobs, std::size_t window,
                    const std::function<void(std::size_t, GroupResult&)>& check,
                    const std::function<void(std::vector<GroupResult>&)>& emit);

}  // namespace flinklint::cli

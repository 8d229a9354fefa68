// What replacing a file must keep besides its bytes (owner, group, extended attributes and ACLs),
// and the check that nobody replaced or edited it meanwhile (another fixer, an editor).
#pragma once

#include <sys/stat.h>

#include <optional>
#include <string>
#include <string_view>

namespace flinklint::fix_detail {

// Gives the temporary file `temp_fd` the owner and group of `original`. A user who may not (a group
// member fixing another user's file) gets an error: the file would otherwise change hands.
std::optional<std::string> keep_owner(int temp_fd, const struct stat& original);

// Copies every extended attribute (POSIX ACLs are `system.posix_acl_*` attributes) of the file at
// `path` to `temp_fd`. A file system without extended attributes has none to copy.
std::optional<std::string> keep_xattrs(const char* path, int temp_fd);

// Held from the last look at the file until it is replaced: other flinklint processes that replace
// the same file wait (flock), so one of them sees the other's change instead of overwriting it.
class ReplaceLock {
public:
    ReplaceLock() = default;
    ~ReplaceLock();
    ReplaceLock(const ReplaceLock&) = delete;
    ReplaceLock& operator=(const ReplaceLock&) = delete;

    // Locks the file at `path` and checks that it is still the file `at_open` described (same inode,
    // size, modification and change times) and, when given, still holds `expected`. Returns why not.
    std::optional<std::string> lock_unchanged(const char* path, const struct stat& at_open,
                                              const std::optional<std::string_view>& expected);

private:
    int fd_ = -1;
};

}  // namespace flinklint::fix_detail

#include "fix/file_identity.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "flinklint/fix.hpp"

namespace flinklint::fix_detail {
namespace {

std::string errno_text() {
    return std::strerror(errno);
}

bool same_time(const struct timespec& a, const struct timespec& b) {
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

// Reads the whole file behind `fd` and compares it with `expected` without holding two copies.
bool holds(int fd, std::string_view expected) {
    std::vector<char> buffer(64 * 1024);
    std::size_t at = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) return at == expected.size();
        const auto got = static_cast<std::size_t>(n);
        if (at + got > expected.size() || std::memcmp(buffer.data(), expected.data() + at, got) != 0)
            return false;
        at += got;
    }
}

}  // namespace

std::optional<std::string> keep_owner(int temp_fd, const struct stat& original) {
    if (original.st_uid == ::geteuid() && original.st_gid == ::getegid()) return std::nullopt;
    if (::fchown(temp_fd, original.st_uid, original.st_gid) == 0) return std::nullopt;
    return fmt::format(
        "is owned by user {} and group {}; the fixed file would belong to user {} and group {} ({}): "
        "left as it is (fix it as its owner, or use --diff)",
        original.st_uid, original.st_gid, ::geteuid(), ::getegid(), errno_text());
}

std::optional<std::string> keep_xattrs(const char* path, int temp_fd) {
    const int fd = ::open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return fmt::format("cannot read the file's extended attributes: {}", errno_text());
    std::optional<std::string> problem;
    std::vector<char> names;
    ssize_t size = ::flistxattr(fd, nullptr, 0);
    if (size > 0) {
        names.resize(static_cast<std::size_t>(size));
        size = ::flistxattr(fd, names.data(), names.size());
    }
    if (size < 0 && errno != ENOTSUP)
        problem = fmt::format("cannot list the file's extended attributes: {}", errno_text());
    std::vector<char> value;
    for (std::size_t at = 0; !problem && size > 0 && at < static_cast<std::size_t>(size);) {
        const char* name = names.data() + at;
        at += std::strlen(name) + 1;
        ssize_t length = ::fgetxattr(fd, name, nullptr, 0);
        if (length >= 0) {
            value.resize(static_cast<std::size_t>(length));
            length = ::fgetxattr(fd, name, value.data(), value.size());
        }
        if (length < 0 ||
            ::fsetxattr(temp_fd, name, value.data(), static_cast<std::size_t>(length), 0) != 0) {
            problem = fmt::format("cannot keep the file's extended attribute {}: {}: left as it is", name,
                                  errno_text());
        }
    }
    ::close(fd);
    return problem;
}

ReplaceLock::~ReplaceLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}

std::optional<std::string> ReplaceLock::lock_unchanged(const char* path, const struct stat& at_open,
                                                       const std::optional<std::string_view>& expected) {
    fd_ = ::open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd_ < 0) return fmt::format("cannot open the file again before replacing it: {}", errno_text());
    while (::flock(fd_, LOCK_EX) != 0) {
        if (errno != EINTR) return fmt::format("cannot lock the file: {}", errno_text());
    }
    // Another process may have replaced the file while this one waited for the lock.
    struct stat now {};
    struct stat named {};
    const bool same = ::fstat(fd_, &now) == 0 && ::lstat(path, &named) == 0 && named.st_ino == now.st_ino &&
                      named.st_dev == now.st_dev && now.st_ino == at_open.st_ino &&
                      now.st_dev == at_open.st_dev && now.st_size == at_open.st_size &&
                      same_time(now.st_mtim, at_open.st_mtim) && same_time(now.st_ctim, at_open.st_ctim);
    if (!same || (expected && !holds(fd_, *expected))) return std::string(kChangedMeanwhile);
    return std::nullopt;
}

}  // namespace flinklint::fix_detail

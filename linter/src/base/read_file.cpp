#include "flinklint/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace flinklint {
namespace {

FileRead failed(ReadError::Kind kind, std::string message) {
    return FileRead{std::nullopt, ReadError{kind, std::move(message)}};
}

FileRead too_large(std::uintmax_t size, std::uintmax_t limit, bool at_least) {
    return failed(ReadError::Kind::too_large, fmt::format("file is {}{} bytes, above the limit of {} bytes",
                                                          at_least ? "more than " : "", size, limit));
}

class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }

private:
    int fd_;
};

}  // namespace

FileRead read_file_limited(const std::filesystem::path& path, std::uintmax_t limit) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type check below refuses it.
    const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    if (file.get() < 0) return failed(ReadError::Kind::unreadable, std::strerror(errno));
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) return failed(ReadError::Kind::unreadable, std::strerror(errno));
    if (S_ISDIR(info.st_mode)) return failed(ReadError::Kind::not_regular, "is a directory");
    if (!S_ISREG(info.st_mode)) return failed(ReadError::Kind::not_regular, "is not a regular file");
    const auto size = static_cast<std::uintmax_t>(info.st_size);
    if (size > limit) return too_large(size, limit, false);

    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size) + 1);  // one more byte: end of file is seen in one read
    std::size_t used = 0;
    for (;;) {
        if (used == bytes.size()) {
            if (used > limit) return too_large(limit, limit, true);
            bytes.resize(std::min<std::size_t>(std::max<std::size_t>(used * 2, 4096),
                                               static_cast<std::size_t>(limit) + 1));
        }
        const ssize_t n = ::read(file.get(), bytes.data() + used, bytes.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return failed(ReadError::Kind::unreadable, std::strerror(errno));
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    if (used > limit) return too_large(limit, limit, true);
    bytes.resize(used);
    return FileRead{std::move(bytes), {}};
}

}  // namespace flinklint

// Replacing a file so that a reader (or a crash) sees either the old bytes or the new ones: a
// temporary file beside it, fsync, rename, fsync of the directory.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <streambuf>
#include <vector>

#include <fmt/format.h>

#include "fix/file_identity.hpp"
#include "fix/temp_registry.hpp"
#include "flinklint/fix.hpp"

namespace flinklint {
namespace {

std::string errno_text() {
    return std::strerror(errno);
}

// Test hook, unset in normal runs: FLINKLINT_FAULT_INJECT=STEP fails STEP ("write", "rename" or
// "crash") in every atomic write; STEP:N only in the Nth write that reaches STEP (from 1, counted
// per process across threads), so a test can leave some files of a run fixed and others not.
bool fault_at(std::string_view step) {
    const char* value = std::getenv("FLINKLINT_FAULT_INJECT");
    if (value == nullptr) return false;
    const std::string_view spec(value);
    const std::size_t colon = spec.find(':');
    if (spec.substr(0, colon) != step) return false;
    if (colon == std::string_view::npos) return true;
    unsigned long nth = 0;
    const std::string_view count = spec.substr(colon + 1);
    const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), nth);
    if (error != std::errc() || end != count.data() + count.size()) return false;
    static std::atomic<unsigned long> reached{0};
    return ++reached == nth;
}

// A new temporary file `dir/.NAME.flinklint-XXXXXX`, closed and deleted unless it was renamed into
// place. Its path is registered for the signal handlers (linter/src/fix/temp_registry.hpp) before
// the file is created, so there is no moment when it exists unregistered.
class TempFile {
public:
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!path_.empty()) ::unlink(path_.c_str());
        fix_detail::release_temp(slot_);
    }

    // Like mkostemp(3) (exclusive create, `mode` less the umask), with the registration first.
    static std::unique_ptr<TempFile> create(const std::filesystem::path& beside, mode_t mode) {
        static constexpr std::string_view kLetters =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        const std::filesystem::path dir =
            beside.has_parent_path() ? beside.parent_path() : std::filesystem::path(".");
        const std::string prefix = (dir / ("." + beside.filename().string() + ".flinklint-")).string();
        std::random_device entropy;
        for (int attempt = 0; attempt < 100; ++attempt) {
            std::string path = prefix;
            for (int i = 0; i < 6; ++i) path += kLetters[entropy() % kLetters.size()];
            const int slot = fix_detail::register_temp(path.c_str());
            if (slot < 0) return nullptr;  // errno says why: the process is dying, or the path is too long
            const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
            const int error = errno;
            if (fd >= 0) {
                fix_detail::temp_created(slot);
                return std::unique_ptr<TempFile>(new TempFile(fd, std::move(path), slot));
            }
            // Not ours (EEXIST names another file): released at once, so a handler never unlinks it.
            fix_detail::release_temp(slot);
            if (error != EEXIST) {
                errno = error;
                return nullptr;
            }
        }
        errno = EEXIST;
        return nullptr;
    }

    [[nodiscard]] int fd() const { return fd_; }
    [[nodiscard]] const std::string& path() const { return path_; }
    int close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }
    // After the rename: the path now names the user's file.
    void release() {
        fix_detail::release_temp(slot_);
        slot_ = -1;
        path_.clear();
    }

private:
    TempFile(int fd, std::string path, int slot) : fd_(fd), path_(std::move(path)), slot_(slot) {}
    int fd_;
    std::string path_;
    int slot_;
};

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// A stream buffer over a file descriptor; after a failed write it takes nothing more.
class FdBuffer : public std::streambuf {
public:
    explicit FdBuffer(int fd) : fd_(fd), buffer_(64 * 1024) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }
    [[nodiscard]] int error() const { return error_; }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() {
        if (error_ != 0) return false;
        if (!write_all(fd_, std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())))) {
            error_ = errno != 0 ? errno : EIO;
            return false;
        }
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return true;
    }
    int fd_;
    std::vector<char> buffer_;
    int error_ = 0;
};

// What replacing `path` must keep: whether it exists, and then its mode and owner.
struct Target {
    bool exists = false;
    struct stat info {};
};

std::optional<std::string> check_target(const std::filesystem::path& path, IfMissing if_missing,
                                        Target& target) {
    target.exists = ::lstat(path.c_str(), &target.info) == 0;
    if (!target.exists && (errno != ENOENT || if_missing == IfMissing::fail))
        return fmt::format("cannot stat the file: {}", errno_text());
    if (!target.exists) return std::nullopt;
    if (S_ISLNK(target.info.st_mode)) return std::string("is a symbolic link: refusing to replace it");
    if (!S_ISREG(target.info.st_mode)) return std::string("is not a regular file");
    if (target.info.st_nlink > 1) {
        return fmt::format("has {} hard links: replacing it would split them (fix it with --diff instead)",
                           target.info.st_nlink);
    }
    if (::access(path.c_str(), W_OK) != 0) return std::string("is not writable: left as it is");
    return std::nullopt;
}

}  // namespace

struct AtomicFile::Impl {
    Impl(std::filesystem::path path_, Target target_, std::unique_ptr<TempFile> temp_)
        : path(std::move(path_)), target(target_), temp(std::move(temp_)), buffer(temp->fd()), out(&buffer) {}
    std::filesystem::path path;
    Target target;
    std::unique_ptr<TempFile> temp;
    FdBuffer buffer;
    std::ostream out;
};

AtomicFile::AtomicFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AtomicFile::~AtomicFile() = default;

std::unique_ptr<AtomicFile> AtomicFile::open(const std::filesystem::path& path, IfMissing if_missing,
                                             std::string& error) {
    Target target;
    if (auto problem = check_target(path, if_missing, target)) {
        error = std::move(*problem);
        return nullptr;
    }
    // An existing file's mode is set once the bytes are written; the temporary file stays private
    // until then. A new file gets the mode any new file gets (0666 less the umask).
    auto temp = TempFile::create(path, target.exists ? 0600 : 0666);
    if (!temp) {
        const std::filesystem::path dir =
            path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
        error = fmt::format("cannot create a temporary file in {}: {}", dir.string(), errno_text());
        return nullptr;
    }
    // Owner first: a change of owner clears capabilities and set-id bits, which come after.
    if (target.exists) {
        auto problem = fix_detail::keep_owner(temp->fd(), target.info);
        if (!problem) problem = fix_detail::keep_xattrs(path.c_str(), temp->fd());
        if (problem) {
            error = std::move(*problem);
            return nullptr;
        }
    }
    return std::unique_ptr<AtomicFile>(new AtomicFile(std::make_unique<Impl>(path, target, std::move(temp))));
}

std::ostream& AtomicFile::stream() {
    return impl_->out;
}

std::optional<std::string> AtomicFile::commit(const std::optional<std::string_view>& expected) {
    TempFile& temp = *impl_->temp;
    const Target& target = impl_->target;
    impl_->out.flush();
    if (fault_at("write")) {
        return std::string(
            "cannot write the temporary file: simulated failure (FLINKLINT_FAULT_INJECT=write)");
    }
    if (!impl_->out || impl_->buffer.error() != 0) {
        errno = impl_->buffer.error() != 0 ? impl_->buffer.error() : EIO;
        return fmt::format("cannot write the temporary file: {}", errno_text());
    }
    if (target.exists && ::fchmod(temp.fd(), target.info.st_mode & 07777) != 0) {
        return fmt::format("cannot keep the file's mode: {}", errno_text());
    }
    if (::fsync(temp.fd()) != 0) return fmt::format("cannot flush the temporary file: {}", errno_text());
    if (temp.close() != 0) return fmt::format("cannot close the temporary file: {}", errno_text());
    if (fault_at("rename")) {
        return std::string(
            "cannot rename the temporary file: simulated failure (FLINKLINT_FAULT_INJECT=rename)");
    }
    if (fault_at("crash")) std::_Exit(70);  // a crash between write and rename: the temporary file stays
    const std::filesystem::path& path = impl_->path;
    fix_detail::ReplaceLock lock;
    if (expected && target.exists) {
        if (auto changed = lock.lock_unchanged(path.c_str(), target.info, expected)) return changed;
    }
    if (::rename(temp.path().c_str(), path.c_str()) != 0) {
        return fmt::format("cannot rename the temporary file over the file: {}", errno_text());
    }
    temp.release();
    // The rename is durable only once the directory entry is on disk; the file is replaced either
    // way, so a directory that cannot be synced (some file systems refuse) is not an error.
    const std::filesystem::path dir =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        (void)::fsync(dir_fd);
        ::close(dir_fd);
    }
    return std::nullopt;
}

std::optional<std::string> write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                                                 IfMissing if_missing,
                                                 const std::optional<std::string_view>& expected) {
    std::string error;
    const std::unique_ptr<AtomicFile> file = AtomicFile::open(path, if_missing, error);
    if (!file) return error;
    file->stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file->commit(expected);
}

}  // namespace flinklint

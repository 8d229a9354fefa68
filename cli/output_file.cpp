// Reports and baselines: written whole or not at all.
#include "cli/output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

// The file a path names: links followed, so the link stays and its target is replaced.
fs::path resolved(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_symlink(path, ec)) return path;
    const fs::path target = fs::weakly_canonical(path, ec);
    return ec ? path : target;
}

bool is_special(const fs::path& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode);
}

}  // namespace

std::unique_ptr<OutputFile> OutputFile::open(const fs::path& path, std::string& error) {
    auto file = std::make_unique<OutputFile>();
    const fs::path target = resolved(path);
    if (is_special(target)) {
        file->direct_.open(target, std::ios::binary | std::ios::trunc);
        if (!file->direct_) {
            error = std::strerror(errno);
            return nullptr;
        }
        return file;
    }
    file->atomic_ = AtomicFile::open(target, IfMissing::create, error);
    return file->atomic_ ? std::move(file) : nullptr;
}

std::ostream& OutputFile::stream() {
    return atomic_ ? atomic_->stream() : direct_;
}

std::optional<std::string> OutputFile::commit() {
    if (atomic_) return atomic_->commit();
    direct_.flush();
    if (!direct_) return std::string("write failed");
    return std::nullopt;
}

std::optional<std::string> why_not_writable(const fs::path& path) {
    const fs::path target = resolved(path);
    std::error_code ec;
    const fs::file_status status = fs::status(target, ec);
    if (fs::exists(status)) {
        if (fs::is_directory(status)) return std::string("is a directory");
        if (::access(target.c_str(), W_OK) != 0) return std::string(std::strerror(errno));
        return std::nullopt;
    }
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (::access(dir.c_str(), W_OK | X_OK) != 0) return dir.string() + ": " + std::strerror(errno);
    return std::nullopt;
}

std::optional<fs::path> input_named_by(const fs::path& output, const std::vector<fs::path>& inputs) {
    struct stat named {};
    // A missing output cannot be an input; a device (/dev/stdout) is written, never replaced.
    if (::stat(output.c_str(), &named) != 0 || !S_ISREG(named.st_mode)) return std::nullopt;
    for (const fs::path& input : inputs) {
        struct stat info {};
        if (::stat(input.c_str(), &info) == 0 && info.st_ino == named.st_ino && info.st_dev == named.st_dev)
            return input;
    }
    return std::nullopt;
}

}  // namespace flinklint::cli

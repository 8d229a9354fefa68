// Reading a whole file with a size limit: the one way flinklint reads what a user names (checked
// files, .flinklint.yaml, baselines, tune profiles, patches). Bytes are read until end of file, so a
// file whose size reads 0 (/proc) or that grows while read is still bounded by the limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace flinklint {

struct ReadError {
    enum class Kind {
        too_large,    // above the limit: reported as a finding where the file is checked
        not_regular,  // a directory, FIFO, socket or device: never opened for reading
        unreadable,   // cannot open or read it (missing, permissions, I/O error)
    };
    Kind kind = Kind::unreadable;
    std::string message;  // without the path: "file is 12 bytes, above the limit of 10 bytes"
};

struct FileRead {
    std::optional<std::string> bytes;  // set unless `error` says why not
    ReadError error;
};

FileRead read_file_limited(const std::filesystem::path& path, std::uintmax_t limit);

}  // namespace flinklint

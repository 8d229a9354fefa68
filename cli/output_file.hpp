// Files the check writes besides the ones it fixes: the report (--output) and a baseline
// (--write-baseline).
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "flinklint/fix.hpp"

namespace flinklint::cli {

// A regular file, new or existing, is replaced atomically at commit(): a run that fails or is
// interrupted leaves the old file as it was and no half report. A symbolic link is followed; a
// device or FIFO (`/dev/stdout`) is written directly.
class OutputFile {
public:
    // nullptr and `error` set when the file cannot be written.
    static std::unique_ptr<OutputFile> open(const std::filesystem::path& path, std::string& error);
    std::ostream& stream();
    std::optional<std::string> commit();  // error message, or nullopt once the bytes are in place

private:
    std::unique_ptr<AtomicFile> atomic_;
    std::ofstream direct_;
};

// Why open() would fail, found without creating or changing anything; nullopt when it would not.
std::optional<std::string> why_not_writable(const std::filesystem::path& path);

// The first of `inputs` that is the file `output` names, through symbolic or hard links (the same
// device and inode): writing the report there would replace a checked configuration.
std::optional<std::filesystem::path> input_named_by(const std::filesystem::path& output,
                                                    const std::vector<std::filesystem::path>& inputs);

}  // namespace flinklint::cli

// Linting one editor buffer through the lint engine (flinklint/engine.hpp) as `flinklint check`
// lints the file's directory: the project's .flinklint.yaml for its path, the other YAML files of
// its directory as deployment context (open buffers before their text on disk).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/engine.hpp"

namespace flinklint::cli::lsp {

struct DocumentLint {
    SourcePtr source;                     // the text linted
    std::vector<Diagnostic> diagnostics;  // findings in `source` only, secrets masked by the engine
    std::vector<FileVersion> versions;    // the Flink version of each configuration in `source`
    // Why nothing was checked: .flinklint.yaml does not load ("FILE:LINE:COL: why"), the buffer is too large.
    std::optional<std::string> not_checked;
    bool ignored = false;  // the project's `ignore:` names the file
};

// Open buffers by path, for the directory context.
using OpenBuffers = std::map<std::filesystem::path, SourcePtr>;

// `source`'s path is absolute for a file on disk; anything else (an untitled buffer) is linted
// alone with the default settings.
DocumentLint lint_document(const SourcePtr& source, const OpenBuffers& open);

// Files of a directory taken as context at most, and the size of each: a large directory neither
// slows every keystroke nor fills memory.
inline constexpr std::size_t kMaxContextFiles = 64;
inline constexpr std::uintmax_t kMaxFileBytes = 10u << 20;  // as `check --max-file-size`

}  // namespace flinklint::cli::lsp

// One group of `flinklint check`: the files of one directory, checked together as one deployment
// through the lint engine (flinklint/engine.hpp), fixed first with --fix / --diff.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "flinklint/diagnostic.hpp"
#include "flinklint/engine.hpp"
#include "flinklint/output.hpp"

namespace flinklint::cli {

// Strings rather than a std::filesystem::path (which keeps each of its names apart): a large tree's
// file list stays small.
struct Input {
    std::string path;          // as walked (native); empty for stdin
    std::string display_path;  // as shown in output
    bool context = false;      // --siblings: read for the cross-file rules, never reported on or fixed
};

struct GroupResult {
    std::vector<Diagnostic> diagnostics;
    std::map<const Source*, std::vector<Span>> masked;
    std::vector<std::string> errors;                         // unreadable files, failed writes: exit 2
    std::vector<std::string> notes;                          // --verbose
    std::vector<std::string> warnings;                       // always said: fixes refused, symlinks followed
    std::vector<std::string> files;                          // files read
    std::vector<FileVersionInfo> versions;                   // per configuration: its Flink version
    std::vector<std::pair<std::string, std::string>> diffs;  // --diff: path, unified diff
    std::optional<std::string> fixed_stdin;                  // --fix on `-`: the fixed text
    std::size_t fixed_problems = 0;
    std::size_t fixed_files = 0;
};

// `trees`: where --fix may follow a symlink to (fix_trees()). `stdin_text` is read for an input
// without a path.
void check_group(const std::vector<Input>& inputs, const std::string* stdin_text, const CheckOptions& options,
                 const Linter& linter, const std::vector<std::filesystem::path>& trees, GroupResult& result);

}  // namespace flinklint::cli

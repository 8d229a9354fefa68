// Applying fixes: byte-range edits on the original text, a re-lint loop to a fixed point, unified
// diffs, and the atomic write that replaces a file. The yaml-cpp tree cannot round-trip a file, so
// every fix is an edit of the bytes as written (comments, order, quoting, line endings stay).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/diagnostic.hpp"

namespace flinklint {

// Applies whole fixes in the order given. A fix is skipped when one of its edits overlaps an edit
// already taken (two insertions at one offset overlap too), lies outside the text, or when every
// edit of it would leave the text as it is.
struct AppliedFixes {
    std::string text;
    std::vector<bool> applied;  // per fix given
    std::size_t count = 0;      // fixes applied
};
AppliedFixes apply_fixes(std::string_view text, const std::vector<const Fix*>& fixes);

// What the fix loop needs from a lint run over one group of files (the files a model sees together).
struct GroupLint {
    std::vector<Diagnostic> diagnostics;    // after suppressions and rule selection
    std::vector<std::size_t> parse_errors;  // per source, in order: YAML errors ingest found
};
// Ingests and lints `sources` (same paths, possibly new texts) as one group.
using GroupLinter = std::function<GroupLint(const std::vector<SourcePtr>& sources)>;

struct FixOptions {
    bool unsafe = false;  // apply unsafe fixes too
    int max_rounds = 10;  // apply, re-lint, repeat at most this often
};

struct FixOutcome {
    std::vector<SourcePtr> sources;  // the final texts, same order and paths as given
    std::vector<std::size_t> fixed;  // fixes kept per source
    GroupLint final_lint;            // the lint of the final texts
    std::vector<std::string> notes;  // fixes dropped and why (said with --verbose)
};

// The fix loop: apply what does not overlap, re-lint, repeat until nothing applies (bounded by
// max_rounds). A round that makes a file unparsable or raises an error-severity finding that was
// not there before is undone and retried one fix at a time; a fix that still does so is dropped.
FixOutcome fix_group(std::vector<SourcePtr> sources, GroupLint initial, const GroupLinter& lint,
                     const FixOptions& options);

// A git-style unified diff (`diff --git a/PATH b/PATH`, 3 lines of context) of two texts; empty
// when they are equal. Lines keep their own line breaks; a missing final newline is marked.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);
// The same with secret values masked in every line shown (context, removed and added): the spans
// are those of `before` and `after` (secret_spans in flinklint/linter.hpp).
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after,
                         const std::vector<Span>& before_secrets, const std::vector<Span>& after_secrets);

// Replaces the file at `path` with `bytes` atomically: a temporary file in the same directory,
// fsync, the old file's mode, owner, group and extended attributes (ACLs), rename over `path`,
// fsync the directory. A file whose owner cannot be kept (only root may give a file away) is left
// as it is, with an error. With `expected`, the file must still be the one seen when the write
// began and hold `expected` just before the rename (checked under a flock(2) that other flinklint
// processes wait for); else it is left as it is: another program changed it meanwhile.
// `path` must not be a symlink (resolve it first). A missing file is an error, unless `if_missing`
// is `create`: then it is created the same way, with the mode of any new file (0666 less the
// umask). Returns an error message, or nullopt on success.
// SIGINT, SIGTERM and SIGHUP remove the temporary files in flight before the process dies.
// Tests simulate failures with FLINKLINT_FAULT_INJECT=write|rename|crash[:N] (read only here; :N
// fails only the Nth write that reaches that step).
enum class IfMissing { fail, create };
// The error write_file_atomically returns when `expected` no longer holds.
inline constexpr std::string_view kChangedMeanwhile = "the file changed while flinklint ran";
std::optional<std::string> write_file_atomically(
    const std::filesystem::path& path, std::string_view bytes, IfMissing if_missing = IfMissing::fail,
    const std::optional<std::string_view>& expected = std::nullopt);

// The same replacement for bytes that are streamed (a report written as it is produced): open()
// checks `path` and creates the temporary file, stream() takes the bytes, commit() puts them in
// place. Until commit() the file at `path` is untouched; without it (an error, a signal) the
// temporary file is removed and nothing remains.
class AtomicFile {
public:
    // nullptr and `error` set when `path` cannot be replaced this way (see write_file_atomically).
    static std::unique_ptr<AtomicFile> open(const std::filesystem::path& path, IfMissing if_missing,
                                            std::string& error);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream();
    // Error message, or nullopt once the file is in place. Call it at most once. `expected`: as
    // for write_file_atomically.
    std::optional<std::string> commit(const std::optional<std::string_view>& expected = std::nullopt);

    struct Impl;

private:
    explicit AtomicFile(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace flinklint

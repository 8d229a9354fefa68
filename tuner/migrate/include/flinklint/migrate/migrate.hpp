// `flinklint migrate`: moves Flink configurations from the version each file is written for to
// another (the Flink 1.x -> 2.x move above all). Every change is a byte edit of the original text
// (comments, order and quoting stay), applied through the fix engine (flinklint/fix.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "flinklint/model.hpp"
#include "flinklint/source.hpp"
#include "flinklint/version.hpp"

namespace flinklint::migrate {

enum class Layout { flat, nested };  // how a new config.yaml writes its keys

struct MigrateOptions {
    FlinkVersion to{2, 1};
    Layout layout = Layout::flat;
    ModelOptions versions;  // where each file's own version comes from (as for `check`)
};

struct Renamed {
    std::string from;
    std::string to;
    std::size_t line = 0;
};

struct Removed {
    std::string key;
    std::size_t line = 0;
    std::string replacement;  // the key(s) written instead, comma separated; empty when none
    std::string reason;
};

struct Rewritten {
    std::string key;
    std::size_t line = 0;
    std::string before;  // as written
    std::string after;   // as now written
    std::string reason;
};

// One migrated file: what changed and the new text.
struct FileMigration {
    std::string path;
    FlinkVersion from_version;
    std::string from_version_source;
    FlinkVersion to_version;
    std::string output_path;  // `path`, or the config.yaml beside a legacy flink-conf.yaml
    std::string original;     // text of `path`
    std::string migrated;     // text to write at output_path
    std::vector<Renamed> renamed;
    std::vector<Removed> removed;
    std::vector<Rewritten> rewritten;
    std::vector<std::string> notes;   // behaviour changes, what was left to the user
    std::vector<std::string> errors;  // why the file cannot be migrated (nothing is written)
    [[nodiscard]] bool new_file() const { return output_path != path; }
    [[nodiscard]] bool changed() const { return new_file() || migrated != original; }
};

// Migrates the files of one group (one directory: the containers that mount a ConfigMap give its
// version). Files that hold no Flink configuration are left out.
std::vector<FileMigration> migrate_group(const std::vector<SourcePtr>& sources,
                                         const MigrateOptions& options);

// The key table migrate applies from `from` to `to` (docs/migrate.md): one Markdown row per key
// the newer version renames or no longer reads.
std::string key_table_markdown(FlinkVersion from, FlinkVersion to);

}  // namespace flinklint::migrate

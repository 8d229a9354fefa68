// Small helpers shared by rules: spans, fixes and message fragments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flinklint/catalog.hpp"
#include "flinklint/document.hpp"
#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"
#include "flinklint/values.hpp"

namespace flinklint::rules {

// `value` as it may be shown: masked when the key holds a secret.
std::string shown_value(std::string_view key, std::string_view value);

// "`a.b`" with backticks: keys and values in messages.
std::string quoted(std::string_view text);

// Why `key` may not be read: "Flink 1.17 (image flink:1.17.2 in a.yaml:4) does not read `k`" for the
// first version the configuration's evidence names whose catalog lacks the key; empty when all read it.
std::string unread_by(const FlinkConfig& config, std::string_view key);

// A Fix that renames a key as written; unsafe (with the reason) when a version the file may run on
// does not read the new key. Nested YAML keys are renamed only when every path
// segment is spelled the same in the new key (the edit touches the last segment alone);
// nullopt when no exact edit exists.
std::optional<Fix> rename_key_fix(const ConfigEntry& entry, const FlinkConfig& config,
                                  std::string_view new_key, FixSafety safety);

// A Fix that deletes the whole line of an entry (legacy files and flat YAML keys only).
std::optional<Fix> delete_entry_fix(const ConfigEntry& entry, const FlinkConfig& config, FixSafety safety);

// A Fix that replaces the value as written.
std::optional<Fix> replace_value_fix(const ConfigEntry& entry, const FlinkConfig& config,
                                     std::string replacement, FixSafety safety);

// The span to report for a whole-file finding: the first line of the document.
Span first_line_span(const Source& source);

// The span of `word`, one word of a command-line scalar `part` (a view into part.value, or a copy of
// it): on its own line of a block scalar; the whole scalar when the word is not found as written.
Span word_span(const Source& source, const Located& part, std::string_view word);

// A legacy line like `taskmanager:` followed by more indented lines: nested YAML written into a
// file that Flink reads line by line.
bool opens_nested_block(const Source& source, Span line_content);

// An indented line of a legacy file below a line that opens a nested YAML block: FL002 reports the
// block once; the keys below it are not reported again one by one.
bool under_nested_block(const FlinkConfig& config, Span span);

// A value that a templating step fills before Flink or the operator reads it: `${VAR}` (envsubst,
// docker compose, the image's entrypoint), `$(VAR)` (Kubernetes), `{{ x }}` (Helm, Jinja), `%name%` (sed or
// batch templates), `@name@` (Maven resource filtering) or a whole `<...>` left for the reader. Rules that
// judge a value skip these.
bool is_template_placeholder(std::string_view value);
// A template placeholder, or a value plainly written to be replaced (`xxxxxx`, `****`, `your-key`).
bool is_obvious_placeholder_secret(std::string_view value);

// "Flink 1.17" for the version the configuration is checked as, with "(assumed: ...)" when nothing in the
// file or the project says which Flink reads it (the default version): for findings that are true only
// of that version, such as deprecations.
std::string checked_version(const FlinkConfig& config);
// The help sentence that tells how to state the version, for those findings; empty when it is stated.
std::string state_version_help(const FlinkConfig& config);

// Human description of where the config is: "FlinkDeployment my-job" or the file name.
std::string where(const FlinkConfig& config);

}  // namespace flinklint::rules

namespace flinklint::rules {

// Whether two written values mean the same to the option: `256m` and `256mb` are one size, `60 s`
// and `1 min` one duration. Text equality when the type is unknown or a value does not parse.
bool same_value(const OptionInfo* option, std::string_view a, std::string_view b, FlinkVersion version);

// The key to write instead of an alias read by several options: the one the others fall back to
// (`rest.port` for `web.port`, since `rest.bind-port` falls back to `rest.port`); else `fallback`.
const OptionInfo* preferred_replacement(const Catalog& catalog, std::string_view alias,
                                        const OptionInfo* fallback);

}  // namespace flinklint::rules

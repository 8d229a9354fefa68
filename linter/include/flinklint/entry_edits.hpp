// Span edits of one configuration entry, as written: rename its key, delete its line, replace its
// value. The rules' fixes and the tuner's patches both build on these (the yaml-cpp tree cannot
// round-trip a file, so every change is an edit of the original bytes).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "flinklint/diagnostic.hpp"
#include "flinklint/document.hpp"

namespace flinklint {

// Renames the key as written. Nested YAML keys are renamed only when every enclosing segment is
// spelled the same in the new key (the edit touches the innermost segment alone); nullopt when no
// exact edit exists (a quoted flat key, a document whose spans are not the file's bytes).
std::optional<Fix> rename_key_fix(const ConfigEntry& entry, const ConfigDocument& doc, const Source& source,
                                  std::string_view new_key, FixSafety safety);
// Deletes the entry's whole line, its line break (\n, \r\n or \r) included: only for an entry alone
// on one line (legacy lines and flat or innermost YAML keys with nothing but blanks before them).
std::optional<Fix> delete_entry_fix(const ConfigEntry& entry, const ConfigDocument& doc, const Source& source,
                                    FixSafety safety);
// Replaces the value as written with `replacement` (already quoted as the file needs).
std::optional<Fix> replace_value_fix(const ConfigEntry& entry, const ConfigDocument& doc,
                                     std::string replacement, FixSafety safety);

}  // namespace flinklint

#include "flinklint/entry_edits.hpp"

#include <fmt/format.h>

namespace flinklint {

std::optional<Fix> rename_key_fix(const ConfigEntry& entry, const ConfigDocument& doc, const Source& source,
                                  std::string_view new_key, FixSafety safety) {
    if (!doc.spans_exact || entry.key_span.empty()) return std::nullopt;
    const std::string_view written = source.view(entry.key_span);
    Fix fix;
    fix.safety = safety;
    fix.description = fmt::format("rename to `{}`", new_key);
    if (entry.path_spans.size() <= 1) {
        // Flat key: the written text is the whole key (possibly quoted in YAML).
        if (written == entry.key) {
            fix.edits.push_back({entry.key_span.begin, entry.key_span.end, std::string(new_key)});
            return fix;
        }
        return std::nullopt;
    }
    // Nested YAML: the enclosing segments stay; only the innermost key text is replaced.
    const std::string_view old_last = written;
    // The written text must end the flattened key (a scalar yaml-cpp read otherwise gets no fix).
    if (old_last.size() >= entry.key.size()) return std::nullopt;
    const std::size_t outer_length = entry.key.size() - old_last.size();
    if (entry.key.compare(outer_length, std::string::npos, old_last) != 0) return std::nullopt;
    const std::string_view outer = std::string_view(entry.key).substr(0, outer_length);
    if (new_key.substr(0, outer.size()) != outer) return std::nullopt;
    fix.edits.push_back(
        {entry.key_span.begin, entry.key_span.end, std::string(new_key.substr(outer.size()))});
    return fix;
}

std::optional<Fix> delete_entry_fix(const ConfigEntry& entry, const ConfigDocument& doc, const Source& source,
                                    FixSafety safety) {
    if (!doc.spans_exact || entry.path_spans.size() > 1 || entry.entry_span.empty()) return std::nullopt;
    const Position start = source.position(entry.entry_span.begin);
    const Position end = source.position(entry.entry_span.end);
    if (start.line != end.line) return std::nullopt;
    // Delete the line only if nothing but white space precedes the key on it.
    const std::size_t line_begin = source.line_start(start.line);
    for (std::size_t i = line_begin; i < entry.entry_span.begin; ++i) {
        const char c = source.text()[i];
        if (c != ' ' && c != '\t') return std::nullopt;
    }
    Fix fix;
    fix.safety = safety;
    fix.description = "remove this line";
    const Span line = source.line_span_with_break(start.line);
    fix.edits.push_back({line.begin, line.end, ""});
    return fix;
}

std::optional<Fix> replace_value_fix(const ConfigEntry& entry, const ConfigDocument& doc,
                                     std::string replacement, FixSafety safety) {
    if (!doc.spans_exact || entry.value_span.empty()) return std::nullopt;
    Fix fix;
    fix.safety = safety;
    fix.description = fmt::format("change the value to `{}`", replacement);
    fix.edits.push_back({entry.value_span.begin, entry.value_span.end, std::move(replacement)});
    return fix;
}

}  // namespace flinklint

#include "rules/rule_helpers.hpp"

#include <fmt/format.h>

namespace flinklint::rules {

std::string shown_value(std::string_view key, std::string_view value) {
    if (is_sensitive_key(key)) return "******";
    constexpr std::size_t kMaxShown = 80;
    if (value.size() > kMaxShown) return std::string(value.substr(0, kMaxShown)) + "...";
    return std::string(value);
}

std::string quoted(std::string_view text) {
    return fmt::format("`{}`", text);
}

std::optional<Fix> rename_key_fix(const ConfigEntry& entry, const FlinkConfig& config,
                                  std::string_view new_key, FixSafety safety) {
    if (!config.doc().spans_exact || entry.key_span.empty()) return std::nullopt;
    const std::string_view written = config.source()->view(entry.key_span);
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

std::optional<Fix> delete_entry_fix(const ConfigEntry& entry, const FlinkConfig& config, FixSafety safety) {
    if (!config.doc().spans_exact || entry.path_spans.size() > 1 || entry.entry_span.empty())
        return std::nullopt;
    const Source& source = *config.source();
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

std::optional<Fix> replace_value_fix(const ConfigEntry& entry, const FlinkConfig& config,
                                     std::string replacement, FixSafety safety) {
    if (!config.doc().spans_exact || entry.value_span.empty()) return std::nullopt;
    Fix fix;
    fix.safety = safety;
    fix.description = fmt::format("change the value to `{}`", replacement);
    fix.edits.push_back({entry.value_span.begin, entry.value_span.end, std::move(replacement)});
    return fix;
}

Span first_line_span(const Source& source) {
    const std::string_view line = source.line_text(1);
    return {0, line.size()};
}

bool opens_nested_block(const Source& source, Span line_content) {
    std::string_view text = source.view(line_content);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty() || text.back() != ':' || text.find(' ') != std::string_view::npos) return false;
    const auto indent_of = [](std::string_view line) {
        return line.find_first_not_of(" \t") == std::string_view::npos ? std::string_view::npos
                                                                       : line.find_first_not_of(" \t");
    };
    const int line = source.position(line_content.begin).line;
    const std::size_t own_indent = indent_of(source.line_text(line));
    for (int next = line + 1; next <= static_cast<int>(source.line_count()); ++next) {
        const std::string_view next_text = source.line_text(next);
        const std::size_t indent = indent_of(next_text);
        if (indent == std::string_view::npos || next_text[indent] == '#') continue;
        return indent > own_indent;
    }
    return false;
}

std::string where(const FlinkConfig& config) {
    return config.where();
}

}  // namespace flinklint::rules

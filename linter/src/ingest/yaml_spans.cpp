#include "ingest/yaml_spans.hpp"

#include <algorithm>

namespace flinklint::ingestion::scan {

std::size_t line_end(std::string_view t, std::size_t pos) {
    while (pos < t.size() && !is_break(t[pos])) ++pos;
    return std::min(pos, t.size());
}

std::size_t next_line(std::string_view t, std::size_t pos) {
    pos = line_end(t, pos);
    if (pos < t.size() && t[pos] == '\r') ++pos;
    if (pos < t.size() && t[pos] == '\n') ++pos;
    return pos;
}

std::size_t line_begin(std::string_view t, std::size_t pos) {
    pos = std::min(pos, t.size());
    while (pos > 0 && !is_break(t[pos - 1])) --pos;
    return pos;
}

int column(std::string_view t, std::size_t pos) {
    return static_cast<int>(std::min(pos, t.size()) - line_begin(t, pos));
}

std::size_t skip_properties(std::string_view t, std::size_t pos) {
    std::size_t i = pos;
    bool any = false;
    while (i < t.size() && (t[i] == '&' || t[i] == '!')) {
        any = true;
        while (i < t.size() && !is_blank(t[i]) && !is_break(t[i]) && t[i] != ',' && t[i] != ']' &&
               t[i] != '}')
            ++i;
        while (i < t.size() && is_blank(t[i])) ++i;
    }
    if (!any) return pos;
    // The node itself may start on a later line, after comments.
    while (i < t.size()) {
        while (i < t.size() && is_blank(t[i])) ++i;
        if (i < t.size() && t[i] == '#') i = line_end(t, i);
        if (i < t.size() && is_break(t[i])) {
            i = next_line(t, i);
            continue;
        }
        break;
    }
    return i;
}

namespace {

// End of the plain-scalar text on one line starting at `pos`, trailing blanks trimmed.
std::size_t plain_line_end(std::string_view t, std::size_t pos, bool flow) {
    std::size_t i = pos;
    while (i < t.size() && !is_break(t[i])) {
        const char c = t[i];
        if (c == ':') {
            const char next = i + 1 < t.size() ? t[i + 1] : ' ';
            if (is_blank(next) || is_break(next) || (flow && is_flow_indicator(next))) break;
        }
        if (flow && is_flow_indicator(c)) break;
        if (c == '#' && i > pos && is_blank(t[i - 1])) break;
        ++i;
    }
    while (i > pos && is_blank(t[i - 1])) --i;
    return i;
}

bool blank_only(std::string_view t, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
        if (!is_blank(t[i])) return false;
    return true;
}

int leading_spaces(std::string_view t, std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    while (i < end && t[i] == ' ') ++i;
    return static_cast<int>(i - begin);
}

}  // namespace

std::size_t plain_end(std::string_view t, std::size_t pos, bool flow, std::string_view value) {
    std::size_t end = plain_line_end(t, pos, flow);
    std::size_t folded = end - pos;
    // A scalar complete on its line is the usual case: looking for the next line would scan the rest
    // of this one, once per scalar of a long flow line (quadratic in the line's length).
    if (folded >= value.size()) return end;
    // Continuation lines fold into one space (or into n-1 newlines after n line breaks).
    std::size_t pending_breaks = 0;
    std::size_t line = next_line(t, end);
    while (folded < value.size() && line < t.size() && line > end) {
        const std::size_t le = line_end(t, line);
        std::size_t k = line;
        while (k < le && is_blank(t[k])) ++k;
        if (k == le) {
            ++pending_breaks;
            line = next_line(t, le);
            continue;
        }
        if (t[k] == '#') break;
        const std::size_t e = plain_line_end(t, k, flow);
        if (e == k) break;
        folded += (pending_breaks > 0 ? pending_breaks : 1) + (e - k);
        pending_breaks = 0;
        end = e;
        if (e < le) break;  // a comment, `: ` or flow indicator ends the scalar on this line
        line = next_line(t, le);
    }
    return end;
}

std::size_t quoted_end(std::string_view t, std::size_t pos) {
    if (pos >= t.size()) return t.size();
    const char quote = t[pos];
    std::size_t i = pos + 1;
    while (i < t.size()) {
        if (quote == '"' && t[i] == '\\') {
            i += 2;
            continue;
        }
        if (t[i] == quote) {
            if (quote == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return t.size();
}

std::size_t flow_end(std::string_view t, std::size_t pos) {
    int depth = 0;
    char previous = '[';  // last significant character: quotes start a scalar only after [ { , :
    std::size_t i = pos;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '#' && (i == 0 || is_blank(t[i - 1]) || is_break(t[i - 1]))) {
            i = line_end(t, i);
            continue;
        }
        if ((c == '\'' || c == '"') &&
            (previous == '[' || previous == '{' || previous == ',' || previous == ':')) {
            i = quoted_end(t, i);
            previous = 'x';
            continue;
        }
        if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth <= 0) return i + 1;
        }
        if (!is_blank(c) && !is_break(c)) previous = c;
        ++i;
    }
    return t.size();
}

std::size_t alias_end(std::string_view t, std::size_t pos) {
    std::size_t i = pos + 1;
    while (i < t.size() && !is_blank(t[i]) && !is_break(t[i]) && !is_flow_indicator(t[i])) ++i;
    return std::min(i, t.size());
}

BlockScalar block_scalar(std::string_view t, std::size_t pos, int parent_indent) {
    BlockScalar block;
    block.literal = pos < t.size() && t[pos] == '|';
    std::size_t i = pos + 1;
    int explicit_indent = 0;
    for (int k = 0; k < 2 && i < t.size(); ++k) {
        if (t[i] == '+' || t[i] == '-') {
            ++i;
        } else if (t[i] >= '1' && t[i] <= '9') {
            explicit_indent = t[i] - '0';
            ++i;
        } else {
            break;
        }
    }
    const std::size_t header_end = std::min(i, t.size());
    block.span = {pos, header_end};
    const std::size_t first = next_line(t, pos);
    if (first >= t.size() || first == line_end(t, pos)) {
        block.content_indent = std::max(parent_indent + 1, 0);
        return block;
    }

    int indent = -1;
    if (explicit_indent > 0) {
        indent = std::max(parent_indent, 0) + explicit_indent;
    } else {
        for (std::size_t line = first; line < t.size(); line = next_line(t, line)) {
            const std::size_t le = line_end(t, line);
            if (blank_only(t, line, le)) {
                if (le >= t.size()) break;
                continue;
            }
            indent = leading_spaces(t, line, le);
            break;
        }
    }
    if (indent < 0 || indent <= parent_indent) {
        block.content_indent = std::max(parent_indent + 1, 0);
        return block;
    }
    block.content_indent = indent;
    std::size_t last_end = header_end;
    for (std::size_t line = first; line < t.size();) {
        const std::size_t le = line_end(t, line);
        if (!blank_only(t, line, le)) {
            if (leading_spaces(t, line, le) < indent) break;
            last_end = le;
        }
        if (le >= t.size()) break;
        line = next_line(t, le);
    }
    block.span.end = last_end;
    return block;
}

std::vector<Span> block_lines(std::string_view t, Span span, int content_indent) {
    std::vector<Span> lines;
    const auto indent = static_cast<std::size_t>(std::max(content_indent, 0));
    std::size_t line = next_line(t, span.begin);
    if (line <= span.begin || span.end <= line_end(t, span.begin)) return lines;
    while (line < span.end && line < t.size()) {
        const std::size_t le = line_end(t, line);
        const std::size_t begin = std::min(line + indent, le);
        lines.push_back({begin, le});
        if (le >= t.size()) break;
        line = next_line(t, le);
    }
    return lines;
}

std::size_t trailing_comment_end(std::string_view t, std::size_t pos) {
    std::size_t i = pos;
    while (i < t.size() && is_blank(t[i])) ++i;
    if (i < t.size() && t[i] == '#' && (i > pos || i == 0 || is_blank(t[i - 1]))) return line_end(t, i);
    return pos;
}

std::size_t null_word(std::string_view t, std::size_t pos, bool flow) {
    static constexpr std::string_view words[] = {"null", "Null", "NULL", "~"};
    for (std::string_view word : words) {
        if (t.substr(pos, word.size()) != word) continue;
        const std::size_t after = pos + word.size();
        if (after >= t.size() || is_blank(t[after]) || is_break(t[after]) ||
            (flow && is_flow_indicator(t[after])))
            return word.size();
    }
    return 0;
}

}  // namespace flinklint::ingestion::scan

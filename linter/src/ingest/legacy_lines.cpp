// flink-conf.yaml as Flink's legacy loader reads it (GlobalConfiguration.loadYAMLResource):
// per line, cut at the first `#`, trim, split at the first ": ", trim key and value, keep quotes.
// Lines are split and cut with Spirit X3; every span is a byte range of the input.
//
// A UTF-8 byte order mark is kept as part of the first line, as Java's reader does: a first key
// written after a BOM really is `\uFEFFkey` to Flink (never found), so the entry keeps those bytes
// in its key and key span and the unknown-key rule reports it.
#include <algorithm>
#include <boost/spirit/home/x3.hpp>

#include "flinklint/ingest.hpp"
#include "flinklint/java_text.hpp"

namespace flinklint {
namespace {

namespace x3 = boost::spirit::x3;
using RawRange = boost::iterator_range<const char*>;
using java_text::cat;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Span of `part` (a view into `text`) with String.trim() applied.
Span trimmed_span(std::string_view text, std::string_view part) {
    const std::string_view trimmed = java_text::trim(part);
    const auto begin = static_cast<std::size_t>(trimmed.data() - text.data());
    return {begin, begin + trimmed.size()};
}

auto capture(std::string_view& out) {
    return [&out](auto& ctx) {
        const RawRange& range = x3::_attr(ctx);
        out = std::string_view(range.begin(), range.size());
    };
}

std::string_view view(std::string_view text, Span span) {
    return text.substr(span.begin, span.size());
}

std::string bom_note(std::string_view content) {
    return content.starts_with(kByteOrderMark) ? " (the file starts with a UTF-8 byte order mark, which "
                                                 "Flink reads as part of the first line)"
                                               : "";
}

class LegacyLineReader {
public:
    explicit LegacyLineReader(std::string_view text) : text_(text) {}

    LegacyParse run() {
        // A line is everything up to \r\n, \n or a lone \r (BufferedReader.readLine).
        const auto on_line = [this](auto& ctx) {
            const RawRange& range = x3::_attr(ctx);
            read_line(std::string_view(range.begin(), range.size()));
        };
        const auto line_break = x3::lit("\r\n") | x3::lit('\n') | x3::lit('\r');
        const char* first = text_.data();
        x3::parse(first, text_.data() + text_.size(), x3::raw[*~x3::char_("\r\n")][on_line] % line_break);
        return std::move(result_);
    }

private:
    void read_line(std::string_view line) {
        // `line.split("#", 2)[0].trim()`: a `#` starts a comment even inside quotes.
        std::string_view before_comment;
        parse_whole(line, x3::raw[*~x3::char_('#')][capture(before_comment)] >> *x3::char_);
        const Span content = trimmed_span(text_, before_comment);
        if (content.empty()) return;  // blank or comment-only

        // `split(": ", 2)`: the first colon followed by a space; a tab does not count.
        std::string_view key_part, value_part;
        bool has_separator = false;
        parse_whole(view(text_, content),
                    x3::raw[*(x3::char_ - x3::lit(": "))][capture(key_part)] >>
                        -(x3::lit(": ")[([&has_separator](auto&) { has_separator = true; })] >>
                          x3::raw[*x3::char_][capture(value_part)]));
        if (!has_separator) {
            report_malformed(content);
            return;
        }
        const Span key = trimmed_span(text_, key_part);
        const Span value = trimmed_span(text_, value_part);
        if (key.empty() || value.empty()) {
            report(key.empty() ? SyntaxIssue::Kind::legacy_empty_key : SyntaxIssue::Kind::legacy_empty_value,
                   content,
                   key.empty() ? cat({"line ", shown(content), " has nothing before `: `, so Flink skips it"})
                               : cat({"key ", shown(key), " has no value, so Flink skips the line"}));
            return;
        }
        // The entry runs to the end of the line, trailing comment included, trailing blanks not.
        const Span whole_line = trimmed_span(text_, line);
        ConfigEntry entry;
        entry.key = std::string(view(text_, key));
        entry.value = std::string(view(text_, value));
        entry.kind = ValueKind::string;
        const std::string_view written = view(text_, value);
        entry.quoted = written.size() >= 2 && (written.front() == '"' || written.front() == '\'') &&
                       written.back() == written.front();
        entry.key_span = key;
        entry.value_span = value;
        entry.entry_span = {key.begin, std::max(key.begin, whole_line.end)};
        entry.path_spans = {key};
        result_.entries.push_back(std::move(entry));
    }

    void report_malformed(Span content) {
        const std::string_view written = view(text_, content);
        const std::size_t colon = written.find(':');
        const bool ends_with_colon = colon != std::string_view::npos && colon + 1 == written.size();
        // `key:` alone reads as a key without a value (Flink's own warning blames the missing space).
        if (ends_with_colon && colon > 0) {
            report(SyntaxIssue::Kind::legacy_empty_value, content,
                   cat({"key ", shown(trimmed_span(text_, written.substr(0, colon))),
                        " has no value, so Flink skips the line"}));
            return;
        }
        std::string message = cat({"line ", shown(content), " is not `key: value`"});
        if (colon == std::string_view::npos) {
            message += " (there is no `:`)";
        } else if (ends_with_colon) {
            message += " (there is neither key nor value)";
        } else if (written[colon + 1] == '\t') {
            message += " (a tab after `:` does not count; Flink needs a space)";
        } else {
            message += " (Flink needs a space after the `:`)";
        }
        message += ", so Flink skips it";
        report(SyntaxIssue::Kind::legacy_no_separator, content, std::move(message));
    }

    void report(SyntaxIssue::Kind kind, Span span, std::string message) {
        message += bom_note(view(text_, span));
        result_.issues.push_back({kind, span, std::move(message)});
    }

    std::string shown(Span span) const { return java_text::quoted(view(text_, span)); }

    template <class Grammar>
    static void parse_whole(std::string_view part, const Grammar& grammar) {
        const char* first = part.data();
        x3::parse(first, part.data() + part.size(), grammar);
    }

    std::string_view text_;
    LegacyParse result_;
};

}  // namespace

LegacyParse parse_legacy_config(std::string_view text) {
    return LegacyLineReader(text).run();
}

}  // namespace flinklint

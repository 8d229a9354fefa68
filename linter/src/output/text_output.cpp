// Human output: `path:line:col: severity[ID name]: message`, the source line with a caret, help, summary.
#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <span>

#include "flinklint/text_util.hpp"
#include "output/output_internal.hpp"

namespace flinklint::output {
namespace {

constexpr int kTabWidth = 4;

struct Style {
    bool on = false;
    [[nodiscard]] std::string wrap(std::string_view code, std::string_view text) const {
        if (!on) return std::string(text);
        return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
    }
};

std::string_view severity_colour(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "1;31";
        case Severity::warning:
            return "1;33";
        case Severity::info:
            return "1;36";
    }
    return "1";
}

bool in_ranges(char32_t cp, std::span<const std::pair<char32_t, char32_t>> ranges) {
    return std::ranges::any_of(ranges,
                               [cp](const auto& range) { return cp >= range.first && cp <= range.second; });
}

// Terminal columns a printable code point takes: 0 for combining marks, 2 for East Asian wide.
int display_width(char32_t cp) {
    static constexpr std::array<std::pair<char32_t, char32_t>, 6> zero = {{{0x0300, 0x036F},
                                                                           {0x200B, 0x200D},
                                                                           {0x20D0, 0x20FF},
                                                                           {0xFE00, 0xFE0F},
                                                                           {0xFE20, 0xFE2F},
                                                                           {0xFEFF, 0xFEFF}}};
    static constexpr std::array<std::pair<char32_t, char32_t>, 12> wide = {{{0x1100, 0x115F},
                                                                            {0x2E80, 0x303E},
                                                                            {0x3041, 0x33FF},
                                                                            {0x3400, 0x4DBF},
                                                                            {0x4E00, 0x9FFF},
                                                                            {0xA000, 0xA4CF},
                                                                            {0xAC00, 0xD7A3},
                                                                            {0xF900, 0xFAFF},
                                                                            {0xFE30, 0xFE4F},
                                                                            {0xFF00, 0xFF60},
                                                                            {0xFFE0, 0xFFE6},
                                                                            {0x1F300, 0x3FFFD}}};
    if (in_ranges(cp, zero)) return 0;
    return in_ranges(cp, wide) ? 2 : 1;
}

// A source line as displayed, with the display column of every byte boundary.
struct RenderedLine {
    std::string text;
    std::vector<int> begin_column;  // column where a span starting at byte i starts
    std::vector<int> end_column;    // column where a span ending at byte i ends
};

RenderedLine render_line(std::string_view line, std::size_t line_begin, const std::vector<Span>& masked) {
    RenderedLine rendered;
    rendered.begin_column.assign(line.size() + 1, 0);
    rendered.end_column.assign(line.size() + 1, 0);
    const auto masks = masked_ranges(line.size(), line_begin, masked);
    auto next_mask = masks.begin();
    int column = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t length = 0;
        int width = 0;
        if (next_mask != masks.end() && next_mask->first == i) {
            length = next_mask->second - i;
            width = static_cast<int>(kMask.size());
            rendered.text.append(kMask);
            ++next_mask;
        } else {
            char32_t cp = 0;
            length = decode_utf8(line, i, cp);
            if (next_mask != masks.end() && next_mask->first < i + length) {
                length = 1;  // a mask starts inside this character: never print part of a secret
                cp = U'\uFFFD';
            }
            if (cp == U'\t') {
                width = kTabWidth - column % kTabWidth;
                rendered.text.append(static_cast<std::size_t>(width), ' ');
            } else {
                width = is_hidden_control(cp) ? 1 : display_width(cp);
                append_visible(rendered.text, cp);
            }
        }
        // A span boundary inside a character (or a mask) widens to cover all of it.
        for (std::size_t k = i; k < i + length; ++k) {
            rendered.begin_column[k] = column;
            rendered.end_column[k] = k == i ? column : column + width;
        }
        column += width;
        i += length;
    }
    rendered.begin_column[line.size()] = column;
    rendered.end_column[line.size()] = column;
    return rendered;
}

// Lines longer than this (minified YAML, megabyte lines) show a window around the span: the output
// stays small and linear in the number of findings.
constexpr std::size_t kSnippetBytes = 240;
constexpr std::size_t kSnippetContext = 80;  // bytes kept before the span
constexpr std::string_view kClipped = "...";

bool utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void write_snippet(std::ostream& out, const Diagnostic& d,
                   const std::map<const Source*, std::vector<Span>>& masked, const Style& style) {
    const Source& source = *d.source;
    const std::size_t begin = std::min(d.span.begin, source.text().size());
    const int line_number = source.position(begin).line;
    std::string_view line = source.line_text(line_number);
    std::size_t line_begin = source.line_start(line_number);
    std::string_view clipped_left;
    std::string_view clipped_right;
    if (line.size() > kSnippetBytes) {
        std::size_t from = begin - line_begin > kSnippetContext ? begin - line_begin - kSnippetContext : 0;
        while (from > 0 && utf8_continuation(line[from])) --from;
        std::size_t to = std::min(line.size(), from + kSnippetBytes);
        while (to < line.size() && utf8_continuation(line[to])) ++to;
        if (from > 0) clipped_left = kClipped;
        if (to < line.size()) clipped_right = kClipped;
        line = line.substr(from, to - from);
        line_begin += from;
    }

    static const std::vector<Span> no_masks;
    const auto found = masked.find(&source);
    const RenderedLine rendered =
        render_line(line, line_begin, found == masked.end() ? no_masks : found->second);

    // Clip the span to the first line; an empty span still gets one caret.
    const std::size_t first = std::min(begin - line_begin, line.size());
    const std::size_t last =
        std::clamp(d.span.end, line_begin + first, line_begin + line.size()) - line_begin;
    const int start_column = rendered.begin_column[first] + static_cast<int>(clipped_left.size());
    const int width = std::max(1, rendered.end_column[last] - rendered.begin_column[first]);

    const std::string number = std::to_string(line_number);
    const std::string gutter(number.size(), ' ');
    std::string carets = "^";
    carets.append(static_cast<std::size_t>(width - 1), '~');
    out << style.wrap("1;34", number + " |") << (rendered.text.empty() ? "" : " ") << clipped_left
        << rendered.text << clipped_right << '\n';
    out << style.wrap("1;34", gutter + " |") << ' '
        << std::string(static_cast<std::size_t>(start_column), ' ')
        << style.wrap(severity_colour(d.severity), carets) << '\n';
}

// Each finding as it comes; the counts for the summary line at the end.
class TextWriter final : public ReportWriter {
public:
    TextWriter(std::ostream& out, const OutputOptions& options) : out_(&out), options_(options) {}

    void add(ReportPart part) override {
        std::ostream& out = *out_;
        const Style style{options_.color};
        files_ += part.files.size();
        for (const Diagnostic& d : part.diagnostics) {
            const auto severity = static_cast<std::size_t>(d.severity);
            if (severity < by_severity_.size()) ++by_severity_[severity];
            if (d.fix) ++(d.fix->safety == FixSafety::safe ? safe_fixes_ : unsafe_fixes_);
            ++total_;

            const std::string file = d.source ? visible_text(d.source->path()) : "<unknown>";
            const std::string location =
                file + ":" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ":";
            const std::string tag =
                std::string(to_string(d.severity)) + "[" + d.rule_id + " " + d.rule_name + "]";
            out << style.wrap("1", location) << ' '
                << style.wrap(severity_colour(d.severity), visible_text(tag)) << ": "
                << visible_text(d.message) << '\n';
            if (options_.concise) continue;
            if (options_.show_source && d.source) write_snippet(out, d, part.masked, style);
            for (const RelatedLocation& r : d.related) {
                const std::string at = r.source ? visible_text(r.source->path()) : file;
                out << "  " << style.wrap("1;36", "note:") << ' ' << at << ':' << r.start.line << ':'
                    << r.start.column << ": " << visible_text(r.message) << '\n';
            }
            if (!d.help.empty())
                out << "  " << style.wrap("1;32", "help:") << ' ' << visible_text(d.help) << '\n';
            out << '\n';
        }
    }

    void finish(std::size_t files_checked) override {
        std::ostream& out = *out_;
        const std::size_t files = std::max(files_checked, files_);
        if (!options_.summary) return;
        if (total_ == 0) {
            out << "No problems found in " << count_of(files, "file") << ".\n";
            return;
        }
        out << "Found " << count_of(total_, "problem") << " ("
            << count_of(by_severity_[static_cast<std::size_t>(Severity::error)], "error") << ", "
            << count_of(by_severity_[static_cast<std::size_t>(Severity::warning)], "warning") << ", "
            << count_of(by_severity_[static_cast<std::size_t>(Severity::info)], "info") << ") in "
            << count_of(files, "file") << ".\n";
        if (safe_fixes_ > 0) {
            out << safe_fixes_ << " fixable with --fix";
            if (unsafe_fixes_ > 0) out << " (" << unsafe_fixes_ << " more with --unsafe-fixes)";
            out << ".\n";
        } else if (unsafe_fixes_ > 0) {
            out << unsafe_fixes_ << " fixable with --unsafe-fixes.\n";
        }
    }

private:
    std::ostream* out_;
    OutputOptions options_;
    std::array<std::size_t, 3> by_severity_{};
    std::size_t total_ = 0;
    std::size_t safe_fixes_ = 0;
    std::size_t unsafe_fixes_ = 0;
    std::size_t files_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> text_writer(std::ostream& out, const OutputOptions& options) {
    return std::make_unique<TextWriter>(out, options);
}

}  // namespace flinklint::output

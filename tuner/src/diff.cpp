// A unified diff computed from the edits themselves: no line matching, so it shows exactly what
// --patch would write.
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/tuner/patch.hpp"

namespace flinklint::tuner {
namespace {

constexpr std::size_t kContext = 3;

// Lines with their line breaks; the last one may lack it.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find('\n', at);
        const std::size_t stop = end == std::string_view::npos ? text.size() : end + 1;
        lines.push_back(text.substr(at, stop - at));
        at = stop;
    }
    return lines;
}

struct Change {
    std::size_t first = 0;           // first old line (0-based)
    std::size_t count = 0;           // old lines replaced
    std::vector<std::string> lines;  // their replacement
};

void print_line(std::string& out, char sign, std::string_view line) {
    out += sign;
    out += line;
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view text, const std::vector<Edit>& edits) {
    const auto old_lines = split_lines(text);
    std::vector<std::size_t> starts;
    for (const auto line : old_lines) starts.push_back(static_cast<std::size_t>(line.data() - text.data()));
    const auto line_of = [&](std::size_t offset) {
        return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) -
                                        starts.begin()) -
               1;
    };

    std::vector<Change> changes;
    std::size_t i = 0;
    while (i < edits.size()) {
        const Edit& edit = edits[i];
        const bool at_line_start =
            edit.begin == text.size() || std::binary_search(starts.begin(), starts.end(), edit.begin);
        if (old_lines.empty() || (edit.begin == edit.end && at_line_start && !edit.replacement.empty() &&
                                  edit.replacement.back() == '\n' &&
                                  (edit.begin == text.size() ? text.empty() || text.back() == '\n' : true))) {
            // Whole lines inserted before a line (or at the end of a file that ends with a line break).
            Change change{edit.begin == text.size() ? old_lines.size() : line_of(edit.begin), 0, {}};
            for (const auto line : split_lines(edit.replacement)) change.lines.emplace_back(line);
            changes.push_back(std::move(change));
            ++i;
            continue;
        }
        const std::size_t first = line_of(std::min(edit.begin, text.size() - (text.empty() ? 0 : 1)));
        std::size_t last =
            line_of(edit.end > edit.begin ? edit.end - 1 : std::min(edit.begin, text.size() - 1));
        std::string replaced(text.substr(starts[first], edit.begin - starts[first]));
        replaced += edit.replacement;
        std::size_t at = edit.end;
        ++i;
        // Further edits that start on the lines already taken join this change.
        while (i < edits.size() && edits[i].begin < starts[last] + old_lines[last].size()) {
            replaced += text.substr(at, edits[i].begin - at);
            replaced += edits[i].replacement;
            at = edits[i].end;
            last = std::max(last, line_of(edits[i].end > edits[i].begin ? edits[i].end - 1 : edits[i].begin));
            ++i;
        }
        const std::size_t region_end = starts[last] + old_lines[last].size();
        replaced += text.substr(at, region_end - at);
        Change change{first, last - first + 1, {}};
        for (const auto line : split_lines(replaced)) change.lines.emplace_back(line);
        changes.push_back(std::move(change));
    }
    if (changes.empty()) return {};

    std::string out = fmt::format("--- a/{0}\n+++ b/{0}\n", path);
    long long delta = 0;  // new line number - old line number before the current hunk
    std::size_t c = 0;
    while (c < changes.size()) {
        // A hunk takes changes whose context overlaps.
        std::size_t end = c + 1;
        while (end < changes.size() &&
               changes[end].first <= changes[end - 1].first + changes[end - 1].count + 2 * kContext) {
            ++end;
        }
        const std::size_t old_start = changes[c].first >= kContext ? changes[c].first - kContext : 0;
        const std::size_t old_stop =
            std::min(old_lines.size(), changes[end - 1].first + changes[end - 1].count + kContext);
        std::string body;
        std::size_t old_count = 0;
        std::size_t new_count = 0;
        std::size_t line = old_start;
        for (std::size_t k = c; k < end; ++k) {
            for (; line < changes[k].first; ++line, ++old_count, ++new_count)
                print_line(body, ' ', old_lines[line]);
            for (std::size_t j = 0; j < changes[k].count; ++j, ++line, ++old_count)
                print_line(body, '-', old_lines[line]);
            for (const std::string& added : changes[k].lines) {
                print_line(body, '+', added);
                ++new_count;
            }
        }
        for (; line < old_stop; ++line, ++old_count, ++new_count) print_line(body, ' ', old_lines[line]);
        const auto range = [](std::size_t start, std::size_t count) {
            // An empty range names the line before it.
            return count == 0 ? fmt::format("{},0", start) : fmt::format("{},{}", start + 1, count);
        };
        const auto new_start = static_cast<std::size_t>(static_cast<long long>(old_start) + delta);
        out += fmt::format("@@ -{} +{} @@\n", range(old_start, old_count), range(new_start, new_count));
        out += body;
        delta += static_cast<long long>(new_count) - static_cast<long long>(old_count);
        c = end;
    }
    return out;
}

}  // namespace flinklint::tuner

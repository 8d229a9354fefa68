#include "flinklint/comments.hpp"

#include <algorithm>
#include <optional>

#include "flinklint/text_util.hpp"

namespace flinklint {
namespace {

constexpr std::string_view kMarker = "flinklint:";

// The comment of one line: after any `#` (a `#` inside a YAML plain scalar starts no comment, so the
// first one is not always it), text that starts with the marker and holds `NAME=`.
std::optional<FlinklintComment> read_comment(std::string_view all, std::string_view text, int line) {
    const auto offset = [&](std::string_view part) {
        return static_cast<std::size_t>(part.data() - all.data());
    };
    for (auto hash = text.find('#'); hash != std::string_view::npos; hash = text.find('#', hash + 1)) {
        std::string_view comment = trim(text.substr(hash + 1));
        if (!comment.starts_with(kMarker)) continue;
        comment = trim(comment.substr(kMarker.size()));
        const auto equals = comment.find('=');
        if (equals == std::string_view::npos) return std::nullopt;
        FlinklintComment entry;
        entry.line = line;
        entry.directive = trim(comment.substr(0, equals));
        entry.directive_span = {offset(entry.directive), offset(entry.directive) + entry.directive.size()};
        // "FL101, unknown-key -- reason" -> FL101, unknown-key
        std::string_view list = comment.substr(equals + 1);
        // The list ends at a ` -- reason` or at another comment on the same line.
        if (const auto end = std::min(list.find("--"), list.find('#')); end != std::string_view::npos)
            list = list.substr(0, end);
        for (std::size_t start = 0; start <= list.size();) {
            std::size_t end = list.find_first_of(", ", start);
            if (end == std::string_view::npos) end = list.size();
            const std::string_view item = trim(list.substr(start, end - start));
            if (!item.empty()) entry.items.emplace_back(item, Span{offset(item), offset(item) + item.size()});
            start = end + 1;
        }
        return entry;
    }
    return std::nullopt;
}

}  // namespace

std::vector<FlinklintComment> flinklint_comments(const Source& source, std::size_t from, std::size_t to) {
    std::vector<FlinklintComment> comments;
    const std::string_view all = source.text();
    to = std::min(to, all.size());
    if (from >= to) return comments;
    // The common case: no marker in the range at all.
    const std::size_t first = all.substr(from, to - from).find(kMarker);
    if (first == std::string_view::npos) return comments;
    const int lines = static_cast<int>(source.line_count());
    for (int line = source.position(from + first).line; line <= lines && source.line_start(line) < to;
         ++line) {
        auto comment = read_comment(all, source.line_text(line), line);
        if (comment && comment->directive_span.begin >= from && comment->directive_span.begin < to)
            comments.push_back(std::move(*comment));
    }
    return comments;
}

}  // namespace flinklint

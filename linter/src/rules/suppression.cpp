#include "flinklint/suppression.hpp"

#include <algorithm>

#include "flinklint/text_util.hpp"

namespace flinklint {
namespace {

constexpr std::string_view kMarker = "flinklint:";

bool matches(const std::set<std::string>& rules, std::string_view id, std::string_view name) {
    if (rules.count("all") != 0 || rules.count(std::string(name)) != 0) return true;
    for (const auto& rule : rules) {
        if (ascii_lower(rule) == ascii_lower(id)) return true;
    }
    return false;
}

}  // namespace

bool Suppressions::suppresses(int line, std::string_view rule_id, std::string_view rule_name) const {
    if (matches(whole_file, rule_id, rule_name)) return true;
    const auto index = static_cast<std::size_t>(line - 1);
    return line >= 1 && index < by_line.size() && matches(by_line[index], rule_id, rule_name);
}

std::vector<FlinklintComment> flinklint_comments(const Source& source) {
    std::vector<FlinklintComment> comments;
    if (source.text().find(kMarker) == std::string::npos) return comments;  // the common case
    const std::string_view all = source.text();
    const int lines = static_cast<int>(source.line_count());
    for (int line = 1; line <= lines; ++line) {
        const std::string_view text = source.line_text(line);
        const auto hash = text.find('#');
        if (hash == std::string_view::npos) continue;
        std::string_view comment = trim(text.substr(hash + 1));
        if (!comment.starts_with(kMarker)) continue;
        comment = trim(comment.substr(kMarker.size()));
        const auto equals = comment.find('=');
        if (equals == std::string_view::npos) continue;
        const auto offset = [&](std::string_view part) {
            return static_cast<std::size_t>(part.data() - all.data());
        };
        FlinklintComment entry;
        entry.line = line;
        entry.directive = trim(comment.substr(0, equals));
        entry.directive_span = {offset(entry.directive), offset(entry.directive) + entry.directive.size()};
        // "FL101, unknown-key -- reason" -> FL101, unknown-key
        std::string_view list = comment.substr(equals + 1);
        // The list ends at a ` -- reason` or at another comment on the same line.
        if (const auto end = std::min(list.find("--"), list.find('#')); end != std::string_view::npos)
            list = list.substr(0, end);
        std::size_t start = 0;
        while (start <= list.size()) {
            std::size_t end = list.find_first_of(", ", start);
            if (end == std::string_view::npos) end = list.size();
            const std::string_view item = trim(list.substr(start, end - start));
            if (!item.empty()) entry.items.emplace_back(item, Span{offset(item), offset(item) + item.size()});
            start = end + 1;
        }
        comments.push_back(entry);
    }
    return comments;
}

Suppressions parse_suppressions(const Source& source) {
    Suppressions result;
    const std::vector<FlinklintComment> comments = flinklint_comments(source);
    if (comments.empty()) return result;
    result.by_line.resize(source.line_count() + 1);
    for (const FlinklintComment& comment : comments) {
        std::set<std::string>* target = nullptr;
        const auto line = static_cast<std::size_t>(comment.line);
        if (comment.directive == "disable") target = &result.by_line[line - 1];
        if (comment.directive == "disable-next-line") target = &result.by_line[line];
        if (comment.directive == "disable-file") target = &result.whole_file;
        if (target == nullptr) continue;
        for (const auto& [item, span] : comment.items) target->insert(std::string(item));
    }
    return result;
}

}  // namespace flinklint

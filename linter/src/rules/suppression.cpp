#include "flinklint/suppression.hpp"

#include <algorithm>

#include "flinklint/text_util.hpp"

namespace flinklint {
namespace {

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

#include "flinklint/suppression.hpp"

#include "flinklint/text_util.hpp"

namespace flinklint {
namespace {

constexpr std::string_view kMarker = "flinklint:";

// "FL101, unknown-key -- reason" -> {"FL101", "unknown-key"}
std::set<std::string> parse_rule_list(std::string_view text) {
    const auto reason = text.find("--");
    if (reason != std::string_view::npos) text = text.substr(0, reason);
    std::set<std::string> rules;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(", ", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view item = trim(text.substr(start, end - start));
        if (!item.empty()) rules.insert(std::string(item));
        start = end + 1;
    }
    return rules;
}

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
    const int lines = static_cast<int>(source.line_count());
    if (source.text().find(kMarker) == std::string::npos) return result;  // the common case: nothing to do
    result.by_line.resize(static_cast<std::size_t>(lines) + 1);
    for (int line = 1; line <= lines; ++line) {
        const std::string_view text = source.line_text(line);
        const auto hash = text.find('#');
        if (hash == std::string_view::npos) continue;
        std::string_view comment = trim(text.substr(hash + 1));
        if (!comment.starts_with(kMarker)) continue;
        comment = trim(comment.substr(kMarker.size()));
        const auto equals = comment.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string_view directive = trim(comment.substr(0, equals));
        const std::set<std::string> rules = parse_rule_list(comment.substr(equals + 1));
        std::set<std::string>* target = nullptr;
        if (directive == "disable") target = &result.by_line[static_cast<std::size_t>(line - 1)];
        if (directive == "disable-next-line") target = &result.by_line[static_cast<std::size_t>(line)];
        if (directive == "disable-file") target = &result.whole_file;
        if (target == nullptr) continue;
        target->insert(rules.begin(), rules.end());
    }
    return result;
}

}  // namespace flinklint

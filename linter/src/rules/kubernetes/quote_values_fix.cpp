#include "rules/kubernetes/quote_values_fix.hpp"

#include <algorithm>

namespace flinklint::rules {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// `-?(0|[1-9][0-9]*)`: an integer without a plus sign or leading zeros.
bool canonical_integer(std::string_view text) {
    if (text.starts_with('-')) text.remove_prefix(1);
    if (text.empty() || !std::all_of(text.begin(), text.end(), is_digit)) return false;
    return text == "0" || text.front() != '0';
}

// YAML scalars whose text is what the operator (1.13+, through Jackson) turns them into.
bool keeps_text(const ConfigEntry& entry, std::string_view text) {
    switch (entry.kind) {
        case ValueKind::integer:
            return canonical_integer(text);
        case ValueKind::floating: {
            // `-?(0|[1-9][0-9]*)\.[0-9]*[1-9]`: a canonical integer part, a fraction ending in 1-9.
            const std::size_t dot = text.find('.');
            if (dot == std::string_view::npos || !canonical_integer(text.substr(0, dot))) return false;
            const std::string_view fraction = text.substr(dot + 1);
            return !fraction.empty() && std::all_of(fraction.begin(), fraction.end(), is_digit) &&
                   fraction.back() != '0';
        }
        case ValueKind::boolean:
            return text == "true" || text == "false";
        default:
            return false;
    }
}

}  // namespace

std::optional<Fix> quote_values_fix(const FlinkConfig& config) {
    if (!config.doc().spans_exact) return std::nullopt;
    Fix fix;
    fix.safety = FixSafety::safe;
    fix.description = "quote every number and boolean of flinkConfiguration";
    for (const ConfigEntry& entry : config.entries()) {
        if (entry.path_spans.size() > 1) return std::nullopt;
        if (entry.kind == ValueKind::string) continue;
        const std::string_view written = config.source()->view(entry.value_span);
        if (entry.quoted || entry.value_span.empty() || !keeps_text(entry, written)) return std::nullopt;
        fix.edits.push_back(
            {entry.value_span.begin, entry.value_span.end, "\"" + std::string(written) + "\""});
    }
    if (fix.edits.empty()) return std::nullopt;
    return fix;
}

}  // namespace flinklint::rules

#include "rules/kubernetes/quote_values_fix.hpp"

#include <regex>

namespace flinklint::rules {
namespace {

// YAML scalars whose text is what the operator (1.13+, through Jackson) turns them into.
bool keeps_text(const ConfigEntry& entry, std::string_view written) {
    static const std::regex integer("-?(0|[1-9][0-9]*)");
    static const std::regex decimal("-?(0|[1-9][0-9]*)\\.[0-9]*[1-9]");
    const std::string text(written);
    switch (entry.kind) {
        case ValueKind::integer:
            return std::regex_match(text, integer);
        case ValueKind::floating:
            return std::regex_match(text, decimal);
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
        fix.edits.push_back({entry.value_span.begin, entry.value_span.end, "\"" + std::string(written) + "\""});
    }
    if (fix.edits.empty()) return std::nullopt;
    return fix;
}

}  // namespace flinklint::rules

// FL104 duplicate-key: one key written twice in one configuration. The legacy parser keeps the
// last value; Flink's config.yaml loader refuses a mapping with a repeated key.
#include <unordered_map>

#include <fmt/format.h>

#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool refused_by_yaml_loader(const ConfigDocument& doc, const ConfigEntry& entry) {
    if (doc.format != ConfigFormat::yaml) return false;
    for (const SyntaxIssue& issue : doc.issues) {
        if (issue.kind == SyntaxIssue::Kind::yaml_duplicate_key && issue.span.begin < entry.key_span.end &&
            entry.key_span.begin < issue.span.end) {
            return true;
        }
    }
    return false;
}

}  // namespace

void check_duplicate_key(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        const auto& entries = config.entries();
        std::unordered_map<std::string, std::size_t> last;
        for (std::size_t i = 0; i < entries.size(); ++i) last[entries[i].key] = i;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const ConfigEntry& earlier = entries[i];
            const std::size_t winner_index = last[earlier.key];
            if (winner_index == i) continue;
            const ConfigEntry& winner = entries[winner_index];
            const Position winner_at = config.source()->position(winner.key_span.begin);
            const bool same_value = earlier.value == winner.value;
            const bool fatal = refused_by_yaml_loader(config.doc(), winner);
            Finding finding{.source = config.source(), .span = earlier.key_span, .key = earlier.key};
            if (fatal) {
                finding.message = fmt::format("{} is set again on line {}: Flink's YAML loader refuses a "
                                              "config.yaml with a duplicate key",
                                              quoted(earlier.key), winner_at.line);
                finding.severity = Severity::error;
            } else if (same_value) {
                finding.message = fmt::format("{} is set again on line {} with the same value", quoted(earlier.key),
                                              winner_at.line);
            } else {
                finding.message = fmt::format("{} is set again on line {}: this value ({}) is ignored, Flink uses "
                                              "the later one ({})",
                                              quoted(earlier.key), winner_at.line,
                                              quoted(shown_value(earlier.key, earlier.value)),
                                              quoted(shown_value(winner.key, winner.value)));
            }
            finding.help = "keep one line for the key";
            // Removing an exact repeat keeps what Flink reads (and lets config.yaml load at all); if
            // the values differ the earlier one may be what was meant, so that removal is unsafe.
            finding.fix = delete_entry_fix(earlier, config, same_value ? FixSafety::safe : FixSafety::unsafe);
            reporter.report(std::move(finding));
        }
    }
}

}  // namespace flinklint::rules

// FL104 duplicate-key: one key written more than once in one configuration. The legacy parser keeps
// the last value; Flink's config.yaml loader refuses a mapping with a repeated key. One finding per
// key, on its first line, with every line as a related location.
#include <map>

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

std::string lines_text(const FlinkConfig& config, const std::vector<const ConfigEntry*>& copies) {
    std::string out;
    for (std::size_t i = 0; i < copies.size(); ++i) {
        if (i > 0) out += i + 1 == copies.size() ? " and " : ", ";
        out += std::to_string(config.source()->position(copies[i]->key_span.begin).line);
    }
    return out;
}

Finding duplicate_finding(const FlinkConfig& config, const std::vector<const ConfigEntry*>& copies) {
    const ConfigEntry& first = *copies.front();
    const ConfigEntry& winner = *copies.back();
    const OptionInfo* option = config.lookup(winner).option;
    bool all_same = true;
    for (const ConfigEntry* copy : copies)
        all_same = all_same && same_value(option, copy->value, winner.value, config.version());
    const std::string lines = lines_text(config, copies);
    Finding finding{.source = config.source(), .span = first.key_span, .key = first.key};
    const bool refused = refused_by_yaml_loader(config.doc(), winner);
    if (refused) {
        finding.message = fmt::format(
            "{} is set {} times (lines {}): Flink's YAML loader refuses a "
            "config.yaml with a duplicate key",
            quoted(first.key), copies.size(), lines);
        finding.severity = Severity::error;
    } else if (all_same) {
        finding.message = fmt::format("{} is set {} times (lines {}) with the same value", quoted(first.key),
                                      copies.size(), lines);
    } else {
        finding.message = fmt::format(
            "{} is set {} times (lines {}): Flink uses the last value ({}) and "
            "ignores the others",
            quoted(first.key), copies.size(), lines, quoted(shown_value(winner.key, winner.value)));
    }
    finding.help = "keep one line for the key";
    for (std::size_t i = 0; i < copies.size(); ++i) {
        finding.related.push_back(
            {.source = config.source(),
             .span = copies[i]->key_span,
             .message = i + 1 == copies.size() && !refused  // a refused file has no value to read
                            ? fmt::format("set here ({} of {}): the value Flink reads", i + 1, copies.size())
                            : fmt::format("set here ({} of {})", i + 1, copies.size())});
    }
    // Deleting every earlier copy keeps what Flink reads (and lets config.yaml load at all); if a
    // value differs the earlier one may be what was meant, so that deletion is unsafe.
    std::optional<Fix> fix;
    for (std::size_t i = 0; i + 1 < copies.size(); ++i) {
        auto one = delete_entry_fix(*copies[i], config, all_same ? FixSafety::safe : FixSafety::unsafe);
        if (!one) return finding;
        if (!fix) {
            fix = std::move(one);
        } else {
            fix->edits.insert(fix->edits.end(), one->edits.begin(), one->edits.end());
        }
    }
    if (fix) {
        fix->description =
            copies.size() == 2
                ? fmt::format("delete the earlier line of {}", quoted(first.key))
                : fmt::format("delete the {} earlier lines of {}", copies.size() - 1, quoted(first.key));
    }
    finding.fix = std::move(fix);
    return finding;
}

}  // namespace

void check_duplicate_key(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        std::map<std::string_view, std::vector<const ConfigEntry*>> by_key;
        std::vector<std::string_view> order;  // keys in order of their first line
        for (const ConfigEntry& entry : config.entries()) {
            if (under_nested_block(config, entry.key_span)) continue;  // FL002 reports the nested block
            auto& copies = by_key[entry.key];
            if (copies.empty()) order.push_back(entry.key);
            copies.push_back(&entry);
        }
        for (const std::string_view key : order) {
            const auto& copies = by_key[key];
            if (copies.size() > 1) reporter.report(duplicate_finding(config, copies));
        }
    }
}

}  // namespace flinklint::rules

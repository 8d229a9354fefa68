// FL104 duplicate-key: one key written more than once in one configuration. The legacy parser keeps
// the last value; Flink's config.yaml loader refuses a mapping with a repeated key. One finding per
// key, on its first line, with every line as a related location. A legacy file that ends in copies of
// one block of keys is one finding for the block: the official image's docker-entrypoint.sh up to 1.18
// appended FLINK_PROPERTIES to the mounted flink-conf.yaml on every start (`>> "${CONF_FILE}"`).
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "flinklint/text_util.hpp"
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

// One fix that deletes every line of `entries`; nullopt when one of them cannot be deleted exactly.
std::optional<Fix> delete_entries_fix(const std::vector<const ConfigEntry*>& entries,
                                      const FlinkConfig& config, FixSafety safety) {
    std::optional<Fix> fix;
    for (const ConfigEntry* entry : entries) {
        auto one = delete_entry_fix(*entry, config, safety);
        if (!one) return std::nullopt;
        if (!fix) {
            fix = std::move(one);
        } else {
            fix->edits.insert(fix->edits.end(), one->edits.begin(), one->edits.end());
        }
    }
    return fix;
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
    std::optional<Fix> fix = delete_entries_fix({copies.begin(), copies.end() - 1}, config,
                                                all_same ? FixSafety::safe : FixSafety::unsafe);
    if (fix) {
        fix->description =
            copies.size() == 2
                ? fmt::format("delete the earlier line of {}", quoted(first.key))
                : fmt::format("delete the {} earlier lines of {}", copies.size() - 1, quoted(first.key));
    }
    finding.fix = std::move(fix);
    return finding;
}

// The file's last entries as `copies` >= 2 identical runs of `period` entries (the same keys and values in
// the same order; a malformed line between them is no entry). The shortest period wins; a block of one key
// needs three copies, since two are an ordinary duplicate. A FLINK_PROPERTIES block is short: longer periods
// are not searched.
struct RepeatedTail {
    std::size_t begin = 0;  // index of the first entry of the first copy
    std::size_t period = 0;
    std::size_t copies = 0;
};
constexpr std::size_t kMaxBlockKeys = 64;

std::optional<RepeatedTail> repeated_tail(const std::vector<const ConfigEntry*>& entries) {
    const std::size_t n = entries.size();
    for (std::size_t period = 1; period <= std::min(kMaxBlockKeys, n / 2); ++period) {
        std::size_t copies = 1;
        while ((copies + 1) * period <= n) {
            const std::size_t start = n - (copies + 1) * period;
            bool same = true;
            for (std::size_t i = 0; i < period && same; ++i)
                same = entries[start + i]->key == entries[start + period + i]->key &&
                       entries[start + i]->value == entries[start + period + i]->value;
            if (!same) break;
            ++copies;
        }
        if (copies >= 3 || (copies == 2 && period >= 2))
            return RepeatedTail{n - copies * period, period, copies};
    }
    return std::nullopt;
}

// `earlier`: lines before the copies that set a key of the block, which the copies override (the point
// of FLINK_PROPERTIES): related locations of this finding rather than findings of their own.
Finding repeated_block_finding(const FlinkConfig& config, const std::vector<const ConfigEntry*>& entries,
                               const RepeatedTail& tail, const std::vector<const ConfigEntry*>& earlier) {
    const Source& source = *config.source();
    const auto line_of = [&](std::size_t i) { return source.position(entries[i]->key_span.begin).line; };
    const std::size_t last_copy = entries.size() - tail.period;
    Finding finding{
        .source = config.source(), .span = entries[tail.begin]->key_span, .key = entries[tail.begin]->key};
    finding.message = fmt::format(
        "the same {} written {} times in a row (lines {}-{}): the official image's entrypoint up to "
        "Flink 1.18 appended FLINK_PROPERTIES to a mounted flink-conf.yaml on every start, so the file "
        "grows at each restart; Flink reads the last copy (from line {})",
        tail.period == 1 ? fmt::format("key {}", quoted(entries[tail.begin]->key))
                         : fmt::format("block of {} keys", tail.period),
        tail.copies, line_of(tail.begin), line_of(entries.size() - 1), line_of(last_copy));
    if (!earlier.empty()) {
        finding.message += fmt::format(
            ", which also overrides {} earlier in the file",
            earlier.size() == 1 ? std::string("one line") : fmt::format("{} lines", earlier.size()));
    }
    finding.help =
        "delete the earlier copies; give the container a copy of the file (or an image of 1.19 or later, "
        "whose entrypoint sets each key in place) so that restarts do not append again";
    for (std::size_t copy = 0; copy < tail.copies; ++copy) {
        const std::size_t first = tail.begin + copy * tail.period;
        finding.related.push_back(
            {.source = config.source(),
             .span = entries[first]->key_span,
             .message = copy + 1 == tail.copies
                            ? fmt::format("copy {} of {}: the one Flink reads", copy + 1, tail.copies)
                            : fmt::format("copy {} of {}", copy + 1, tail.copies)});
    }
    for (const ConfigEntry* entry : earlier) {
        finding.related.push_back(
            {.source = config.source(),
             .span = entry->key_span,
             .message = fmt::format("{} set earlier, overridden by the copies", quoted(entry->key))});
    }
    // Every line of the block's keys but the last of each (a block may hold a key twice) goes: Flink
    // reads the same values; unsafe when a deleted value differs, as for one duplicate key.
    std::map<std::string_view, const ConfigEntry*> last_of;
    for (std::size_t i = tail.begin; i < entries.size(); ++i) last_of[entries[i]->key] = entries[i];
    std::vector<const ConfigEntry*> deleted(earlier);
    for (std::size_t i = tail.begin; i < entries.size(); ++i)
        if (last_of[entries[i]->key] != entries[i]) deleted.push_back(entries[i]);
    FixSafety safety = FixSafety::safe;
    for (const ConfigEntry* entry : deleted) {
        const ConfigEntry& read = *last_of[entry->key];
        if (!same_value(config.lookup(read).option, entry->value, read.value, config.version()))
            safety = FixSafety::unsafe;
    }
    std::optional<Fix> fix = delete_entries_fix(deleted, config, safety);
    if (fix) {
        fix->description =
            fmt::format("keep one line per key of the block: delete {}", count_of(deleted.size(), "line"));
    }
    finding.fix = std::move(fix);
    return finding;
}

}  // namespace

void check_duplicate_key(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        std::vector<const ConfigEntry*> entries;
        for (const ConfigEntry& entry : config.entries()) {
            if (!under_nested_block(config, entry.key_span)) entries.push_back(&entry);  // FL002's
        }
        // Appended copies are one finding for the block, with the earlier lines of its keys (which the
        // copies override) as related locations; the other keys keep their own findings.
        std::set<std::string_view> block_keys;
        if (config.doc().format == ConfigFormat::legacy) {
            if (const auto tail = repeated_tail(entries)) {
                for (std::size_t i = tail->begin; i < entries.size(); ++i) block_keys.insert(entries[i]->key);
                std::vector<const ConfigEntry*> earlier;
                for (std::size_t i = 0; i < tail->begin; ++i)
                    if (block_keys.contains(entries[i]->key)) earlier.push_back(entries[i]);
                reporter.report(repeated_block_finding(config, entries, *tail, earlier));
            }
        }
        std::map<std::string_view, std::vector<const ConfigEntry*>> by_key;
        std::vector<std::string_view> order;  // keys in order of their first line
        for (const ConfigEntry* entry_ptr : entries) {
            if (block_keys.contains(entry_ptr->key)) continue;
            const ConfigEntry& entry = *entry_ptr;
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

#include "rules/value_policy.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool numeric(OptionType type) {
    switch (type) {
        case OptionType::integer:
        case OptionType::long_:
        case OptionType::float_:
        case OptionType::double_:
        case OptionType::duration:
        case OptionType::memory_size:
            return true;
        default:
            return false;
    }
}

// A typed option: a value of a String (or unknown) option is never judged, so it is not "unchecked".
bool typed(OptionType type) {
    return type != OptionType::string_ && type != OptionType::unknown;
}

// `jm_heap`, `tm_slots`, `slots`: a name, not a number, as a template writer spells one.
bool bare_lowercase_word(std::string_view value) {
    if (value.empty() || value.front() < 'a' || value.front() > 'z') return false;
    return std::all_of(value.begin(), value.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

const OptionInfo* typed_option(const FlinkConfig& config, const ConfigEntry& entry) {
    const KeyLookup lookup = config.lookup(entry);
    if (lookup.option == nullptr || lookup.kind == KeyLookup::Kind::pass_through) return nullptr;
    return lookup.option;
}

}  // namespace

Placeholders::Placeholders(const FlinkConfig& config) {
    std::vector<const ConfigEntry*> words;
    bool marked = false;
    bool snake = false;
    for (const ConfigEntry& entry : config.entries()) {
        if (is_template_placeholder(entry.value)) {
            skipped_.insert(&entry);
            marked = true;
            continue;
        }
        const OptionInfo* option = typed_option(config, entry);
        if (option == nullptr || !numeric(option->type) || entry.quoted || !bare_lowercase_word(entry.value))
            continue;
        words.push_back(&entry);
        snake = snake || entry.value.find('_') != std::string::npos;
    }
    if (marked || (snake && words.size() >= 2)) skipped_.insert(words.begin(), words.end());
    for (const ConfigEntry& entry : config.entries()) {
        if (!skipped_.contains(&entry) || config.get(entry.key) != &entry) continue;  // FL104: never read
        const OptionInfo* option = typed_option(config, entry);
        if (option != nullptr && typed(option->type)) unchecked_.push_back(&entry);
    }
}

std::string never_read_reason(const FlinkConfig& config, const OptionInfo& option) {
    // Flink 1.12 and earlier still sampled stack traces with these settings.
    if (option.key.starts_with("web.backpressure.") && config.version() >= FlinkVersion{1, 13}) {
        return "Flink no longer uses it (back pressure is measured from task metrics since Flink 1.13; "
               "WebOptions keeps the key, marked \"no longer used\", until 2.0 removes it)";
    }
    if (option.key != "taskmanager.network.numberOfBuffers") return {};
    // `get_option` follows the deprecated `taskmanager.network.memory.*` keys too, as Flink's
    // Configuration#contains does.
    constexpr std::array<std::string_view, 3> kNetwork = {"taskmanager.memory.network.fraction",
                                                          "taskmanager.memory.network.min",
                                                          "taskmanager.memory.network.max"};
    for (const std::string_view key : kNetwork) {
        const ConfigEntry* set = config.get_option(key);
        if (set == nullptr) continue;
        return fmt::format(
            "{} is set (line {}), so Flink sizes network memory from the network min, max "
            "and fraction and reads the legacy buffer count only when none of them is set",
            quoted(set->key), config.source()->position(set->key_span.begin).line);
    }
    return {};
}

}  // namespace flinklint::rules

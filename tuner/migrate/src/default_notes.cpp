// Behaviour that changes without a key changing: options whose default differs between the two
// catalogs, for the options a configuration leaves at their default.
#include <fmt/format.h>

#include "flinklint/values.hpp"
#include "plan.hpp"

namespace flinklint::migrate {
namespace {

std::string_view unquoted(std::string_view text) {
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') return text.substr(1, text.size() - 2);
    return text;
}

bool same_default(const OptionInfo& a, const OptionInfo& b, FlinkVersion to) {
    const std::string_view x = unquoted(a.default_value);
    const std::string_view y = unquoted(b.default_value);
    if (x == y) return true;
    if (b.type == OptionType::duration) {
        // Durations used to be Long milliseconds: `10000` and `10 s` are one default.
        const auto dx = parse_duration(x, to);
        const auto dy = parse_duration(y, to);
        return dx && dy && *dx == *dy;
    }
    if (b.type == OptionType::memory_size) {
        const auto mx = parse_memory_size(x);
        const auto my = parse_memory_size(y);
        return mx && my && *mx == *my;
    }
    return false;
}

}  // namespace

std::vector<std::string> default_change_notes(const FlinkConfig& config, FlinkVersion to) {
    std::vector<std::string> notes;
    const Catalog& from = Catalog::for_version(config.version());
    const Catalog& target = Catalog::for_version(to);
    if (from.version() == target.version()) return notes;
    for (const OptionInfo& option : target.options()) {
        if (!option.documented || option.is_pattern() || option.operator_option) continue;
        const OptionInfo* old = from.find(option.key);
        if (old == nullptr || !old->documented || same_default(*old, option, to)) continue;
        if (config.get_option(option.key) != nullptr) continue;
        const auto shown = [](std::string_view value) {
            return value.empty() ? std::string_view("(none)") : value;
        };
        notes.push_back(fmt::format("the default of {} changes from {} (Flink {}) to {} (Flink {})",
                                    option.key, shown(old->default_value), from.version().str(),
                                    shown(option.default_value), target.version().str()));
    }
    return notes;
}

}  // namespace flinklint::migrate

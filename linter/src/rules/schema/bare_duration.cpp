#include "rules/schema/bare_duration.hpp"

#include <algorithm>

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"

namespace flinklint::rules {
namespace {

// The floor is a hundredth of the option's own default: Flink's defaults are what the option is for, and
// two orders of magnitude below is no tuning. Options whose defaults are below 1 s (or zero, or none)
// take bare milliseconds and are not judged.
constexpr std::int64_t kFloorDivisor = 100;
constexpr std::int64_t kMinDefaultMillis = 1000;

std::optional<std::int64_t> bare_number(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > 12 ||
        !std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    std::int64_t n = 0;
    for (const char c : text) n = n * 10 + (c - '0');
    return n;
}

}  // namespace

std::optional<std::int64_t> bare_number_seconds_meant(const OptionInfo& option, std::string_view text,
                                                      FlinkVersion version) {
    if (option.type != OptionType::duration) return std::nullopt;
    const auto number = bare_number(text);
    if (!number || *number <= 0 || (*number >= 60 && *number % 60 != 0)) return std::nullopt;
    const auto fallback = parse_duration(option.default_value, version);
    if (!fallback || fallback->millis() < kMinDefaultMillis) return std::nullopt;
    if (*number >= fallback->millis() / kFloorDivisor) return std::nullopt;
    return number;
}

}  // namespace flinklint::rules

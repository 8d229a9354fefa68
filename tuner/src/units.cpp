// Bandwidth and number parsing for profiles, and the number formats of reports.
#include "flinklint/tuner/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"

namespace flinklint::tuner {
namespace {

// from_chars on the whole text; nullopt for anything else (signs, trailing text, inf, nan).
std::optional<double> whole_double(std::string_view text) {
    if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

Expected<double> parse_number(std::string_view text) {
    text = trim(text);
    const auto value = whole_double(text);
    if (!value) return Error{fmt::format("`{}` is not a number", text)};
    return *value;
}

Expected<double> parse_bandwidth(std::string_view text) {
    text = trim(text);
    std::size_t split = 0;
    while (split < text.size() && ((text[split] >= '0' && text[split] <= '9') || text[split] == '.' ||
                                   text[split] == 'e' || text[split] == 'E')) {
        ++split;
    }
    // `5e` would swallow the start of a unit that began with `e`; no unit does.
    const auto amount = whole_double(text.substr(0, split));
    if (!amount) return Error{fmt::format("`{}` does not start with a number", text)};
    const std::string_view unit = trim(text.substr(split));
    static constexpr std::array<std::pair<std::string_view, double>, 6> kUnits{{
        {"Gbit/s", 1e9 / 8},
        {"Mbit/s", 1e6 / 8},
        {"GB/s", 1e9},
        {"MB/s", 1e6},
        {"GiB/s", 1024.0 * 1024 * 1024},
        {"MiB/s", 1024.0 * 1024},
    }};
    for (const auto& [name, factor] : kUnits) {
        if (unit == name) return *amount * factor;
    }
    return Error{
        fmt::format("unit `{}` of `{}` is not one of Gbit/s, Mbit/s, GB/s, MB/s, GiB/s, MiB/s", unit, text)};
}

Expected<std::uint64_t> parse_size(std::string_view text) {
    auto bytes = parse_memory_size(trim(text));
    if (!bytes) return Error{fmt::format("`{}` is not a size: {}", trim(text), bytes.error())};
    return bytes;
}

Expected<double> parse_duration_s(std::string_view text, FlinkVersion version) {
    // Flink reads a bare number as milliseconds; in a profile `60` almost always means seconds.
    if (whole_double(trim(text)))
        return Error{fmt::format("`{}` has no unit: write `{} s` for seconds (or `{} ms`)", trim(text),
                                 trim(text), trim(text))};
    const auto duration = parse_duration(trim(text), version);
    if (!duration) return Error{fmt::format("`{}` is not a duration: {}", trim(text), duration.error())};
    return duration->to_seconds();
}

std::string plain_number(double value, int max_decimals) {
    std::string text = fmt::format("{:.{}f}", value, max_decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

std::string format_rate(double bytes_per_second) {
    if (bytes_per_second >= 1e9) return plain_number(bytes_per_second / 1e9, 2) + " GB/s";
    if (bytes_per_second >= 1e6) return plain_number(bytes_per_second / 1e6, 1) + " MB/s";
    if (bytes_per_second >= 1e3) return plain_number(bytes_per_second / 1e3, 1) + " kB/s";
    return plain_number(bytes_per_second, 0) + " B/s";
}

std::string format_decimal_bytes(double bytes) {
    if (bytes >= 1e12) return plain_number(bytes / 1e12, 2) + " TB";
    if (bytes >= 1e9) return plain_number(bytes / 1e9, 2) + " GB";
    if (bytes >= 1e6) return plain_number(bytes / 1e6, 1) + " MB";
    if (bytes >= 1e3) return plain_number(bytes / 1e3, 1) + " kB";
    return plain_number(bytes, 0) + " B";
}

std::string format_binary_bytes(std::uint64_t bytes) {
    if (bytes >= kGiB && bytes % (kGiB / 4) == 0)
        return plain_number(static_cast<double>(bytes) / kGiB, 2) + " GiB";
    if (bytes >= 10 * kGiB) return plain_number(static_cast<double>(bytes) / kGiB, 1) + " GiB";
    if (bytes >= kMiB) return plain_number(static_cast<double>(bytes) / kMiB, 1) + " MiB";
    return fmt::format("{} bytes", bytes);
}

std::string flink_size_mib(std::uint64_t bytes) {
    return fmt::format("{}m", bytes / kMiB);
}

std::string flink_duration(double seconds) {
    // Clamped far below the int64 range: a timeout of 30 years is already absurd.
    const auto millis = static_cast<std::int64_t>(std::llround(std::clamp(seconds, 0.0, 1e12) * 1000));
    JavaDuration duration;
    duration.seconds = millis / 1000;
    duration.nanos = static_cast<std::int32_t>((millis % 1000) * 1'000'000);
    return format_duration(duration);
}

std::string human_duration(double seconds) {
    if (seconds < 1) return plain_number(seconds * 1000, 0) + " ms";
    if (seconds < 120) return plain_number(seconds, 1) + " s";
    if (seconds < 7200) return plain_number(seconds / 60, 1) + " min";
    return plain_number(seconds / 3600, 1) + " h";
}

}  // namespace flinklint::tuner

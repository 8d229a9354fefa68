#include "rules/schema/value_spelling.hpp"

#include <array>
#include <cctype>
#include <limits>

#include <fmt/format.h>

#include "flinklint/option_values.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"

namespace flinklint::rules {
namespace {

// Long options that Flink's documentation gives in milliseconds (Duration options from 2.0 on).
constexpr std::array<std::string_view, 25> kLongMillisOptions = {
    "heartbeat.interval",
    "heartbeat.timeout",
    "client.heartbeat.interval",
    "client.heartbeat.timeout",
    "cluster.registration.error-delay",
    "cluster.registration.initial-timeout",
    "cluster.registration.max-timeout",
    "cluster.registration.refused-registration-delay",
    "cluster.services.shutdown-timeout",
    "historyserver.archive.fs.refresh-interval",
    "historyserver.web.refresh-interval",
    "metrics.fetcher.update-interval",
    "metrics.latency.interval",
    "resourcemanager.taskmanager-timeout",
    "rest.await-leader-timeout",
    "rest.connection-timeout",
    "rest.idleness-timeout",
    "rest.retry.delay",
    "slot.idle.timeout",
    "slot.request.timeout",
    "task.cancellation.interval",
    "task.cancellation.timeout",
    "task.cancellation.timers.timeout",
    "web.refresh-interval",
    "web.timeout",
};

std::optional<Respelling> millis_respelling(std::string_view value, FlinkVersion version) {
    const auto duration = parse_duration(value, version);
    if (!duration || duration->seconds < 0 || duration->nanos % 1'000'000 != 0) return std::nullopt;
    const std::int64_t millis = duration->millis();
    if (millis == std::numeric_limits<std::int64_t>::max()) return std::nullopt;
    return Respelling{std::to_string(millis), fmt::format("{} in milliseconds", trim(value))};
}

// Bytes per unit for the spellings people carry over from Kubernetes or other tools; Flink's own
// units (b, k/kb, m/mb, g/gb, t/tb and the long names) are all binary.
std::optional<unsigned> unit_shift(std::string unit) {
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (unit.empty() || unit == "b" || unit == "bytes") return 0;
    const std::string_view letters = "kmgt";
    const std::size_t at = letters.find(unit[0]);
    if (at == std::string_view::npos) return std::nullopt;
    const std::string_view rest = std::string_view(unit).substr(1);
    static constexpr std::array<std::string_view, 4> long_names = {"kibibytes", "mebibytes", "gibibytes",
                                                                   "tebibytes"};
    if (rest.empty() || rest == "b" || rest == "i" || rest == "ib" || unit == long_names[at]) {
        return static_cast<unsigned>(10 * (at + 1));
    }
    return std::nullopt;
}

std::optional<Respelling> memory_respelling(std::string_view value) {
    const std::string_view text = trim(value);
    std::size_t i = 0;
    std::uint64_t whole = 0;
    std::uint64_t fraction = 0;
    std::uint64_t scale = 1;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0; ++i) {
        if (whole > 1'000'000'000'000ULL) return std::nullopt;
        whole = whole * 10 + static_cast<std::uint64_t>(text[i] - '0');
    }
    if (i == 0) return std::nullopt;
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0; ++i) {
            if (scale >= 1'000'000ULL) return std::nullopt;
            fraction = fraction * 10 + static_cast<std::uint64_t>(text[i] - '0');
            scale *= 10;
        }
    }
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    const auto shift = unit_shift(std::string(text.substr(i)));
    if (!shift) return std::nullopt;
    // bytes = whole * 2^shift + fraction * 2^shift / scale, exact or not at all (fraction < scale <= 1e6,
    // so fraction * 2^40 stays below 2^63).
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (whole > (kMax >> *shift)) return std::nullopt;
    const std::uint64_t fraction_bytes = fraction << *shift;
    if (fraction_bytes % scale != 0) return std::nullopt;
    const std::uint64_t count = (whole << *shift) + fraction_bytes / scale;
    if (count > kMax) return std::nullopt;
    static constexpr std::array<std::pair<unsigned, char>, 4> units = {
        {{40, 't'}, {30, 'g'}, {20, 'm'}, {10, 'k'}}};
    for (const auto& [unit_shift_bits, letter] : units) {
        if (count != 0 && count % (1ULL << unit_shift_bits) == 0) {
            return Respelling{fmt::format("{}{}", count >> unit_shift_bits, letter),
                              fmt::format("the same size as {}", text)};
        }
    }
    return Respelling{std::to_string(count), fmt::format("{} in bytes", text)};
}

}  // namespace

std::optional<Respelling> exact_respelling(const OptionInfo& option, std::string_view value,
                                           FlinkVersion version) {
    std::optional<Respelling> out;
    if (option.type == OptionType::long_) {
        for (const std::string_view key : kLongMillisOptions) {
            if (key == option.key) out = millis_respelling(value, version);
        }
    } else if (option.type == OptionType::memory_size) {
        out = memory_respelling(value);
    }
    // Only a spelling Flink accepts is worth writing.
    if (out && check_option_value(option.type, option.enum_values, out->value, ValueKind::string, version)) {
        return std::nullopt;
    }
    return out;
}

std::optional<Edit> value_edit(const ConfigEntry& entry, const FlinkConfig& config, std::string text) {
    if (!config.doc().spans_exact || entry.value_span.empty()) return std::nullopt;
    Span span = entry.value_span;
    if (entry.quoted && !config.is_legacy()) {
        // Keep YAML's quotes (and so the scalar's type): replace what is between them.
        const std::string_view written = config.source()->view(span);
        if (!is_quoted(written)) return std::nullopt;
        span = {span.begin + 1, span.end - 1};
    }
    return Edit{span.begin, span.end, std::move(text)};
}

std::optional<Fix> respell_value_fix(const ConfigEntry& entry, const FlinkConfig& config,
                                     const Respelling& respelling) {
    auto edit = value_edit(entry, config, respelling.value);
    if (!edit) return std::nullopt;
    Fix fix;
    fix.safety = FixSafety::safe;  // the same value, spelled so that Flink reads it
    fix.description = fmt::format("write `{}` ({})", respelling.value, respelling.explanation);
    fix.edits.push_back(std::move(*edit));
    return fix;
}

}  // namespace flinklint::rules

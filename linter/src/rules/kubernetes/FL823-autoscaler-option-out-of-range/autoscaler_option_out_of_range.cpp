// FL823 autoscaler-option-out-of-range: with `job.autoscaler.enabled: true` the operator's validator
// (AutoscalerValidator) checks number ranges: scale-down and scale-up max factors >= 0,
// `utilization.target` in [0, 1], `target.utilization.boundary` >= 0, `utilization.max` in
// [target, 1], `utilization.min` in [0, target], `observed-scalability.coefficient-min` in [0.01, 1];
// and `excluded.periods` (CalendarUtils#validateExcludedExpression, flink-autoscaler 1.15): the daily
// ranges of it that Quartz's DailyCalendar refuses. Values that do not parse are FL102's.
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string_view>

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"

#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

struct Range {
    const char* key;
    double min, max;  // NaN: the current utilization target
};

std::optional<double> number(const ConfigEntry* entry) {
    if (entry == nullptr) return std::nullopt;
    const auto v = parse_java_double(entry->value);
    return v ? std::optional<double>(*v) : std::nullopt;
}

std::string bound(double v) {
    if (std::isinf(v)) return v > 0 ? "+Infinity" : "-Infinity";
    return fmt::format("{}", v);
}

// `H:MM[:SS]`, as Quartz's DailyCalendar reads a time of day, in seconds; nullopt for anything else.
std::optional<int> time_of_day(std::string_view text) {
    int fields[3] = {0, 0, 0};
    std::size_t count = 0;
    std::size_t digits = 0;
    for (const char c : text) {
        if (c == ':') {
            if (digits == 0 || ++count == 3) return std::nullopt;
            digits = 0;
        } else if (c >= '0' && c <= '9' && digits < 2) {
            fields[count] = fields[count] * 10 + (c - '0');
            ++digits;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || count == 0 || fields[0] > 23 || fields[1] > 59 || fields[2] > 59) return std::nullopt;
    return fields[0] * 3600 + fields[1] * 60 + fields[2];
}

// Why the validator refuses one `excluded.periods` entry, or nullopt. Only what is certain: more than
// two `&&` parts, or a part that is a daily range ending at or before its start (DailyCalendar refuses
// it: "Invalid time range"; without whitespace it cannot be a Quartz cron expression of six fields
// either). Cron expressions are not evaluated.
std::optional<std::string> excluded_period_error(std::string_view period) {
    std::size_t parts = 1;
    for (std::size_t at = period.find("&&"); at != std::string_view::npos; at = period.find("&&", at + 2))
        ++parts;
    if (parts > 2)
        return fmt::format("`{}` joins {} expressions with `&&`, at most two are allowed", period, parts);
    std::size_t start = 0;
    while (start <= period.size()) {
        const std::size_t end = std::min(period.find("&&", start), period.size());
        const std::string_view part = trim(period.substr(start, end - start));
        const std::size_t dash = part.find('-');
        if (dash != std::string_view::npos) {
            const auto from = time_of_day(part.substr(0, dash)), to = time_of_day(part.substr(dash + 1));
            if (from && to && *from >= *to)
                return fmt::format(
                    "the daily range `{}` ends at or before its start (Quartz's DailyCalendar "
                    "refuses it) and is no cron expression either",
                    part);
        }
        start = end + 2;
    }
    return std::nullopt;
}

void check_excluded_periods(const OperatorResource& r, Reporter& reporter) {
    const ConfigEntry* entry = option_entry(r.config, "job.autoscaler.excluded.periods");
    if (entry == nullptr) return;
    const auto periods = parse_list(entry->value);
    if (!periods) return;  // FL102's
    for (const std::string& period : *periods) {
        const auto error = excluded_period_error(period);
        if (!error) continue;
        Finding f = r.at(entry->value_span.empty() ? entry->key_span : entry->value_span, entry->key);
        f.message = fmt::format("the operator rejects {}: in {}, {}", r.label(), quoted(entry->key), *error);
        f.help = "write a daily range `HH:mm-HH:mm` that starts before it ends, or a Quartz cron expression";
        reporter.report(std::move(f));
        return;  // one finding per value
    }
}

}  // namespace

void check_autoscaler_option_out_of_range(const Model& model, Reporter& reporter) {
    const double inf = std::numeric_limits<double>::infinity();
    const double target_marker = std::numeric_limits<double>::quiet_NaN();
    const Range ranges[] = {{"job.autoscaler.scale-down.max-factor", 0, inf},
                            {"job.autoscaler.scale-up.max-factor", 0, inf},
                            {"job.autoscaler.utilization.target", 0, 1},
                            {"job.autoscaler.target.utilization.boundary", 0, inf},
                            {"job.autoscaler.utilization.max", target_marker, 1},
                            {"job.autoscaler.utilization.min", 0, target_marker},
                            {"job.autoscaler.observed-scalability.coefficient-min", 0.01, 1}};
    for (const OperatorResource& r : operator_resources(model)) {
        if (r.config == nullptr) continue;
        const ConfigEntry* enabled = option_entry(r.config, "job.autoscaler.enabled");
        if (enabled == nullptr || !parse_bool(enabled->value, false)) continue;
        const double target =
            number(option_entry(r.config, "job.autoscaler.utilization.target")).value_or(0.7);
        for (const Range& range : ranges) {
            const ConfigEntry* entry = option_entry(r.config, range.key);
            const auto value = number(entry);
            if (!value) continue;
            const double lo = std::isnan(range.min) ? target : range.min;
            const double hi = std::isnan(range.max) ? target : range.max;
            if (*value >= lo && *value <= hi) continue;
            Finding f = r.at(entry->value_span.empty() ? entry->key_span : entry->value_span, entry->key);
            f.message =
                fmt::format("the operator rejects {}: {} is {}, outside [{}, {}]{}", r.label(),
                            quoted(entry->key), entry->value, bound(lo), bound(hi),
                            std::isnan(range.min) || std::isnan(range.max)
                                ? fmt::format(" (bounded by `job.autoscaler.utilization.target`, {})", target)
                                : "");
            f.help = fmt::format("write a value within [{}, {}]", bound(lo), bound(hi));
            reporter.report(std::move(f));
        }
        check_excluded_periods(r, reporter);
    }
}

}  // namespace flinklint::rules

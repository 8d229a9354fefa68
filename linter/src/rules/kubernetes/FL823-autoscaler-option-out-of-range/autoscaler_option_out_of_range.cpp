// FL823 autoscaler-option-out-of-range: with `job.autoscaler.enabled: true` the operator's validator
// (AutoscalerValidator) checks number ranges: scale-down and scale-up max factors >= 0,
// `utilization.target` in [0, 1], `target.utilization.boundary` >= 0, `utilization.max` in
// [target, 1], `utilization.min` in [0, target], `observed-scalability.coefficient-min` in [0.01, 1].
// Values that do not parse are FL102's.
#include <fmt/format.h>

#include <cmath>
#include <limits>

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
    }
}

}  // namespace flinklint::rules

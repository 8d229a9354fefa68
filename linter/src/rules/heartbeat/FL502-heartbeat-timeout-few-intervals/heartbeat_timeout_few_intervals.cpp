// FL502 heartbeat-timeout-few-intervals: the timeout is legal but only a little longer than the
// interval, so a peer is declared lost after one or two late heartbeats (a GC pause, a slow network).
#include <fmt/format.h>

#include "rules/heartbeat/heartbeat_support.hpp"

namespace flinklint::rules {

void check_heartbeat_timeout_few_intervals(const Model& model, Reporter& reporter) {
    const double min_ratio = reporter.thresholds().heartbeat_min_timeout_ratio;
    for (const HeartbeatConfig& hb : heartbeat_configs(model)) {
        const HeartbeatTiming& timing = hb.timing;
        if (timing.interval_ms <= 0 || timing.timeout_ms < timing.interval_ms) continue;  // FL503, FL501
        const double ratio = static_cast<double>(timing.timeout_ms) / static_cast<double>(timing.interval_ms);
        if (ratio >= min_ratio) continue;
        const Setting* at = timing.timeout ? &*timing.timeout : timing.interval ? &*timing.interval : nullptr;
        if (at == nullptr) continue;
        Finding finding = finding_for(*hb.effective, *at);
        // Heartbeats arrive every interval; after `missed` of them in a row the next one comes too late.
        const std::int64_t missed = timing.timeout_ms / timing.interval_ms;
        finding.message = fmt::format(
            "{} is only {:.2g} x {}: a TaskManager or JobManager is declared lost once {} heartbeat{} in a "
            "row "
            "{} late ({} without one), so a GC pause or network hiccup that long fails all of its tasks "
            "(Flink's defaults allow 5 intervals: 50 s / 10 s)",
            timing.timeout_text(), ratio, timing.interval_text(), missed, missed == 1 ? "" : "s",
            missed == 1 ? "is" : "are", format_ms(timing.timeout_ms));
        const double suggested_ratio = std::max(min_ratio, static_cast<double>(kDefaultHeartbeatRatio));
        const std::int64_t wanted = saturating_ms(static_cast<double>(timing.interval_ms) * suggested_ratio);
        finding.help =
            fmt::format("raise `{}` to at least {} x the interval, e.g. {} ({} x {})", kHeartbeatTimeout,
                        min_ratio, format_ms(wanted), suggested_ratio, format_ms(timing.interval_ms));
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules

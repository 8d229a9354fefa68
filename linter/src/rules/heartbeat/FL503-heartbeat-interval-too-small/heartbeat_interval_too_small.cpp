// FL503 heartbeat-interval-too-small: an interval of 0 or less stops Flink from starting; a very short
// one makes the JobManager and ResourceManager exchange heartbeat RPCs with every TaskManager that often.
#include <fmt/format.h>

#include "rules/heartbeat/heartbeat_support.hpp"

namespace flinklint::rules {

void check_heartbeat_interval_too_small(const Model& model, Reporter& reporter) {
    const std::int64_t min_interval = reporter.thresholds().heartbeat_min_interval_ms;
    for (const HeartbeatConfig& hb : heartbeat_configs(model)) {
        const HeartbeatTiming& timing = hb.timing;
        if (!timing.interval || timing.interval_ms >= min_interval) continue;
        Finding finding = finding_for(*hb.effective, *timing.interval);
        if (timing.interval_ms <= 0) {
            finding.severity = Severity::error;
            finding.message = fmt::format(
                "{}: Flink refuses to start the JobManager and every TaskManager (\"The heartbeat interval "
                "must be larger than 0.\")",
                timing.interval_text());
            finding.help =
                fmt::format("remove `{}` (default 10 s) or set a positive interval", kHeartbeatInterval);
        } else {
            const double per_second = 1000.0 / static_cast<double>(timing.interval_ms);
            finding.message = fmt::format(
                "{} is below {}: the JobManager and the ResourceManager each send {:.3g} heartbeat requests "
                "per "
                "second to every TaskManager, and every answer (slot report, accumulators) is processed in "
                "their main thread, which competes with scheduling and checkpoint coordination",
                timing.interval_text(), format_ms(min_interval), per_second);
            finding.help = fmt::format(
                "use an interval of at least {} (default 10 s); detection time is set by `{}`, not by the "
                "interval",
                format_ms(min_interval), kHeartbeatTimeout);
        }
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules

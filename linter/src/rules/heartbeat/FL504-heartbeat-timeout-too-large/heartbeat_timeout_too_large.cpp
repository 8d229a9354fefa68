// FL504 heartbeat-timeout-too-large: a TaskManager that stops answering (node lost, network partition,
// frozen JVM) is declared lost only after the heartbeat timeout; until then its tasks stall the job.
#include <fmt/format.h>

#include "rules/heartbeat/heartbeat_support.hpp"

namespace flinklint::rules {

void check_heartbeat_timeout_too_large(const Model& model, Reporter& reporter) {
    const std::int64_t max_timeout = reporter.thresholds().heartbeat_max_timeout_ms;
    for (const HeartbeatConfig& hb : heartbeat_configs(model)) {
        const HeartbeatTiming& timing = hb.timing;
        if (!timing.timeout || timing.timeout_ms <= max_timeout) continue;
        Finding finding = finding_for(*hb.effective, *timing.timeout);
        finding.message = fmt::format(
            "{} is above {}: a TaskManager whose node fails or is cut off is declared lost only after {}; "
            "until then its tasks neither process records nor acknowledge checkpoints, and the job fails "
            "over that late",
            timing.timeout_text(), format_ms(max_timeout), format_ms(timing.timeout_ms));
        finding.help = fmt::format(
            "lower `{}` to {} or less (default 50 s); if long GC pauses are the reason, size the heap or "
            "tune "
            "the collector instead",
            kHeartbeatTimeout, format_ms(max_timeout));
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules

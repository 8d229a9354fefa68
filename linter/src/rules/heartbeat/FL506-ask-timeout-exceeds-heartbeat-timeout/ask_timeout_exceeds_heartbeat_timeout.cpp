// FL506 ask-timeout-exceeds-heartbeat-timeout: raising the RPC ask timeout (`pekko.ask.timeout`, before
// 1.18 `akka.ask.timeout`) above the heartbeat timeout does not make the cluster ride out longer stalls:
// a stalled JobManager or TaskManager is declared lost by the heartbeat first.
#include <fmt/format.h>

#include "rules/heartbeat/heartbeat_support.hpp"

namespace flinklint::rules {

void check_ask_timeout_exceeds_heartbeat_timeout(const Model& model, Reporter& reporter) {
    for (const HeartbeatConfig& hb : heartbeat_configs(model)) {
        const EffectiveConfig& effective = *hb.effective;
        // Pekko replaced Akka in 1.18; `akka.ask.timeout` is a deprecated key of `pekko.ask.timeout` since.
        const bool pekko = effective.version() >= FlinkVersion{1, 18};
        const std::string_view key = pekko ? "pekko.ask.timeout" : "akka.ask.timeout";
        const auto ask = find_setting(effective, {key});
        if (!ask) continue;
        const auto ask_ms = millis_of(effective, key, ask->value);
        if (!ask_ms || *ask_ms <= hb.timing.timeout_ms) continue;
        Finding finding = finding_for(effective, *ask);
        finding.message = fmt::format(
            "{} is longer than {}: a JobManager or TaskManager whose main thread stalls (GC, overload) "
            "is declared lost by the heartbeat after {}, so the longer ask timeout does not let the cluster "
            "ride out longer stalls; RPCs to a peer that is gone only wait longer before they fail",
            ask->shown(*ask_ms), hb.timing.timeout_text(), format_ms(hb.timing.timeout_ms));
        finding.help = fmt::format(
            "to tolerate stalls of {}, raise `{}` to at least that too; otherwise lower `{}` (default 10 s)",
            format_ms(*ask_ms), kHeartbeatTimeout, ask->key);
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules

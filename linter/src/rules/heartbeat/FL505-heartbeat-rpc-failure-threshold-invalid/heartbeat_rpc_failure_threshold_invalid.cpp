// FL505 heartbeat-rpc-failure-threshold-invalid: HeartbeatServicesImpl accepts a threshold above 0 or
// -1 (detection off); anything else stops the JobManager and the TaskManagers from starting.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/runtime_support.hpp"

namespace flinklint::rules {

void check_heartbeat_rpc_failure_threshold_invalid(const Model& model, Reporter& reporter) {
    constexpr std::string_view kKey = "heartbeat.rpc-failure-threshold";
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes()) continue;
        const auto setting = find_setting(*effective, {kKey});
        if (!setting) continue;
        const auto value = parse_java_int(trim(setting->value));
        if (!value || *value > 0 || *value == -1) continue;  // unreadable: FL102
        Finding finding = finding_for(*effective, *setting);
        finding.message = fmt::format(
            "{}: Flink refuses to start the JobManager and every TaskManager (\"The number of failed "
            "heartbeat "
            "RPC requests has to be larger than 0 or -1 (deactivated).\")",
            setting->shown());
        finding.help = fmt::format(
            "use a positive count (default 2: a peer is lost after 2 heartbeat RPCs in a row fail as "
            "unreachable) or -1 to turn the detection off");
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules

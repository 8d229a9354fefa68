// FL413 buffer-debloat-invalid: every TaskManager builds BufferDebloatConfiguration when it starts its
// network stack, whether debloating is enabled or not, and refuses samples <= 0, a target below 1 ms and
// a minimum segment size of 0 or above the segment size. A threshold outside [0, 100) only matters when
// debloating is on: at 100 % or more the buffer size never shrinks gradually.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"
#include "rules/runtime_support.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kStartFailure =
    "every TaskManager refuses to start: the network stack checks the debloat settings even when buffer "
    "debloating is off (IllegalArgumentException from BufferDebloatConfiguration)";

}  // namespace

void check_buffer_debloat_invalid(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->sizes_processes()) continue;
        auto report = [&](const Setting& setting, std::string what, std::string help,
                          std::optional<Severity> severity = std::nullopt) {
            Finding finding = finding_for(*effective, setting);
            finding.message = std::move(what);
            finding.help = std::move(help);
            finding.severity = severity;
            reporter.report(std::move(finding));
        };
        if (const auto samples =
                find_setting(*effective, {"taskmanager.network.memory.buffer-debloat.samples"})) {
            const auto value = parse_java_int(trim(samples->value));
            if (value && *value <= 0) {
                report(*samples, fmt::format("{} must be at least 1: {}", samples->shown(), kStartFailure),
                       "remove the key (default 20) or set a positive number of samples");
            }
        }
        if (const auto target =
                find_setting(*effective, {"taskmanager.network.memory.buffer-debloat.target"})) {
            const auto ms =
                millis_of(*effective, "taskmanager.network.memory.buffer-debloat.target", target->value);
            if (ms && *ms < 1) {
                report(*target, fmt::format("{} is below 1 ms: {}", target->shown(), kStartFailure),
                       "remove the key (default 1 s) or set the time in-flight data may take to be consumed");
            }
        }
        if (const auto min = find_setting(*effective, {"taskmanager.memory.min-segment-size"})) {
            const auto bytes = parse_memory_size(trim(min->value));
            std::uint64_t segment = 32 * 1024;
            if (const auto size = find_setting(*effective, {"taskmanager.memory.segment-size"})) {
                if (const auto parsed = parse_memory_size(trim(size->value))) segment = *parsed;
            }
            if (bytes && (*bytes == 0 || *bytes > segment)) {
                report(*min,
                       fmt::format("{} is {}: {}", min->shown(),
                                   *bytes == 0 ? "0 bytes"
                                               : fmt::format("larger than the segment size ({})",
                                                             format_memory_size(segment)),
                                   kStartFailure),
                       "remove the key (default 256 bytes) or keep it above 0 and at most the segment size");
            }
        }
        const bool enabled =
            bool_setting(*effective, {"taskmanager.network.memory.buffer-debloat.enabled"}).value_or(false);
        if (const auto threshold =
                find_setting(*effective, {"taskmanager.network.memory.buffer-debloat.threshold-percentages"});
            threshold && enabled) {
            const auto value = parse_java_int(trim(threshold->value));
            if (value && (*value < 0 || *value >= 100)) {
                report(*threshold,
                       fmt::format(
                           "{} is outside 0..99: it is the change (in percent of the current size) below "
                           "which a new buffer size is not announced; {}",
                           threshold->shown(),
                           *value < 0 ? "a negative value announces every change, like 0"
                                      : "at 100 or more the buffer size never shrinks step by step, only "
                                        "jumps to the minimum or maximum"),
                       "remove the key (default 25)", Severity::warning);
            }
        }
    }
}

}  // namespace flinklint::rules

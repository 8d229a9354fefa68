// FL112 duration-read-as-milliseconds: a Duration option written as a bare number far below what the
// option can mean in milliseconds. flink-core's TimeUtils.parseDuration reads a number without a unit
// as milliseconds in every version (1.x and 2.x), so `execution.checkpointing.timeout: 1800` is 1.8 s,
// not the 30 minutes its writer most likely meant; Flink accepts it and every checkpoint times out.
// The judgement (floor, natural seconds) is rules/schema/bare_duration.cpp's.
#include <fmt/format.h>

#include "rules/rule_helpers.hpp"
#include "rules/runtime_support.hpp"
#include "rules/schema/bare_duration.hpp"

namespace flinklint::rules {
namespace {

// Options with range rules of their own, which already say "a bare number is milliseconds": heartbeat
// interval and timeout (FL501-FL504), the checkpoint timeout below 10 ms (FL602).
bool judged_elsewhere(std::string_view option, std::int64_t millis) {
    if (option.starts_with("heartbeat.")) return true;
    return option == "execution.checkpointing.timeout" && millis < kMinimalCheckpointTimeMs;
}

}  // namespace

void check_duration_read_as_milliseconds(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const ConfigEntry& entry : config.entries()) {
            if (entry.key.empty() || entry.value.empty() || under_nested_block(config, entry.key_span))
                continue;
            if (entry.value.front() < '0' || entry.value.front() > '9') continue;  // cheap: most values
            const KeyLookup lookup = config.lookup(entry);
            if (lookup.option == nullptr || lookup.kind == KeyLookup::Kind::pass_through) continue;
            const auto number = bare_number_seconds_meant(*lookup.option, entry.value, config.version());
            if (!number || judged_elsewhere(lookup.option->key, *number)) continue;
            reporter.report(
                {.source = config.source(),
                 .span = entry.value_span,
                 .message = fmt::format(
                     "{} is read as {} ms: Flink reads a number without a unit as milliseconds, and {} is "
                     "below a hundredth of the default {}; if seconds were meant, write `{} s`",
                     quoted(entry.key + ": " + entry.value), *number, format_ms(*number),
                     lookup.option->default_value, *number),
                 .help = fmt::format("write the unit: `{} s` for seconds, or `{} ms` to keep milliseconds",
                                     *number, *number),
                 .key = entry.key,
                 .fix = replace_value_fix(entry, config, fmt::format("{} s", *number), FixSafety::unsafe)});
        }
    }
}

}  // namespace flinklint::rules

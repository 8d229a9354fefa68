// FL613 restart-strategy-unknown: `restart-strategy.type` (before 1.17 `restart-strategy`) names no
// strategy. flink-runtime's RestartBackoffTimeStrategyFactoryLoader (failover/flip1 up to 1.20, failover
// in 2.x) matches the lower-cased name against none/off/disable, fixed-delay/fixeddelay,
// failure-rate/failurerate and exponential-delay/exponentialdelay and throws IllegalArgumentException
// for anything else when the scheduler of a job is created: every job that does not set its own restart
// strategy fails at submission. The legacy scheduler before 1.13 loaded an unknown name as a factory
// class and fell back to the default instead, so older files are not judged.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr FlinkVersion kLoaderOnlySince{1, 13};

// The closest main name when the value is plausibly a misspelling of it (at most a third differs).
std::optional<std::string_view> closest_strategy(std::string_view value) {
    const std::string wanted = ascii_lower(unquoted(value));
    std::optional<std::string_view> best;
    std::size_t best_distance = std::max<std::size_t>(1, wanted.size() / 3) + 1;
    for (const std::string_view name : kRestartStrategyNames) {
        const std::size_t distance = edit_distance(wanted, name, best_distance);
        if (distance < best_distance) best_distance = distance, best = name;
    }
    return best;
}

}  // namespace

void check_restart_strategy_unknown(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        if (config.version() < kLoaderOnlySince) continue;
        const ConfigEntry* entry = restart_strategy_entry(config);
        if (entry == nullptr || trim(entry->value).empty()) continue;  // FL003 reports an empty value
        if (is_template_placeholder(entry->value)) continue;           // filled in before Flink reads it
        if (named_restart_strategy(entry->value)) continue;
        Finding f{.source = config.source(),
                  .span = entry->value_span.empty() ? entry->key_span : entry->value_span,
                  // The option, not the alias written: the key stays when FL201 renames the alias.
                  .key = "restart-strategy.type"};
        f.message = fmt::format(
            "`{}: {}` names no restart strategy that {} knows: every job that does not set its own restart "
            "strategy fails at submission (IllegalArgumentException \"Unknown restart strategy {}.\")",
            entry->key, trim(entry->value), checked_version(config), unquoted(entry->value));
        const auto suggestion = closest_strategy(entry->value);
        f.help = suggestion ? fmt::format("did you mean `{}`?", *suggestion)
                            : std::string(
                                  "use fixed-delay, failure-rate, exponential-delay or none (any case; "
                                  "fixeddelay, failurerate, exponentialdelay, off and disable too)");
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules

// FL611 restart-strategy-options-ignored: `restart-strategy.<strategy>.*` options that no strategy reads.
// flink-runtime's RestartBackoffTimeStrategyFactoryLoader (failover/flip1 up to 1.20, failover in 2.x)
// reads the cluster configuration's restart options only through the factory of the strategy that
// `restart-strategy` (`restart-strategy.type` from 1.17) names: FixedDelayRestartBackoffTimeStrategy reads
// only `restart-strategy.fixed-delay.*`, and so on. With no strategy set it takes its default (with
// checkpointing: fixed-delay with Integer.MAX_VALUE attempts before 1.19, exponential-delay with its
// default options from 1.19, FLINK-33738; without checkpointing: no restart) and reads none of them.
#include <array>

#include <fmt/format.h>

#include "flinklint/effective_config.hpp"
#include "flinklint/text_util.hpp"
#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr FlinkVersion kExponentialDefaultSince{1, 19};

// The strategies whose options sit under `restart-strategy.<name>.`.
constexpr std::array<std::string_view, 3> kStrategies = {"fixed-delay", "failure-rate", "exponential-delay"};

// The strategy an option belongs to (`fixed-delay` for `restart-strategy.fixed-delay.attempts`).
std::optional<std::string_view> option_strategy(std::string_view key) {
    constexpr std::string_view kPrefix = "restart-strategy.";
    if (!key.starts_with(kPrefix)) return std::nullopt;
    key.remove_prefix(kPrefix.size());
    for (const std::string_view name : kStrategies)
        if (key.size() > name.size() + 1 && key.starts_with(name) && key[name.size()] == '.') return name;
    return std::nullopt;
}

std::string type_key(const FlinkConfig& config) {
    return config.catalog().find("restart-strategy.type") != nullptr ? "restart-strategy.type"
                                                                     : "restart-strategy";
}

std::string default_strategy(const FlinkConfig& config) {
    return config.version() >= kExponentialDefaultSince
               ? "exponential-delay with its default options when checkpointing is on"
               : "fixed-delay with unlimited attempts and a 1 s delay when checkpointing is on";
}

bool judged(const FlinkConfig& config) {
    const K8sObject* owner = config.owner();
    // A session job's configuration is job-level; a fragment may be completed elsewhere.
    if (owner != nullptr && owner->kind == "FlinkSessionJob") return false;
    return config.effective().whole_cluster_config();
}

bool model_sets_strategy(const Model& model) {
    for (const FlinkConfig& config : model.configs())
        if (restart_strategy_entry(config) != nullptr) return true;
    return false;
}

}  // namespace

void check_restart_strategy_options_ignored(const Model& model, Reporter& reporter) {
    std::optional<bool> anywhere;  // computed on the first option found
    for (const FlinkConfig& config : model.configs()) {
        const ConfigEntry* type = nullptr;
        bool looked = false;
        for (const ConfigEntry& entry : config.entries()) {
            const auto strategy = option_strategy(entry.key);
            if (!strategy) continue;
            if (!looked) type = restart_strategy_entry(config), looked = true;
            Finding f{.source = config.source(), .span = entry.key_span, .key = entry.key};
            if (type == nullptr) {
                // Another configuration in view (the JobManager's mounted file) may name the strategy.
                if (!anywhere) anywhere = model_sets_strategy(model);
                if (*anywhere || !judged(config)) continue;
                f.message = fmt::format(
                    "{} is read only when `{}` is `{}`, and no restart strategy is set here: {} uses its "
                    "default ({}; no restart without checkpointing) and never reads this option",
                    quoted(entry.key), type_key(config), *strategy, checked_version(config),
                    default_strategy(config));
                f.help = fmt::format("set `{}: {}` for this option to apply", type_key(config), *strategy);
            } else {
                const auto named = named_restart_strategy(type->value);
                if (!named || *named == *strategy) continue;
                f.message = fmt::format(
                    "{} is read only by the `{}` restart strategy, but `{}: {}` selects {}: Flink never "
                    "reads "
                    "this option",
                    quoted(entry.key), *strategy, type->key, trim(type->value),
                    *named == "none" ? "no restart" : fmt::format("`{}`", *named));
                f.help = *named == "none"
                             ? std::string("remove it: no restart strategy reads it")
                             : fmt::format("remove it, or write the `restart-strategy.{}.*` options", *named);
            }
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules

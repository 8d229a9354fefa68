// tune(): runs the steps in order on one profile.
#include "flinklint/tuner/tuner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/catalog.hpp"
#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner {

std::string_view to_string(Basis basis) {
    return basis == Basis::fact ? "fact" : "policy";
}

std::vector<std::pair<std::string, std::string>> Tuning::flink_config() const {
    std::vector<std::pair<std::string, std::string>> config;
    for (const Recommendation& r : recommendations) {
        if (r.is_flink_option()) config.emplace_back(r.key, r.value);
    }
    return config;
}

const Recommendation* Tuning::find(std::string_view key) const {
    const auto found = std::find_if(recommendations.begin(), recommendations.end(),
                                    [&](const Recommendation& r) { return r.key == key; });
    return found == recommendations.end() ? nullptr : &*found;
}

MemoryOptions memory_options(const Profile& profile) {
    MemoryOptions options;
    options.version = profile.version;
    const bool scripts = profile.deployment == Deployment::standalone ||
                         profile.deployment == Deployment::kubernetes_standalone;
    options.mode = scripts ? DeploymentMode::standalone : DeploymentMode::active;
    return options;
}

namespace detail {

void Builder::add(std::string key, std::string value, std::string reason, Basis basis, std::string group) {
    if (key.empty()) return;  // no option for this in the target version
    tuning.recommendations.push_back(
        Recommendation{std::move(key), std::move(value), std::move(reason), basis, std::move(group)});
}

void Builder::derive(std::string name, std::string value, std::string formula) {
    // A later derivation of the same figure (a declared total over an estimate) replaces the earlier one.
    for (Derivation& existing : tuning.derivations) {
        if (existing.name == name) {
            existing = Derivation{std::move(name), std::move(value), std::move(formula)};
            return;
        }
    }
    tuning.derivations.push_back(Derivation{std::move(name), std::move(value), std::move(formula)});
}

void Builder::fail(std::string_view field, std::string message) {
    errors.push_back(profile_error(tuning.profile, field, std::move(message)));
}

std::string Builder::knob(std::string_view name) const {
    const auto& overrides = tuning.profile.policy_overrides;
    const bool set = std::find(overrides.begin(), overrides.end(), name) != overrides.end();
    return fmt::format("policy.{}{}", name, set ? " (set in the profile)" : "");
}

std::string option_key(FlinkVersion version, std::initializer_list<std::string_view> candidates) {
    const Catalog& catalog = Catalog::for_version(version);
    for (const std::string_view key : candidates) {
        const OptionInfo* option = catalog.find(key);
        if (option != nullptr && !option->deprecated) return std::string(key);
    }
    for (const std::string_view key : candidates) {
        if (catalog.find(key) != nullptr) return std::string(key);
    }
    return {};
}

std::string duration_value(FlinkVersion version, std::string_view key, double seconds) {
    const OptionInfo* option = Catalog::for_version(version).find(key);
    if (option != nullptr && option->type == OptionType::long_)
        return fmt::format("{}", std::llround(seconds * 1000));
    return flink_duration(seconds);
}

}  // namespace detail

TuneResult tune(const Profile& profile) {
    std::vector<ProfileError> errors;
    Tuning tuning;
    tuning.profile = profile;
    detail::Builder builder{tuning, errors};
    for (const Profile::Measurement& m : profile.measurements)
        builder.derive("measured " + m.name, m.value, m.source);
    try {
        detail::estimate_traffic(builder);
        detail::apply_measured_heap(builder);
        if (!detail::size_cluster(builder)) return errors;
        detail::check_observed(builder);
        detail::check_jobmanager(builder);
        if (!errors.empty()) return errors;
        detail::configure_checkpoints(builder);
        detail::configure_state_backend(builder);
        detail::configure_runtime(builder);
        detail::configure_recovery(builder);
        detail::configure_disk(builder);
        detail::configure_storage(builder);
        detail::configure_kubernetes(builder);
        detail::check_feasibility(builder);
    } catch (const std::exception& e) {
        // Nothing here should throw; if it does, say so at the file rather than crash.
        errors.push_back(
            ProfileError{profile.path, Mark{}, fmt::format("internal error while tuning: {}", e.what())});
        return errors;
    }
    // Reports list the verdicts first among the warnings.
    std::vector<std::string> warnings;
    for (const std::string& verdict : tuning.infeasible) warnings.push_back("infeasible: " + verdict);
    warnings.insert(warnings.end(), tuning.warnings.begin(), tuning.warnings.end());
    tuning.warnings = std::move(warnings);
    // Keep the recommendations grouped, in a stable order of groups.
    static constexpr std::string_view kGroups[] = {"parallelism", "memory",  "network",   "checkpointing",
                                                   "state",       "cluster", "kubernetes"};
    std::stable_sort(tuning.recommendations.begin(), tuning.recommendations.end(),
                     [](const Recommendation& a, const Recommendation& b) {
                         const auto rank = [](const std::string& group) {
                             return std::find(std::begin(kGroups), std::end(kGroups), group) -
                                    std::begin(kGroups);
                         };
                         return rank(a.group) < rank(b.group);
                     });
    return tuning;
}

}  // namespace flinklint::tuner

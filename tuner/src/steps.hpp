// The steps of tune(), in order: traffic, cluster sizing and memory, checkpointing, state backend,
// runtime timeouts, Kubernetes resources. Each adds recommendations, derivations and warnings.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/tuner/tuner.hpp"

namespace flinklint::tuner::detail {

struct Builder {
    Tuning& tuning;
    std::vector<ProfileError>& errors;

    [[nodiscard]] const Profile& profile() const { return tuning.profile; }
    [[nodiscard]] const Policy& policy() const { return tuning.profile.policy; }
    void add(std::string key, std::string value, std::string reason, Basis basis, std::string group);
    void derive(std::string name, std::string value, std::string formula);
    void warn(std::string message) { tuning.warnings.push_back(std::move(message)); }
    void fail(std::string_view field, std::string message);
    // A policy knob in a formula: `policy.name`, marked when the profile overrides the default.
    [[nodiscard]] std::string knob(std::string_view name) const;
};

// The first candidate key that the target version knows as a current (not deprecated) option;
// else the first it knows at all; empty when none.
std::string option_key(FlinkVersion version, std::initializer_list<std::string_view> candidates);
// `heartbeat.timeout` is a Long of milliseconds up to 1.19 and a Duration from 1.20.
std::string duration_value(FlinkVersion version, std::string_view key, double seconds);

bool state_on_network(const Profile& profile);
bool remote_storage(const Profile& profile);

void estimate_traffic(Builder& builder);
bool size_cluster(Builder& builder);  // false when the TaskManager cannot hold one slot
void configure_checkpoints(Builder& builder);
void configure_state_backend(Builder& builder);
void configure_runtime(Builder& builder);
void configure_kubernetes(Builder& builder);
void check_jobmanager(Builder& builder);

}  // namespace flinklint::tuner::detail

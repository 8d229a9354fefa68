// The steps of tune(), in order: traffic, cluster sizing and memory, checkpointing, state backend,
// runtime timeouts, Kubernetes resources. Each adds recommendations, derivations and warnings.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/network_buffers.hpp"
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
// max_parallelism_target, else parallelism x policy.rescale_factor, within Flink's 32768.
int target_parallelism(const Profile& profile, int parallelism);
// What the high-parallelism mode changes in the buffer counts: gates capped (1.17+) or one exclusive
// buffer per channel (before).
BufferSettings high_parallelism_buffers(FlinkVersion version);
// Random reads per second the declared local disk serves (policy per kind).
double disk_iops(const Profile& profile);
// S3 with many TaskManagers: checkpoint paths carry the `_entropy_` marker.
bool entropy_injection(const Profile& profile);
bool remote_storage(const Profile& profile);
// The HA service a stateful job gets: the declared one, ZooKeeper with a quorum, Kubernetes HA on
// Kubernetes; `automatic` when standalone or YARN declare nothing (the plan is then refused).
HaKind ha_service(const Profile& profile);
// Task-local recovery pays for incremental RocksDB on a local disk: the local copy is hard links.
bool local_recovery_pays(const Profile& profile, const Tuning& tuning);

// `tune --observed`: the measured metaspace use x (1 + policy.memory_tuning_overhead), whole MiB; 0
// when not measured. Above Flink's default it is the TaskManagers' metaspace (sizing.cpp).
inline constexpr std::uint64_t kDefaultMetaspace = 256ULL << 20;  // taskmanager.memory.jvm-metaspace.size
std::uint64_t observed_metaspace(const Profile& profile);
// The measured heap per slot × (1 + policy.memory_tuning_overhead) as the floor of the task heap per
// slot, before the layout is chosen (tuner/src/observed.cpp).
void apply_measured_heap(Builder& builder);
// The measured heap, GC time and vertex load against the plan (tuner/src/observed.cpp).
void check_observed(Builder& builder);

void estimate_traffic(Builder& builder);
bool size_cluster(Builder& builder);  // false when the TaskManager cannot hold one slot
void configure_checkpoints(Builder& builder);
void configure_state_backend(Builder& builder);
void configure_runtime(Builder& builder);
void configure_kubernetes(Builder& builder);
void check_jobmanager(Builder& builder);
void configure_recovery(Builder& builder);  // restart strategy, HA, local recovery, upgrade mode
void configure_disk(Builder& builder);      // local state directories, capacity, IOPS, restore time
void configure_storage(Builder& builder);   // object stores, retained checkpoints, Kafka transactions
void check_feasibility(Builder& builder);   // infeasible plans, each with the minimum that would work

}  // namespace flinklint::tuner::detail

// A tuner profile: the declared hardware, workload and goals of one Flink cluster (profiles/*.yaml),
// plus the policy knobs that turn them into a configuration. Schema: docs/tuning.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "flinklint/network_buffers.hpp"
#include "flinklint/version.hpp"

namespace flinklint::tuner {

enum class Deployment { standalone, kubernetes_standalone, kubernetes_operator, yarn };
enum class LocalDisk { ssd, hdd, network };
enum class StorageKind { s3, gcs, azure, hdfs, nfs, local };
enum class Backend { hashmap, rocksdb, forst };
enum class Incremental { automatic, enabled, disabled };
// high_availability.kind: auto is Kubernetes HA on Kubernetes, ZooKeeper (with a quorum) elsewhere.
enum class HaKind { automatic, zookeeper, kubernetes, none };

std::string_view to_string(Deployment);
std::string_view to_string(LocalDisk);
std::string_view to_string(StorageKind);
std::string_view to_string(Backend);

// Judgement calls, each with a default documented in docs/tuning.md; `policy:` in a profile overrides them.
struct Policy {
    double max_nic_utilization = 0.7;         // warn above this share of the NIC (one direction)
    double checkpoint_bandwidth_share = 0.5;  // upload bandwidth = NIC x share, when not declared
    double checkpoint_timeout_factor = 3;     // timeout = factor x full-checkpoint duration ...
    double min_checkpoint_timeout_s = 600;    // ... but never below this (Flink's default, 10 min)
    double checkpoint_interval_s = 60;        // when goals.checkpoint_interval is absent
    double max_checkpoint_share = 0.5;        // estimated duration above share x interval: warn, no UC
    double min_pause_fraction = 0.5;          // min-pause = fraction x interval
    int tolerable_failed_checkpoints = 3;
    std::uint64_t incremental_min_state = 1ULL << 30;  // auto: incremental from this state per TM
    double slots_per_core = 1;
    double max_parallelism_factor = 4;      // max parallelism >= factor x parallelism
    double rocksdb_managed_fraction = 0.5;  // of total Flink memory, for rocksdb and forst
    double network_buffer_headroom = 1.25;  // x the buffers the exchanges need
    std::uint64_t min_task_heap_per_slot = 256ULL << 20;
    double heap_state_expansion = 2;         // hashmap: heap bytes per byte of serialized state
    std::uint64_t large_heap = 16ULL << 30;  // JVM heaps from this size get the longer heartbeat timeout
    double large_heap_heartbeat_timeout_s = 120;
    int large_parallelism = 256;  // from this parallelism the RPC ask timeout is raised
    double large_parallelism_ask_timeout_s = 30;
    double upload_bandwidth_per_thread = 50e6;  // bytes/s one checkpoint transfer thread sustains
    double aligned_checkpoint_timeout_s = 30;   // with unaligned checkpoints: start aligned for this long
    double rescale_factor = 2;         // max_parallelism_target = parallelism x factor, when not declared
    double network_max_share = 0.15;   // of total Flink memory, before the high-parallelism mode
    double os_reserve_fraction = 0.1;  // standalone: the host keeps this share for OS and page cache ...
    std::uint64_t os_reserve_max = 2ULL << 30;          // ... but never more than this
    std::uint64_t last_state_min_state = 100ULL << 30;  // operator: last-state upgrades from this job state
    double disk_space_factor = 2;  // local disk per byte of state (compaction, local-recovery copy)
    double hdd_iops = 150;         // random reads one local disk serves per second, by kind
    double ssd_iops = 100000;      // a local NVMe SSD; SATA SSDs serve fewer
    double network_disk_iops = 3000;
    double restart_time_s = 120;  // scheduling and redeploying after a failure, before state restore
    double kafka_max_transaction_timeout_s = 900;  // brokers' transaction.max.timeout.ms default
    int many_taskmanagers = 20;  // object stores: entropy injection and file merging from this many
    int retained_checkpoints = 2;
    std::uint64_t rocksdb_jvm_overhead_max = 2ULL << 30;  // RocksDB/ForSt containers: JVM overhead cap
    int malloc_arena_max = 4;  // glibc malloc arenas of RocksDB/ForSt TaskManagers (YARN, standalone)
    // `tune --observed`: heap and metaspace = observed use x (1 + this), the operator's
    // job.autoscaler.memory.tuning.overhead default (flink-autoscaler MemoryTuning)
    double memory_tuning_overhead = 0.2;
    double target_utilization = 0.7;  // per-vertex parallelism: busy time at this share (the operator's 0.7)
    double gc_time_warn_share = 0.1;  // warn when the TaskManagers spend this share of their time in GC
};

struct Window {
    double size_s = 0;
    double slide_s = 0;
    std::uint64_t state_per_key = 0;   // bytes per key per window
    std::uint64_t output_per_key = 0;  // bytes emitted per key per firing
};

// 1-based position of a field in the profile file.
struct Mark {
    int line = 1;
    int column = 1;
};

struct Profile {
    std::string path;  // as given; messages start with it
    std::string name;  // file stem, made a Kubernetes name
    FlinkVersion version = kDefaultFlinkVersion;
    Deployment deployment = Deployment::standalone;

    int taskmanagers = 1;
    double tm_cpu_cores = 1;
    std::uint64_t tm_memory = 0;   // process budget, bytes
    double network_bandwidth = 0;  // bytes/s, one direction
    LocalDisk local_disk = LocalDisk::ssd;
    std::optional<std::uint64_t> local_disk_size;  // bytes of local disk for state, per TaskManager
    std::optional<std::string> local_disk_path;    // where that disk is mounted
    double jm_cpu_cores = 1;
    std::uint64_t jm_memory = 0;

    StorageKind storage = StorageKind::s3;
    std::optional<double> storage_bandwidth;  // bytes/s per TaskManager
    std::optional<std::string> storage_path;  // checkpoint directory URI

    bool ha_declared = false;  // a `high_availability:` section was written
    HaKind ha = HaKind::automatic;
    std::optional<std::string> zookeeper_quorum;  // host:port,host:port

    Backend backend = Backend::hashmap;
    std::optional<std::uint64_t> state_size;  // bytes, whole job
    double records_per_second = 0;
    std::uint64_t record_size = 0;
    std::optional<double> keys;
    int shuffles = 1;
    std::optional<Window> window;
    std::string source = "kafka";
    std::string sink = "kafka";
    bool exactly_once = false;                  // workload.delivery: exactly-once (transactional sink)
    std::optional<int> max_parallelism_target;  // the parallelism rescaling may reach

    std::optional<double> checkpoint_interval_s;
    Incremental incremental = Incremental::automatic;

    Policy policy;
    std::vector<std::string> policy_overrides;  // knob names set in the profile

    // Measured on the running job (`tune --observed DIR`, flinklint/diagnose/observed.hpp): each
    // replaces the estimate it names, and the report lists it with the snapshot file it comes from.
    std::optional<double> measured_checkpoint_duration_s;  // the longest completed checkpoint
    // TaskManager metrics, each the largest over the TaskManagers when the snapshot was taken (one
    // sample, not a peak over time).
    std::optional<std::uint64_t> measured_metaspace;  // Metaspace.Used, bytes
    std::optional<double> measured_heap_per_slot;     // Heap.Used / the observed TaskManager's slots
    std::optional<double> measured_gc_share;          // of the TaskManagers' time spent in GC
    // Busy and back-pressured time of a job vertex's subtasks (the busiest subtask, ms per second / 1000).
    struct VertexLoad {
        std::string id;
        std::string name;
        int parallelism = 1;
        int max_parallelism = 0;  // 0: unknown
        double busy = 0;
        double back_pressured = 0;
        std::string source;  // the snapshot file
    };
    std::vector<VertexLoad> measured_vertices;
    // The job graph of `/jobs/:id/plan` (its vertices' parallelism and exchanges): network buffers
    // are counted from it in place of workload.shuffles. Empty: estimated.
    std::vector<JobGraphVertex> measured_job_graph;
    std::string measured_job_graph_source;  // the snapshot file
    struct Measurement {
        std::string name;    // what it replaces: "state size", "checkpoint duration"
        std::string value;   // as the report shows it
        std::string source;  // the snapshot file and field
    };
    std::vector<Measurement> measurements;
    // Where each field was written (dotted path -> position), for located errors after parsing.
    std::map<std::string, Mark, std::less<>> marks;
    // Inputs as written (dotted path -> text), echoed at the top of reports.
    std::vector<std::pair<std::string, std::string>> inputs;
};

// "FILE:LINE:COL: message".
struct ProfileError {
    std::string path;
    Mark mark;
    std::string message;
    [[nodiscard]] std::string str() const;
};

using ProfileResult = std::variant<Profile, std::vector<ProfileError>>;

// Never throws. Collects every error of the file.
ProfileResult parse_profile(std::string_view text, const std::string& path);
ProfileResult load_profile(const std::string& path);

// An error about `field` of a parsed profile, at its position (or the file start when unknown).
ProfileError profile_error(const Profile& profile, std::string_view field, std::string message);

}  // namespace flinklint::tuner

#include "flinklint/profile_facts.hpp"

namespace flinklint::tuner {

// What `check --profile` hands the rules: the declared facts a configuration cannot tell.
ProfileFacts profile_facts(const Profile& profile);

}  // namespace flinklint::tuner

// What makes `flinklint tune` safe to deploy: the facts it rests on (per Flink version), the plans it
// refuses with the minimum that would work, and the settings experts always add.
#include <gtest/gtest.h>

#include <string>

#include "flinklint/tuner/output.hpp"
#include "flinklint/tuner/tuner.hpp"
#include "test_paths.hpp"

using namespace flinklint;
using namespace flinklint::tuner;

namespace {

const std::string kQuorum = "high_availability:\n  zookeeper_quorum: zk-1:2181,zk-2:2181\n";

// A mid-size RocksDB job; `extra` is appended. Standalone and YARN declare a ZooKeeper quorum, which
// their stateful jobs need.
std::string profile_text(const std::string& version, const std::string& deployment,
                         const std::string& workload, const std::string& extra = "") {
    const bool zookeeper = deployment == "yarn" || deployment == "standalone";
    return "flink_version: \"" + version + "\"\ndeployment: " + deployment +
           "\ncluster:\n  taskmanagers: 4\n  taskmanager:\n    cpu_cores: 8\n    memory: 32g\n"
           "    network_bandwidth: 10 Gbit/s\n    local_disk: ssd\n" +
           "checkpoint_storage:\n  kind: s3\n  path: s3://bucket/job\n" + (zookeeper ? kQuorum : "") +
           "workload:\n" + workload + extra;
}

const std::string kRocksdb =
    "  state_backend: rocksdb\n  state_size: 40g\n  records_per_second: 100000\n  record_size: 500b\n"
    "  keys: 10000000\n  shuffles: 1\n";
const std::string kHashmap =
    "  state_backend: hashmap\n  state_size: 4g\n  records_per_second: 10000\n  record_size: 200b\n"
    "  keys: 1000000\n  shuffles: 1\n";

Tuning tuned(const std::string& text) {
    const auto parsed = parse_profile(text, "p.yaml");
    if (const auto* errors = std::get_if<std::vector<ProfileError>>(&parsed)) {
        ADD_FAILURE() << errors->front().str() << "\n" << text;
        return {};
    }
    const auto result = tune(std::get<Profile>(parsed));
    if (const auto* errors = std::get_if<std::vector<ProfileError>>(&result)) {
        ADD_FAILURE() << errors->front().str();
        return {};
    }
    return std::get<Tuning>(result);
}

std::string value(const Tuning& t, std::string_view key) {
    const Recommendation* r = t.find(key);
    return r == nullptr ? "<missing>" : r->value;
}

bool warned(const Tuning& t, std::string_view text) {
    for (const std::string& w : t.warnings)
        if (w.find(text) != std::string::npos) return true;
    return false;
}

const Derivation* derivation(const Tuning& t, std::string_view name) {
    for (const Derivation& d : t.derivations)
        if (d.name == name) return &d;
    return nullptr;
}

}  // namespace

// RocksDBOptions: the transfer threads are per stateful operator, not per TaskManager.
TEST(TunerFacts, TransferThreadsArePerStatefulOperatorInstance) {
    const Tuning t = tuned(profile_text("1.20", "kubernetes-operator", kRocksdb));
    EXPECT_EQ(value(t, "state.backend.rocksdb.checkpoint.transfer.thread.num"), "4");
    // One slot with a fast upload: 1 GB/s per instance needs more than the default.
    const Tuning fast = tuned(profile_text("1.20", "kubernetes-operator", kRocksdb,
                                           "policy:\n  slots_per_core: 0.125\n  checkpoint_bandwidth_share: "
                                           "1\n  upload_bandwidth_per_thread: 100 MB/s\n"));
    EXPECT_EQ(fast.slots, 1);
    EXPECT_EQ(value(fast, "state.backend.rocksdb.checkpoint.transfer.thread.num"), "13");
}

TEST(TunerFacts, ForstTimeoutIgnoresTheFullStateAndUsesTheLocalDiskAsCache) {
    const std::string workload =
        "  state_backend: forst\n  state_size: 4t\n  records_per_second: 100000\n  record_size: 500b\n"
        "  keys: 1000000000\n  shuffles: 1\n";
    std::string text = profile_text("2.1", "kubernetes-operator", workload);
    text.replace(text.find("    local_disk: ssd\n"), 19, "    local_disk: ssd\n    local_disk_size: 100g\n");
    const Tuning t = tuned(text);
    // A full upload of 1 TB per TaskManager at 625 MB/s would take 27 min and a 1.4 h timeout.
    EXPECT_GT(t.estimates.full_checkpoint_duration_s, 1500);
    EXPECT_EQ(value(t, "execution.checkpointing.timeout"), "10 min");
    // The limit is per ForSt instance (ForStResourceContainer): 100 GiB / 2 / (8 slots x 1 operator).
    EXPECT_EQ(t.slots, 8);
    EXPECT_EQ(value(t, "state.backend.forst.cache.size-based-limit"), "6400m");
    // A configured cache directory would be shared as is by every instance: the default stays.
    EXPECT_EQ(t.find("state.backend.forst.cache.dir"), nullptr);
    EXPECT_TRUE(warned(t, "State API V2"));
}

TEST(TunerFacts, HashmapIsNeverAdvisedIncrementalCheckpoints) {
    for (const auto& [version, key] : {std::pair{"1.20", "state.changelog.enabled"},
                                       std::pair{"1.18", "state.backend.changelog.enabled"}}) {
        SCOPED_TRACE(version);
        // 8 GB per TaskManager over a 10 Mbit/s share: a full checkpoint far longer than the interval.
        const Tuning t =
            tuned(profile_text(version, "yarn",
                               "  state_backend: hashmap\n  state_size: 20g\n  records_per_second: 1000\n"
                               "  record_size: 100b\n  keys: 1000000\n  shuffles: 1\n",
                               "policy:\n  checkpoint_bandwidth_share: 0.001\n"));
        EXPECT_EQ(t.find("execution.checkpointing.incremental"), nullptr);
        EXPECT_EQ(t.find("state.backend.incremental"), nullptr);
        EXPECT_TRUE(warned(t, std::string("`") + key + ": true`"));
        for (const std::string& w : t.warnings) EXPECT_EQ(w.find("use incremental"), std::string::npos) << w;
    }
    // Asking for them is an error at the goal.
    const auto parsed = parse_profile(
        profile_text("1.20", "yarn", kHashmap, "goals:\n  incremental_checkpoints: true\n"), "p.yaml");
    const auto* errors = std::get_if<std::vector<ProfileError>>(&parsed);
    ASSERT_NE(errors, nullptr);
    EXPECT_NE(errors->front().str().find("hashmap state backend has no incremental checkpoints"),
              std::string::npos);
}

const std::string kNotIncremental = "goals:\n  incremental_checkpoints: false\n";

TEST(TunerFacts, DebloatingIsAPolicyAndRaisesTheMinimumSegment) {
    const Tuning t = tuned(profile_text("1.20", "kubernetes-operator", kRocksdb, kNotIncremental));
    const Recommendation* debloat = t.find("taskmanager.network.memory.buffer-debloat.enabled");
    ASSERT_NE(debloat, nullptr);
    EXPECT_EQ(debloat->basis, Basis::policy);
    EXPECT_EQ(debloat->value, "true");  // with unaligned checkpoints
    EXPECT_TRUE(t.unaligned);
    EXPECT_EQ(value(t, "taskmanager.memory.min-segment-size"), "500b");
}

TEST(TunerFacts, MaxParallelismIsAMultipleOfTheParallelismWithinTheCap) {
    const Tuning t = tuned(profile_text("1.20", "kubernetes-operator", kRocksdb));
    EXPECT_EQ(t.parallelism, 32);
    EXPECT_EQ(value(t, "pipeline.max-parallelism"), "128");
    ASSERT_NE(derivation(t, "key-group skew"), nullptr);
    EXPECT_EQ(derivation(t, "key-group skew")->value, "0%");
    // 360 TaskManagers x 80 slots would be 28800: the cap leaves the parallelism itself.
    std::string wide = profile_text("1.20", "kubernetes-operator", kRocksdb);
    wide.replace(wide.find("taskmanagers: 4"), 15, "taskmanagers: 360");
    wide.replace(wide.find("cpu_cores: 8"), 12, "cpu_cores: 80");
    wide.replace(wide.find("memory: 32g"), 11, "memory: 256g");
    const Tuning w = tuned(wide);
    EXPECT_EQ(w.parallelism, 28800);
    EXPECT_EQ(value(w, "pipeline.max-parallelism"), "28800");
    EXPECT_NE(w.find("pipeline.max-parallelism")->reason.find("capped by Flink's 32768"), std::string::npos);
}

TEST(TunerFacts, UnalignedCheckpointsAreDecidedOnInFlightDataAndYieldToLocalRecovery) {
    const Tuning t = tuned(profile_text("1.20", "kubernetes-operator", kRocksdb, kNotIncremental));
    EXPECT_EQ(value(t, "execution.checkpointing.unaligned.enabled"), "true");
    EXPECT_NE(t.find("execution.checkpointing.unaligned.enabled")->reason.find("in-flight"),
              std::string::npos);
    EXPECT_NE(derivation(t, "unaligned checkpoint extra upload"), nullptr);
    // Incremental RocksDB on local disk: task-local recovery, which unaligned checkpoints would disable.
    const Tuning local = tuned(
        profile_text("1.20", "kubernetes-operator", kRocksdb, "goals:\n  incremental_checkpoints: true\n"));
    EXPECT_EQ(value(local, "execution.state-recovery.from-local"), "true");
    EXPECT_EQ(value(local, "execution.checkpointing.unaligned.enabled"), "false");
    const Tuning old = tuned(
        profile_text("1.19", "kubernetes-operator", kRocksdb, "goals:\n  incremental_checkpoints: true\n"));
    EXPECT_EQ(value(old, "state.backend.local-recovery"), "true");
    // The restore time says what local recovery saves, and what a lost TaskManager still downloads.
    ASSERT_NE(derivation(local, "restore time, TaskManager lost"), nullptr);
    EXPECT_NE(derivation(local, "restore time (RTO)")->value,
              derivation(local, "restore time, TaskManager lost")->value);
    EXPECT_EQ(derivation(t, "restore time, TaskManager lost"), nullptr);
}

TEST(TunerSafety, InfeasiblePlansCarryTheMinimumThatWouldWork) {
    // NIC: 400 MB/s of input per TaskManager over 1 Gbit/s.
    std::string nic =
        profile_text("1.20", "yarn",
                     "  state_backend: rocksdb\n  state_size: 10g\n  records_per_second: 1000000\n"
                     "  record_size: 1600b\n  keys: 1000000\n  shuffles: 1\n");
    nic.replace(nic.find("10 Gbit/s"), 9, "1 Gbit/s");
    const Tuning n = tuned(nic);
    ASSERT_EQ(n.infeasible.size(), 1u);
    EXPECT_NE(n.infeasible[0].find("at least"), std::string::npos) << n.infeasible[0];
    EXPECT_NE(n.infeasible[0].find("TaskManagers, or at least"), std::string::npos);
    // Heap: 120 GB of hashmap state on 4 x 32 GiB.
    const Tuning h =
        tuned(profile_text("1.20", "yarn",
                           "  state_backend: hashmap\n  state_size: 120g\n  records_per_second: 1000\n"
                           "  record_size: 100b\n  keys: 1000000\n  shuffles: 1\n"));
    ASSERT_EQ(h.infeasible.size(), 1u);
    EXPECT_NE(h.infeasible[0].find("of memory per TaskManager"), std::string::npos) << h.infeasible[0];
    // Disk capacity: 10 GB per TaskManager x 2 on a 10 GiB disk.
    std::string disk = profile_text("1.20", "yarn", kRocksdb);
    disk.replace(disk.find("    local_disk: ssd\n"), 19, "    local_disk: ssd\n    local_disk_size: 10g\n");
    const Tuning d = tuned(disk);
    ASSERT_EQ(d.infeasible.size(), 1u);
    EXPECT_NE(d.infeasible[0].find("of local disk per TaskManager"), std::string::npos) << d.infeasible[0];
    // IOPS: spinning disks and state 5 x the cache.
    std::string hdd = profile_text("1.20", "yarn", kRocksdb);
    hdd.replace(hdd.find("local_disk: ssd"), 15, "local_disk: hdd");
    hdd.replace(hdd.find("state_size: 40g"), 15, "state_size: 400g");
    const Tuning i = tuned(hdd);
    ASSERT_EQ(i.infeasible.size(), 1u);
    EXPECT_NE(i.infeasible[0].find("random reads/s"), std::string::npos) << i.infeasible[0];
    // A stateful job without a checkpoint directory.
    std::string nopath = profile_text("1.20", "yarn", kRocksdb);
    nopath.erase(nopath.find("  path: s3://bucket/job\n"), 24);
    const Tuning p = tuned(nopath);
    ASSERT_EQ(p.infeasible.size(), 1u);
    EXPECT_NE(p.infeasible[0].find("JobManagerCheckpointStorage"), std::string::npos);
    // Verdicts are the first warnings, so every report and emitted file carries them.
    EXPECT_EQ(p.warnings.front().rfind("infeasible: ", 0), 0u);
}

TEST(TunerSafety, StatefulJobsNeverUpgradeStateless) {
    const Tuning small = tuned(profile_text("1.20", "kubernetes-operator", kRocksdb));
    EXPECT_EQ(small.upgrade_mode, "savepoint");
    EXPECT_EQ(small.find("high-availability.type"), nullptr);
    std::string large_text = profile_text("1.20", "kubernetes-operator", kRocksdb);
    large_text.replace(large_text.find("state_size: 40g"), 15, "state_size: 200g");
    const Tuning large = tuned(large_text);
    EXPECT_EQ(large.upgrade_mode, "last-state");
    EXPECT_EQ(value(large, "high-availability.type"), "kubernetes");
    EXPECT_EQ(value(large, "high-availability.storageDir"), "s3://bucket/job/ha");
    EXPECT_NE(large.find("high-availability.type")->reason.find("HA is required"), std::string::npos);
    const auto emitted = emit_config(large, EmitFormat::flinkdeployment);
    ASSERT_TRUE(emitted);
    EXPECT_NE(emitted->find("upgradeMode: last-state\n"), std::string::npos);
    EXPECT_EQ(large.find("kubernetes.operator.savepoint.format.type"), nullptr);
    // Large state without HA: savepoint upgrades in the NATIVE format.
    const Tuning native = tuned(large_text + "high_availability:\n  kind: none\n");
    EXPECT_EQ(native.upgrade_mode, "savepoint");
    EXPECT_EQ(native.find("high-availability.type"), nullptr);
    EXPECT_EQ(value(native, "kubernetes.operator.savepoint.format.type"), "NATIVE");
    EXPECT_EQ(small.find("kubernetes.operator.savepoint.format.type"), nullptr);
    // Large state with ZooKeeper declared: last-state through ZooKeeper HA.
    const Tuning zookeeper = tuned(large_text + kQuorum);
    EXPECT_EQ(zookeeper.upgrade_mode, "last-state");
    EXPECT_EQ(value(zookeeper, "high-availability.type"), "zookeeper");
    EXPECT_EQ(value(zookeeper, "high-availability.zookeeper.quorum"), "zk-1:2181,zk-2:2181");
}

TEST(TunerExpert, HighAvailabilityPerDeploymentKind) {
    const Tuning k8s = tuned(profile_text("1.19", "kubernetes-standalone", kRocksdb));
    EXPECT_EQ(value(k8s, "high-availability.type"), "kubernetes");
    EXPECT_EQ(value(k8s, "kubernetes.cluster-id"), "p");
    EXPECT_EQ(value(k8s, "high-availability.storageDir"), "s3://bucket/job/ha");
    EXPECT_EQ(value(tuned(profile_text("1.15", "kubernetes-standalone", kRocksdb)), "high-availability"),
              "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory");
    // ZooKeeper on YARN: the quorum from the profile; YARN infers the cluster id from the application.
    const Tuning yarn = tuned(profile_text("1.17", "yarn", kRocksdb));
    EXPECT_TRUE(yarn.infeasible.empty());
    EXPECT_EQ(value(yarn, "high-availability.type"), "zookeeper");
    EXPECT_EQ(value(yarn, "high-availability.zookeeper.quorum"), "zk-1:2181,zk-2:2181");
    EXPECT_EQ(value(yarn, "high-availability.storageDir"), "s3://bucket/job/ha");
    EXPECT_EQ(yarn.find("high-availability.cluster-id"), nullptr);
    // Standalone clusters sharing a quorum need their own id; 1.15 names the mode `high-availability`.
    const Tuning standalone = tuned(profile_text("1.15", "standalone", kRocksdb));
    EXPECT_EQ(value(standalone, "high-availability"), "zookeeper");
    EXPECT_EQ(value(standalone, "high-availability.cluster-id"), "/p");
    // Without a quorum the plan is refused, saying what to declare; `kind: none` accepts the risk.
    std::string undeclared = profile_text("1.17", "yarn", kRocksdb);
    undeclared.erase(undeclared.find(kQuorum), kQuorum.size());
    const Tuning refused = tuned(undeclared);
    ASSERT_EQ(refused.infeasible.size(), 1u);
    EXPECT_NE(refused.infeasible[0].find("high_availability.zookeeper_quorum"), std::string::npos);
    std::string none = undeclared;
    none.insert(none.find("workload:"), "high_availability:\n  kind: none\n");
    const Tuning accepted = tuned(none);
    EXPECT_TRUE(accepted.infeasible.empty());
    EXPECT_TRUE(warned(accepted, "high_availability.kind none"));
    EXPECT_EQ(accepted.find("high-availability.type"), nullptr);
    // A stateless job needs no HA.
    std::string stateless = undeclared;
    stateless.replace(stateless.find("state_size: 40g"), 15, "state_size: 0b");
    EXPECT_TRUE(tuned(stateless).infeasible.empty());
}

TEST(TunerExpert, HighAvailabilityInputsAreChecked) {
    const auto errors_of = [](const std::string& deployment, const std::string& section) {
        std::string text = profile_text("1.20", deployment, kRocksdb);
        if (const auto at = text.find(kQuorum); at != std::string::npos) text.erase(at, kQuorum.size());
        text.insert(text.find("workload:"), section);
        const auto parsed = parse_profile(text, "p.yaml");
        const auto* errors = std::get_if<std::vector<ProfileError>>(&parsed);
        return errors == nullptr ? std::string() : errors->front().str();
    };
    EXPECT_NE(errors_of("yarn", "high_availability:\n  kind: zookeeper\n").find("needs `high_availability"),
              std::string::npos);
    EXPECT_NE(errors_of("yarn", "high_availability:\n  kind: kubernetes\n").find("needs a Kubernetes"),
              std::string::npos);
    EXPECT_NE(errors_of("yarn", "high_availability:\n  kind: none\n  zookeeper_quorum: zk:2181\n")
                  .find("used only with"),
              std::string::npos);
    EXPECT_NE(
        errors_of("yarn", "high_availability:\n  zookeeper_quorum: \"zk:2181, zk2:2181\"\n").find("p.yaml:"),
        std::string::npos);
    EXPECT_EQ(errors_of("kubernetes-operator", "high_availability:\n  zookeeper_quorum: zk:2181\n"), "");
}

TEST(TunerSafety, NetworkMemorySurvivesRescalingAndSwitchesModeBeforeItsShare) {
    const Tuning t = tuned(profile_text("1.20", "kubernetes-operator", kRocksdb));
    EXPECT_EQ(t.target_parallelism, 64);  // 32 x rescale_factor 2
    const Tuning declared =
        tuned(profile_text("1.20", "kubernetes-operator", kRocksdb + "  max_parallelism_target: 256\n"));
    EXPECT_EQ(declared.target_parallelism, 256);
    EXPECT_GT(declared.taskmanager.network, t.taskmanager.network);
    EXPECT_EQ(value(declared, "pipeline.max-parallelism"), "256");
    // A tiny share forces the high-parallelism mode: capped gates from 1.17, one buffer per channel before.
    for (const auto& [version, key, expected] :
         {std::tuple{"1.20", "taskmanager.network.memory.read-buffer.required-per-gate.max", "1000"},
          std::tuple{"1.15", "taskmanager.network.memory.buffers-per-channel", "1"}}) {
        SCOPED_TRACE(version);
        const Tuning hp = tuned(
            profile_text(version, "kubernetes-operator", kRocksdb, "policy:\n  network_max_share: 0.001\n"));
        EXPECT_TRUE(hp.high_parallelism);
        EXPECT_EQ(value(hp, key), expected);
        EXPECT_EQ(value(hp, "taskmanager.network.memory.buffer-debloat.enabled"), "true");
        // Managed memory keeps its policy share: the network never takes it.
        EXPECT_EQ(hp.taskmanager.managed, t.taskmanager.managed);
    }
}

TEST(TunerSafety, StandaloneHostsKeepRoomForTheOs) {
    const Tuning big = tuned(profile_text("1.20", "standalone", kRocksdb));
    EXPECT_EQ(big.os_reserve, 2ULL << 30);  // min(10% of 32 GiB, 2 GiB)
    EXPECT_LE(big.taskmanager.total_process, 30ULL << 30);
    std::string small_text = profile_text("1.20", "standalone", kHashmap);
    small_text.replace(small_text.find("memory: 32g"), 11, "memory: 8g");
    EXPECT_EQ(tuned(small_text).os_reserve, 820ULL << 20);  // 10% of 8 GiB, whole MiB up
    EXPECT_EQ(tuned(profile_text("1.20", "yarn", kRocksdb)).os_reserve, 0u);
}

TEST(TunerSafety, ABareNumberIsNotADuration) {
    const auto parsed = parse_profile(
        profile_text("1.20", "yarn", kRocksdb, "goals:\n  checkpoint_interval: 60\n"), "p.yaml");
    const auto* errors = std::get_if<std::vector<ProfileError>>(&parsed);
    ASSERT_NE(errors, nullptr);
    EXPECT_NE(errors->front().message.find("write `60 s`"), std::string::npos) << errors->front().str();
}

TEST(TunerExpert, RestartStrategyPerVersion) {
    const Tuning v117 = tuned(profile_text("1.17", "yarn", kRocksdb));
    EXPECT_EQ(value(v117, "restart-strategy.type"), "exponential-delay");
    EXPECT_EQ(v117.find("restart-strategy.type")->basis, Basis::policy);
    EXPECT_EQ(value(tuned(profile_text("1.15", "yarn", kRocksdb)), "restart-strategy"), "exponential-delay");
    EXPECT_EQ(tuned(profile_text("1.20", "yarn", kRocksdb)).find("restart-strategy.type")->basis,
              Basis::fact);
}

TEST(TunerExpert, DiskRecoveryAndContainers) {
    std::string text = profile_text("1.20", "kubernetes-operator", kRocksdb);
    text.replace(text.find("    local_disk: ssd\n"), 19,
                 "    local_disk: ssd\n    local_disk_size: 100g\n    local_disk_path: /data\n");
    const Tuning t = tuned(text);
    EXPECT_EQ(value(t, "process.taskmanager.working-dir"), "/data");
    ASSERT_TRUE(t.local_storage);
    EXPECT_EQ(*t.local_storage, 100ULL << 30);
    EXPECT_NE(emit_config(t, EmitFormat::flinkdeployment)->find("ephemeralStorage: \"100Gi\""),
              std::string::npos);
    for (const char* name : {"local disk for state", "disk reads per TaskManager", "restore time (RTO)",
                             "catch-up after recovery"})
        EXPECT_NE(derivation(t, name), nullptr) << name;
    // RocksDB containers: JVM overhead may grow past Flink's 1g cap for native memory and malloc arenas.
    EXPECT_EQ(value(t, "taskmanager.memory.jvm-overhead.max"), "2048m");
    EXPECT_EQ(t.taskmanager.jvm_overhead, 2ULL << 30);  // 0.1 x 32 GiB, capped at 2 GiB instead of 1
    std::string capped = text + "policy:\n  rocksdb_jvm_overhead_max: 3g\n";
    EXPECT_EQ(tuned(capped).taskmanager.jvm_overhead, 3ULL << 30);  // 0.1 x 32 GiB = 3.2 GiB, capped at 3
    const auto low = parse_profile(text + "policy:\n  rocksdb_jvm_overhead_max: 100m\n", "p.yaml");
    ASSERT_NE(std::get_if<std::vector<ProfileError>>(&low), nullptr);
    EXPECT_NE(std::get<std::vector<ProfileError>>(low).front().str().find("at least 192m"),
              std::string::npos);
    EXPECT_EQ(tuned(profile_text("1.20", "standalone", kRocksdb)).find("taskmanager.memory.jvm-overhead.max"),
              nullptr);
}

// glibc's arenas for RocksDB's native memory: set where Flink can (YARN), said where it cannot
// (standalone), and not needed with the official images' jemalloc (Kubernetes).
TEST(TunerExpert, MallocArenasForRocksdbContainers) {
    EXPECT_EQ(value(tuned(profile_text("1.17", "yarn", kRocksdb)),
                    "containerized.taskmanager.env.MALLOC_ARENA_MAX"),
              "4");
    const Tuning custom = tuned(profile_text("1.17", "yarn", kRocksdb, "policy:\n  malloc_arena_max: 2\n"));
    EXPECT_EQ(value(custom, "containerized.taskmanager.env.MALLOC_ARENA_MAX"), "2");
    EXPECT_NE(
        custom.find("containerized.taskmanager.env.MALLOC_ARENA_MAX")->reason.find("(set in the profile)"),
        std::string::npos);
    EXPECT_EQ(
        tuned(profile_text("1.17", "yarn", kHashmap)).find("containerized.taskmanager.env.MALLOC_ARENA_MAX"),
        nullptr);
    const Tuning standalone = tuned(profile_text("1.20", "standalone", kRocksdb));
    ASSERT_NE(derivation(standalone, "TaskManager environment"), nullptr);
    EXPECT_EQ(derivation(standalone, "TaskManager environment")->value, "MALLOC_ARENA_MAX=4");
    const Tuning k8s = tuned(profile_text("1.20", "kubernetes-operator", kRocksdb));
    EXPECT_EQ(k8s.find("containerized.taskmanager.env.MALLOC_ARENA_MAX"), nullptr);
    ASSERT_NE(derivation(k8s, "native allocator"), nullptr);
    EXPECT_NE(derivation(k8s, "native allocator")->formula.find("jemalloc"), std::string::npos);
}

TEST(TunerExpert, KafkaTransactionsMustOutliveCheckpointAndRestart) {
    const std::string eo = kRocksdb + "  delivery: exactly-once\n";
    const Tuning fits = tuned(profile_text("1.20", "yarn", eo));
    ASSERT_NE(derivation(fits, "Kafka transaction.timeout.ms (sink)"), nullptr);
    EXPECT_FALSE(warned(fits, "transaction.max.timeout.ms"));
    const Tuning late = tuned(profile_text("1.20", "yarn", eo, "goals:\n  checkpoint_interval: 10 min\n"));
    EXPECT_TRUE(warned(late, "transaction.max.timeout.ms"));
}

TEST(TunerExpert, ObjectStoresWithManyTaskManagers) {
    std::string text = profile_text("1.20", "kubernetes-operator", kRocksdb);
    text.replace(text.find("taskmanagers: 4"), 15, "taskmanagers: 20");
    const Tuning t = tuned(text);
    EXPECT_EQ(value(t, "s3.entropy.key"), "_entropy_");
    EXPECT_EQ(value(t, "execution.checkpointing.dir"), "s3://bucket/job/_entropy_/checkpoints");
    EXPECT_EQ(value(t, "execution.checkpointing.file-merging.enabled"), "true");
    EXPECT_EQ(value(t, "execution.checkpointing.num-retained"), "2");
    text.replace(text.find("flink_version: \"1.20\""), 21, "flink_version: \"1.19\"");
    const Tuning old = tuned(text);
    EXPECT_EQ(old.find("execution.checkpointing.file-merging.enabled"), nullptr);
    EXPECT_EQ(value(old, "state.checkpoints.num-retained"), "2");
}

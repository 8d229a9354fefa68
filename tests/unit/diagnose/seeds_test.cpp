// The five failure stories that troubleshooting advice circulates (heartbeat timeouts, checkpoints
// expiring, checkpoints declined, backpressure, the network buffer pool running out), replayed as the
// logs or the REST snapshot a cluster of the story's Flink version writes, with the configuration the
// story implies (tests/unit/diagnose/seeds/). Each runs diagnose_evidence, the CLI's entry point, and
// checks the rule, root against consequence, the values computed from the configuration, and the real
// option named beside each key the advice invented.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <variant>

#include "diagnose_support.hpp"
#include "flinklint/catalog.hpp"
#include "flinklint/diagnose/diagnose.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/memory_model.hpp"
#include "flinklint/model.hpp"
#include "flinklint/tuner/profile.hpp"
#include "flinklint/values.hpp"
#include "test_paths.hpp"

namespace {

namespace fs = std::filesystem;
using namespace flinklint;
using diagnose::Diagnosis;
using diagnose::Result;
using diagnose::Role;
using flinklint::testing::Config;
using flinklint::testing::find;
using flinklint::testing::has_note;

fs::path seed(std::string_view story) {
    return flinklint::testing::source_dir() / "tests" / "unit" / "diagnose" / "seeds" / story;
}

// The configuration file as `--config` reads it, at the story's version.
std::unique_ptr<Config> load(const fs::path& file, FlinkVersion version) {
    return std::make_unique<Config>(flinklint::testing::read_file(file), version, file.filename().string());
}

Result replay(const std::vector<fs::path>& evidence, const Config* config, FlinkVersion version) {
    std::vector<std::string> paths;
    for (const fs::path& p : evidence) paths.push_back(p.string());
    diagnose::Options options;
    options.config = config ? config->effective.get() : nullptr;
    options.version = version;
    return diagnose::diagnose_evidence(paths, options);
}

const diagnose::Change* change_of(const Diagnosis& d, std::string_view key) {
    for (const diagnose::Change& c : d.changes)
        if (c.key == key) return &c;
    return nullptr;
}

std::string flat_value(const Config& config, const std::string& key) {
    const auto& flat = config.effective->flat();
    const auto it = flat.find(key);
    return it == flat.end() ? std::string() : it->second;
}

// The tuner's checkpoint timeout rule (tuner::Policy) for a measured duration, in whole minutes.
std::string tuner_timeout(std::int64_t longest_ms) {
    const tuner::Policy policy;
    const double s = std::max(policy.min_checkpoint_timeout_s,
                              policy.checkpoint_timeout_factor * static_cast<double>(longest_ms) / 1000.0);
    return fmt::format("{} min", std::ceil(s / 60));
}

// How a diagnosis names a real option that the configuration leaves at the version's default.
std::string default_named(FlinkVersion version, std::string_view key) {
    const OptionInfo* option = Catalog::for_version(version).find(key);
    EXPECT_NE(option, nullptr) << key;
    return option ? fmt::format("`{}` ({}, Flink {} default)", key, option->default_value, version.str())
                  : "";
}

TEST(SeedStories, HeartbeatTimeoutNamesHeartbeatTimeoutForTheInventedTaskManagerKey) {
    const FlinkVersion version{1, 17};
    const auto config = load(seed("heartbeat") / "flink-conf.yaml", version);
    const Result result = replay(
        {seed("heartbeat") / "jobmanager.log", seed("heartbeat") / "taskmanager.log"}, config.get(), version);
    const Diagnosis* lost_tm = find(result, "DG101");
    const Diagnosis* lost_jm = find(result, "DG102");
    const Diagnosis* lost_rm = find(result, "DG103");
    ASSERT_TRUE(lost_tm && lost_jm && lost_rm);
    // JobMaster and ResourceManager both lose the TaskManager: one finding, two lines.
    EXPECT_EQ(lost_tm->occurrences, 2u);
    EXPECT_EQ(lost_tm->line, 1u);
    // No OutOfMemoryError or container kill in the evidence: the heartbeat loss is the root.
    EXPECT_EQ(lost_tm->role, Role::root_cause);
    EXPECT_EQ(lost_jm->role, Role::root_cause);
    // The invented key is ignored: the default is in force, and the value moves to the real key.
    const OptionInfo* timeout = Catalog::for_version(version).find("heartbeat.timeout");
    ASSERT_NE(timeout, nullptr);
    EXPECT_TRUE(has_note(*lost_tm, fmt::format("`heartbeat.timeout` in force: {} (Flink 1.17 default)",
                                               timeout->default_value)))
        << ::testing::PrintToString(lost_tm->notes);
    EXPECT_TRUE(has_note(*lost_tm,
                         "`cluster.taskmanager.heartbeat.timeout: 120000` in the configuration is not "
                         "a Flink option: Flink 1.17 ignores it"));
    const diagnose::Change* moved = change_of(*lost_tm, "heartbeat.timeout");
    ASSERT_NE(moved, nullptr) << ::testing::PrintToString(lost_tm->notes);
    EXPECT_EQ(moved->value, flat_value(*config, "cluster.taskmanager.heartbeat.timeout"));
    // The interval written equals the one in force: nothing to move.
    EXPECT_EQ(change_of(*lost_tm, "heartbeat.interval"), nullptr);
    EXPECT_TRUE(has_note(*lost_tm, "cluster.taskmanager.heartbeat.interval"));
    // Named once per run: the other heartbeat losses do not repeat it.
    for (const Diagnosis* other : {lost_jm, lost_rm}) {
        EXPECT_FALSE(has_note(*other, "cluster.taskmanager.heartbeat")) << other->id;
        EXPECT_EQ(change_of(*other, "heartbeat.timeout"), nullptr) << other->id;
    }
}

TEST(SeedStories, ExpiredCheckpointsSizeTheTimeoutFromTheCompletedOnes) {
    const FlinkVersion version{1, 18};
    const auto config = load(seed("checkpoint-expired") / "flink-conf.yaml", version);
    const Result result = replay({seed("checkpoint-expired") / "jobmanager.log"}, config.get(), version);
    const Diagnosis* expired = find(result, "DG201");
    const Diagnosis* threshold = find(result, "DG203");
    ASSERT_TRUE(expired && threshold);
    EXPECT_EQ(expired->role, Role::root_cause);
    EXPECT_EQ(expired->line, 4u);
    EXPECT_EQ(expired->occurrences, 6u);  // three expiries, each with its CheckpointException
    // Flink 1.17+ names the latest failure in the threshold's message: still DG203, after DG201.
    EXPECT_EQ(threshold->role, Role::consequence);
    ASSERT_TRUE(threshold->caused_by.has_value());
    EXPECT_EQ(result.diagnoses[*threshold->caused_by].id, "DG201");
    EXPECT_TRUE(has_note(*threshold, "`execution.checkpointing.tolerable-failed-checkpoints` in force: 2"));
    // The longest completed checkpoint (checkpoint 41, 98312 ms) sizes the timeout by the tuner's rule.
    EXPECT_TRUE(has_note(*expired, "3 checkpoint(s) completed in this log: the longest took 98312 ms"))
        << ::testing::PrintToString(expired->notes);
    EXPECT_TRUE(
        has_note(*expired, "`execution.checkpointing.timeout` in force: 2 min (set in the configuration)"));
    const diagnose::Change* timeout = change_of(*expired, "execution.checkpointing.timeout");
    ASSERT_NE(timeout, nullptr);
    EXPECT_EQ(timeout->value, tuner_timeout(98312));
    // The advice's switch does not exist in any version: said so, nothing to move.
    EXPECT_TRUE(has_note(*expired,
                         "`execution.savepoint.cleanup-in-background: false` in the configuration is "
                         "not a Flink option: Flink 1.18 ignores it; there is no such switch"));
}

TEST(SeedStories, DeclinedCheckpointNamesTheTransferThreadsAndTheNettyConnectTimeout) {
    const FlinkVersion version{1, 19};
    const auto config = load(seed("checkpoint-declined") / "flink-conf.yaml", version);
    const Result result = replay({seed("checkpoint-declined") / "jobmanager.log"}, config.get(), version);
    const Diagnosis* declined = find(result, "DG202");
    ASSERT_NE(declined, nullptr);
    EXPECT_EQ(declined->role, Role::root_cause);
    // The CheckpointException CheckpointFailureManager prints with its warning.
    EXPECT_EQ(declined->line, 3u);
    EXPECT_EQ(declined->occurrences, 1u);
    EXPECT_EQ(result.diagnoses.size(), 1u);
    const auto& notes = declined->notes;
    EXPECT_TRUE(has_note(*declined,
                         "instead Flink reads " +
                             default_named(version, "state.backend.rocksdb.checkpoint.transfer.thread.num")))
        << ::testing::PrintToString(notes);
    EXPECT_TRUE(
        has_note(*declined, default_named(version, "taskmanager.network.netty.client.connectTimeoutSec")));
    // The thread count means the same under the real key; the connect timeout is in seconds there,
    // not the milliseconds written, so it is only named.
    const diagnose::Change* threads =
        change_of(*declined, "state.backend.rocksdb.checkpoint.transfer.thread.num");
    ASSERT_NE(threads, nullptr);
    EXPECT_EQ(threads->value, flat_value(*config, "state.backend.fs.upload-threads"));
    EXPECT_EQ(change_of(*declined, "taskmanager.network.netty.client.connectTimeoutSec"), nullptr);
}

// The snapshot's own configuration, read as the CLI reads it without --config.
std::unique_ptr<Config> snapshot_config(const fs::path& dir, FlinkVersion version) {
    const diagnose::SnapshotConfig snapshot = diagnose::snapshot_config(dir.string());
    EXPECT_TRUE(snapshot.error.empty()) << snapshot.error;
    EXPECT_EQ(snapshot.version, "1.19.1");
    return std::make_unique<Config>(snapshot.text, version);
}

TEST(SeedStories, BackpressureIsTheRootOfTheExpiredCheckpointsAndNamesTheKryoOption) {
    const fs::path dir = seed("backpressure") / "snapshot";
    for (const FlinkVersion version : {FlinkVersion{1, 19}, FlinkVersion{1, 15}}) {
        SCOPED_TRACE(version.str());
        const auto config = snapshot_config(dir, version);
        // The job's checkpoint configuration is in force: the mode Flink writes in lower case too.
        EXPECT_EQ(flat_value(*config, "execution.checkpointing.mode"), "EXACTLY_ONCE");
        const Result result = replay({dir}, config.get(), version);
        const Diagnosis* pressure = find(result, "DG901");
        const Diagnosis* expired = find(result, "DG201");
        const Diagnosis* near = find(result, "DG204");
        ASSERT_TRUE(pressure && expired && near);
        EXPECT_EQ(pressure->role, Role::root_cause);
        EXPECT_NE(pressure->evidence.find("Source: Kafka clicks -> Map: backpressure-level high"),
                  std::string::npos);
        EXPECT_TRUE(has_note(*pressure, "busiest vertex that is not back-pressured: Window("));
        EXPECT_EQ(expired->role, Role::consequence);
        EXPECT_EQ(result.diagnoses[*expired->caused_by].id, "DG901");
        // 162417 ms of a 180000 ms timeout: the tuner's rule on the longest completed checkpoint.
        const diagnose::Change* timeout = change_of(*near, "execution.checkpointing.timeout");
        ASSERT_NE(timeout, nullptr);
        EXPECT_EQ(timeout->value, tuner_timeout(162417));
        // The Kryo option of the version: a list of serialization configs from 1.19, the older keys before.
        const bool serialization_config = version >= FlinkVersion{1, 19};
        EXPECT_EQ(has_note(*pressure, "`pipeline.serialization-config` "), serialization_config)
            << ::testing::PrintToString(pressure->notes);
        EXPECT_TRUE(has_note(*pressure, "`pipeline.default-kryo-serializers` "));
        EXPECT_TRUE(has_note(*pressure, "pipeline.serialization-config.kryo-registrator-class"));
        EXPECT_TRUE(pressure->changes.empty());  // a registrator class has no one-to-one option
    }
}

TEST(SeedStories, NetworkBufferPoolGetsTheBuffersThroughMinAndMaxNotTheInventedSize) {
    const FlinkVersion version{2, 0};
    const auto config = load(seed("network-buffers") / "config.yaml", version);
    const Result result = replay({seed("network-buffers") / "taskmanager.log"}, config.get(), version);
    // The window task's input gate (1024 channels) fails to get its buffers while deploying; the
    // source cancelled after it is not a failure of its own.
    ASSERT_EQ(result.diagnoses.size(), 1u);
    const Diagnosis* buffers = find(result, "DG001");
    ASSERT_NE(buffers, nullptr);
    EXPECT_EQ(buffers->role, Role::root_cause);
    EXPECT_EQ(buffers->line, 3u);
    // The log's pool is the one the configuration gives (fraction 0.25; the invented size is ignored).
    const std::uint64_t segment = 32768, total = 8704, available = 1531, required = 2049;
    const auto& before = std::get<TaskManagerMemory>(config->effective->taskmanager());
    EXPECT_EQ(before.network / segment, total);
    EXPECT_FALSE(has_note(*buffers, "not the one given")) << ::testing::PrintToString(buffers->notes);
    EXPECT_TRUE(has_note(*buffers,
                         "`taskmanager.memory.network.size: 2gb` in the configuration is not a Flink "
                         "option: Flink 2.0 ignores it; instead Flink reads " +
                             default_named(version, "taskmanager.memory.network.min")));
    // The change: a minimum that holds what the pool had given out plus the request (the maximum is
    // unbounded from 1.17, the fraction stays), never the invented key.
    ASSERT_NE(change_of(*buffers, "taskmanager.memory.network.min"), nullptr);
    EXPECT_EQ(change_of(*buffers, "taskmanager.memory.network.size"), nullptr);
    FlatConfig flat = config->effective->flat();
    for (const auto& c : buffers->changes) flat[c.key] = c.value;
    const auto after = derive_taskmanager_memory(flat, config->effective->memory_options());
    ASSERT_TRUE(std::holds_alternative<TaskManagerMemory>(after));
    EXPECT_GE(std::get<TaskManagerMemory>(after).network / segment, total - available + required);
}

}  // namespace

// The runtime rules with what a fixture cannot declare: a profile (`check --profile`, hand-built here)
// and thresholds other than the defaults.
#include <gtest/gtest.h>

#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"
#include "flinklint/rule.hpp"

using namespace flinklint;

namespace {

std::vector<Diagnostic> run_rule(std::string_view rule_id, std::string text, const ModelOptions& options,
                                 const Thresholds& thresholds = {}) {
    std::vector<ParsedFile> files;
    files.push_back(ingest(std::make_shared<const Source>("flink-conf.yaml", std::move(text))));
    const Model model(std::move(files), options);
    const Rule* rule = find_rule(rule_id);
    EXPECT_NE(rule, nullptr) << rule_id;
    std::vector<Diagnostic> out;
    if (rule == nullptr) return out;
    Reporter reporter(out, thresholds);
    reporter.set_rule(rule->info);
    rule->check(model, reporter);
    return out;
}

ProfileFacts large_state_profile() {
    ProfileFacts profile;
    profile.state_size = 100ULL << 30;     // 100 GiB
    profile.taskmanagers = 5;              // 20 GiB each
    profile.checkpoint_bandwidth = 400e6;  // 400 MB/s: about 54 s per full checkpoint
    return profile;
}

}  // namespace

TEST(RuleProfile, CheckpointTimeoutBelowUploadTime) {
    const std::string config =
        "execution.checkpointing.interval: 1 min\nexecution.checkpointing.timeout: 1 min\n";
    EXPECT_TRUE(run_rule("FL603", config, {}).empty()) << "no profile, timeout = interval: nothing to say";

    ModelOptions options;
    options.profile = large_state_profile();
    const auto found = run_rule("FL603", config, options);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].start.line, 2);
    EXPECT_NE(found[0].message.find("about 54 s to upload"), std::string::npos) << found[0].message;
    EXPECT_NE(found[0].message.find("over 5 TaskManagers"), std::string::npos) << found[0].message;
    EXPECT_NE(found[0].help.find("at least 2 min"), std::string::npos) << found[0].help;

    // The default timeout (10 min) fits; a profile alone does not make checkpointing configured.
    EXPECT_TRUE(run_rule("FL603", "execution.checkpointing.interval: 1 min\n", options).empty());
    EXPECT_TRUE(run_rule("FL603", "parallelism.default: 4\n", options).empty());
    // Without bandwidth there is no estimate.
    options.profile->checkpoint_bandwidth.reset();
    EXPECT_TRUE(run_rule("FL603", config, options).empty());
}

TEST(RuleProfile, RocksDbFullCheckpointsOnLargeState) {
    const std::string full = "state.backend.type: rocksdb\nexecution.checkpointing.interval: 1 min\n";
    EXPECT_TRUE(run_rule("FL610", full, {}).empty());

    ModelOptions options;
    options.profile = large_state_profile();
    const auto found = run_rule("FL610", full, options);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].start.line, 1);
    EXPECT_NE(found[0].help.find("execution.checkpointing.incremental: true"), std::string::npos);

    EXPECT_TRUE(run_rule("FL610", full + "execution.checkpointing.incremental: true\n", options).empty());
    options.profile->state_size = 2ULL << 30;  // 2 GiB over 5 TaskManagers: below 1 GiB each
    EXPECT_TRUE(run_rule("FL610", full, options).empty());

    // Without a declared TaskManager count, the parallelism and slots decide: 8 / 4 = 2 TaskManagers.
    options.profile = large_state_profile();
    options.profile->taskmanagers.reset();
    const auto derived =
        run_rule("FL610", full + "parallelism.default: 8\ntaskmanager.numberOfTaskSlots: 4\n", options);
    ASSERT_EQ(derived.size(), 1u);
    EXPECT_NE(derived[0].message.find("over 2 TaskManagers"), std::string::npos) << derived[0].message;
}

TEST(RuleProfile, NetworkBuffersForDeclaredExchanges) {
    // 128 MiB of network memory: 4096 buffers. One exchange at parallelism 100 on 4 slots: 4 x (96 x 2 + 1 +
    // 101) = 1176.
    const std::string config =
        "taskmanager.memory.process.size: 1728m\ntaskmanager.numberOfTaskSlots: 4\nparallelism.default: "
        "100\n";
    EXPECT_TRUE(run_rule("FL411", config, {}).empty());

    ModelOptions options;
    options.profile = ProfileFacts{};
    options.profile->shuffles = 4;  // 4 x 1176 = 4704 > 4096
    const auto found = run_rule("FL411", config, options);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].start.line, 3);
    EXPECT_NE(found[0].message.find("4704 network buffers"), std::string::npos) << found[0].message;
    EXPECT_NE(found[0].message.find("4 all-to-all exchanges"), std::string::npos) << found[0].message;

    // A declared parallelism replaces the configured one.
    ProfileFacts wide;
    wide.parallelism = 400;  // 4 x (396 x 2 + 1 + 401) = 4776
    options.profile = wide;
    ASSERT_EQ(run_rule("FL411", config, options).size(), 1u);
}

TEST(RuleThresholds, HeartbeatAndCheckpointThresholdsAreConfigurable) {
    const std::string heartbeat = "heartbeat.interval: 10000\nheartbeat.timeout: 50000\n";
    EXPECT_TRUE(run_rule("FL502", heartbeat, {}).empty());
    Thresholds thresholds;
    thresholds.heartbeat_min_timeout_ratio = 6;
    EXPECT_EQ(run_rule("FL502", heartbeat, {}, thresholds).size(), 1u);

    thresholds.heartbeat_max_timeout_ms = 40000;
    EXPECT_EQ(run_rule("FL504", heartbeat, {}, thresholds).size(), 1u);
    thresholds.heartbeat_min_interval_ms = 20000;
    EXPECT_EQ(run_rule("FL503", heartbeat, {}, thresholds).size(), 1u);

    const std::string checkpoint =
        "execution.checkpointing.interval: 10 min\nexecution.checkpointing.timeout: 4 min\n";
    EXPECT_EQ(run_rule("FL603", checkpoint, {}).size(), 1u);
    thresholds.checkpoint_min_timeout_fraction = 0.25;
    EXPECT_TRUE(run_rule("FL603", checkpoint, {}, thresholds).empty());
}

TEST(RuleRuntime, NeverCrashesOnExtremeValues) {
    const std::string long_dir = "state.checkpoints.dir: file" + std::string(200000, 'a') + "\n";
    for (const std::string& text : std::initializer_list<std::string>{
             long_dir,
             "heartbeat.interval: 9223372036854775807\nheartbeat.timeout: 1\n",
             "heartbeat.interval: -9223372036854775808\n",
             "heartbeat.interval: 999999999999999 d\nheartbeat.timeout: 1 ms\n",
             "execution.checkpointing.interval: 999999999999999 d\nexecution.checkpointing.timeout: 10 ms\n",
             "parallelism.default: 2147483647\ntaskmanager.numberOfTaskSlots: 2147483647\n",
             "taskmanager.memory.segment-size: 9223372036854775807b\n",
             "state.checkpoints.dir: file:\n",
         }) {
        for (const Rule& rule : all_rules()) {
            if (rule.info.id[2] != '4' && rule.info.id[2] != '5' && rule.info.id[2] != '6') continue;
            SCOPED_TRACE(std::string(rule.info.id) + ": " + text);
            ModelOptions options;
            options.profile = large_state_profile();
            options.profile->shuffles = 1000000;
            EXPECT_NO_THROW(run_rule(rule.info.id, text, options));
        }
    }
}

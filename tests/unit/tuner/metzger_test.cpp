// profiles/metzger.yaml reproduces the figures of Metzger's "How to size your Apache Flink cluster"
// per machine (1 MB = 10^6 bytes), and the json report carries them under the documented names.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "flinklint/tuner/output.hpp"
#include "flinklint/tuner/tuner.hpp"
#include "test_paths.hpp"

using namespace flinklint;
using namespace flinklint::tuner;

namespace {

Tuning metzger() {
    const auto loaded =
        load_profile((flinklint::testing::source_dir() / "profiles" / "metzger.yaml").string());
    if (const auto* errors = std::get_if<std::vector<ProfileError>>(&loaded)) {
        ADD_FAILURE() << errors->front().str();
        return {};
    }
    const auto tuned = tune(std::get<Profile>(loaded));
    if (const auto* errors = std::get_if<std::vector<ProfileError>>(&tuned)) {
        ADD_FAILURE() << errors->front().str();
        return {};
    }
    return std::get<Tuning>(tuned);
}

// Megabytes per second with one decimal, as the blog rounds them.
double mb(double bytes_per_second) {
    return std::round(bytes_per_second / 1e5) / 10;
}

}  // namespace

TEST(Metzger, ProfileIsTheBlogsSetup) {
    const Tuning t = metzger();
    const Profile& p = t.profile;
    EXPECT_EQ(p.taskmanagers, 5);
    EXPECT_EQ(p.tm_cpu_cores, 16);
    EXPECT_DOUBLE_EQ(p.network_bandwidth, 1.25e9);  // 10 Gbit/s
    EXPECT_EQ(p.local_disk, LocalDisk::network);
    EXPECT_EQ(p.records_per_second, 1e6);
    EXPECT_EQ(p.record_size, 2000u);
    EXPECT_EQ(p.keys, 5e8);
    ASSERT_TRUE(p.window);
    EXPECT_EQ(p.window->size_s, 300);
    EXPECT_EQ(p.window->slide_s, 60);
    EXPECT_EQ(p.window->state_per_key, 40u);
    EXPECT_EQ(p.window->output_per_key, 40u);
    EXPECT_EQ(p.incremental, Incremental::disabled);
    EXPECT_FALSE(t.incremental);
    EXPECT_EQ(t.checkpoint_interval_s, 60);
}

TEST(Metzger, TrafficPerMachine) {
    const Estimates e = metzger().estimates;
    EXPECT_DOUBLE_EQ(e.source_in, 400e6);
    EXPECT_DOUBLE_EQ(e.shuffle_in, 320e6);
    EXPECT_DOUBLE_EQ(e.shuffle_out, 320e6);
    EXPECT_DOUBLE_EQ(e.state_read, 40e6);
    EXPECT_DOUBLE_EQ(e.state_write, 40e6);
    EXPECT_NEAR(e.window_emit, 4e9 / 60, 1e-3);  // 100M keys × 40 B per minute
    EXPECT_EQ(mb(e.window_emit), 66.7);
    EXPECT_NEAR(e.checkpoint_out, 20e9 / 60, 1e-3);  // 20 GB every minute
    EXPECT_EQ(mb(e.checkpoint_out), 333.3);
    EXPECT_NEAR(e.network_in, 760e6, 1e-3);
    EXPECT_NEAR(e.network_out, 760e6, 1e-3);
    EXPECT_NEAR(e.nic_utilization, 0.608, 1e-12);
    EXPECT_DOUBLE_EQ(e.state_bytes_per_taskmanager, 20e9);
    // 20 GB at half the NIC (625 MB/s).
    EXPECT_DOUBLE_EQ(e.checkpoint_duration_s, 32);
}

TEST(Metzger, JsonEstimatesUseTheDocumentedNames) {
    const nlohmann::ordered_json json = to_json(metzger());
    std::vector<std::string> top;
    for (const auto& [key, value] : json.items()) top.push_back(key);
    EXPECT_EQ(top, (std::vector<std::string>{"flink_version", "config", "estimates", "recommendations",
                                             "warnings"}));
    EXPECT_EQ(json["flink_version"], "1.20");
    const auto& e = json["estimates"];
    EXPECT_DOUBLE_EQ(e["source_in"].get<double>(), 400e6);
    EXPECT_DOUBLE_EQ(e["shuffle_in"].get<double>(), 320e6);
    EXPECT_DOUBLE_EQ(e["shuffle_out"].get<double>(), 320e6);
    EXPECT_DOUBLE_EQ(e["state_read"].get<double>(), 40e6);
    EXPECT_DOUBLE_EQ(e["state_write"].get<double>(), 40e6);
    EXPECT_EQ(mb(e["window_emit"].get<double>()), 66.7);
    EXPECT_EQ(mb(e["checkpoint_out"].get<double>()), 333.3);
    EXPECT_EQ(mb(e["network_in"].get<double>()), 760);
    EXPECT_EQ(mb(e["network_out"].get<double>()), 760);
    EXPECT_NEAR(e["nic_utilization"].get<double>(), 0.608, 1e-12);
    EXPECT_DOUBLE_EQ(e["state_bytes_per_taskmanager"].get<double>(), 20e9);
    EXPECT_TRUE(e.contains("checkpoint_duration_s"));
    EXPECT_EQ(e.size(), 12u);
    for (const auto& r : json["recommendations"]) {
        EXPECT_EQ(r.size(), 4u);
        EXPECT_TRUE(r["basis"] == "fact" || r["basis"] == "policy") << r.dump();
        EXPECT_FALSE(r["reason"].get<std::string>().empty()) << r.dump();
        if (r["key"].get<std::string>().rfind("spec.", 0) != 0) {
            EXPECT_EQ(json["config"][r["key"].get<std::string>()], r["value"]) << r.dump();
        }
    }
}

TEST(Metzger, RecommendationsFollowTheModel) {
    const Tuning t = metzger();
    const auto value = [&](std::string_view key) {
        const Recommendation* r = t.find(key);
        return r == nullptr ? std::string("<missing>") : r->value;
    };
    EXPECT_EQ(value("taskmanager.numberOfTaskSlots"), "16");
    EXPECT_EQ(value("parallelism.default"), "80");
    // A multiple of 80 (360 would give some subtasks 5 key groups and others 4: 11% more keys).
    EXPECT_EQ(value("pipeline.max-parallelism"), "320");
    EXPECT_EQ(value("execution.checkpointing.interval"), "1 min");
    EXPECT_EQ(value("execution.checkpointing.incremental"), "false");
    EXPECT_EQ(value("state.backend.type"), "rocksdb");
    // Standalone: total Flink memory whose process is exactly the 64 GiB host less 2 GiB for the OS.
    EXPECT_EQ(value("taskmanager.memory.flink.size"), "62208m");
    EXPECT_EQ(t.taskmanager.total_process, 62ULL << 30);
    EXPECT_EQ(t.os_reserve, 2ULL << 30);
    // At the rescaling target 160: 16 slots × ((2 × 160 + 8) + (2 × 160 + 8)) buffers of 32 KiB, × 1.25.
    EXPECT_EQ(t.target_parallelism, 160);
    EXPECT_EQ(value("taskmanager.memory.network.min"), "410m");
    EXPECT_EQ(value("taskmanager.memory.network.max"), "410m");
    // Unaligned checkpoints add at most the 410 MiB of in-flight data (under a second), not the state.
    EXPECT_EQ(value("execution.checkpointing.unaligned.enabled"), "true");
    // The upload (32 s) takes more than half the minute: a warning.
    ASSERT_FALSE(t.warnings.empty());
    EXPECT_NE(t.warnings.front().find("53%"), std::string::npos) << t.warnings.front();
}

TEST(Metzger, PolicyOverridesChangeTheOutcome) {
    const std::string text =
        flinklint::testing::read_file(flinklint::testing::source_dir() / "profiles" / "metzger.yaml") +
        "policy:\n  checkpoint_bandwidth_share: 1\n  max_nic_utilization: 0.5\n";
    const auto loaded = parse_profile(text, "metzger.yaml");
    ASSERT_TRUE(std::holds_alternative<Profile>(loaded));
    const auto tuned = tune(std::get<Profile>(loaded));
    ASSERT_TRUE(std::holds_alternative<Tuning>(tuned));
    const Tuning& t = std::get<Tuning>(tuned);
    EXPECT_DOUBLE_EQ(t.estimates.checkpoint_duration_s, 16);  // 20 GB at 1.25 GB/s
    bool nic_warning = false;
    for (const auto& warning : t.warnings) nic_warning |= warning.find("60.8%") != std::string::npos;
    EXPECT_TRUE(nic_warning);
    bool marked = false;
    for (const Derivation& d : t.derivations)
        marked |= d.name == "checkpoint upload bandwidth" &&
                  d.formula.find("(set in the profile)") != std::string::npos;
    EXPECT_TRUE(marked) << "an overridden knob is marked in the formulas";
}

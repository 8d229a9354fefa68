// `tune --observed`: the job graph of a snapshot's `/jobs/:id/plan` in place of workload.shuffles
// (tuner/diagnose/src/observed_plan.cpp, the count in flinklint/network_buffers.hpp), on plans shaped
// as Flink 1.15 and 2.x write them (JsonPlanGenerator; 2.x adds the job `type` and each input's
// `local_strategy` and `caching`).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "flinklint/diagnose/observed.hpp"
#include "flinklint/tuner/tuner.hpp"
#include "test_paths.hpp"

namespace {

namespace fs = std::filesystem;
using namespace flinklint;

constexpr const char* kJob = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

struct Snapshot {
    fs::path dir =
        fs::temp_directory_path() / ("flinklint-plan-" + std::to_string(::getpid()) + "-" +
                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    explicit Snapshot(const std::string& plan) {
        fs::remove_all(dir);
        fs::create_directories(dir / "jobs" / kJob);
        std::ofstream(dir / "manifest.json")
            << R"({"format":"flinklint-observe/1","jobs":[")" << kJob << R"("]})";
        std::ofstream(dir / "jobs" / kJob / "plan.json") << plan;
    }
    ~Snapshot() { fs::remove_all(dir); }
};

tuner::Profile profile(const std::string& version) {
    const std::string text = "flink_version: \"" + version +
                             "\"\ndeployment: kubernetes-operator\ncluster:\n  taskmanagers: 2\n"
                             "  taskmanager: {cpu_cores: 4, memory: 8g, network_bandwidth: 10 Gbit/s, "
                             "local_disk: ssd}\ncheckpoint_storage: {kind: s3, path: s3://bucket/job}\n"
                             "workload: {state_backend: rocksdb, state_size: 10g, records_per_second: 1000, "
                             "record_size: 200b, keys: 1000, shuffles: 1}\n";
    const auto parsed = tuner::parse_profile(text, "p.yaml");
    if (const auto* errors = std::get_if<std::vector<tuner::ProfileError>>(&parsed)) {
        ADD_FAILURE() << errors->front().str();
        return {};
    }
    return std::get<tuner::Profile>(parsed);
}

tuner::Tuning tuned(const tuner::Profile& p) {
    const auto result = tuner::tune(p);
    if (const auto* errors = std::get_if<std::vector<tuner::ProfileError>>(&result)) {
        ADD_FAILURE() << errors->front().str();
        return {};
    }
    return std::get<tuner::Tuning>(result);
}

std::string reason(const tuner::Tuning& t, const std::string& key) {
    const auto it = std::ranges::find(t.recommendations, key, &tuner::Recommendation::key);
    return it == t.recommendations.end() ? std::string() : it->reason;
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The network memory the tuner derives for `buffers` (its headroom, whole MiB, Flink's 64 MiB floor).
std::uint64_t network_for(std::int64_t buffers, const tuner::Profile& p) {
    const double bytes = static_cast<double>(buffers) * 32768 * p.policy.network_buffer_headroom;
    const auto mib = static_cast<std::uint64_t>(std::ceil(bytes / (1 << 20) - 1e-9)) << 20;
    return std::max<std::uint64_t>(mib, 64ULL << 20);
}

// Source(P) -REBALANCE-> Map(P) -HASH-> Window(P) -FORWARD-> Sink(P), as Flink 2.x writes it.
std::string plan_2x(int p, const char* exchange = "pipelined_bounded") {
    const auto node = [&](const char* id, const char* name, const char* input, const char* strategy) {
        std::string inputs;
        if (input != nullptr)
            inputs = std::string(R"(,"inputs":[{"num":0,"id":")") + input + R"(","ship_strategy":")" +
                     strategy + R"(","local_strategy":null,"caching":null,"exchange":")" + exchange +
                     R"("}])";
        return std::string(R"({"id":")") + id + R"(","parallelism":)" + std::to_string(p) +
               R"(,"operator":"","operator_strategy":"","description":")" + name +
               R"(","optimizer_properties":{})" + inputs + "}";
    };
    return std::string(R"({"plan":{"jid":")") + kJob + R"(","name":"orders","type":"STREAMING","nodes":[)" +
           node("00000000000000000000000000000004", "Sink: orders", "00000000000000000000000000000003",
                "FORWARD") +
           "," +
           node("00000000000000000000000000000003", "Window(TumblingEventTimeWindows(60000))",
                "00000000000000000000000000000002", "HASH") +
           "," +
           node("00000000000000000000000000000002", "Map", "00000000000000000000000000000001", "REBALANCE") +
           "," + node("00000000000000000000000000000001", "Source: orders", nullptr, nullptr) + "]}}";
}

TEST(ObservedPlan, AFlink115PlanIsReadAsItsJobGraph) {
    // The recorded 1.15 answer: Source(2) -HASH-> Window -> Sink(2).
    const Snapshot snapshot(
        read(flinklint::testing::source_dir() / "tests/unit/diagnose/rest-1.15/jobs" / kJob / "plan.json"));
    tuner::Profile p = profile("1.15");
    ASSERT_TRUE(diagnose::apply_observed(snapshot.dir.string(), p));
    ASSERT_EQ(p.measured_job_graph.size(), 2u);
    EXPECT_EQ(p.measured_job_graph[0].parallelism, 2);
    ASSERT_EQ(p.measured_job_graph[0].inputs.size(), 1u);
    EXPECT_EQ(p.measured_job_graph[0].inputs[0].producer, 1u);
    EXPECT_FALSE(p.measured_job_graph[0].inputs[0].pointwise);
    EXPECT_TRUE(p.measured_job_graph[1].inputs.empty());
    const auto it = std::ranges::find(p.measurements, "job graph", &tuner::Profile::Measurement::name);
    ASSERT_NE(it, p.measurements.end());
    EXPECT_EQ(it->value, "2 vertices, 1 exchanges (1 all-to-all), parallelism up to 2");
    EXPECT_EQ(it->source.rfind(std::string("jobs/") + kJob + "/plan.json: plan.nodes", 0), 0u) << it->source;
    // The tuner plans a larger parallelism: the graph is scaled to it and counted, and says so.
    const tuner::Tuning t = tuned(p);
    EXPECT_NE(reason(t, "taskmanager.memory.network.min").find("measured from the job graph (jobs/"),
              std::string::npos)
        << reason(t, "taskmanager.memory.network.min");
}

TEST(ObservedPlan, AFlink2PlanSizesTheNetworkByItsExchanges) {
    const tuner::Profile estimated = profile("2.0");
    const tuner::Tuning before = tuned(estimated);
    EXPECT_NE(reason(before, "taskmanager.memory.network.min").find("estimated from workload.shuffles (1)"),
              std::string::npos);
    // A plan at the parallelism the tuner plans for, so no scaling: three exchanges where the
    // profile declared one all-to-all shuffle.
    const int target = before.target_parallelism;
    const Snapshot snapshot(plan_2x(target));
    tuner::Profile p = estimated;
    ASSERT_TRUE(diagnose::apply_observed(snapshot.dir.string(), p));
    ASSERT_EQ(p.measured_job_graph.size(), 4u);
    const tuner::Tuning t = tuned(p);
    ASSERT_EQ(t.slots, before.slots);
    const JobGraphBuffers count = job_graph_buffers(p.measured_job_graph, t.slots, BufferSettings{});
    // REBALANCE and HASH: slots x (gate P x 2 + 8 and partition P x 2 + 8) each; FORWARD: 10 and 10.
    const std::int64_t all_to_all = 2 * t.slots * (2 * (target * 2 + 8));
    EXPECT_EQ(count.max, all_to_all + t.slots * 20);
    EXPECT_EQ(t.taskmanager.network, network_for(count.max, p));
    // More than the one shuffle the profile declared (both may sit at Flink's 64 MiB floor).
    EXPECT_GT(count.max, taskmanager_buffers(target, t.slots, 1, BufferSettings{}).max);
}

TEST(ObservedPlan, ABatchPlanOrAnUnknownStrategyKeepsTheEstimate) {
    tuner::Profile p = profile("2.0");
    const Snapshot batch(plan_2x(4, "blocking"));
    auto notes = diagnose::apply_observed(batch.dir.string(), p);
    ASSERT_TRUE(notes);
    EXPECT_TRUE(p.measured_job_graph.empty());
    EXPECT_TRUE(std::ranges::any_of(*notes, [](const std::string& n) {
        return n.find("an exchange `blocking`") != std::string::npos &&
               n.find("estimated from workload.shuffles") != std::string::npos;
    }));
    std::string unknown = plan_2x(4);
    unknown.replace(unknown.find("\"HASH\""), 6, "\"Hash Partition on [0]\"");
    const Snapshot other(unknown);
    notes = diagnose::apply_observed(other.dir.string(), p);
    ASSERT_TRUE(notes);
    EXPECT_TRUE(p.measured_job_graph.empty());
    EXPECT_TRUE(std::ranges::any_of(*notes, [](const std::string& n) {
        return n.find("a ship strategy `Hash Partition on [0]` flinklint does not know") != std::string::npos;
    }));
}

}  // namespace

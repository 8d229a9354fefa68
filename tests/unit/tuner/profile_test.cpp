// Profiles: units, defaults, and located errors for unknown fields, wrong units and impossible values.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flinklint/tuner/profile.hpp"
#include "flinklint/tuner/tuner.hpp"
#include "flinklint/tuner/units.hpp"

using namespace flinklint;
using namespace flinklint::tuner;

namespace {

// A valid profile; tests replace one line of it.
const std::string kBase = R"(flink_version: "1.20"
deployment: kubernetes-operator
cluster:
  taskmanagers: 5
  taskmanager:
    cpu_cores: 16
    memory: 64g
    network_bandwidth: 10 Gbit/s
    local_disk: ssd
  jobmanager: {cpu_cores: 2, memory: 4g}
checkpoint_storage:
  kind: s3
  bandwidth: 400 MB/s
workload:
  state_backend: rocksdb
  state_size: 100g
  records_per_second: 1000000
  record_size: 2000b
  keys: 500000000
  shuffles: 1
  window: {size: 5 min, slide: 1 min, state_per_key: 40b, output_per_key: 40b}
  source: kafka
  sink: kafka
goals:
  checkpoint_interval: 1 min
  incremental_checkpoints: auto
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

std::vector<std::string> errors_of(const std::string& text) {
    const auto result = parse_profile(text, "p.yaml");
    std::vector<std::string> messages;
    if (const auto* errors = std::get_if<std::vector<ProfileError>>(&result)) {
        for (const auto& error : *errors) messages.push_back(error.str());
    }
    return messages;
}

void expect_error(const std::string& text, const std::string& expected) {
    const auto errors = errors_of(text);
    ASSERT_EQ(errors.size(), 1u) << (errors.empty() ? "no error" : errors.front());
    EXPECT_EQ(errors.front(), expected);
}

}  // namespace

TEST(Profile, TheIssueExampleParses) {
    const auto result = parse_profile(kBase, "profiles/issue-example.yaml");
    ASSERT_TRUE(std::holds_alternative<Profile>(result)) << errors_of(kBase).front();
    const Profile& p = std::get<Profile>(result);
    EXPECT_EQ(p.name, "issue-example");
    EXPECT_EQ(p.deployment, Deployment::kubernetes_operator);
    EXPECT_EQ(p.tm_memory, 64ULL << 30);
    EXPECT_EQ(p.jm_memory, 4ULL << 30);
    EXPECT_EQ(p.jm_cpu_cores, 2);
    EXPECT_DOUBLE_EQ(*p.storage_bandwidth, 400e6);
    EXPECT_EQ(*p.state_size, 100ULL << 30);
    EXPECT_EQ(*p.checkpoint_interval_s, 60);
    EXPECT_EQ(p.incremental, Incremental::automatic);
    EXPECT_EQ(p.marks.at("cluster.taskmanager.memory").line, 7);
    EXPECT_EQ(p.marks.at("cluster.taskmanager.memory").column, 13);
}

TEST(Profile, Bandwidths) {
    EXPECT_DOUBLE_EQ(*parse_bandwidth("10 Gbit/s"), 1.25e9);
    EXPECT_DOUBLE_EQ(*parse_bandwidth("800 Mbit/s"), 1e8);
    EXPECT_DOUBLE_EQ(*parse_bandwidth("1.25 GB/s"), 1.25e9);
    EXPECT_DOUBLE_EQ(*parse_bandwidth("400 MB/s"), 4e8);
    EXPECT_DOUBLE_EQ(*parse_bandwidth("100 MiB/s"), 100.0 * 1024 * 1024);
    EXPECT_DOUBLE_EQ(*parse_bandwidth("2GiB/s"), 2.0 * 1024 * 1024 * 1024);
    EXPECT_FALSE(parse_bandwidth("10 Gb/s"));
    EXPECT_FALSE(parse_bandwidth("10"));
    EXPECT_FALSE(parse_bandwidth("fast"));
    EXPECT_FALSE(parse_bandwidth("-1 MB/s"));
    EXPECT_EQ(format_rate(66666666.7), "66.7 MB/s");
    EXPECT_EQ(flink_duration(90), "90 s");
    EXPECT_EQ(flink_duration(600), "10 min");
}

TEST(Profile, UnknownFieldsAreLocatedWithASuggestion) {
    expect_error(replace(kBase, "    cpu_cores: 16", "    cpu_core: 16"),
                 "p.yaml:6:5: unknown field `cpu_core` in `cluster.taskmanager`: did you mean `cpu_cores`?");
    expect_error(
        kBase + "colour: blue\n",
        "p.yaml:27:1: unknown field `colour` in the profile (known: flink_version, deployment, cluster, "
        "checkpoint_storage, high_availability, workload, goals, policy)");
    expect_error(
        kBase + "policy:\n  max_nic_utilisation: 0.5\n",
        "p.yaml:28:3: unknown field `max_nic_utilisation` in `policy`: did you mean `max_nic_utilization`?");
}

TEST(Profile, WrongUnitsAreLocatedAtTheValue) {
    expect_error(
        replace(kBase, "10 Gbit/s", "10 Gb/s"),
        "p.yaml:8:24: `cluster.taskmanager.network_bandwidth`: unit `Gb/s` of `10 Gb/s` is not one of "
        "Gbit/s, Mbit/s, GB/s, MB/s, GiB/s, MiB/s");
    const auto memory = errors_of(replace(kBase, "memory: 64g", "memory: 64GiB"));
    ASSERT_EQ(memory.size(), 1u);
    EXPECT_EQ(memory.front().rfind("p.yaml:7:13: `cluster.taskmanager.memory`: `64GiB` is not a size", 0), 0u)
        << memory.front();
    const auto interval =
        errors_of(replace(kBase, "checkpoint_interval: 1 min", "checkpoint_interval: 1 week"));
    ASSERT_EQ(interval.size(), 1u);
    EXPECT_EQ(
        interval.front().rfind("p.yaml:25:24: `goals.checkpoint_interval`: `1 week` is not a duration", 0),
        0u)
        << interval.front();
    expect_error(
        replace(kBase, "state_backend: rocksdb", "state_backend: leveldb"),
        "p.yaml:15:18: `workload.state_backend`: `leveldb` is not one of `hashmap`, `rocksdb`, `forst`");
}

TEST(Profile, ImpossibleValuesAreLocated) {
    expect_error(replace(kBase, "taskmanagers: 5", "taskmanagers: 0"),
                 "p.yaml:4:17: `cluster.taskmanagers`: `0` must be a whole number from 1 to 1000000");
    expect_error(replace(kBase, "taskmanagers: 5", "taskmanagers: 2.5"),
                 "p.yaml:4:17: `cluster.taskmanagers`: `2.5` must be a whole number from 1 to 1000000");
    expect_error(replace(kBase, "records_per_second: 1000000", "records_per_second: 0"),
                 "p.yaml:17:23: `workload.records_per_second`: must be above zero and at most 10^12");
    expect_error(
        replace(kBase, "memory: 64g", "memory: 512m"),
        "p.yaml:7:13: `cluster.taskmanager.memory`: below 1g no TaskManager with default framework memory "
        "and one slot starts");
    expect_error(replace(kBase, "bandwidth: 400 MB/s", "bandwidth: 2 GB/s"),
                 "p.yaml:13:14: `checkpoint_storage.bandwidth`: the upload cannot be faster than "
                 "`cluster.taskmanager.network_bandwidth`");
    expect_error(replace(kBase, "slide: 1 min", "slide: 10 min"),
                 "p.yaml:21:32: `workload.window.slide`: a slide longer than the window drops records");
    expect_error(replace(kBase, "checkpoint_interval: 1 min", "checkpoint_interval: 5 ms"),
                 "p.yaml:25:24: `goals.checkpoint_interval`: Flink refuses checkpoint intervals below 10 ms");
    expect_error(replace(kBase, "state_backend: rocksdb", "state_backend: forst"),
                 "p.yaml:15:18: `workload.state_backend`: the ForSt state backend exists from Flink 2.0");
    expect_error(
        replace(replace(kBase, "state_backend: rocksdb", "state_backend: hashmap"),
                "incremental_checkpoints: auto", "incremental_checkpoints: true"),
        "p.yaml:26:28: `goals.incremental_checkpoints`: the hashmap state backend has no incremental "
        "checkpoints");
    expect_error(replace(kBase, "flink_version: \"1.20\"", "flink_version: \"1.12\""),
                 "p.yaml:1:16: `flink_version`: `1.12` is not a Flink version from 1.15 to 2.2");
}

TEST(Profile, MissingAndMisshapenFields) {
    expect_error(replace(kBase, "  keys: 500000000\n", ""),
                 "p.yaml:20:3: `workload.window` needs `workload.keys`: window state and output are per key");
    expect_error(replace(kBase, "    memory: 64g\n", ""),
                 "p.yaml:5:3: `cluster.taskmanager.memory` is required");
    expect_error(replace(kBase, "  shuffles: 1", "  shuffles: [1]"),
                 "p.yaml:20:13: `workload.shuffles` must be a single value, not a list");
    expect_error(replace(kBase, "  records_per_second: 1000000", "  records_per_second:"),
                 "p.yaml:17:3: `workload.records_per_second` has no value");
    expect_error(replace(kBase, "  shuffles: 1", "  shuffles: 1\n  shuffles: 2"),
                 "p.yaml:21:3: field `workload.shuffles` is set twice");
    const auto syntax =
        errors_of(replace(kBase, "  jobmanager: {cpu_cores: 2, memory: 4g}", "  jobmanager: {cpu_cores: 2"));
    ASSERT_FALSE(syntax.empty());
    EXPECT_EQ(syntax.front().rfind("p.yaml:", 0), 0u);
    EXPECT_NE(syntax.front().find("YAML:"), std::string::npos) << syntax.front();
    EXPECT_EQ(errors_of("- a\n- b\n").front(),
              "p.yaml:1:1: the profile must be a mapping of fields, not a list");
    EXPECT_EQ(errors_of("").front(), "p.yaml:1:1: the profile must be a mapping");
}

TEST(Profile, EveryErrorOfAFileIsReported) {
    const auto errors =
        errors_of(replace(replace(kBase, "cpu_cores: 16", "cpu_cores: many"), "kind: s3", "kind: ftp"));
    EXPECT_EQ(errors.size(), 2u);
}

TEST(Profile, TuneReportsATaskManagerTooSmallAtItsMemory) {
    // 2g with 64 cores: a few slots fit, 64 do not.
    const auto small = parse_profile(
        replace(replace(kBase, "memory: 64g", "memory: 2g"), "cpu_cores: 16", "cpu_cores: 64"), "p.yaml");
    ASSERT_TRUE(std::holds_alternative<Profile>(small));
    const auto tuned = tune(std::get<Profile>(small));
    ASSERT_TRUE(std::holds_alternative<Tuning>(tuned));
    const Tuning& t = std::get<Tuning>(tuned);
    EXPECT_LT(t.slots, 64);
    EXPECT_GE(t.taskmanager.task_heap / static_cast<std::uint64_t>(t.slots), 256ULL << 20);

    const auto tiny = parse_profile(
        replace(kBase + "policy:\n  min_task_heap_per_slot: 2g\n", "memory: 64g", "memory: 2g"), "p.yaml");
    ASSERT_TRUE(std::holds_alternative<Profile>(tiny));
    const auto failed = tune(std::get<Profile>(tiny));
    ASSERT_TRUE(std::holds_alternative<std::vector<ProfileError>>(failed));
    EXPECT_EQ(std::get<std::vector<ProfileError>>(failed).front().str().rfind(
                  "p.yaml:7:13: `cluster.taskmanager.memory`:", 0),
              0u)
        << std::get<std::vector<ProfileError>>(failed).front().str();
}

TEST(Profile, VersionDecidesKeysAndTypes) {
    const auto old =
        parse_profile(replace(kBase, "flink_version: \"1.20\"", "flink_version: \"1.15\""), "p.yaml");
    ASSERT_TRUE(std::holds_alternative<Profile>(old));
    const auto tuned = tune(std::get<Profile>(old));
    ASSERT_TRUE(std::holds_alternative<Tuning>(tuned));
    const Tuning& t = std::get<Tuning>(tuned);
    EXPECT_NE(t.find("state.backend"), nullptr);
    EXPECT_EQ(t.find("state.backend.type"), nullptr);
    EXPECT_NE(t.find("state.backend.incremental"), nullptr);
    EXPECT_NE(t.find("akka.ask.timeout"), nullptr);
    EXPECT_NE(t.find("kubernetes.taskmanager.cpu"), nullptr);
    ASSERT_NE(t.find("heartbeat.timeout"), nullptr);
    EXPECT_EQ(t.find("heartbeat.timeout")->value, "120000");  // a Long of milliseconds before 1.20
}

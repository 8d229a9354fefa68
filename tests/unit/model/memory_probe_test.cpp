// probe_*_memory (a config read through one ConfigChange) must give what derive_*_memory gives on a
// copy of the config with the change made, except for the message of a failure, which it leaves empty.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "flinklint/memory_model.hpp"
#include "test_paths.hpp"

namespace flinklint {
namespace {

using nlohmann::json;

FlatConfig applied(FlatConfig config, const ConfigChange& change) {
    if (change.value)
        config[std::string(change.key)] = std::string(*change.value);
    else
        config.erase(std::string(change.key));
    return config;
}

bool same_memory(const TaskManagerMemory& a, const TaskManagerMemory& b) {
    return a.framework_heap == b.framework_heap && a.task_heap == b.task_heap &&
           a.framework_off_heap == b.framework_off_heap && a.task_off_heap == b.task_off_heap &&
           a.network == b.network && a.managed == b.managed && a.jvm_metaspace == b.jvm_metaspace &&
           a.jvm_overhead == b.jvm_overhead && a.total_flink == b.total_flink &&
           a.total_process == b.total_process && a.jvm_args == b.jvm_args && a.cpu_cores == b.cpu_cores;
}

bool same_memory(const JobManagerMemory& a, const JobManagerMemory& b) {
    return a.jvm_heap == b.jvm_heap && a.off_heap == b.off_heap && a.jvm_metaspace == b.jvm_metaspace &&
           a.jvm_overhead == b.jvm_overhead && a.total_flink == b.total_flink &&
           a.total_process == b.total_process && a.jvm_args == b.jvm_args;
}

// Empty when the probe agrees with the derivation of the changed copy; else what differs.
template <class Memory, class Result>
std::string difference(const Result& probed, const Result& derived) {
    const auto* probe_error = std::get_if<MemoryError>(&probed);
    const auto* derive_error = std::get_if<MemoryError>(&derived);
    if ((probe_error == nullptr) != (derive_error == nullptr)) return "one fails, the other does not";
    if (derive_error == nullptr) {
        return same_memory(std::get<Memory>(probed), std::get<Memory>(derived)) ? "" : "layouts differ";
    }
    if (probe_error->category != derive_error->category)
        return probe_error->category + " vs " + derive_error->category;
    if (probe_error->keys != derive_error->keys) return "keys differ in " + derive_error->category;
    // Layout failures come without text; read and parse errors keep theirs.
    if (!probe_error->message.empty() && probe_error->message != derive_error->message)
        return "messages differ";
    return {};
}

// Every key of the config removed, set to 0 and to 2g, and a few absent keys set.
std::vector<ConfigChange> changes_of(const FlatConfig& config) {
    std::vector<ConfigChange> changes;
    for (const auto& [key, value] : config) {
        (void)value;
        for (const auto& change :
             {ConfigChange{key, std::nullopt}, ConfigChange{key, "0"}, ConfigChange{key, "2g"}})
            changes.push_back(change);
    }
    for (const char* key :
         {"taskmanager.memory.process.size", "taskmanager.memory.flink.size",
          "taskmanager.memory.task.heap.size", "taskmanager.memory.size", "jobmanager.heap.mb",
          "jobmanager.memory.heap.size", "jobmanager.memory.process.size"}) {
        if (!config.contains(std::string_view(key))) changes.push_back(ConfigChange{key, "1536m"});
    }
    return changes;
}

TEST(MemoryProbe, AgreesWithDerivingAChangedCopy) {
    FLINKLINT_REQUIRE_SHARED(shared);
    int checked = 0;
    std::vector<std::string> mismatches;
    for (const char* file : {"taskmanager.jsonl", "jobmanager.jsonl"}) {
        std::ifstream in(shared / "reference/memory-vectors" / file);
        ASSERT_TRUE(in) << file;
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            const json vector = json::parse(line);
            FlatConfig config;
            for (const auto& [key, value] : vector.at("config").items())
                config[key] = value.get<std::string>();
            MemoryOptions options;
            options.mode =
                vector.at("mode") == "active" ? DeploymentMode::active : DeploymentMode::standalone;
            for (const FlinkVersion version :
                 {FlinkVersion{1, 16}, FlinkVersion{1, 20}, FlinkVersion{2, 2}}) {
                options.version = version;
                for (const ConfigChange& change : changes_of(config)) {
                    const FlatConfig copy = applied(config, change);
                    const std::string tm =
                        difference<TaskManagerMemory>(probe_taskmanager_memory(config, change, options),
                                                      derive_taskmanager_memory(copy, options));
                    const std::string jm =
                        difference<JobManagerMemory>(probe_jobmanager_memory(config, change, options),
                                                     derive_jobmanager_memory(copy, options));
                    ++checked;
                    for (const std::string& what : {tm, jm}) {
                        if (!what.empty())
                            mismatches.push_back(vector.at("id").get<std::string>() + " " +
                                                 std::string(change.key) + " @" + version.str() + ": " +
                                                 what);
                    }
                }
            }
        }
    }
    EXPECT_GT(checked, 0);
    EXPECT_TRUE(mismatches.empty()) << mismatches.size() << " mismatches, first: " << mismatches.front();
}

TEST(MemoryProbe, FailureKeepsCategoryAndKeysButNoMessage) {
    const FlatConfig config{{"taskmanager.memory.process.size", "1g"},
                            {"taskmanager.memory.task.off-heap.size", "512m"}};
    const MemoryOptions options;
    const auto probed =
        probe_taskmanager_memory(config, ConfigChange{"taskmanager.memory.process.size", "1000m"}, options);
    const auto* error = std::get_if<MemoryError>(&probed);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->category, "components-exceed-total-flink");
    EXPECT_TRUE(error->message.empty());
    EXPECT_EQ(error->keys, (std::vector<std::string>{"taskmanager.memory.process.size",
                                                     "taskmanager.memory.task.off-heap.size"}));

    // The change can remove a key, and it never alters the config it reads.
    const auto removed = probe_taskmanager_memory(
        config, ConfigChange{"taskmanager.memory.process.size", std::nullopt}, options);
    ASSERT_TRUE(std::holds_alternative<MemoryError>(removed));
    EXPECT_EQ(std::get<MemoryError>(removed).category, "not-configured");
    EXPECT_EQ(config.at("taskmanager.memory.process.size"), "1g");
}

}  // namespace
}  // namespace flinklint

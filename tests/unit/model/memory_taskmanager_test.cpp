// TaskManager worked examples of shared/reference/flink-memory-model.md §6 (numbers from Flink itself).
#include <gtest/gtest.h>

#include <algorithm>

#include "flinklint/memory_model.hpp"

namespace flinklint {
namespace {

constexpr FlinkVersion k120{1, 20};
constexpr FlinkVersion k115{1, 15};
constexpr FlinkVersion k22{2, 2};

TaskManagerMemory derive_ok(const FlatConfig& config, FlinkVersion version = k120,
                            DeploymentMode mode = DeploymentMode::standalone) {
    const auto result = derive_taskmanager_memory(config, MemoryOptions{version, mode, {}});
    if (const auto* error = std::get_if<MemoryError>(&result)) {
        ADD_FAILURE() << error->category << ": " << error->message;
        return {};
    }
    return std::get<TaskManagerMemory>(result);
}

MemoryError derive_error(const FlatConfig& config, FlinkVersion version = k120,
                         DeploymentMode mode = DeploymentMode::standalone,
                         std::map<std::string, std::string> env = {}) {
    const auto result = derive_taskmanager_memory(config, MemoryOptions{version, mode, std::move(env)});
    if (const auto* error = std::get_if<MemoryError>(&result)) return *error;
    ADD_FAILURE() << "expected an error";
    return {};
}

bool has_key(const MemoryError& error, const std::string& key) {
    return std::find(error.keys.begin(), error.keys.end(), key) != error.keys.end();
}

TEST(TaskManagerMemory, T1ShippedDefault) {
    const auto m = derive_ok({{"taskmanager.memory.process.size", "1728m"}});
    EXPECT_EQ(m.total_process, 1811939328U);
    EXPECT_EQ(m.jvm_metaspace, 268435456U);
    EXPECT_EQ(m.jvm_overhead, 201326592U);
    EXPECT_EQ(m.total_flink, 1342177280U);
    EXPECT_EQ(m.managed, 536870920U);
    EXPECT_EQ(m.network, 134217730U);
    EXPECT_EQ(m.framework_heap, 134217728U);
    EXPECT_EQ(m.framework_off_heap, 134217728U);
    EXPECT_EQ(m.task_off_heap, 0U);
    EXPECT_EQ(m.task_heap, 402653174U);
    EXPECT_EQ(m.jvm_args,
              "-Xmx536870902 -Xms536870902 -XX:MaxDirectMemorySize=268435458 -XX:MaxMetaspaceSize=268435456");
    EXPECT_EQ(m.cpu_cores, 1.0);
}

TEST(TaskManagerMemory, T1SameFromFlinkSize) {
    const auto from_process = derive_ok({{"taskmanager.memory.process.size", "1728m"}});
    const auto from_flink = derive_ok({{"taskmanager.memory.flink.size", "1280m"}});
    EXPECT_EQ(from_flink.jvm_args, from_process.jvm_args);
    EXPECT_EQ(from_flink.total_process, from_process.total_process);
    EXPECT_EQ(from_flink.task_heap, from_process.task_heap);
}

TEST(TaskManagerMemory, T2Process4g) {
    const auto m = derive_ok({{"taskmanager.memory.process.size", "4g"}});
    EXPECT_EQ(m.jvm_overhead, 429496736U);
    EXPECT_EQ(m.total_flink, 3597035104U);
    EXPECT_EQ(m.managed, 1438814063U);
    EXPECT_EQ(m.network, 359703515U);
    EXPECT_EQ(m.task_heap, 1530082070U);
}

TEST(TaskManagerMemory, T12Process32gAndTheOlderNetworkCap) {
    const FlatConfig config{{"taskmanager.memory.process.size", "32g"}};
    const auto m = derive_ok(config);
    EXPECT_EQ(m.jvm_overhead, 1073741824U);
    EXPECT_EQ(m.total_flink, 33017561088U);
    EXPECT_EQ(m.managed, 13207024632U);
    EXPECT_EQ(m.network, 3301756158U);
    EXPECT_EQ(m.task_heap, 16240344842U);
    // Before 1.17 the network maximum defaulted to 1 GiB.
    const auto old = derive_ok(config, k115);
    EXPECT_EQ(old.network, 1073741824U);
    EXPECT_EQ(old.task_heap, 18468359176U);
    EXPECT_EQ(derive_ok(config, FlinkVersion{1, 16}).network, 1073741824U);
    EXPECT_EQ(derive_ok(config, FlinkVersion{1, 17}).network, 3301756158U);
}

TEST(TaskManagerMemory, T4CustomFractionsAndNetworkMax) {
    const auto m = derive_ok({{"taskmanager.memory.process.size", "8g"},
                              {"taskmanager.memory.managed.fraction", "0.2"},
                              {"taskmanager.memory.network.fraction", "0.15"},
                              {"taskmanager.memory.network.max", "512m"}});
    EXPECT_EQ(m.jvm_overhead, 858993472U);
    EXPECT_EQ(m.total_flink, 7462505664U);
    EXPECT_EQ(m.managed, 1492501155U);
    EXPECT_EQ(m.network, 536870912U);
    EXPECT_EQ(m.task_heap, 5164698141U);
}

TEST(TaskManagerMemory, T5FineGrainedOnly) {
    const auto m =
        derive_ok({{"taskmanager.memory.task.heap.size", "1g"}, {"taskmanager.memory.managed.size", "1g"}});
    EXPECT_EQ(m.network, 268435460U);
    EXPECT_EQ(m.total_flink, 2684354564U);
    EXPECT_EQ(m.jvm_overhead, 328087785U);
    EXPECT_EQ(m.total_process, 3280877805U);
}

TEST(TaskManagerMemory, T6FlinkSizeAndTaskHeap) {
    const auto m =
        derive_ok({{"taskmanager.memory.flink.size", "4g"}, {"taskmanager.memory.task.heap.size", "2g"}});
    EXPECT_EQ(m.managed, 1717986944U);
    EXPECT_EQ(m.network, 161061248U);
    EXPECT_EQ(m.jvm_overhead, 507044758U);
    EXPECT_EQ(m.total_process, 5070447510U);
}

TEST(TaskManagerMemory, T13NetworkIsTheRestUnboundedSince117) {
    const FlatConfig config{{"taskmanager.memory.flink.size", "4g"},
                            {"taskmanager.memory.task.heap.size", "1g"},
                            {"taskmanager.memory.managed.size", "1g"}};
    EXPECT_EQ(derive_ok(config).network, 1879048192U);
    const auto old = derive_error(config, k115);
    EXPECT_EQ(old.category, "network-out-of-range");
    EXPECT_TRUE(has_key(old, "taskmanager.memory.flink.size"));
}

TEST(TaskManagerMemory, T14DeprecatedNetworkFractionIsHonoured) {
    const auto m = derive_ok(
        {{"taskmanager.memory.process.size", "2g"}, {"taskmanager.network.memory.fraction", "0.2"}});
    EXPECT_EQ(m.network, 332859969U);
    EXPECT_EQ(m.task_heap, 397284460U);
}

TEST(TaskManagerMemory, NewKeyWinsOverItsDeprecatedAlias) {
    const auto m = derive_ok({{"taskmanager.memory.process.size", "2g"},
                              {"taskmanager.network.memory.fraction", "0.2"},
                              {"taskmanager.memory.network.fraction", "0.1"}});
    const auto plain = derive_ok({{"taskmanager.memory.process.size", "2g"}});
    EXPECT_EQ(m.network, plain.network);
    EXPECT_EQ(m.jvm_args, plain.jvm_args);
}

TEST(TaskManagerMemory, DeprecatedManagedSizeSelectsTheFineGrainedPath) {
    const auto alias =
        derive_ok({{"taskmanager.memory.task.heap.size", "1g"}, {"taskmanager.memory.size", "1g"}});
    EXPECT_EQ(alias.total_process, 3280877805U);
    const auto error =
        derive_error({{"taskmanager.memory.process.size", "2g"}, {"taskmanager.memory.size", "2x"}});
    EXPECT_EQ(error.category, "invalid-memory-size");
    EXPECT_EQ(error.keys, std::vector<std::string>{"taskmanager.memory.size"});
}

TEST(TaskManagerMemory, T11LegacyNumberOfBuffersOnlyIn1x) {
    const FlatConfig config{{"taskmanager.memory.process.size", "2g"},
                            {"taskmanager.network.numberOfBuffers", "4096"}};
    const auto v1 = derive_ok(config);
    EXPECT_EQ(v1.network, 134217728U);
    EXPECT_EQ(v1.task_heap, 595926701U);
    const auto v2 = derive_ok(config, k22);
    EXPECT_EQ(v2.network, 166429984U);
    EXPECT_EQ(v2.task_heap, 563714445U);
}

TEST(TaskManagerMemory, LegacyBuffersMustMatchTheRest) {
    const auto error = derive_error({{"taskmanager.memory.flink.size", "4g"},
                                     {"taskmanager.memory.task.heap.size", "1g"},
                                     {"taskmanager.memory.managed.size", "1g"},
                                     {"taskmanager.network.numberOfBuffers", "2048"}});
    EXPECT_EQ(error.category, "legacy-network-buffers-mismatch");
    EXPECT_TRUE(has_key(error, "taskmanager.network.numberOfBuffers"));
}

TEST(TaskManagerMemory, MinimumSizesWithDefaults) {
    EXPECT_EQ(derive_ok({{"taskmanager.memory.process.size", "982m"}}).task_heap, 419428U);
    EXPECT_EQ(derive_error({{"taskmanager.memory.process.size", "981m"}}).category,
              "components-exceed-total-flink");
    derive_ok({{"taskmanager.memory.flink.size", "534m"}});
    EXPECT_EQ(derive_error({{"taskmanager.memory.flink.size", "533m"}}).category,
              "components-exceed-total-flink");
}

TEST(TaskManagerMemory, T7OverheadOutOfRange) {
    const auto error =
        derive_error({{"taskmanager.memory.process.size", "16g"}, {"taskmanager.memory.flink.size", "14g"}});
    EXPECT_EQ(error.category, "overhead-out-of-range");
    EXPECT_NE(error.message.find("1879048192"), std::string::npos);
    EXPECT_TRUE(has_key(error, "taskmanager.memory.process.size"));
    EXPECT_TRUE(has_key(error, "taskmanager.memory.flink.size"));
}

TEST(TaskManagerMemory, T10ComponentsExceedTotalFlink) {
    const auto error = derive_error({{"taskmanager.memory.process.size", "700m"}});
    EXPECT_EQ(error.category, "components-exceed-total-flink");
    EXPECT_NE(error.message.find("264241152"), std::string::npos);
    EXPECT_EQ(error.keys, std::vector<std::string>{"taskmanager.memory.process.size"});
}

TEST(TaskManagerMemory, T16ManagedFractionOfOne) {
    const auto error = derive_error(
        {{"taskmanager.memory.process.size", "1728m"}, {"taskmanager.memory.managed.fraction", "1.0"}});
    EXPECT_EQ(error.category, "invalid-min-max-fraction");
    EXPECT_EQ(error.keys, std::vector<std::string>{"taskmanager.memory.managed.fraction"});
    // Ignored when the managed size is set.
    derive_ok({{"taskmanager.memory.process.size", "1728m"},
               {"taskmanager.memory.managed.size", "256m"},
               {"taskmanager.memory.managed.fraction", "1.0"}});
}

TEST(TaskManagerMemory, T17NetworkMinAboveMax) {
    const auto error = derive_error({{"taskmanager.memory.process.size", "1728m"},
                                     {"taskmanager.memory.network.min", "512m"},
                                     {"taskmanager.memory.network.max", "256m"}});
    EXPECT_EQ(error.category, "invalid-min-max-fraction");
    EXPECT_NE(error.message.find("0.10000000149011612"), std::string::npos);
    EXPECT_TRUE(has_key(error, "taskmanager.memory.network.min"));
    EXPECT_TRUE(has_key(error, "taskmanager.memory.network.max"));
}

TEST(TaskManagerMemory, T15UnreadableSize) {
    const auto error = derive_error({{"taskmanager.memory.process.size", "1.5g"}});
    EXPECT_EQ(error.category, "invalid-memory-size");
    EXPECT_EQ(error.keys, std::vector<std::string>{"taskmanager.memory.process.size"});
    // Quotes kept by the legacy parser make the value unreadable, as in Flink.
    EXPECT_EQ(derive_error({{"taskmanager.memory.process.size", "\"1728m\""}}).category,
              "invalid-memory-size");
}

TEST(TaskManagerMemory, UnreadableFractionIsInvalidValue) {
    const auto error = derive_error(
        {{"taskmanager.memory.process.size", "2g"}, {"taskmanager.memory.network.fraction", "10%"}});
    EXPECT_EQ(error.category, "invalid-value");
    EXPECT_EQ(error.keys, std::vector<std::string>{"taskmanager.memory.network.fraction"});
}

TEST(TaskManagerMemory, NothingConfigured) {
    EXPECT_EQ(derive_error({}).category, "not-configured");
    const auto partial = derive_error({{"taskmanager.memory.managed.size", "512m"}});
    EXPECT_EQ(partial.category, "not-configured");
    EXPECT_EQ(partial.keys, std::vector<std::string>{"taskmanager.memory.managed.size"});
}

TEST(TaskManagerMemory, CpuCoresAreCheckedAfterTheMemory) {
    const auto slots =
        derive_error({{"taskmanager.memory.process.size", "2g"}, {"taskmanager.numberOfTaskSlots", "0"}});
    EXPECT_EQ(slots.category, "non-positive-cpu-cores");
    EXPECT_EQ(slots.keys, std::vector<std::string>{"taskmanager.numberOfTaskSlots"});
    const auto cores = derive_error({{"taskmanager.memory.process.size", "2g"},
                                     {"taskmanager.numberOfTaskSlots", "4"},
                                     {"taskmanager.cpu.cores", "-1"}});
    EXPECT_EQ(cores.category, "non-positive-cpu-cores");
    EXPECT_EQ(cores.keys, std::vector<std::string>{"taskmanager.cpu.cores"});
    // A memory failure comes first.
    EXPECT_EQ(
        derive_error({{"taskmanager.memory.process.size", "700m"}, {"taskmanager.numberOfTaskSlots", "0"}})
            .category,
        "components-exceed-total-flink");
    EXPECT_EQ(derive_ok({{"taskmanager.memory.process.size", "2g"}, {"taskmanager.numberOfTaskSlots", "4"}})
                  .cpu_cores,
              4.0);
    EXPECT_EQ(
        derive_ok({{"taskmanager.memory.process.size", "2g"}, {"taskmanager.cpu.cores", "2.5"}}).cpu_cores,
        2.5);
}

TEST(TaskManagerMemory, LegacyHeapMapping) {
    const FlatConfig config{{"taskmanager.heap.size", "1g"}};
    // Standalone scripts read it as total Flink memory, active deployments as process memory.
    EXPECT_EQ(derive_ok(config).total_process, 1543503872U);
    EXPECT_EQ(derive_ok(config, k120, DeploymentMode::active).total_flink, 603979776U);
    // 2.x ignores it.
    const auto v2 = derive_error(config, k22);
    EXPECT_EQ(v2.category, "not-configured");
    // The legacy key shows up as the cause when the mapped value conflicts.
    const auto conflict =
        derive_error({{"taskmanager.heap.size", "4g"}, {"taskmanager.memory.process.size", "1g"}});
    EXPECT_EQ(conflict.category, "process-less-than-flink-plus-metaspace");
    EXPECT_TRUE(has_key(conflict, "taskmanager.heap.size"));
}

TEST(TaskManagerMemory, LegacyHeapPriorityAndErrors) {
    // Environment variable > heap.size > heap.mb.
    const auto size_over_mb = derive_ok({{"taskmanager.heap.size", "1g"}, {"taskmanager.heap.mb", "512"}});
    EXPECT_EQ(size_over_mb.total_flink, 1073741824U);
    const auto result =
        derive_taskmanager_memory({{"taskmanager.heap.size", "1g"}},
                                  MemoryOptions{k120, DeploymentMode::standalone, {{"FLINK_TM_HEAP", "2g"}}});
    ASSERT_TRUE(std::holds_alternative<TaskManagerMemory>(result));
    EXPECT_EQ(std::get<TaskManagerMemory>(result).total_flink, 2147483648U);
    EXPECT_EQ(derive_ok({{"taskmanager.heap.mb", "1024"}}).total_flink, 1073741824U);
    EXPECT_EQ(derive_error({{"taskmanager.heap.mb", "-1"}}).category, "negative-legacy-heap-mb");
    EXPECT_EQ(derive_error({{"taskmanager.heap.mb", "1g"}}).category, "invalid-value");
    const auto bad_env = derive_error({}, k120, DeploymentMode::standalone, {{"FLINK_TM_HEAP", "lots"}});
    EXPECT_EQ(bad_env.category, "invalid-memory-size");
    // The variable is gone in 2.x.
    EXPECT_EQ(derive_error({}, k22, DeploymentMode::standalone, {{"FLINK_TM_HEAP", "2g"}}).category,
              "not-configured");
}

}  // namespace
}  // namespace flinklint

// JobManager worked examples of shared/reference/flink-memory-model.md §4-§6.
#include <gtest/gtest.h>

#include "flinklint/memory_model.hpp"

namespace flinklint {
namespace {

constexpr FlinkVersion k120{1, 20};
constexpr FlinkVersion k22{2, 2};

JobManagerMemory derive_ok(const FlatConfig& config, FlinkVersion version = k120,
                           DeploymentMode mode = DeploymentMode::standalone) {
    const auto result = derive_jobmanager_memory(config, MemoryOptions{version, mode, {}});
    if (const auto* error = std::get_if<MemoryError>(&result)) {
        ADD_FAILURE() << error->category << ": " << error->message;
        return {};
    }
    return std::get<JobManagerMemory>(result);
}

MemoryError derive_error(const FlatConfig& config, FlinkVersion version = k120,
                         DeploymentMode mode = DeploymentMode::standalone) {
    const auto result = derive_jobmanager_memory(config, MemoryOptions{version, mode, {}});
    if (const auto* error = std::get_if<MemoryError>(&result)) return *error;
    ADD_FAILURE() << "expected an error";
    return {};
}

TEST(JobManagerMemory, J1ShippedDefault) {
    const auto m = derive_ok({{"jobmanager.memory.process.size", "1600m"}});
    EXPECT_EQ(m.jvm_overhead, 201326592U);
    EXPECT_EQ(m.total_flink, 1207959552U);
    EXPECT_EQ(m.jvm_heap, 1073741824U);
    EXPECT_EQ(m.off_heap, 134217728U);
    EXPECT_EQ(m.jvm_metaspace, 268435456U);
    EXPECT_EQ(m.total_process, 1677721600U);
    EXPECT_EQ(m.jvm_args, "-Xmx1073741824 -Xms1073741824 -XX:MaxMetaspaceSize=268435456");
}

TEST(JobManagerMemory, J2HeapOnlyGivesTheSame) {
    const auto m = derive_ok({{"jobmanager.memory.heap.size", "1g"}});
    EXPECT_EQ(m.total_process, 1677721600U);
    EXPECT_EQ(m.jvm_overhead, 201326592U);
    EXPECT_EQ(m.jvm_args, "-Xmx1073741824 -Xms1073741824 -XX:MaxMetaspaceSize=268435456");
}

TEST(JobManagerMemory, J3FlinkSize) {
    const auto m = derive_ok({{"jobmanager.memory.flink.size", "2g"}});
    EXPECT_EQ(m.jvm_heap, 2013265920U);
    EXPECT_EQ(m.jvm_overhead, 268435460U);
    EXPECT_EQ(m.total_process, 2684354564U);
}

TEST(JobManagerMemory, J4HeapAndFlinkSizeDeriveOffHeap) {
    const auto m =
        derive_ok({{"jobmanager.memory.heap.size", "1g"}, {"jobmanager.memory.flink.size", "1536m"}});
    EXPECT_EQ(m.off_heap, 536870912U);
    EXPECT_EQ(m.jvm_overhead, 208783135U);
    EXPECT_EQ(m.total_process, 2087831327U);
}

TEST(JobManagerMemory, J9Process8g) {
    const auto m = derive_ok({{"jobmanager.memory.process.size", "8g"}});
    EXPECT_EQ(m.jvm_overhead, 858993472U);
    EXPECT_EQ(m.total_flink, 7462505664U);
    EXPECT_EQ(m.jvm_heap, 7328287936U);
}

TEST(JobManagerMemory, J7HeapPlusOffHeapMustMatchFlinkSize) {
    const auto error = derive_error({{"jobmanager.memory.heap.size", "1g"},
                                     {"jobmanager.memory.off-heap.size", "256m"},
                                     {"jobmanager.memory.flink.size", "1g"}});
    EXPECT_EQ(error.category, "jm-heap-plus-offheap-mismatch");
    EXPECT_EQ(error.keys,
              (std::vector<std::string>{"jobmanager.memory.heap.size", "jobmanager.memory.off-heap.size",
                                        "jobmanager.memory.flink.size"}));
}

TEST(JobManagerMemory, HeapLargerThanFlinkSize) {
    const auto error =
        derive_error({{"jobmanager.memory.heap.size", "2g"}, {"jobmanager.memory.flink.size", "1g"}});
    EXPECT_EQ(error.category, "jm-heap-exceeds-total-flink");
}

TEST(JobManagerMemory, J8AndTheMinimumProcessSize) {
    const auto error = derive_error({{"jobmanager.memory.process.size", "512m"}});
    EXPECT_EQ(error.category, "jm-total-flink-not-greater-than-offheap");
    EXPECT_NE(error.message.find("67108864"), std::string::npos);
    EXPECT_EQ(derive_error({{"jobmanager.memory.process.size", "576m"}}).category,
              "jm-total-flink-not-greater-than-offheap");
    derive_ok({{"jobmanager.memory.process.size", "577m"}});
}

TEST(JobManagerMemory, DirectMemoryLimitFlag) {
    const auto m = derive_ok({{"jobmanager.memory.process.size", "1600m"},
                              {"jobmanager.memory.enable-jvm-direct-memory-limit", "TRUE"}});
    EXPECT_EQ(
        m.jvm_args,
        "-Xmx1073741824 -Xms1073741824 -XX:MaxDirectMemorySize=134217728 -XX:MaxMetaspaceSize=268435456");
    EXPECT_EQ(derive_error({{"jobmanager.memory.process.size", "1600m"},
                            {"jobmanager.memory.enable-jvm-direct-memory-limit", "yes"}})
                  .category,
              "invalid-value");
}

TEST(JobManagerMemory, LegacyHeapMapping) {
    const FlatConfig config{{"jobmanager.heap.size", "1024m"}};
    const auto standalone = derive_ok(config);
    EXPECT_EQ(standalone.jvm_heap, 1073741824U);
    EXPECT_EQ(standalone.total_process, 1677721600U);
    EXPECT_EQ(derive_ok(config, k120, DeploymentMode::active).jvm_heap, 469762048U);
    EXPECT_EQ(derive_error(config, k22).category, "not-configured");
    EXPECT_EQ(derive_ok({{"jobmanager.heap.mb", "1024"}}).jvm_heap, 1073741824U);
    EXPECT_EQ(derive_error({{"jobmanager.heap.mb", "-5"}}).category, "negative-legacy-heap-mb");
    // The new key, when set, stops the mapping.
    EXPECT_EQ(derive_ok({{"jobmanager.heap.size", "4g"}, {"jobmanager.memory.heap.size", "1g"}}).jvm_heap,
              1073741824U);
}

TEST(JobManagerMemory, OverheadRangeChecks) {
    const auto error = derive_error({{"jobmanager.memory.process.size", "2g"},
                                     {"jobmanager.memory.jvm-overhead.min", "1g"},
                                     {"jobmanager.memory.jvm-overhead.max", "256m"}});
    EXPECT_EQ(error.category, "invalid-min-max-fraction");
    const auto too_much = derive_error(
        {{"jobmanager.memory.process.size", "1g"}, {"jobmanager.memory.jvm-metaspace.size", "1g"}});
    EXPECT_EQ(too_much.category, "metaspace-plus-overhead-exceed-process");
}

}  // namespace
}  // namespace flinklint

// Did-you-mean suggestions, invented keys, removed keys, and lookup speed.
#include <gtest/gtest.h>

#include "catalog_test_support.hpp"

namespace flinklint {
namespace {

std::vector<std::string> suggest(std::string_view key, FlinkVersion version = {1, 20}) {
    return Catalog::for_version(version).suggest(key);
}

bool contains(const std::vector<std::string>& list, std::string_view want) {
    return std::find(list.begin(), list.end(), want) != list.end();
}

TEST(CatalogSuggest, Misspellings) {
    EXPECT_EQ(suggest("taskmanager.numberOfTaskSlot").front(), "taskmanager.numberOfTaskSlots");
    EXPECT_EQ(suggest("jobmanager.memory.proces.size").front(), "jobmanager.memory.process.size");
    EXPECT_EQ(suggest("heartbeat.timout").front(), "heartbeat.timeout");
    EXPECT_EQ(suggest("taskmanager.numberoftaskslots").front(), "taskmanager.numberOfTaskSlots");
    EXPECT_EQ(suggest("taskmanager.memroy.process.size").front(), "taskmanager.memory.process.size");
    EXPECT_EQ(suggest("job.autoscaler.enable", {2, 2}).front(), "job.autoscaler.enabled");
}

// Other words for a segment that no edit distance connects to the real key.
TEST(CatalogSuggest, SegmentSynonyms) {
    for (const FlinkVersion version : {FlinkVersion{1, 20}, FlinkVersion{2, 0}}) {
        EXPECT_EQ(suggest("taskmanager.hostname", version).front(), "taskmanager.host");
        EXPECT_EQ(suggest("restart-strategy.exponential-delay.multiplier", version).front(),
                  "restart-strategy.exponential-delay.backoff-multiplier");
        EXPECT_EQ(suggest("state.backend.rocksdb.local-directories", version).front(),
                  "state.backend.rocksdb.localdir");
        EXPECT_EQ(suggest("rest.bind-host", version).front(), "rest.bind-address");
        EXPECT_EQ(suggest("execution.checkpointing.enabled", version).front(),
                  "execution.checkpointing.interval");
    }
}

TEST(CatalogSuggest, SegmentShapes) {
    EXPECT_EQ(suggest("memory.taskmanager.process.size").front(), "taskmanager.memory.process.size");
    EXPECT_EQ(suggest("execution.checkpointing.interval.time").front(), "execution.checkpointing.interval");
    const auto missing = suggest("taskmanager.memory.size");
    ASSERT_FALSE(missing.empty());
    EXPECT_TRUE(missing.front().starts_with("taskmanager.memory.")) << missing.front();
}

TEST(CatalogSuggest, OnlyLiveDocumentedKeysOfTheVersion) {
    for (const FlinkVersion version : testing::catalog_versions()) {
        const Catalog& catalog = Catalog::for_version(version);
        for (const char* key : {"state.backend.typ", "taskmanager.memory.network.mim", "restart-strategy.typ",
                                "state.checkpoints.dirr", "taskmanager.network.memory.mn"}) {
            for (const std::string& suggestion : catalog.suggest(key, 5)) {
                const OptionInfo* option = catalog.find(suggestion);
                ASSERT_NE(option, nullptr) << suggestion;
                EXPECT_TRUE(option->documented) << version.str() << ": " << suggestion;
                EXPECT_FALSE(option->deprecated) << version.str() << ": " << suggestion;
                EXPECT_FALSE(option->is_pattern()) << suggestion;
            }
        }
    }
    // state.checkpoints.dir is only an alias from 1.20: suggest the option that replaced it.
    EXPECT_FALSE(contains(suggest("state.checkpoints.dirr", {2, 0}), "state.checkpoints.dir"));
    EXPECT_TRUE(contains(suggest("state.checkpoints.dirr", {1, 19}), "state.checkpoints.dir"));
    EXPECT_EQ(suggest("state.checkpoints.dirr", {2, 0}).front(), "execution.checkpointing.dir");
}

TEST(CatalogSuggest, CloseToARetiredSpellingSuggestsTheCurrentOption) {
    EXPECT_EQ(suggest("state.savepoint.dir", {1, 20}).front(), "execution.checkpointing.savepoint-dir");
    EXPECT_EQ(suggest("state.savepoint.dir", {1, 19}).front(), "state.savepoints.dir");
    EXPECT_EQ(suggest("taskmanager.network.memory.mx", {2, 0}).front(), "taskmanager.memory.network.max");
}

TEST(CatalogSuggest, NothingWhenNothingIsClose) {
    EXPECT_TRUE(suggest("completely.unrelated.thing").empty());
    EXPECT_TRUE(suggest("foo").empty());
    EXPECT_TRUE(suggest("").empty());
    EXPECT_TRUE(suggest("taskmanager.numberOfTaskSlots", {1, 20}).empty());  // the key itself is real
    EXPECT_LE(suggest("taskmanager.memory.size").size(), 3u);
    EXPECT_LE(Catalog::for_version({1, 20}).suggest("taskmanager.memory.size", 1).size(), 1u);
}

TEST(CatalogInvented, NeverExistedKeysHaveAdvice) {
    for (const char* key :
         {"cluster.taskmanager.heartbeat.interval", "cluster.taskmanager.heartbeat.timeout",
          "pipeline.serialization-config.kryo-registrator-class", "execution.savepoint.cleanup-in-background",
          "state.backend.fs.upload-threads", "taskmanager.network.netty.connection-timeout",
          "taskmanager.memory.network.size"}) {
        const InventedKey* invented = find_invented_key(key);
        ASSERT_NE(invented, nullptr) << key;
        EXPECT_EQ(invented->key, key);
        EXPECT_FALSE(invented->advice.empty());
        for (const FlinkVersion version : testing::catalog_versions()) {
            EXPECT_FALSE(Catalog::for_version(version).lookup(key).known()) << version.str() << ": " << key;
        }
    }
    EXPECT_NE(
        find_invented_key("taskmanager.memory.network.size")->advice.find("taskmanager.memory.network.min"),
        std::string_view::npos);
    EXPECT_EQ(find_invented_key("taskmanager.memory.network.min"), nullptr);
}

TEST(CatalogRemoved, LastVersionKnowing) {
    EXPECT_EQ(last_version_knowing("jobmanager.heap.size", {2, 0}), (FlinkVersion{1, 20}));
    EXPECT_EQ(last_version_knowing("taskmanager.network.numberOfBuffers", {2, 2}), (FlinkVersion{1, 20}));
    EXPECT_EQ(last_version_knowing("jobmanager.heap.size", {1, 20}), std::nullopt);  // still known
    EXPECT_EQ(last_version_knowing("taskmanager.numberOfTaskSlots", {2, 2}), std::nullopt);
    EXPECT_EQ(last_version_knowing("made.up.key", {2, 2}), std::nullopt);
    EXPECT_EQ(last_version_knowing("jobmanager.heap.size", {1, 15}), std::nullopt);
    // state.backend.type exists on both sides of 2.0.
    EXPECT_EQ(last_version_knowing("state.backend.type", {2, 0}), std::nullopt);
}

}  // namespace
}  // namespace flinklint

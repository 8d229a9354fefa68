// Lookup: exact keys, aliases, placeholder patterns, Map sub-keys, pass-through families, versions.
#include <gtest/gtest.h>

#include <string_view>
#include <thread>
#include <vector>

#include "catalog_test_support.hpp"

namespace flinklint {
namespace {

using Kind = KeyLookup::Kind;

const Catalog& v(int major, int minor) {
    return Catalog::for_version({major, minor});
}

TEST(CatalogLookup, VersionSelectionPicksNearestAtOrBelow) {
    EXPECT_EQ(v(1, 16).version(), (FlinkVersion{1, 15}));
    EXPECT_EQ(v(1, 14).version(), (FlinkVersion{1, 15}));
    EXPECT_EQ(v(1, 17).version(), (FlinkVersion{1, 17}));
    EXPECT_EQ(v(1, 21).version(), (FlinkVersion{1, 20}));
    EXPECT_EQ(v(2, 3).version(), (FlinkVersion{2, 2}));
    EXPECT_EQ(v(3, 0).version(), (FlinkVersion{2, 2}));
    EXPECT_EQ(&v(1, 16), &v(1, 15));
}

TEST(CatalogLookup, ExactKeys) {
    const KeyLookup slots = v(1, 20).lookup("taskmanager.numberOfTaskSlots");
    ASSERT_EQ(slots.kind, Kind::option);
    EXPECT_EQ(slots.option->type, OptionType::integer);
    EXPECT_EQ(slots.option->default_value, "1");
    EXPECT_TRUE(slots.option->documented);

    const OptionInfo* size = v(2, 2).find("taskmanager.memory.process.size");
    ASSERT_NE(size, nullptr);
    EXPECT_EQ(size->type, OptionType::memory_size);
    EXPECT_TRUE(size->default_value.empty());  // (none)

    const OptionInfo* restart = v(1, 20).find("restart-strategy.type");
    ASSERT_NE(restart, nullptr);
    EXPECT_EQ(v(1, 20).find("no.such.key"), nullptr);
}

TEST(CatalogLookup, AliasesResolveToTheirOption) {
    const KeyLookup checkpoints = v(1, 20).lookup("state.checkpoints.dir");
    EXPECT_EQ(checkpoints.kind, Kind::deprecated_alias);
    ASSERT_NE(checkpoints.option, nullptr);
    EXPECT_EQ(checkpoints.option->key, "execution.checkpointing.dir");
    EXPECT_EQ(v(2, 2).lookup("state.checkpoints.dir").option->key, "execution.checkpointing.dir");
    // Before 1.20 it was the option itself.
    EXPECT_EQ(v(1, 19).lookup("state.checkpoints.dir").kind, Kind::option);

    for (const FlinkVersion version : testing::catalog_versions()) {
        const KeyLookup network = Catalog::for_version(version).lookup("taskmanager.network.memory.min");
        EXPECT_EQ(network.kind, Kind::deprecated_alias) << version.str();
        ASSERT_NE(network.option, nullptr) << version.str();
        EXPECT_EQ(network.option->key, "taskmanager.memory.network.min") << version.str();
    }
    EXPECT_EQ(v(1, 20).lookup("state.backend").option->key, "state.backend.type");
}

// Declared in a `static {}` block of KubernetesConfigOptions from 1.17 on, which the option tables miss:
// schemas/supplement/flink-keys.tsv adds the aliases.
TEST(CatalogLookup, StaticBlockKeysAreAliases) {
    EXPECT_EQ(v(1, 15).lookup("kubernetes.pod-template-file").kind, Kind::option);
    EXPECT_EQ(v(1, 15).lookup("kubernetes.pod-template-file.default").kind, Kind::unknown);
    for (const FlinkVersion version : testing::catalog_versions()) {
        if (version < FlinkVersion{1, 17}) continue;
        const KeyLookup old = Catalog::for_version(version).lookup("kubernetes.pod-template-file");
        EXPECT_EQ(old.kind, Kind::deprecated_alias) << version.str();
        ASSERT_NE(old.option, nullptr) << version.str();
        EXPECT_EQ(old.option->key, "kubernetes.pod-template-file.default") << version.str();
        EXPECT_EQ(Catalog::for_version(version).lookup("kubernetes.pod-template-file.jobmanager").kind,
                  Kind::option);
    }
}

// Which pod template a process reads, per release (KubernetesConfigOptions). 1.15: the JobManager's
// and TaskManagers' keys fall back to `kubernetes.pod-template-file`. 1.17 on, in the class's static
// block: `.default` has `kubernetes.pod-template-file` as its deprecated key, and `.jobmanager` /
// `.taskmanager` call withFallbackKeys(".default") and then withFallbackKeys(the deprecated key);
// ConfigOption#withFallbackKeys puts the keys of a later call first, so the old key wins over
// `.default` when both are set. FlinkConfig::get_option reads fallback keys in this order.
TEST(CatalogLookup, PodTemplatePrecedencePerRelease) {
    const auto fallbacks = [](FlinkVersion version, std::string_view key) {
        const OptionInfo* option = Catalog::for_version(version).find(key);
        return option == nullptr ? std::vector<std::string_view>{"(no option)"}
                                 : std::vector<std::string_view>(option->fallback_keys.begin(),
                                                                 option->fallback_keys.end());
    };
    for (const char* role :
         {"kubernetes.pod-template-file.jobmanager", "kubernetes.pod-template-file.taskmanager"}) {
        EXPECT_EQ(fallbacks({1, 15}, role), std::vector<std::string_view>{"kubernetes.pod-template-file"});
        for (const FlinkVersion version : testing::catalog_versions()) {
            if (version < FlinkVersion{1, 17}) continue;
            EXPECT_EQ(fallbacks(version, role),
                      (std::vector<std::string_view>{"kubernetes.pod-template-file",
                                                     "kubernetes.pod-template-file.default"}))
                << version.str() << " " << role;
        }
    }
}

// `cluster.fine-grained-resource-management.enabled` (ClusterOptions): an option up to 1.18 (there
// deprecated and hidden, default true), declared by no class of 1.19, 1.20 or 2.x (the release branches'
// tables in ../shared/reference/flink-options/): FL202 says it was removed after 1.18.
TEST(CatalogLookup, FineGrainedResourceManagementSwitchEndsWith1_18) {
    const std::string_view key = "cluster.fine-grained-resource-management.enabled";
    EXPECT_EQ(v(1, 18).lookup(key).kind, Kind::option);
    EXPECT_TRUE(v(1, 18).find(key)->deprecated);
    for (const FlinkVersion version : testing::catalog_versions()) {
        if (version < FlinkVersion{1, 19}) continue;
        EXPECT_EQ(Catalog::for_version(version).lookup(key).kind, Kind::unknown) << version.str();
        EXPECT_EQ(last_version_knowing(key, version), (FlinkVersion{1, 18})) << version.str();
    }
}

TEST(CatalogLookup, OperatorFallbackPrefixIsAnAlias) {
    const KeyLookup old = v(1, 20).lookup("kubernetes.operator.job.autoscaler.enabled");
    EXPECT_EQ(old.kind, Kind::fallback_alias);
    ASSERT_NE(old.option, nullptr);
    EXPECT_EQ(old.option->key, "job.autoscaler.enabled");
    EXPECT_EQ(old.option->operator_scope, OperatorScope::resource);

    const KeyLookup target = v(2, 2).lookup("job.autoscaler.target.utilization");
    EXPECT_EQ(target.kind, Kind::deprecated_alias);
    EXPECT_EQ(target.option->key, "job.autoscaler.utilization.target");

    const KeyLookup interval = v(1, 15).lookup("kubernetes.operator.reconcile.interval");
    EXPECT_EQ(interval.kind, Kind::option);
    EXPECT_EQ(interval.option->operator_scope, OperatorScope::operator_wide);
    EXPECT_EQ(v(1, 15).lookup("kubernetes.operator.reconciler.reschedule.interval").kind,
              Kind::deprecated_alias);
    EXPECT_EQ(v(2, 0).lookup("kubernetes.operator.periodic.savepoint.interval").option->operator_scope,
              OperatorScope::resource);
}

TEST(CatalogLookup, PlaceholderPatterns) {
    const KeyLookup factory = v(1, 20).lookup("metrics.reporter.prom.factory.class");
    EXPECT_EQ(factory.kind, Kind::pattern);
    ASSERT_NE(factory.option, nullptr);
    EXPECT_EQ(factory.option->key, "metrics.reporter.<name>.factory.class");

    EXPECT_EQ(v(2, 2).lookup("external-resource.gpu.amount").kind, Kind::pattern);
    EXPECT_EQ(v(2, 2).lookup("security.delegation.token.provider.hadoopfs.enabled").kind, Kind::pattern);
    EXPECT_EQ(v(2, 2).lookup("fs.hdfs.limit.total").option->key, "fs.<scheme>.limit.total");
    // A one-segment placeholder takes exactly one segment.
    EXPECT_EQ(v(2, 2).lookup("external-resource.amount").kind, Kind::unknown);
    EXPECT_EQ(v(2, 2).lookup("security.delegation.token.provider.a.b.enabled").kind, Kind::unknown);
    EXPECT_EQ(v(2, 2).lookup("metrics.reporter..factory.class").kind, Kind::unknown);
}

TEST(CatalogLookup, MapOptionSubKeys) {
    const KeyLookup annotation = v(1, 20).lookup("kubernetes.jobmanager.annotations.prometheus.io/scrape");
    EXPECT_EQ(annotation.kind, Kind::pattern);
    ASSERT_NE(annotation.option, nullptr);
    EXPECT_EQ(annotation.option->key, "kubernetes.jobmanager.annotations");
    EXPECT_EQ(annotation.option->type, OptionType::map);
    EXPECT_EQ(v(2, 2).lookup("kubernetes.taskmanager.node-selector.disktype").kind, Kind::pattern);
    EXPECT_EQ(v(2, 2).lookup("kubernetes.jobmanager.annotations.").kind, Kind::unknown);
}

TEST(CatalogLookup, PassThroughFamilies) {
    for (const FlinkVersion version : testing::catalog_versions()) {
        const Catalog& catalog = Catalog::for_version(version);
        for (const char* key :
             {"s3.access-key", "s3.path.style.access", "fs.s3a.connection.maximum", "s3a.endpoint",
              "presto.s3.ssl.enabled", "fs.azure.account.key.acct.blob.core.windows.net", "gs.project.id",
              "fs.oss.endpoint", "containerized.master.env.LD_LIBRARY_PATH",
              "containerized.taskmanager.env.JAVA_HOME", "metrics.reporter.prom.port",
              "metrics.reporter.prom.factory.class", "flink.hadoop.dfs.replication",
              "kubernetes.operator.plugins.listeners.audit.endpoint"}) {
            EXPECT_TRUE(catalog.lookup(key).known()) << version.str() << ": " << key;
        }
        EXPECT_EQ(catalog.lookup("fs.s3a.connection.maximum").kind, Kind::pass_through);
        const KeyLookup port = catalog.lookup("metrics.reporter.prom.port");
        EXPECT_EQ(port.kind, Kind::pass_through) << version.str();
        ASSERT_NE(port.option, nullptr);
        EXPECT_EQ(port.option->key, "metrics.reporter.<name>.<parameter>");
        EXPECT_EQ(catalog.lookup("metrics.reporter.prom.some.nested.setting").kind, Kind::pass_through);
    }
    // Not families: fixed keys only.
    for (const char* key : {"env.java.opts.foo", "yarn.made.up", "security.kerberos.made-up",
                            "state.backend.rocksdb.made-up", "hadoop.tmp.dir", "s3.", "fs.made-up"}) {
        EXPECT_EQ(v(1, 20).lookup(key).kind, Kind::unknown) << key;
    }
}

TEST(CatalogLookup, InternalKeysAreKnownButNeverSuggested) {
    const KeyLookup internal = v(1, 20).lookup("$internal.pipeline.job-id");
    EXPECT_EQ(internal.kind, Kind::option);
    EXPECT_FALSE(internal.option->documented);
    EXPECT_TRUE(v(1, 20).suggest("$internal.pipeline.job-ix").empty());
}

TEST(CatalogLookup, ConnectorAndFormatOptionsAreNotClusterKeys) {
    for (const char* key :
         {"json.fail-on-missing-field", "fail-on-missing-field", "connector", "scan.startup.mode",
          "sink.partitioner", "api-key", "host", "pulsar.client.serviceUrl"}) {
        EXPECT_EQ(v(2, 2).lookup(key).kind, Kind::unknown) << key;
        EXPECT_EQ(v(1, 15).lookup(key).kind, Kind::unknown) << key;
    }
    EXPECT_EQ(v(2, 2).lookup("table.exec.state.ttl").kind, Kind::option);
    EXPECT_EQ(v(1, 18).lookup("sql-gateway.endpoint.rest.port").kind, Kind::option);
}

TEST(CatalogLookup, NeverCrashesOnOddKeys) {
    const Catalog& catalog = v(1, 20);
    const std::string huge(100000, 'a');
    for (const std::string& key :
         {std::string(), std::string("."), std::string(".."), std::string("a."), std::string(".a"),
          std::string("<name>"), std::string("#"), huge, std::string("metrics.reporter."),
          std::string("\xff\xfe.\x01"), std::string("kubernetes.jobmanager.annotations")}) {
        (void)catalog.lookup(key);
        (void)catalog.suggest(key);
        (void)last_version_knowing(key, {2, 2});
    }
}

TEST(CatalogLookup, ThreadSafeFirstUse) {
    std::vector<std::thread> threads;
    std::vector<const Catalog*> seen(8, nullptr);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        threads.emplace_back([&seen, i] { seen[i] = &Catalog::for_version({2, 1}); });
    }
    for (std::thread& thread : threads) thread.join();
    for (const Catalog* catalog : seen) EXPECT_EQ(catalog, seen.front());
}

}  // namespace
}  // namespace flinklint

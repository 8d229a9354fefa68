// flinklint migrate on small files: each input kind, context-aware replacements, duplicates,
// version evidence, idempotence and the nested layout.
#include <gtest/gtest.h>

#include <algorithm>

#include "flinklint/migrate/migrate.hpp"

namespace {

using namespace flinklint;
using migrate::FileMigration;
using migrate::migrate_group;
using migrate::MigrateOptions;

std::vector<FileMigration> run(const std::vector<std::pair<std::string, std::string>>& files,
                               MigrateOptions options = {}) {
    std::vector<SourcePtr> sources;
    for (const auto& [path, text] : files) sources.push_back(std::make_shared<const Source>(path, text));
    return migrate_group(sources, options);
}

FileMigration one(const std::string& path, const std::string& text, MigrateOptions options = {}) {
    auto result = run({{path, text}}, options);
    EXPECT_EQ(result.size(), 1u);
    return result.empty() ? FileMigration{} : result.front();
}

bool has_note(const FileMigration& m, std::string_view part) {
    return std::any_of(m.notes.begin(), m.notes.end(),
                       [&](const std::string& n) { return n.find(part) != n.npos; });
}

TEST(Migrate, LegacyFileBecomesConfigYamlBesideIt) {
    const auto m =
        one("conf/flink-conf.yaml",
            "# flinklint: flink-version=1.20 (taskmanager.heap.size alone would date the file to 1.9)\n"
            "state.backend: rocksdb   # the backend\n"
            "state.backend.incremental: true\n"
            "taskmanager.heap.size: 2g\n"
            "pipeline.jars: a.jar;b.jar\n"
            "taskmanager.numberOfTaskSlots: 2\n"
            "taskmanager.numberOfTaskSlots: 4\n");
    EXPECT_EQ(m.output_path, "conf/config.yaml");
    EXPECT_EQ(m.from_version.str(), "1.20");
    EXPECT_EQ(m.migrated,
              "# flinklint: flink-version=2.1 (taskmanager.heap.size alone would date the file to 1.9)\n"
              "state.backend.type: rocksdb   # the backend\n"
              "execution.checkpointing.incremental: true\n"
              "taskmanager.memory.flink.size: 2g\n"
              "pipeline.jars: [a.jar, b.jar]\n"
              "# taskmanager.numberOfTaskSlots: 2\n"
              "taskmanager.numberOfTaskSlots: 4\n");
    ASSERT_EQ(m.renamed.size(), 2u);
    EXPECT_EQ(m.renamed[0].from, "state.backend");
    EXPECT_EQ(m.renamed[0].to, "state.backend.type");
    EXPECT_EQ(m.renamed[0].line, 2u);
    ASSERT_EQ(m.removed.size(), 2u);
    EXPECT_EQ(m.removed[0].key, "taskmanager.heap.size");
    EXPECT_EQ(m.removed[0].replacement, "taskmanager.memory.flink.size");
    EXPECT_NE(m.removed[1].reason.find("set again on line 7"), std::string::npos);
    EXPECT_TRUE(m.errors.empty());
}

TEST(Migrate, MigratingTheResultChangesNothing) {
    const auto first = one("conf/flink-conf.yaml",
                           "state.backend: rocksdb\nweb.port: 8081\nsecurity.ssl.enabled: true\n"
                           "taskmanager.heap.mb: 1024\nmetrics.reporter.p.class: x\n");
    EXPECT_EQ(first.migrated,
              "state.backend.type: rocksdb\nrest.port: 8081\nsecurity.ssl.internal.enabled: true\n"
              "security.ssl.rest.enabled: true\ntaskmanager.memory.flink.size: "
              "1024m\nmetrics.reporter.p.class: x\n");
    MigrateOptions options;
    options.versions.cli_version = FlinkVersion{2, 1};
    const auto again = one(first.output_path, first.migrated, options);
    EXPECT_FALSE(again.changed());
    EXPECT_TRUE(again.renamed.empty() && again.removed.empty() && again.rewritten.empty());
}

// fuzz_migrate (tests/fuzz/regressions/migrate): nested YAML in a file named neither flink-conf.yaml
// nor config.yaml is YAML, and its migration is flat; a second run then read it as legacy (flat lines)
// and stripped the quotes the first kept. A name that does not say which parser reads the file keeps
// quoted values as written, with a note, on every run.
TEST(Migrate, QuotesInAFileWhoseNameDoesNotSayItsParserStay) {
    const std::string nested =
        "jobmanager:\n  rpc.address: jm\nproducer.bootstrap.servers: \"kafka:9092\"\njobmanager.rpc.address: "
        "jm\n";
    const auto first = one("k8s/flink.yaml", nested);
    ASSERT_TRUE(first.errors.empty());
    const std::string once = first.changed() ? first.migrated : nested;
    EXPECT_NE(once.find("producer.bootstrap.servers: \"kafka:9092\""), std::string::npos) << once;
    const auto again = one("k8s/flink.yaml", once);
    EXPECT_FALSE(again.changed()) << again.migrated;
    EXPECT_TRUE(has_note(again, "quoted values kept as written"));

    // Named as Flink's legacy file, the line parser reads it: the quotes were part of the value.
    const auto legacy = one("conf/flink-conf.yaml", "producer.bootstrap.servers: \"kafka:9092\"\n");
    EXPECT_EQ(legacy.migrated, "producer.bootstrap.servers: kafka:9092\n");
}

// fuzz_migrate (tests/fuzz/regressions/migrate): `jobmanager.web.port` names `web.port`, itself an
// alias of `rest.port` in 1.20; the first migration stopped at `web.port` and the second moved on.
TEST(Migrate, AnAliasChainIsFollowedToItsEnd) {
    MigrateOptions options;
    options.to = FlinkVersion{1, 20};
    const auto first =
        one("k8s/flink.yaml", "jobmanager.rpc.port: 6123\njobmanager.web.port: 8080\n", options);
    EXPECT_NE(first.migrated.find("rest.port: 8080"), std::string::npos) << first.migrated;
    const auto again = one(first.output_path, first.migrated, options);
    EXPECT_FALSE(again.changed()) << again.migrated;
}

TEST(Migrate, FlinkDeploymentUsesContainerReplacementsAndBumpsVersion) {
    const auto m = one("deploy.yaml",
                       "apiVersion: flink.apache.org/v1beta1\n"
                       "kind: FlinkDeployment\n"
                       "metadata:\n  name: job\n"
                       "spec:\n"
                       "  image: flink:1.17\n"
                       "  flinkVersion: v1_17\n"
                       "  flinkConfiguration:\n"
                       "    taskmanager.heap.size: 2g\n"
                       "    akka.ask.timeout: 30 s\n"
                       "  serviceAccount: flink\n");
    EXPECT_EQ(m.output_path, "deploy.yaml");
    EXPECT_EQ(m.from_version.str(), "1.17");
    EXPECT_NE(m.migrated.find("    taskmanager.memory.process.size: 2g\n"), std::string::npos);
    EXPECT_NE(m.migrated.find("    pekko.ask.timeout: 30 s\n"), std::string::npos);
    EXPECT_NE(m.migrated.find("  flinkVersion: v2_1\n"), std::string::npos);
    EXPECT_TRUE(has_note(m, "image flink:1.17 runs Flink 1.17"));
}

TEST(Migrate, NoVersionChangeAfterALastStateSuspend) {
    const auto m =
        one("deploy.yaml",
            "apiVersion: flink.apache.org/v1beta1\n"
            "kind: FlinkDeployment\n"
            "metadata:\n  name: job\n"
            "spec:\n"
            "  flinkVersion: v1_20\n"
            "  flinkConfiguration:\n"
            "    taskmanager.numberOfTaskSlots: \"2\"\n"
            "  job:\n    jarURI: local:///a.jar\n    upgradeMode: last-state\n    state: suspended\n");
    ASSERT_EQ(m.errors.size(), 1u);
    EXPECT_NE(m.errors[0].find("last-state suspend"), std::string::npos);
}

TEST(Migrate, ConfigMapKeyAndItsMountsBecomeConfigYaml) {
    const auto result =
        run({{"k8s/cm.yaml",
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flink-config\ndata:\n"
              "  flink-conf.yaml: |\n"
              "    jobmanager.rpc.address: jm\n"
              "    state.backend: hashmap\n"},
             {"k8s/jm.yaml",
              "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: jm\nspec:\n  template:\n"
              "    spec:\n      containers:\n        - name: jm\n          image: flink:1.18\n          "
              "args: [jobmanager]\n"
              "          volumeMounts:\n            - name: conf\n"
              "              mountPath: /opt/flink/conf\n"
              "      volumes:\n        - name: conf\n          configMap:\n"
              "            name: flink-config\n            items:\n"
              "              - key: flink-conf.yaml\n                path: flink-conf.yaml\n"}});
    ASSERT_EQ(result.size(), 2u);
    const FileMigration& cm = result[0];
    EXPECT_EQ(cm.from_version.str(), "1.18");  // the image of the container that mounts it
    EXPECT_NE(cm.migrated.find(
                  "  config.yaml: |\n    jobmanager.rpc.address: jm\n    state.backend.type: hashmap\n"),
              std::string::npos);
    EXPECT_NE(result[1].migrated.find("- key: config.yaml\n                path: config.yaml\n"),
              std::string::npos);
}

TEST(Migrate, ComposePropertiesFromTheServiceImage) {
    const auto m = one("docker-compose.yaml",
                       "services:\n  jobmanager:\n    image: flink:1.16.3\n    environment:\n"
                       "      FLINK_PROPERTIES: |\n        jobmanager.rpc.address: jobmanager\n"
                       "        state.backend: filesystem\n");
    EXPECT_EQ(m.from_version.str(), "1.16");
    EXPECT_NE(m.from_version_source.find("image flink:1.16.3"), std::string::npos);
    EXPECT_NE(m.migrated.find("        state.backend.type: filesystem\n"), std::string::npos);
}

TEST(Migrate, InlineCommentWinsAndRemovedKeysSayWhy) {
    const auto m =
        one("flink-conf.yaml",
            "# flinklint: flink-version=1.15\nstate.backend.async: true\njobmanager.rpc.address: jm\n");
    EXPECT_EQ(m.from_version.str(), "1.15");
    ASSERT_EQ(m.removed.size(), 1u);
    EXPECT_EQ(m.removed[0].key, "state.backend.async");
    EXPECT_NE(m.removed[0].reason.find("asynchronous"), std::string::npos);
    EXPECT_NE(m.migrated.find("# state.backend.async: true\n"), std::string::npos);
}

TEST(Migrate, NestedLayoutKeepsPrefixKeysFlat) {
    MigrateOptions options;
    options.layout = migrate::Layout::nested;
    const auto m = one("flink-conf.yaml",
                       "# memory\ntaskmanager.memory.process.size: 2g\ntaskmanager.numberOfTaskSlots: 2\n"
                       "my.key: 1\nmy.key.sub: 2\n",
                       options);
    EXPECT_EQ(m.migrated,
              "# memory\ntaskmanager:\n  memory:\n    process:\n      size: 2g\n  numberOfTaskSlots: 2\n"
              "my:\n  key: 1\nmy.key.sub: 2\n");
    EXPECT_TRUE(m.errors.empty());
}

TEST(Migrate, KeyTableListsRenamesReplacementsAndRemovals) {
    const std::string table = migrate::key_table_markdown(FlinkVersion{1, 20}, FlinkVersion{2, 0});
    EXPECT_NE(table.find("| `state.backend` | renamed | `state.backend.type` |"), std::string::npos);
    EXPECT_NE(
        table.find("| `taskmanager.heap.size` | replaced | `taskmanager.memory.flink.size` (standalone), "
                   "`taskmanager.memory.process.size` (containers) |"),
        std::string::npos);
    EXPECT_NE(table.find("| `web.backpressure.num-samples` | removed |"), std::string::npos);
}

}  // namespace

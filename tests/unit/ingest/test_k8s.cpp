// Kubernetes manifests: objects, flinkConfiguration, ConfigMap-embedded configs mapped to the manifest.
#include <gtest/gtest.h>

#include "ingest_test_util.hpp"

namespace flinklint {
namespace {

using testing::find_entry;
using testing::ingest_text;
using testing::text_of;

const char* const kFlat =
    "apiVersion: flink.apache.org/v1beta1\n"
    "kind: FlinkDeployment\n"
    "metadata:\n"
    "  name: basic\n"
    "  namespace: flink\n"
    "spec:\n"
    "  image: flink:1.20\n"
    "  flinkVersion: v1_20\n"
    "  flinkConfiguration:\n"
    "    taskmanager.numberOfTaskSlots: \"2\"\n"
    "    state.savepoints.dir: file:///flink-data/savepoints\n"
    "  serviceAccount: flink\n"
    "  jobManager:\n"
    "    resource:\n"
    "      memory: \"2048m\"\n"
    "      cpu: 1\n"
    "  taskManager:\n"
    "    replicas: 3\n"
    "    resource:\n"
    "      memory: \"2048m\"\n"
    "      cpu: 0.5\n"
    "  job:\n"
    "    jarURI: local:///opt/flink/job.jar\n"
    "    parallelism: 2\n"
    "    upgradeMode: stateless\n";

TEST(Manifest, ObjectsOfAListAndOfAnOpenShiftTemplate) {
    for (const auto& [kind, field] : {std::pair<std::string, std::string>{"List", "items"},
                                      std::pair<std::string, std::string>{"Template", "objects"}}) {
        const ParsedFile file = ingest_text("flink.yaml", "apiVersion: v1\nkind: " + kind + "\n" + field +
                                                              ":\n"
                                                              "  - apiVersion: v1\n"
                                                              "    kind: ConfigMap\n"
                                                              "    metadata: {name: flink-config}\n"
                                                              "    data:\n"
                                                              "      flink-conf.yaml: |\n"
                                                              "        taskmanager.numberOfTaskSlots: 2\n");
        ASSERT_EQ(file.objects.size(), 1u) << kind;
        EXPECT_EQ(file.objects[0].kind, "ConfigMap");
        ASSERT_EQ(file.configs.size(), 1u) << kind;
        EXPECT_NE(find_entry(file.configs[0], "taskmanager.numberOfTaskSlots"), nullptr);
    }
}

TEST(FlinkDeployment, AnotherProjectsKindOfTheSameNameIsNotTheOperators) {
    std::string text = kFlat;
    text.replace(0, text.find('\n'), "apiVersion: nextbreakpoint.com/v1");
    const ParsedFile other = ingest_text("deploy.yaml", text);
    ASSERT_EQ(other.objects.size(), 1u);
    EXPECT_FALSE(other.objects[0].flink);
    EXPECT_TRUE(other.configs.empty());
    EXPECT_TRUE(ingest_text("deploy.yaml", kFlat).objects[0].flink);
}

TEST(FlinkDeployment, FlatFlinkConfiguration) {
    const ParsedFile file = ingest_text("deploy.yaml", kFlat);
    ASSERT_EQ(file.format, FileFormat::kubernetes);
    ASSERT_EQ(file.objects.size(), 1u);
    const K8sObject& obj = file.objects[0];
    EXPECT_EQ(obj.kind, "FlinkDeployment");
    EXPECT_EQ(obj.name.value, "basic");
    EXPECT_EQ(obj.namespace_, "flink");
    ASSERT_TRUE(obj.flink);
    EXPECT_EQ(obj.flink->flink_version.value, "v1_20");
    EXPECT_EQ(obj.flink->jm_memory.value, "2048m");
    EXPECT_EQ(text_of(file, obj.flink->jm_memory.span), "\"2048m\"");
    EXPECT_EQ(obj.flink->tm_cpu.value, "0.5");
    EXPECT_EQ(obj.flink->tm_replicas.value, "3");
    EXPECT_TRUE(obj.flink->has_job);
    EXPECT_EQ(obj.flink->job_parallelism.value, "2");
    EXPECT_EQ(obj.flink->service_account.value, "flink");
    EXPECT_FALSE(obj.flink->flink_configuration_nested);

    ASSERT_EQ(file.configs.size(), 1u);
    const ConfigDocument& doc = file.configs[0];
    EXPECT_EQ(doc.format, ConfigFormat::flink_deployment);
    EXPECT_EQ(doc.origin, "FlinkDeployment basic");
    EXPECT_EQ(doc.owner_object, std::optional<std::size_t>(0));
    const ConfigEntry* slots = find_entry(doc, "taskmanager.numberOfTaskSlots");
    ASSERT_NE(slots, nullptr);
    EXPECT_EQ(slots->value, "2");
    EXPECT_TRUE(slots->quoted);
    EXPECT_EQ(file.source->position(slots->key_span.begin), (Position{10, 5}));
    EXPECT_EQ(text_of(file, slots->value_span), "\"2\"");
}

TEST(FlinkDeployment, NestedFlinkConfigurationIsFlattenedTheOperatorsWay) {
    const ParsedFile file = ingest_text("deploy.yaml",
                                        "apiVersion: flink.apache.org/v1beta1\n"
                                        "kind: FlinkDeployment\n"
                                        "metadata:\n"
                                        "  name: nested\n"
                                        "spec:\n"
                                        "  flinkConfiguration:\n"
                                        "    taskmanager.numberOfTaskSlots: 2\n"
                                        "    state:\n"
                                        "      checkpoints.dir: s3://bucket/cp\n"
                                        "    pipeline.classpaths: [a.jar, b.jar]\n"
                                        "    job.autoscaler:\n"
                                        "      enabled: true\n"
                                        "    x.nothing:\n");
    ASSERT_EQ(file.configs.size(), 1u);
    const ConfigDocument& doc = file.configs[0];
    ASSERT_TRUE(file.objects[0].flink);
    EXPECT_TRUE(file.objects[0].flink->flink_configuration_nested);
    EXPECT_EQ(find_entry(doc, "taskmanager.numberOfTaskSlots")->value, "2");
    EXPECT_EQ(find_entry(doc, "taskmanager.numberOfTaskSlots")->kind, ValueKind::integer);
    const ConfigEntry* dir = find_entry(doc, "state.checkpoints.dir");
    ASSERT_NE(dir, nullptr);
    EXPECT_EQ(text_of(file, dir->key_span), "checkpoints.dir");
    EXPECT_EQ(text_of(file, dir->path_spans[0]), "state");
    EXPECT_EQ(find_entry(doc, "pipeline.classpaths")->value, "a.jar;b.jar");
    EXPECT_EQ(find_entry(doc, "job.autoscaler.enabled")->value, "true");
    EXPECT_EQ(find_entry(doc, "x.nothing")->value, "null");
    // The operator passes the text "null" on; the null is reported (FL003), nothing else.
    ASSERT_EQ(doc.issues.size(), 1u);
    EXPECT_EQ(doc.issues[0].kind, SyntaxIssue::Kind::yaml_null_value);
}

const char* const kConfigMap =
    "apiVersion: v1\n"
    "kind: ConfigMap\n"
    "metadata:\n"
    "  name: flink-config\n"
    "data:\n"
    "  flink-conf.yaml: |+\n"
    "    jobmanager.rpc.address: flink-jobmanager\n"
    "    taskmanager.numberOfTaskSlots: 2   # slots\n"
    "\n"
    "    blob.server.port: 6124\n"
    "  config.yaml: |\n"
    "    taskmanager:\n"
    "      memory:\n"
    "        process.size: 1728m\n"
    "  log4j-console.properties: |\n"
    "    rootLogger.level = INFO\n"
    "  folded.yaml: >\n"
    "    jobmanager.rpc.address: a\n";

TEST(ConfigMap, LiteralBlockLegacyMapsToManifestPositions) {
    const ParsedFile file = ingest_text("cm.yaml", kConfigMap);
    ASSERT_EQ(file.objects.size(), 1u);
    EXPECT_EQ(file.objects[0].config_map_keys.size(), 4u);
    ASSERT_GE(file.configs.size(), 2u);
    const ConfigDocument& legacy = file.configs[0];
    EXPECT_EQ(legacy.format, ConfigFormat::legacy);
    EXPECT_EQ(legacy.origin, "ConfigMap flink-config/flink-conf.yaml");
    EXPECT_EQ(legacy.file_name, "flink-conf.yaml");
    EXPECT_TRUE(legacy.spans_exact);
    EXPECT_EQ(legacy.owner_object, std::optional<std::size_t>(0));
    const ConfigEntry* slots = find_entry(legacy, "taskmanager.numberOfTaskSlots");
    ASSERT_NE(slots, nullptr);
    EXPECT_EQ(file.source->position(slots->key_span.begin), (Position{8, 5}));
    EXPECT_EQ(text_of(file, slots->key_span), "taskmanager.numberOfTaskSlots");
    EXPECT_EQ(text_of(file, slots->value_span), "2");
    const ConfigEntry* blob = find_entry(legacy, "blob.server.port");
    ASSERT_NE(blob, nullptr);
    EXPECT_EQ(file.source->position(blob->value_span.begin), (Position{10, 23}));
}

TEST(ConfigMap, LiteralBlockYamlMapsToManifestPositions) {
    const ParsedFile file = ingest_text("cm.yaml", kConfigMap);
    ASSERT_GE(file.configs.size(), 2u);
    const ConfigDocument& yaml = file.configs[1];
    EXPECT_EQ(yaml.format, ConfigFormat::yaml);
    EXPECT_EQ(yaml.file_name, "config.yaml");
    EXPECT_TRUE(yaml.spans_exact);
    const ConfigEntry* size = find_entry(yaml, "taskmanager.memory.process.size");
    ASSERT_NE(size, nullptr);
    EXPECT_EQ(file.source->position(size->key_span.begin), (Position{14, 9}));
    EXPECT_EQ(text_of(file, size->key_span), "process.size");
    EXPECT_EQ(text_of(file, size->path_spans[0]), "taskmanager");
    EXPECT_EQ(text_of(file, size->value_span), "1728m");
}

TEST(ConfigMap, FoldedBlockSpansPointAtTheScalar) {
    const ParsedFile file = ingest_text("cm.yaml", kConfigMap);
    ASSERT_EQ(file.configs.size(), 3u);  // the properties file is not a Flink config
    const ConfigDocument& folded = file.configs[2];
    EXPECT_FALSE(folded.spans_exact);
    ASSERT_EQ(folded.entries.size(), 1u);
    EXPECT_EQ(text_of(file, folded.entries[0].key_span), ">\n    jobmanager.rpc.address: a");
}

TEST(ConfigMap, CrlfManifest) {
    std::string text = kConfigMap;
    std::string crlf;
    for (char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const ParsedFile file = ingest_text("cm.yaml", crlf);
    const ConfigEntry* slots = find_entry(file.configs.at(0), "taskmanager.numberOfTaskSlots");
    ASSERT_NE(slots, nullptr);
    EXPECT_EQ(file.source->position(slots->key_span.begin), (Position{8, 5}));
    EXPECT_EQ(text_of(file, slots->value_span), "2");
}

TEST(Workloads, PodSpecsServicesAndFlinkProperties) {
    const ParsedFile file = ingest_text("jm.yaml",
                                        "apiVersion: apps/v1\n"
                                        "kind: Deployment\n"
                                        "metadata:\n"
                                        "  name: flink-jobmanager\n"
                                        "spec:\n"
                                        "  replicas: 1\n"
                                        "  template:\n"
                                        "    metadata:\n"
                                        "      labels: {app: flink, component: jobmanager}\n"
                                        "    spec:\n"
                                        "      containers:\n"
                                        "      - name: jobmanager\n"
                                        "        image: flink:1.20\n"
                                        "        args: [\"jobmanager\"]\n"
                                        "        env:\n"
                                        "        - name: FLINK_PROPERTIES\n"
                                        "          value: |\n"
                                        "            jobmanager.rpc.address: flink-jobmanager\n"
                                        "        - name: SECRET\n"
                                        "          valueFrom: {secretKeyRef: {name: s, key: k}}\n"
                                        "        ports:\n"
                                        "        - containerPort: 6123\n"
                                        "          name: rpc\n"
                                        "        livenessProbe:\n"
                                        "          tcpSocket:\n"
                                        "            port: 6123\n"
                                        "        volumeMounts:\n"
                                        "        - name: flink-config-volume\n"
                                        "          mountPath: /opt/flink/conf\n"
                                        "        resources:\n"
                                        "          limits: {memory: 2Gi, cpu: \"1\"}\n"
                                        "      volumes:\n"
                                        "      - name: flink-config-volume\n"
                                        "        configMap:\n"
                                        "          name: flink-config\n"
                                        "          items:\n"
                                        "          - key: config.yaml\n"
                                        "            path: config.yaml\n"
                                        "---\n"
                                        "apiVersion: v1\n"
                                        "kind: Service\n"
                                        "metadata:\n"
                                        "  name: flink-jobmanager\n"
                                        "spec:\n"
                                        "  type: ClusterIP\n"
                                        "  selector: {app: flink}\n"
                                        "  ports:\n"
                                        "  - name: rpc\n"
                                        "    port: 6123\n"
                                        "    targetPort: rpc\n");
    ASSERT_EQ(file.objects.size(), 2u);
    const K8sObject& deploy = file.objects[0];
    ASSERT_TRUE(deploy.pod);
    EXPECT_EQ(deploy.replicas, std::optional<std::int64_t>(1));
    EXPECT_EQ(deploy.pod->labels.at("component"), "jobmanager");
    ASSERT_EQ(deploy.pod->containers.size(), 1u);
    const Container& c = deploy.pod->containers[0];
    EXPECT_EQ(c.args.at(0).value, "jobmanager");
    ASSERT_EQ(c.ports.size(), 1u);
    EXPECT_EQ(c.ports[0].container_port.value, "6123");
    EXPECT_EQ(c.ports[0].name.value, "rpc");
    ASSERT_EQ(c.probes.size(), 1u);
    EXPECT_EQ(c.probes[0].kind, "liveness");
    EXPECT_EQ(c.probes[0].handler, "tcpSocket");
    EXPECT_EQ(c.probes[0].port.value, "6123");
    ASSERT_EQ(c.env.size(), 2u);
    EXPECT_TRUE(c.env[1].from_secret);
    EXPECT_EQ(c.memory_limit.value, "2Gi");
    EXPECT_EQ(c.cpu_limit.value, "1");
    ASSERT_EQ(deploy.pod->volumes.size(), 1u);
    EXPECT_EQ(deploy.pod->volumes[0].config_map_name.value, "flink-config");
    EXPECT_EQ(deploy.pod->volumes[0].config_map_items.at(0).first.value, "config.yaml");

    const K8sObject& service = file.objects[1];
    ASSERT_TRUE(service.service);
    EXPECT_EQ(service.service->type.value, "ClusterIP");
    EXPECT_EQ(service.service->selector.at("app"), "flink");
    EXPECT_EQ(service.service->ports.at(0).target_port.value, "rpc");
    EXPECT_EQ(text_of(file, service.span).substr(0, 11), "apiVersion:");

    ASSERT_EQ(file.configs.size(), 1u);
    const ConfigDocument& props = file.configs[0];
    EXPECT_EQ(props.format, ConfigFormat::compose_properties);
    EXPECT_TRUE(props.spans_exact);
    ASSERT_EQ(props.entries.size(), 1u);
    EXPECT_EQ(text_of(file, props.entries[0].key_span), "jobmanager.rpc.address");
    EXPECT_EQ(file.source->position(props.entries[0].key_span.begin), (Position{18, 13}));
}

TEST(Manifests, BrokenDocumentDoesNotHideTheOthers) {
    const ParsedFile file = ingest_text("m.yaml",
                                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n---\n"
                                        "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n");
    ASSERT_EQ(file.objects.size(), 1u);
    EXPECT_EQ(file.objects[0].name.value, "b");
    ASSERT_EQ(file.issues.size(), 1u);
    EXPECT_EQ(file.issues[0].kind, SyntaxIssue::Kind::yaml_error);
    EXPECT_LE(file.issues[0].span.begin, file.source->text().find("---"));
}

TEST(Compose, ServicesKeepCommandEntrypointAndVolumes) {
    const ParsedFile file = ingest_text("docker-compose.yml",
                                        "services:\n"
                                        "  jobmanager:\n"
                                        "    image: flink:2.0\n"
                                        "    entrypoint: [\"/docker-entrypoint.sh\"]\n"
                                        "    command: jobmanager start-foreground\n"
                                        "    volumes:\n"
                                        "      - ./conf/flink-conf.yaml:/opt/flink/conf/flink-conf.yaml:ro\n"
                                        "      - /data\n"
                                        "      - type: bind\n"
                                        "        source: ./ckpt\n"
                                        "        target: /tmp/ckpt\n");
    ASSERT_EQ(file.compose_services.size(), 1u);
    const ComposeService& service = file.compose_services[0];
    EXPECT_EQ(service.where, "service jobmanager");
    EXPECT_EQ(service.image.value, "flink:2.0");
    ASSERT_EQ(service.entrypoint.size(), 1u);
    EXPECT_EQ(service.entrypoint[0].value, "/docker-entrypoint.sh");
    ASSERT_EQ(service.command.size(), 1u);
    EXPECT_EQ(service.command[0].value, "jobmanager start-foreground");
    ASSERT_EQ(service.mounts.size(), 3u);
    EXPECT_EQ(service.mounts[0].source, "./conf/flink-conf.yaml");
    EXPECT_EQ(service.mounts[0].target, "/opt/flink/conf/flink-conf.yaml");
    EXPECT_EQ(service.mounts[1].source, "");
    EXPECT_EQ(service.mounts[1].target, "/data");
    EXPECT_EQ(service.mounts[2].source, "./ckpt");
    EXPECT_EQ(service.mounts[2].target, "/tmp/ckpt");
    EXPECT_EQ(file.source->position(service.mounts[2].span.begin).line, 9);
    EXPECT_TRUE(service.mounts[0].read_only);
    EXPECT_FALSE(service.mounts[2].read_only);
    EXPECT_FALSE(service.memory_limit);
}

TEST(Compose, MemoryLimitFromDeployOrMemLimit) {
    const ParsedFile file = ingest_text("docker-compose.yml",
                                        "services:\n"
                                        "  jobmanager:\n"
                                        "    image: flink:1.18\n"
                                        "    mem_limit: 1g\n"
                                        "  taskmanager:\n"
                                        "    image: flink:1.18\n"
                                        "    volumes:\n"
                                        "      - type: bind\n"
                                        "        source: ./conf\n"
                                        "        target: /opt/flink/conf\n"
                                        "        read_only: true\n"
                                        "    deploy:\n"
                                        "      resources:\n"
                                        "        limits: {memory: 1536M}\n");
    ASSERT_EQ(file.compose_services.size(), 2u);
    EXPECT_EQ(file.compose_services[0].memory_limit.value, "1g");
    EXPECT_EQ(file.source->position(file.compose_services[0].memory_limit.span.begin).line, 4);
    EXPECT_EQ(file.compose_services[1].memory_limit.value, "1536M");
    ASSERT_EQ(file.compose_services[1].mounts.size(), 1u);
    EXPECT_TRUE(file.compose_services[1].mounts[0].read_only);
}

}  // namespace
}  // namespace flinklint

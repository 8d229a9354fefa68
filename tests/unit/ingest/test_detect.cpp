// Format detection by name and content, forced formats, and docker-compose files.
#include <gtest/gtest.h>

#include "ingest_test_util.hpp"

namespace flinklint {
namespace {

using testing::ingest_text;
using testing::text_of;

TEST(Detect, FlinkConfYamlIsLegacyWhateverItHolds) {
    EXPECT_EQ(ingest_text("/opt/flink/conf/flink-conf.yaml", "taskmanager.numberOfTaskSlots: 2\n").format,
              FileFormat::legacy);
    // Nested YAML in a file named flink-conf.yaml: Flink <= 1.20 still reads it line by line.
    const ParsedFile nested = ingest_text("flink-conf.yaml", "taskmanager:\n  numberOfTaskSlots: 2\n");
    EXPECT_EQ(nested.format, FileFormat::legacy);
    ASSERT_EQ(nested.configs.size(), 1u);
    EXPECT_EQ(nested.configs[0].format, ConfigFormat::legacy);
    EXPECT_EQ(nested.configs[0].file_name, "flink-conf.yaml");
    // Corpora that flatten paths with `__` keep the file name after the last `__`.
    EXPECT_EQ(ingest_text("owner__repo__conf__flink-conf.yaml", "a: b\n").format, FileFormat::legacy);
}

TEST(Detect, ManifestNamedFlinkConfYamlIsAManifest) {
    // A ConfigMap saved as flink-conf.yaml for `kubectl apply`: its embedded file is the configuration,
    // its apiVersion/kind/metadata are no Flink keys.
    const ParsedFile manifest =
        ingest_text("k8s/flink-conf.yaml",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flink-config\n"
                    "data:\n  flink-conf.yaml: |\n    taskmanager.numberOfTaskSlots: 2\n");
    EXPECT_EQ(manifest.format, FileFormat::kubernetes);
    ASSERT_EQ(manifest.configs.size(), 1u);
    EXPECT_EQ(manifest.configs[0].entries.at(0).key, "taskmanager.numberOfTaskSlots");
    // `kind` alone (or indented under another key) is not a manifest: the file stays Flink's.
    EXPECT_EQ(ingest_text("flink-conf.yaml", "kind: x\ntaskmanager.numberOfTaskSlots: 2\n").format,
              FileFormat::legacy);
}

TEST(Detect, FlinkConfYamlOfForeignSettingsIsSkipped) {
    // Three keys or more, none under a Flink namespace: an application's settings under Flink's name.
    const ParsedFile app =
        ingest_text("src/main/resources/flink-conf.yaml",
                    "kafka.brokers: localhost:9092\nmongo.db: events\nmongo.port: 27017\n");
    EXPECT_EQ(app.format, FileFormat::unknown);
    EXPECT_EQ(app.skip_reason, "flink-conf.yaml without Flink options");
    // One Flink key is enough to lint the file (its other keys are FL101's), and so are one or two
    // foreign keys alone: too little to say the file is not Flink's.
    EXPECT_EQ(
        ingest_text("flink-conf.yaml", "kafka.brokers: k\nmongo.db: e\nstate.backend: rocksdb\n").format,
        FileFormat::legacy);
    EXPECT_EQ(ingest_text("flink-conf.yaml", "some.parameter: abc\nanother.one: 1\n").format,
              FileFormat::legacy);
    // Misspelled Flink namespaces are a Flink file gone wrong: read, so FL101 can say what was meant.
    EXPECT_EQ(ingest_text("flink-conf.yaml",
                          "taskmanger.numberOfTaskSlots: 4\nparalelism.default: 2\nstat.backend: rocksdb\n")
                  .format,
              FileFormat::legacy);
}

TEST(Detect, ConfigYamlWithFlinkKeys) {
    EXPECT_EQ(ingest_text("conf/config.yaml", "jobmanager:\n  rpc:\n    address: localhost\n").format,
              FileFormat::yaml);
    const ParsedFile other = ingest_text("app/config.yaml", "server:\n  port: 80\nlogging: debug\n");
    EXPECT_EQ(other.format, FileFormat::unknown);
    EXPECT_FALSE(other.skip_reason.empty());
}

TEST(Detect, ConfigYamlOfOneFlinkOptionIsFlinks) {
    // No cluster key and a namespace other programs use too, but an option of Flink's catalogs: read,
    // so that its value is checked (`yes` is no boolean to Flink's YAML 1.2 reader).
    for (const char* text : {"pipeline.object-reuse: yes\n", "pipeline:\n  object-reuse: yes\n",
                             "table.exec.mini-batch.enabled: true\n"}) {
        SCOPED_TRACE(text);
        const ParsedFile file = ingest_text("conf/config.yaml", text);
        EXPECT_EQ(file.format, FileFormat::yaml);
        ASSERT_EQ(file.configs.size(), 1u);
    }
    // The same namespaces with keys that are no Flink option: another program's config.yaml.
    EXPECT_EQ(ingest_text("app/config.yaml", "metrics:\n  enabled: true\npipeline: build\n").format,
              FileFormat::unknown);
    EXPECT_EQ(ingest_text("app/config.yaml", "s3.bucket: data\n").format, FileFormat::unknown);
}

TEST(Detect, OtherNamesByContent) {
    EXPECT_EQ(
        ingest_text("flink.yaml", "jobmanager.rpc.address: jm\ntaskmanager.numberOfTaskSlots: 2\n").format,
        FileFormat::legacy);
    EXPECT_EQ(ingest_text("flink.yaml", "taskmanager:\n  numberOfTaskSlots: 2\n").format, FileFormat::yaml);
    EXPECT_EQ(ingest_text("x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n").format,
              FileFormat::kubernetes);
    EXPECT_EQ(ingest_text("docker-compose.yml", "services:\n  jm:\n    image: flink:1.20\n").format,
              FileFormat::compose);
}

TEST(Detect, SkipsNonFlinkFiles) {
    const ParsedFile workflow =
        ingest_text(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu\n");
    EXPECT_EQ(workflow.format, FileFormat::unknown);
    EXPECT_TRUE(workflow.configs.empty());
    const ParsedFile compose = ingest_text("docker-compose.yml", "services:\n  db:\n    image: postgres\n");
    EXPECT_EQ(compose.format, FileFormat::unknown);
    const ParsedFile binary =
        ingest_text("flink.yaml", std::string("jobmanager.rpc.address: a\n\0\x01\x02", 30));
    EXPECT_EQ(binary.format, FileFormat::unknown);
    EXPECT_NE(binary.skip_reason.find("binary"), std::string::npos);
    const ParsedFile latin1 = ingest_text("flink.yaml", "jobmanager.rpc.address: caf\xE9\n");
    EXPECT_EQ(latin1.format, FileFormat::unknown);
    EXPECT_NE(latin1.skip_reason.find("UTF-8"), std::string::npos);
}

TEST(Detect, StandardInputHasNoNameToGoBy) {
    EXPECT_EQ(ingest_text("<stdin>", "jobmanager.rpc.address: jm\n").format, FileFormat::legacy);
    EXPECT_EQ(ingest_text("-", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n").format,
              FileFormat::kubernetes);
    EXPECT_EQ(ingest_text("", "").format, FileFormat::unknown);
}

// Helm chart templates are YAML only once rendered: skipped with a note, never a syntax error.
TEST(Detect, HelmTemplatesAreSkippedWithTheRenderCommand) {
    const ParsedFile chart = ingest_text("chart/templates/flink-configmap.yaml",
                                         "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                                         "  name: {{ include \"app.fullname\" . }}\ndata:\n"
                                         "  flink-conf.yaml: |\n    parallelism.default: 2\n");
    EXPECT_EQ(chart.format, FileFormat::unknown);
    EXPECT_NE(chart.skip_reason.find("a Helm chart template (line 4"), std::string::npos)
        << chart.skip_reason;
    EXPECT_NE(chart.skip_reason.find("helm template CHART | flinklint check --stdin-filename "
                                     "flink-configmap.yaml -"),
              std::string::npos)
        << chart.skip_reason;
    EXPECT_TRUE(chart.skip_said);  // it may hold Flink settings: said without --verbose
    // Each marker alone: trimming, Helm's objects (even quoted), a control line, a plain value.
    for (const char* text : {"a: 1\n{{- if .Values.ha }}\nb: 2\n{{- end }}\n",
                             "jobmanager.rpc.address: \"{{ .Values.jobmanager }}\"\n",
                             "{{ if true }}\nparallelism.default: 2\n{{ end }}\n",
                             "taskmanager:\n  numberOfTaskSlots: {{ slots }}\n"}) {
        const ParsedFile file = ingest_text("config.yaml", text);
        EXPECT_EQ(file.format, FileFormat::unknown) << text;
        EXPECT_NE(file.skip_reason.find("Helm chart template"), std::string::npos) << text;
    }
    // A quoted placeholder, or one inside a block scalar, is a value (the placeholder policy's).
    EXPECT_EQ(ingest_text("config.yaml", "parallelism.default: \"{{ p }}\"\n").format, FileFormat::yaml);
    EXPECT_EQ(ingest_text("cm.yaml",
                          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n"
                          "  flink-conf.yaml: |\n    parallelism.default: {{ p }}\n")
                  .format,
              FileFormat::kubernetes);
    // Flink's line parser reads `{{ p }}` as text: a legacy file is a template only by Helm's markers.
    EXPECT_EQ(ingest_text("flink-conf.yaml", "parallelism.default: {{ p }}\n").format, FileFormat::legacy);
    // A chart of other software is skipped quietly like other YAML.
    EXPECT_FALSE(ingest_text("web.yaml", "replicas: {{ .Values.replicas }}\n").skip_said);
}

TEST(Detect, ForcedFormatWins) {
    IngestOptions options;
    options.forced_format = FileFormat::yaml;
    EXPECT_EQ(ingest_text("flink-conf.yaml", "a:\n  b: 1\n", options).format, FileFormat::yaml);
    options.forced_format = FileFormat::legacy;
    const ParsedFile legacy = ingest_text("anything.txt", "a.b: 1\n", options);
    EXPECT_EQ(legacy.format, FileFormat::legacy);
    EXPECT_EQ(legacy.configs.at(0).entries.size(), 1u);
}

TEST(Detect, ParseFileFormat) {
    EXPECT_EQ(parse_file_format("legacy"), FileFormat::legacy);
    EXPECT_EQ(parse_file_format("yaml"), FileFormat::yaml);
    EXPECT_EQ(parse_file_format("k8s"), FileFormat::kubernetes);
    EXPECT_EQ(parse_file_format("compose"), FileFormat::compose);
    EXPECT_EQ(parse_file_format("toml"), std::nullopt);
}

TEST(Compose, FlinkPropertiesInMapAndListForm) {
    const ParsedFile file = ingest_text("docker-compose.yml",
                                        "services:\n"
                                        "  jobmanager:\n"
                                        "    image: flink:1.20\n"
                                        "    environment:\n"
                                        "      - |\n"
                                        "        FLINK_PROPERTIES=\n"
                                        "        jobmanager.rpc.address: jobmanager\n"
                                        "  taskmanager:\n"
                                        "    image: flink:1.20\n"
                                        "    environment:\n"
                                        "      FLINK_PROPERTIES: |\n"
                                        "        jobmanager.rpc.address: jobmanager\n"
                                        "        taskmanager.numberOfTaskSlots: 2\n"
                                        "  sql:\n"
                                        "    image: flink:1.20\n"
                                        "    environment:\n"
                                        "      - \"FLINK_PROPERTIES=rest.address: jobmanager\"\n");
    ASSERT_EQ(file.format, FileFormat::compose);
    ASSERT_EQ(file.configs.size(), 3u);
    for (const ConfigDocument& doc : file.configs) {
        EXPECT_EQ(doc.format, ConfigFormat::compose_properties);
        EXPECT_TRUE(doc.spans_exact) << doc.origin;
        for (const ConfigEntry& e : doc.entries) EXPECT_EQ(text_of(file, e.key_span), e.key);
    }
    EXPECT_EQ(file.configs[0].origin, "service jobmanager FLINK_PROPERTIES");
    ASSERT_EQ(file.configs[0].entries.size(), 1u);
    EXPECT_EQ(file.source->position(file.configs[0].entries[0].key_span.begin), (Position{7, 9}));
    ASSERT_EQ(file.configs[1].entries.size(), 2u);
    EXPECT_EQ(text_of(file, file.configs[1].entries[1].value_span), "2");
    ASSERT_EQ(file.configs[2].entries.size(), 1u);
    EXPECT_EQ(text_of(file, file.configs[2].entries[0].value_span), "jobmanager");
}

// Service definitions without `services:` (merged by `docker compose -f` or `extends`), indented as a
// whole: compose services, not Flink's nested `jobmanager:` / `taskmanager:` blocks with unknown keys.
TEST(Compose, AFragmentOfServicesIsReadAsCompose) {
    const ParsedFile file = ingest_text("services/flink.yml",
                                        "\n"
                                        "  jobmanager:\n"
                                        "    container_name: jobmanager\n"
                                        "    build:\n"
                                        "      context: ./docker/flink\n"
                                        "    command: jobmanager\n"
                                        "    environment:\n"
                                        "      - |\n"
                                        "        FLINK_PROPERTIES=\n"
                                        "        jobmanager.rpc.address: jobmanager\n"
                                        "  taskmanager:\n"
                                        "    image: flink:1.17\n"
                                        "    command: taskmanager\n"
                                        "  networks:\n"
                                        "    default: {}\n");
    ASSERT_EQ(file.format, FileFormat::compose);
    ASSERT_EQ(file.compose_services.size(), 2u);  // `networks` is the file's section, not a service
    EXPECT_EQ(file.compose_services[0].where, "service jobmanager");
    EXPECT_EQ(file.compose_services[1].where, "service taskmanager");
    ASSERT_EQ(file.configs.size(), 1u);
    EXPECT_EQ(file.configs[0].origin, "service jobmanager FLINK_PROPERTIES");

    // Without Flink in it, a fragment is some other program's: skipped.
    EXPECT_EQ(ingest_text("db.yml", "db:\n  image: postgres\n  ports: ['5432:5432']\n").format,
              FileFormat::unknown);
    // Flink's own blocks have none of a service's attributes (nor do `env.java.opts` and friends).
    EXPECT_EQ(ingest_text("flink.yml",
                          "jobmanager:\n  rpc:\n    address: jm\n  memory:\n    process.size: 1g\n"
                          "env:\n  java:\n    opts: -Dx=1\n")
                  .format,
              FileFormat::yaml);
}

TEST(Compose, MergeKeysBringTheEnvironmentIn) {
    const ParsedFile file = ingest_text("compose.yaml",
                                        "x-flink: &flink\n"
                                        "  image: apache/flink:1.20\n"
                                        "  environment:\n"
                                        "    FLINK_PROPERTIES: |\n"
                                        "      taskmanager.numberOfTaskSlots: 4\n"
                                        "services:\n"
                                        "  taskmanager:\n"
                                        "    <<: *flink\n"
                                        "    command: taskmanager\n");
    ASSERT_EQ(file.format, FileFormat::compose);
    ASSERT_EQ(file.configs.size(), 1u);
    ASSERT_EQ(file.configs[0].entries.size(), 1u);
    EXPECT_EQ(file.source->position(file.configs[0].entries[0].key_span.begin), (Position{5, 7}));
}

}  // namespace
}  // namespace flinklint

// The Flink version of each configuration: each source of evidence, and their order.
#include <gtest/gtest.h>

#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"

using namespace flinklint;

namespace {

struct Checked {
    std::string version;
    VersionSource source;
    std::string reason;
};

std::vector<Checked> versions_of(std::vector<std::pair<std::string, std::string>> files,
                                 const ModelOptions& options = {}) {
    std::vector<ParsedFile> parsed;
    for (auto& [path, text] : files)
        parsed.push_back(ingest(std::make_shared<const Source>(path, std::move(text))));
    const Model model(std::move(parsed), options);
    std::vector<Checked> out;
    for (const FlinkConfig& config : model.configs())
        out.push_back({config.version().str(), config.version_source(), config.version_reason()});
    return out;
}

Checked only(std::string path, std::string text, const ModelOptions& options = {}) {
    const auto all = versions_of({{std::move(path), std::move(text)}}, options);
    EXPECT_EQ(all.size(), 1U);
    return all.empty() ? Checked{} : all.front();
}

FlinkVersion v(int major, int minor) {
    return FlinkVersion{major, minor};
}

const char* const kDeployment = R"(apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: job
spec:
  image: flink:1.18.1-scala_2.12-java11
  flinkVersion: v1_17
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
)";

const char* const kCompose = R"(services:
  jobmanager:
    image: flink:1.17.2-scala_2.12-java11
    environment:
      - |
        FLINK_PROPERTIES=
        jobmanager.rpc.address: jobmanager
)";

const char* const kMounted = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: flink-config
data:
  flink-conf.yaml: |
    taskmanager.numberOfTaskSlots: 2
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: flink-taskmanager
spec:
  template:
    metadata:
      labels: {component: taskmanager}
    spec:
      containers:
        - name: taskmanager
          image: registry.example.com/data/flink:1.18.1-build7
          args: ["taskmanager"]
          volumeMounts:
            - name: conf
              mountPath: /opt/flink/conf
      volumes:
        - name: conf
          configMap:
            name: flink-config
)";

}  // namespace

TEST(VersionInference, DefaultIs120) {
    const Checked c = only("flink-conf.yaml", "taskmanager.numberOfTaskSlots: 2\n");
    EXPECT_EQ(c.version, "1.20");
    EXPECT_EQ(c.source, VersionSource::default_version);
}

TEST(VersionInference, CommandLineThenConfigFileAreTheDefault) {
    EXPECT_EQ(
        only("flink-conf.yaml", "a: 1\n", {.cli_version = v(1, 19), .config_version = v(1, 18)}).version,
        "1.19");
    const Checked c = only("flink-conf.yaml", "a: 1\n", {.config_version = v(1, 18)});
    EXPECT_EQ(c.version, "1.18");
    EXPECT_EQ(c.source, VersionSource::config_file);
}

TEST(VersionInference, InlineComment) {
    const Checked c =
        only("conf/flink-conf.yaml", "# flinklint: flink-version=1.17\na: 1\n", {.cli_version = v(2, 0)});
    EXPECT_EQ(c.version, "1.17");
    EXPECT_EQ(c.source, VersionSource::inline_comment);
    EXPECT_EQ(c.reason, "comment in conf/flink-conf.yaml:1");
}

TEST(VersionInference, PerPathBeatsFlinkDeployment) {
    ModelOptions options;
    options.path_versions.emplace("job.yaml", VersionEvidence{v(1, 19), VersionSource::per_path, "per-path"});
    const Checked c = only("job.yaml", kDeployment, options);
    EXPECT_EQ(c.version, "1.19");
    EXPECT_EQ(c.source, VersionSource::per_path);
}

TEST(VersionInference, InlineCommentBeatsPerPath) {
    ModelOptions options;
    options.path_versions.emplace("conf/flink-conf.yaml",
                                  VersionEvidence{v(1, 19), VersionSource::per_path, "per-path"});
    EXPECT_EQ(only("conf/flink-conf.yaml", "# flinklint: flink-version=1.18\na: 1\n", options).version,
              "1.18");
}

TEST(VersionInference, FlinkDeploymentBeatsImageAndCommandLine) {
    const Checked c = only("job.yaml", kDeployment, {.cli_version = v(2, 0)});
    EXPECT_EQ(c.version, "1.17");
    EXPECT_EQ(c.source, VersionSource::flink_deployment);
    EXPECT_EQ(c.reason, "spec.flinkVersion v1_17 in job.yaml:7");
}

TEST(VersionInference, FlinkDeploymentImageWithoutFlinkVersion) {
    std::string text = kDeployment;
    text.erase(text.find("  flinkVersion: v1_17\n"), std::string("  flinkVersion: v1_17\n").size());
    const Checked c = only("job.yaml", text, {.cli_version = v(2, 0)});
    EXPECT_EQ(c.version, "1.18");
    EXPECT_EQ(c.reason, "image flink:1.18.1-scala_2.12-java11 in job.yaml:6");
}

TEST(VersionInference, ComposeImage) {
    const Checked c = only("docker-compose.yaml", kCompose);
    EXPECT_EQ(c.version, "1.17");
    EXPECT_EQ(c.source, VersionSource::image);
    EXPECT_EQ(c.reason, "image flink:1.17.2-scala_2.12-java11 in docker-compose.yaml:3");
}

TEST(VersionInference, ImageOfTheContainerThatMountsTheConfigMap) {
    const Checked c = only("flink.yaml", kMounted, {.cli_version = v(2, 0)});
    EXPECT_EQ(c.version, "1.18");
    EXPECT_EQ(c.source, VersionSource::image);
    EXPECT_NE(c.reason.find("registry.example.com/data/flink:1.18.1-build7 in flink.yaml:20"),
              std::string::npos)
        << c.reason;
}

TEST(VersionInference, ForcedBeatsEverything) {
    const ModelOptions options{.forced_version = v(2, 1)};
    EXPECT_EQ(only("job.yaml", kDeployment, options).version, "2.1");
    EXPECT_EQ(only("docker-compose.yaml", kCompose, options).source, VersionSource::forced);
    EXPECT_EQ(only("conf/flink-conf.yaml", "# flinklint: flink-version=1.18\na: 1\n", options).version,
              "2.1");
}

TEST(VersionInference, VersionWithoutCatalogIsCheckedAgainstTheNearest) {
    const Checked c = only("flink-conf.yaml", "# flinklint: flink-version=1.13\na: 1\n");
    EXPECT_EQ(c.version, "1.13");
    EXPECT_EQ(c.reason, "comment in flink-conf.yaml:1; no catalog for 1.13, checked against 1.15");
    EXPECT_EQ(catalog_version_for(v(1, 16)).str(), "1.15");
    EXPECT_EQ(catalog_version_for(v(2, 5)).str(), "2.2");
}

TEST(VersionInference, ImageTags) {
    EXPECT_EQ(image_flink_version("flink:1.17.2-scala_2.12-java11"), v(1, 17));
    EXPECT_EQ(image_flink_version("apache/flink:1.18"), v(1, 18));
    EXPECT_EQ(image_flink_version("my.registry:5000/flink-custom:2.0.1-java17"), v(2, 0));
    EXPECT_EQ(image_flink_version("registry.example.com/team/flink:1.19.1"), v(1, 19));
    // A custom image's tag is the application's version unless it has the official images' shape.
    EXPECT_EQ(image_flink_version("my.registry:5000/flink-custom:2.0.1"), std::nullopt);
    EXPECT_EQ(image_flink_version("sealos.hub:5000/flink-benchmark:1.5"), std::nullopt);
    EXPECT_EQ(image_flink_version("my-flink-app:1.3.0"), std::nullopt);
    // A recent 1.x release in a custom tag is Flink's own number (an image built FROM flink:1.18).
    EXPECT_EQ(image_flink_version("nigeria-flink:1.18-cdc"), v(1, 18));
    EXPECT_EQ(image_flink_version("myorg/flink:1.18-cdc"), v(1, 18));
    EXPECT_EQ(image_flink_version("flink-custom:1.17.2"), v(1, 17));
    EXPECT_EQ(image_flink_version("flink-custom:1.17.2-scala_2.12-java11"), v(1, 17));
    // Not for 2.x, older minors, or an application's image.
    EXPECT_EQ(image_flink_version("flink-custom:2.1"), std::nullopt);
    EXPECT_EQ(image_flink_version("flink-custom:1.9"), std::nullopt);
    EXPECT_EQ(image_flink_version("my-flink-app:1.12.0"), std::nullopt);
    EXPECT_EQ(image_flink_version("flink-wordcount-job:1.15"), std::nullopt);
    EXPECT_EQ(image_flink_version("flink:latest"), std::nullopt);
    EXPECT_EQ(image_flink_version("busybox:1.36"), std::nullopt);
    EXPECT_EQ(image_flink_version("my.registry:5000/flink"), std::nullopt);
}

TEST(VersionInference, ConfDirectoryOfAnUnpackedDistribution) {
    const std::string text = "jobmanager.rpc.address: localhost\ntaskmanager.heap.size: 1024m\n";
    for (const std::string path :
         {"deploy/flink-1.8.1/conf/flink-conf.yaml", "flink-1.8__conf__flink-conf.yaml"}) {
        const Checked c = only(path, text);
        EXPECT_EQ(c.version, "1.8") << path;
        EXPECT_EQ(c.source, VersionSource::distribution) << path;
    }
    // Only the directory right above conf/, and only a version after `flink-`.
    for (const std::string path : {"flink-1.8.1/other/conf/flink-conf.yaml", "flink-k8s/conf/flink-conf.yaml",
                                   "flink-1.8.1/flink-conf.yaml"}) {
        EXPECT_EQ(only(path, "jobmanager.rpc.address: localhost\n").source, VersionSource::default_version)
            << path;
    }
    // Weaker than an explicit version in the file.
    const Checked c = only("flink-1.8.1/conf/flink-conf.yaml", "# flinklint: flink-version=1.17\n" + text);
    EXPECT_EQ(c.version, "1.17");
}

TEST(VersionInference, ImageOfTheComposeServiceThatMountsTheFile) {
    const char* const compose = R"(services:
  jobmanager:
    image: flink:1.4.2-hadoop28-scala_2.11-alpine
    volumes:
      - ./jm_conf:/opt/flink/conf
  taskmanager:
    image: flink:1.9.3
    volumes:
      - ../shared/flink-conf.yaml:/opt/flink/conf/flink-conf.yaml:ro
      - data:/opt/flink/conf
)";
    const auto all = versions_of({{"deploy/docker-compose.yml", compose},
                                  {"deploy/jm_conf/flink-conf.yaml", "jobmanager.heap.mb: 1024\n"},
                                  {"shared/flink-conf.yaml", "taskmanager.heap.mb: 1024\n"},
                                  {"deploy/other/flink-conf.yaml", "taskmanager.numberOfTaskSlots: 2\n"}});
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].version, "1.4");
    EXPECT_EQ(all[0].source, VersionSource::image);
    // No catalog for 1.4: the reason goes on to name the nearest catalog it is checked against.
    EXPECT_TRUE(all[0].reason.starts_with(
        "image flink:1.4.2-hadoop28-scala_2.11-alpine in deploy/docker-compose.yml:3 "
        "of service jobmanager, which mounts it"))
        << all[0].reason;
    EXPECT_EQ(all[1].version, "1.9");
    EXPECT_EQ(all[2].source, VersionSource::default_version);  // mounted by nothing
}

TEST(VersionInference, ComposeMountInAFlattenedCorpusPath) {
    // Corpora that flatten paths write `deploy__jm_conf__flink-conf.yaml` for deploy/jm_conf/flink-conf.yaml.
    const auto all = versions_of(
        {{"repo__deploy__docker-compose.yml",
          "services:\n  jm:\n    image: flink:1.9\n    volumes:\n      - ./jm_conf/:/opt/flink/conf/\n"},
         {"repo__deploy__jm_conf__flink-conf.yaml", "jobmanager.heap.size: 1g\n"}});
    ASSERT_EQ(all.size(), 1U);
    EXPECT_EQ(all[0].version, "1.9");
}

TEST(VersionInference, DockerfileBesideTheFile) {
    const char* const dockerfile =
        "# syntax=docker/dockerfile:1\nARG FLINK_VERSION=1.18.1\n"
        "FROM maven:3 AS build\nRUN mvn package\n"
        "FROM flink:${FLINK_VERSION}-scala_2.12-java11\nCOPY conf/ /opt/flink/conf/\n";
    const auto all = versions_of({{"deploy/Dockerfile", dockerfile},
                                  {"deploy/flink-conf.yaml", "state.backend: rocksdb\n"},
                                  {"other/flink-conf.yaml", "state.backend: rocksdb\n"}});
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].version, "1.18");
    EXPECT_EQ(all[0].source, VersionSource::sibling_dockerfile);
    EXPECT_EQ(all[0].reason, "FROM flink:1.18.1-scala_2.12-java11 in deploy/Dockerfile:5");
    EXPECT_EQ(all[1].source, VersionSource::default_version);
    // Weaker than the file's own word, and than the image of a container that mounts it.
    EXPECT_EQ(versions_of({{"d/Dockerfile", "FROM apache/flink:1.18\n"},
                           {"d/flink-conf.yaml", "# flinklint: flink-version=1.15\na: b\n"}})[0]
                  .version,
              "1.15");
    const char* const compose =
        "services:\n  jm:\n    image: flink:1.17\n    volumes:\n"
        "      - ./flink-conf.yaml:/opt/flink/conf/flink-conf.yaml\n";
    const auto mounted = versions_of({{"d/Containerfile", "FROM flink:1.18\n"},
                                      {"d/docker-compose.yml", compose},
                                      {"d/flink-conf.yaml", "a: b\n"}});
    ASSERT_EQ(mounted.size(), 1U);
    EXPECT_EQ(mounted[0].version, "1.17");
    // A last stage built FROM an earlier one is that stage's image; an image that is not Flink says nothing.
    EXPECT_EQ(versions_of({{"e/flink.Dockerfile", "FROM flink:1.17 AS base\nRUN x\nFROM base\n"},
                           {"e/flink-conf.yaml", "a: b\n"}})[0]
                  .version,
              "1.17");
    EXPECT_EQ(
        versions_of({{"f/Dockerfile", "FROM python:3.11\n"}, {"f/flink-conf.yaml", "a: b\n"}})[0].source,
        VersionSource::default_version);
}

TEST(VersionInference, ComposeServiceBuiltFromADockerfile) {
    const char* const compose = R"(services:
  jobmanager:
    image: my-pipeline:latest
    build:
      context: .
      dockerfile: docker/Dockerfile.flink
    environment:
      FLINK_PROPERTIES: |
        state.backend: rocksdb
    volumes:
      - ./conf:/opt/flink/conf
  taskmanager:
    build: ./tm
    environment:
      - |
        FLINK_PROPERTIES=state.backend: rocksdb
)";
    const auto all = versions_of({{"p/docker-compose.yml", compose},
                                  {"p/docker/Dockerfile.flink", "ARG V=1.18.1\nFROM flink:$V\n"},
                                  {"p/tm/Dockerfile", "FROM flink:1.17.2-java11\n"},
                                  {"p/conf/flink-conf.yaml", "state.backend: rocksdb\n"}});
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].version, "1.18");
    EXPECT_EQ(all[0].source, VersionSource::image);
    EXPECT_EQ(all[0].reason,
              "FROM flink:1.18.1 in p/docker/Dockerfile.flink:2, the image of service jobmanager");
    EXPECT_EQ(all[1].version, "1.17");
    EXPECT_EQ(all[2].version, "1.18");
    EXPECT_TRUE(all[2].reason.ends_with("of service jobmanager, which mounts it")) << all[2].reason;
}

TEST(VersionInference, ImageOfTheContainerThatTakesAConfigMapKeyAsAVariable) {
    const char* const manifests = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: flink-config
data:
  flink-conf.yaml: |
    state.backend: rocksdb
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: flink-jobmanager
spec:
  template:
    spec:
      containers:
        - name: jobmanager
          image: flink:1.18-scala_2.12
          args: ["jobmanager"]
          env:
            - name: FLINK_PROPERTIES
              valueFrom:
                configMapKeyRef:
                  name: flink-config
                  key: flink-conf.yaml
)";
    const Checked c = only("k8s.yaml", manifests);
    EXPECT_EQ(c.version, "1.18");
    EXPECT_EQ(c.source, VersionSource::image);
}

TEST(VersionInference, DockerfileSpellings) {
    const auto version_beside = [](const std::string& dockerfile) {
        return versions_of({{"d/Dockerfile", dockerfile}, {"d/flink-conf.yaml", "a: b\n"}})[0].version;
    };
    EXPECT_EQ(version_beside("FROM --platform=linux/amd64 \\\n    flink:1.17-java11 AS run\n"), "1.17");
    EXPECT_EQ(version_beside("ARG TAG\nFROM apache/flink:${TAG:-1.18.1}\n"), "1.18");
    EXPECT_EQ(version_beside("ARG V=\"1.19\"\nFROM flink:$V\nARG V\nRUN echo $V\n"), "1.19");
    // An ARG left for --build-arg says nothing: the file is checked as the default.
    EXPECT_EQ(versions_of({{"d/Dockerfile", "ARG V\nFROM flink:${V}\n"}, {"d/flink-conf.yaml", "a: b\n"}})[0]
                  .source,
              VersionSource::default_version);
}

TEST(VersionInference, KeysOnlyAnOlderFlinkWrote) {
    // The heap keys the 1.10 memory model replaced, and nothing of that model: Flink 1.9 or older.
    Checked c = only("flink-conf.yaml", "jobmanager.heap.mb: 256\ntaskmanager.heap.mb: 4096\n");
    EXPECT_EQ(c.version, "1.9");
    EXPECT_EQ(c.source, VersionSource::file_keys);
    EXPECT_NE(c.reason.find("taskmanager.heap.mb"), std::string::npos) << c.reason;
    // The oldest scheme wins: `jobmanager.web.*` was renamed in 1.4.
    c = only("flink-conf.yaml", "taskmanager.heap.mb: 4096\njobmanager.web.port: 8081\n");
    EXPECT_EQ(c.version, "1.3");
    // A TaskManager on the new model with the JobManager's old heap key: 1.10.
    c = only("flink-conf.yaml", "jobmanager.heap.size: 1g\ntaskmanager.memory.process.size: 2g\n");
    EXPECT_EQ(c.version, "1.10");
    // A key of the newer scheme beside it, a config.yaml (1.19+ only), or any stronger evidence: no
    // inference.
    EXPECT_EQ(
        only("flink-conf.yaml", "jobmanager.heap.size: 1g\njobmanager.memory.process.size: 2g\n").source,
        VersionSource::default_version);
    EXPECT_EQ(only("config.yaml", "taskmanager.heap.size: 1g\n").source, VersionSource::default_version);
    // Keys of a newer generation anywhere in the file: the JobManager's 1.11 model beside the TaskManager's
    // pre-1.10 heap key, or an option first known after the oldest catalog (1.18's catalog store).
    EXPECT_EQ(only("flink-conf.yaml", "taskmanager.heap.size: 1g\njobmanager.memory.heap.size: 1g\n").source,
              VersionSource::default_version);
    EXPECT_EQ(only("flink-conf.yaml", "taskmanager.heap.size: 1g\ntable.catalog-store.kind: file\n").source,
              VersionSource::default_version);
    EXPECT_EQ(only("flink-conf.yaml", "# flinklint: flink-version=1.17\ntaskmanager.heap.size: 1g\n").source,
              VersionSource::inline_comment);
    ModelOptions options;
    options.cli_version = v(1, 18);
    EXPECT_EQ(only("flink-conf.yaml", "taskmanager.heap.size: 1g\n", options).source,
              VersionSource::command_line);
}

// Which configurations are a cluster's whole configuration (EffectiveConfig::whole_cluster_config): the
// evidence FL301/FL302 need before saying a process does not start.
#include <gtest/gtest.h>

#include "flinklint/effective_config.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"

using namespace flinklint;

namespace {

// whole_cluster_config of each configuration of the files, in model order.
std::vector<bool> whole(const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<ParsedFile> parsed;
    parsed.reserve(files.size());
    for (const auto& [path, text] : files)
        parsed.push_back(ingest(std::make_shared<const Source>(path, text)));
    const Model model(std::move(parsed), {});
    std::vector<bool> out;
    for (const EffectiveConfig* effective : effective_configs(model))
        out.push_back(effective->whole_cluster_config());
    return out;
}

const char* const kTwoLines = "jobmanager.rpc.address: jm\ntaskmanager.numberOfTaskSlots: 2\n";
const char* const kThreeLines =
    "jobmanager.rpc.address: jm\ntaskmanager.numberOfTaskSlots: 2\nparallelism.default: 2\n";

TEST(ClusterConfigEvidence, OneOrTwoEntriesAreAFragment) {
    EXPECT_EQ(whole({{"conf/flink-conf.yaml", kTwoLines}}), std::vector<bool>{false});
    EXPECT_EQ(whole({{"conf/flink-conf.yaml", "pipeline.object-reuse: true\n"}}), std::vector<bool>{false});
    EXPECT_EQ(whole({{"conf/flink-conf.yaml", kThreeLines}}), std::vector<bool>{true});
}

TEST(ClusterConfigEvidence, ProjectResourcesAreAFragment) {
    EXPECT_EQ(whole({{"job/src/main/resources/flink-conf.yaml", kThreeLines}}), std::vector<bool>{false});
    EXPECT_EQ(whole({{"job/src/test/resources/config.yaml", kThreeLines}}), std::vector<bool>{false});
}

TEST(ClusterConfigEvidence, ASizeMakesItTheClusters) {
    EXPECT_EQ(whole({{"flink-conf.yaml", "taskmanager.memory.process.size: 100m\n"}}),
              std::vector<bool>{true});
    EXPECT_EQ(whole({{"src/main/resources/flink-conf.yaml", "jobmanager.heap.size: 1g\n"}}),
              std::vector<bool>{true});
}

TEST(ClusterConfigEvidence, AMountingServiceMakesItTheClusters) {
    const char* const compose = R"(services:
  jobmanager:
    image: flink:1.18
    command: jobmanager
    volumes:
      - ./conf/flink-conf.yaml:/opt/flink/conf/flink-conf.yaml
)";
    // The compose service's FLINK_PROPERTIES-free configuration is the mounted file.
    const auto result = whole({{"conf/flink-conf.yaml", kTwoLines}, {"docker-compose.yml", compose}});
    ASSERT_EQ(result.size(), 1U);
    EXPECT_TRUE(result.front());
}

TEST(ClusterConfigEvidence, ManifestsAndPropertiesAreAlwaysChecked) {
    const char* const configmap = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: flink-config
data:
  flink-conf.yaml: |
    jobmanager.rpc.address: jm
)";
    const char* const compose = R"(services:
  jobmanager:
    image: flink:1.18
    command: jobmanager
    environment:
      FLINK_PROPERTIES: "jobmanager.rpc.address: jm"
)";
    EXPECT_EQ(whole({{"k8s/configmap.yaml", configmap}}), std::vector<bool>{true});
    EXPECT_EQ(whole({{"docker-compose.yml", compose}}), std::vector<bool>{true});
}

}  // namespace

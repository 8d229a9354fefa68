// FL301/FL302 on a file without memory sizes depend on where the file is, which a fixture (named by its
// file name alone) cannot show: a client's conf directory starts no JobManager or TaskManager.
#include <gtest/gtest.h>

#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"
#include "flinklint/rule.hpp"

using namespace flinklint;

namespace {

std::vector<Diagnostic> memory_findings(const std::string& path, std::string text) {
    std::vector<ParsedFile> files;
    files.push_back(ingest(std::make_shared<const Source>(path, std::move(text))));
    const Model model(std::move(files), ModelOptions{});
    std::vector<Diagnostic> out;
    Reporter reporter(out);
    for (const char* id : {"FL301", "FL302"}) {
        const Rule* rule = find_rule(id);
        reporter.set_rule(rule->info);
        rule->check(model, reporter);
    }
    return out;
}

// Three entries: one or two would be a fragment (EffectiveConfig::whole_cluster_config).
constexpr const char* kClusterWiring =
    "jobmanager.rpc.address: jobmanager\ntaskmanager.numberOfTaskSlots: 4\nblob.server.port: 6124\n";

}  // namespace

TEST(MemoryClientConf, ClusterConfWithoutSizesIsWarned) {
    // A cluster's conf directory that replaces Flink's shipped file loses its default sizes.
    EXPECT_EQ(memory_findings("deploy/flink/conf/flink-conf.yaml", kClusterWiring).size(), 2u);
    // Two lines of wiring alone are a fragment of a configuration: nothing says a process starts with it.
    EXPECT_TRUE(memory_findings("deploy/flink/conf/flink-conf.yaml",
                                "jobmanager.rpc.address: jobmanager\ntaskmanager.numberOfTaskSlots: 4\n")
                    .empty());
}

TEST(MemoryClientConf, ClientConfDirectoriesStartNoCluster) {
    for (const char* path : {"sql-client/conf/flink-conf.yaml", "docker/flink-sql-client/flink-conf.yaml",
                             "sql-gateway/conf/flink-conf.yaml", "job-submitter/conf/flink-conf.yaml",
                             "client/flink-conf.yaml", "repo__sql-client__conf__flink-conf.yaml"}) {
        SCOPED_TRACE(path);
        EXPECT_TRUE(memory_findings(path, kClusterWiring).empty());
    }
    // The folder name must be the client's: `clients-data` or `sqlite` are no evidence.
    EXPECT_EQ(memory_findings("clients-data/conf/flink-conf.yaml", kClusterWiring).size(), 2u);
    // Sizes that are written and wrong are still judged, wherever the file is.
    EXPECT_FALSE(memory_findings("sql-client/conf/flink-conf.yaml", "taskmanager.memory.process.size: 100m\n")
                     .empty());
}

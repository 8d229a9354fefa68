// The Flink version a Dockerfile states, through the real binary: the walk of a directory and a named file
// read the Dockerfiles beside them (cli/file_walk.cpp) as context, never as files to report on.
#include <gtest/gtest.h>

#include "fix_test_support.hpp"
#include "run_binary.hpp"

using namespace flinklint::testing;

namespace {

// `state.savepoints.dir` is deprecated from Flink 1.20 (FL201), `state.backend` from 1.18: the findings say
// which Flink judged the file, and why.
constexpr const char* kConf = "state.backend: rocksdb\nstate.savepoints.dir: s3://bucket/savepoints\n";

bool deprecated(const RunResult& result) {
    return result.out.find("deprecated in Flink 1.20") != std::string::npos;
}

}  // namespace

TEST(DockerfileVersion, ANamedFileIsJudgedByTheDockerfileBesideIt) {
    const TempDir dir;
    dir.write("conf/flink-conf.yaml", kConf);
    const RunResult assumed = run_flinklint({"check", "conf/flink-conf.yaml"}, dir.path().string());
    EXPECT_NE(assumed.out.find("Flink 1.20 (assumed"), std::string::npos) << assumed.out;
    dir.write("conf/Dockerfile", "ARG FLINK_VERSION=1.18.1\nFROM flink:${FLINK_VERSION}-java11\n");
    const RunResult stated = run_flinklint({"check", "conf/flink-conf.yaml"}, dir.path().string());
    EXPECT_FALSE(deprecated(stated)) << stated.out;
    EXPECT_NE(stated.out.find("deprecated in Flink 1.18 (FROM flink:1.18.1-java11 in conf/Dockerfile:2)"),
              std::string::npos)
        << stated.out;
}

TEST(DockerfileVersion, AComposeServiceIsJudgedByTheDockerfileItIsBuiltFrom) {
    const TempDir dir;
    dir.write("docker-compose.yml",
              "services:\n  taskmanager:\n    build: ./docker/flink\n"
              "    command: taskmanager\n    environment:\n      FLINK_PROPERTIES: |\n"
              "        jobmanager.rpc.address: jobmanager\n"
              "        state.savepoints.dir: s3://bucket/savepoints\n");
    const RunResult assumed = run_flinklint({"check", "."}, dir.path().string());
    EXPECT_TRUE(deprecated(assumed)) << assumed.out;
    dir.write("docker/flink/Dockerfile", "FROM flink:1.17.2-scala_2.12\nCOPY job.jar /opt/flink/usrlib/\n");
    const RunResult stated = run_flinklint({"check", "."}, dir.path().string());
    EXPECT_FALSE(deprecated(stated)) << stated.out;
    // The Dockerfile is context: nothing is said about it, even with --verbose.
    const RunResult verbose = run_flinklint({"check", "--verbose", "."}, dir.path().string());
    EXPECT_EQ(verbose.out.find("Dockerfile"), std::string::npos) << verbose.out;
}

// `flinklint observe` against a real HTTP server on 127.0.0.1 serving recorded Flink 1.15 REST
// responses (tests/unit/diagnose/rest-1.15, shaped as rest_v1_dispatcher.yml documents them), then
// `diagnose` on the snapshot it wrote, through flinklint-fetch (tuner/diagnose/fetch). Also the URL
// parser and its refusals; https, redirects and timeouts are in observe_fetch_test.cpp.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "flinklint/diagnose/diagnose.hpp"
#include "flinklint/diagnose/observe.hpp"
#include "observe_support.hpp"
#include "rest_server.hpp"
#include "test_paths.hpp"
#include "tuner/diagnose/src/rest_url.hpp"

namespace {

namespace fs = std::filesystem;
using namespace flinklint;
using namespace flinklint::diagnose;
using flinklint::testing::recorded;
using flinklint::testing::Scratch;

constexpr const char* kJob = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

TEST(HttpUrl, ParsesHostPortAndPrefix) {
    const auto url = parse_http_url("http://flink-rest.ns.svc:8081/proxy/flink/");
    ASSERT_TRUE(url) << url.error();
    EXPECT_EQ(url->host, "flink-rest.ns.svc");
    EXPECT_EQ(url->port, "8081");
    EXPECT_EQ(url->base, "/proxy/flink");
    const auto v6 = parse_http_url("http://[::1]:8081");
    ASSERT_TRUE(v6) << v6.error();
    EXPECT_EQ(v6->host, "::1");
    EXPECT_EQ(v6->str(), "http://[::1]:8081");
    EXPECT_EQ(parse_http_url("http://localhost")->port, "80");
    const auto tls = parse_http_url("https://flink.example.com/api");
    ASSERT_TRUE(tls) << tls.error();
    EXPECT_EQ(tls->str(), "https://flink.example.com:443/api");
}

TEST(HttpUrl, RefusesWhatItCannotDoSafely) {
    EXPECT_NE(parse_http_url("ftp://flink:8081").error().find("expected a URL"), std::string::npos);
    EXPECT_NE(parse_http_url("http://user:secret@flink:8081").error().find("credentials"), std::string::npos);
    EXPECT_NE(parse_http_url("https://token@flink").error().find("credentials"), std::string::npos);
    EXPECT_EQ(without_credentials("https://user:secret@flink:8081/x@y"), "https://***@flink:8081/x@y");
    EXPECT_EQ(without_credentials("http://flink:8081/x@y"), "http://flink:8081/x@y");
    EXPECT_FALSE(parse_http_url("flink:8081"));
    EXPECT_FALSE(parse_http_url("http://flink:99999"));
    EXPECT_FALSE(parse_http_url("http://:8081"));
}

#ifndef FLINKLINT_HAVE_HTTPLIB
// Without cpp-httplib the local REST server is missing: said, and a failure in CI.
TEST(Observe, NeedsTheLocalRestServer) {
    FLINKLINT_SKIP_OR_FAIL(
        "FLINKLINT_REQUIRE_TOOLS",
        "libcpp-httplib-dev is not installed (scripts/install-deps.sh): observe is not tested");
}
#else

using flinklint::testing::options_for;

// observe() of the recorded cluster into `scratch`, with `tweak` applied to the options first.
template <class Tweak>
ObserveResult observe_recorded(const Scratch& scratch, Tweak tweak) {
    const flinklint::testing::RestServer server(recorded());
    ObserveOptions options = options_for(server.url(), scratch.dir);
    tweak(options);
    return observe(options);
}

ObserveResult observe_recorded(const Scratch& scratch) {
    return observe_recorded(scratch, [](ObserveOptions&) {});
}

TEST(Observe, SavesEveryEndpointWithAManifest) {
    const Scratch scratch;
    std::string url;
    const ObserveResult result = observe_recorded(scratch, [&](ObserveOptions& o) { url = o.url; });
    ASSERT_EQ(result.error, "");
    EXPECT_EQ(result.flink_version, "1.15.4");
    ASSERT_EQ(result.jobs, std::vector<std::string>{kJob});
    for (const Fetch& fetch : result.fetches) EXPECT_EQ(fetch.error, "") << fetch.endpoint;
    // /config, /overview, /jobmanager/config, /taskmanagers, one TaskManager, /taskmanagers/metrics
    // and 4 queries of its values, /jobs/overview, the job with plan, exceptions, checkpoints and their
    // config, two vertices' back-pressure, subtask metric lists and 1 + 2 queries of their values.
    EXPECT_EQ(result.fetches.size(), 23u);
    const std::string job = std::string("jobs/") + kJob;
    for (const std::string& file :
         std::vector<std::string>{"config.json", "taskmanagers/10.0.0.7_6122-a1b2c3.json", job + ".json",
                                  job + "/checkpoints.json", job + "/checkpoints/config.json",
                                  job + "/vertices/bc764cd8ddf7a0cff126f51c16239658/backpressure.json"})
        EXPECT_TRUE(fs::is_regular_file(scratch.dir / file)) << file;
    // Saved as Flink returned it, byte for byte.
    EXPECT_EQ(flinklint::testing::read_file(scratch.dir / job / "checkpoints.json"),
              flinklint::testing::read_file(recorded() / job / "checkpoints.json"));
    const auto manifest = nlohmann::json::parse(flinklint::testing::read_file(scratch.dir / "manifest.json"));
    EXPECT_EQ(manifest["format"], "flinklint-observe/1");
    EXPECT_EQ(manifest["url"], url);
    EXPECT_EQ(manifest["endpoints"][0]["endpoint"], "/config");
    EXPECT_EQ(manifest["endpoints"][0]["status"], 200);
}

TEST(Observe, MasksSecretsFlinkLeftInTheClear) {
    const Scratch scratch;
    const ObserveResult result = observe_recorded(scratch);
    ASSERT_EQ(result.error, "");
    const std::string config = flinklint::testing::read_file(scratch.dir / "jobmanager" / "config.json");
    EXPECT_EQ(config.find("0123456789abcdef-not-masked"), std::string::npos);
    EXPECT_NE(config.find("rocksdb"), std::string::npos);
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_NE(result.notes[0].find("masked 1 sensitive value"), std::string::npos);
}

TEST(Observe, RecordsMissingEndpointsWithTheirStatus) {
    const Scratch scratch;
    const ObserveResult result = observe_recorded(scratch, [](ObserveOptions& o) {
        o.job = "ffffffffffffffffffffffffffffffff";  // not a job of this cluster: Flink answers 404
    });
    ASSERT_EQ(result.error, "");
    const auto manifest = nlohmann::json::parse(flinklint::testing::read_file(scratch.dir / "manifest.json"));
    bool seen = false;
    for (const auto& e : manifest["endpoints"]) {
        if (e["endpoint"] != "/jobs/ffffffffffffffffffffffffffffffff") continue;
        seen = true;
        EXPECT_EQ(e["status"], 404);
        EXPECT_EQ(e["error"], "HTTP 404");
        EXPECT_FALSE(e.contains("file"));
    }
    EXPECT_TRUE(seen);
}

TEST(Observe, ALargerAnswerThanTheLimitIsAnErrorNotATruncatedFile) {
    const Scratch scratch;
    const ObserveResult result = observe_recorded(scratch, [](ObserveOptions& o) {
        o.max_body = 1024;  // /config fits; a TaskManager's details do not
    });
    ASSERT_EQ(result.error, "");
    const auto tm = std::ranges::find(result.fetches, std::string("/taskmanagers/10.0.0.7%3A6122-a1b2c3"),
                                      &Fetch::endpoint);
    ASSERT_NE(tm, result.fetches.end());
    EXPECT_NE(tm->error.find("larger than 1024 bytes"), std::string::npos) << tm->error;
    EXPECT_FALSE(fs::exists(scratch.dir / "taskmanagers" / "10.0.0.7_6122-a1b2c3.json"));
}

TEST(Observe, NotFlinkIsAClearErrorAndNothingIsWritten) {
    const Scratch scratch;
    fs::create_directories(scratch.dir / "site");
    std::ofstream(scratch.dir / "site" / "config.json") << "<html>hello</html>";
    const flinklint::testing::RestServer server(scratch.dir / "site");
    const ObserveResult result = observe(options_for(server.url(), scratch.dir / "snapshot"));
    EXPECT_NE(result.error.find("not a Flink REST API"), std::string::npos) << result.error;
    EXPECT_FALSE(fs::exists(scratch.dir / "snapshot"));
    EXPECT_EQ(std::distance(fs::directory_iterator(scratch.dir), fs::directory_iterator()), 1);
}

TEST(Observe, AsksAgainWhileTheJobManagerIsNotReady) {
    flinklint::testing::RestServer server(recorded());
    server.fail_once("/config", 503);
    server.fail_once("/overview", 503);
    const Scratch scratch;
    ObserveOptions options = options_for(server.url(), scratch.dir);
    options.retry_delay_ms = 0;
    const ObserveResult result = observe(options);
    ASSERT_EQ(result.error, "");
    EXPECT_EQ(result.fetches[1].endpoint, "/overview");
    EXPECT_EQ(result.fetches[1].status, 200);
    // Without retries the 503 stays.
    server.fail_once("/config", 503);
    fs::remove_all(scratch.dir);
    options.retries = 0;
    EXPECT_NE(observe(options).error.find("HTTP 503"), std::string::npos);
}

TEST(Observe, RefusedConnectionIsAClearError) {
    int port = 0;
    {
        const flinklint::testing::RestServer server(recorded());
        port = server.port();
    }  // closed: nothing listens on the port any more
    const Scratch scratch;
    const ObserveResult result =
        observe(options_for("http://127.0.0.1:" + std::to_string(port), scratch.dir));
    EXPECT_NE(result.error.find("Connection refused"), std::string::npos) << result.error;
    EXPECT_FALSE(fs::exists(scratch.dir));
}

TEST(Observe, RefusesANonEmptyOutputDirectory) {
    const Scratch scratch;
    fs::create_directories(scratch.dir);
    std::ofstream(scratch.dir / "keep.txt") << "mine";
    EXPECT_NE(observe_recorded(scratch).error.find("not an empty directory"), std::string::npos);
    EXPECT_EQ(flinklint::testing::read_file(scratch.dir / "keep.txt"), "mine");
}

// observe, then diagnose on the snapshot: the failed checkpoints' texts, their durations against the
// timeout, the back-pressured source, and the root exception, each citing its snapshot file.
TEST(Observe, ThenDiagnoseReadsTheSnapshot) {
    const Scratch scratch;
    ASSERT_EQ(observe_recorded(scratch).error, "");
    ASSERT_TRUE(is_snapshot(scratch.dir.string()));
    const Result result = diagnose_evidence({scratch.dir.string()}, {});
    ASSERT_EQ(result.logs.size(), 1u);
    EXPECT_TRUE(result.logs[0].snapshot);
    const std::string job = (scratch.dir / "jobs" / kJob).string();
    auto find = [&](std::string_view id) {
        const auto it = std::ranges::find(result.diagnoses, id, &Diagnosis::id);
        return it == result.diagnoses.end() ? nullptr : &*it;
    };
    const Diagnosis* expired = find("DG201");
    ASSERT_NE(expired, nullptr);
    EXPECT_EQ(expired->path, job + "/checkpoints.json");
    EXPECT_EQ(expired->occurrences, 2u);
    EXPECT_EQ(expired->role, Role::consequence);  // of the back-pressure that holds the barriers up
    const Diagnosis* durations = find("DG204");
    ASSERT_NE(durations, nullptr);
    ASSERT_EQ(durations->changes.size(), 1u);
    // The tuner's rule: max(10 min, 3 x 58 s), in whole minutes.
    EXPECT_EQ(durations->changes[0].key, "execution.checkpointing.timeout");
    EXPECT_EQ(durations->changes[0].value, "10 min");
    const Diagnosis* threshold = find("DG203");
    ASSERT_NE(threshold, nullptr);
    EXPECT_EQ(threshold->path, job + "/exceptions.json");
    EXPECT_EQ(threshold->role, Role::consequence);
    const Diagnosis* backpressure = find("DG901");
    ASSERT_NE(backpressure, nullptr);
    EXPECT_NE(backpressure->evidence.find("Source: Kafka clicks"), std::string::npos);
    ASSERT_EQ(backpressure->notes.size(), 1u);
    EXPECT_NE(
        backpressure->notes[0].find("Window(EventTimeSessionWindows(1800000)) -> Sink: sessions (busy 98%"),
        std::string::npos)
        << backpressure->notes[0];
}

TEST(Observe, SnapshotConfigurationReadsAsAFlatFileWithoutMaskedValues) {
    const Scratch scratch;
    ASSERT_EQ(observe_recorded(scratch).error, "");
    const SnapshotConfig config = snapshot_config(scratch.dir.string());
    ASSERT_EQ(config.error, "");
    EXPECT_EQ(config.version, "1.15.4");
    EXPECT_NE(config.text.find("taskmanager.memory.process.size: 4g\n"), std::string::npos);
    EXPECT_EQ(config.text.find("s3.secret-key"), std::string::npos);
    EXPECT_EQ(config.text.find("apikey"), std::string::npos);
    // The job's checkpoint configuration is what is in force for it.
    EXPECT_NE(config.text.find("execution.checkpointing.timeout: 60000 ms\n"), std::string::npos);
    EXPECT_NE(config.text.find("execution.checkpointing.tolerable-failed-checkpoints: 3\n"),
              std::string::npos);
    EXPECT_NE(config.text.find("execution.checkpointing.unaligned: false\n"), std::string::npos);
}

#endif

}  // namespace

namespace {

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

// A snapshot is user input: wrong types, missing files and hostile ids are read as absent, never a crash.
TEST(Snapshot, WrongTypesAndHostileIdsAreReadAsAbsent) {
    const Scratch scratch;
    const fs::path job = scratch.dir / "jobs" / kJob;
    write(scratch.dir / "manifest.json",
          std::string(R"({"format":"flinklint-observe/1","jobs":[")") + kJob + R"(","../../etc",7,null]})");
    write(scratch.dir / "jobmanager" / "config.json", R"([{"key":1,"value":2},"x",{"key":"a","value":"b"}])");
    write(job.string() + ".json", R"({"vertices":[{"id":"../x"},{"id":7},"v"]})");
    write(job / "exceptions.json", R"({"root-exception":5,"exceptionHistory":{"entries":"no"}})");
    write(
        job / "checkpoints.json",
        R"({"history":[{"status":"COMPLETED","end_to_end_duration":9223372036854775807},{"status":7},"x"]})");
    write(job / "checkpoints" / "config.json", R"({"timeout":"1 min","tolerable_failed_checkpoints":"3"})");
    const Result result = diagnose_evidence({scratch.dir.string()}, {});
    ASSERT_EQ(result.logs.size(), 1u);
    EXPECT_EQ(result.logs[0].error, "");
    EXPECT_TRUE(result.diagnoses.empty());
    const SnapshotConfig config = snapshot_config(scratch.dir.string());
    EXPECT_EQ(config.error, "");
    EXPECT_EQ(config.text, "a: b\n");
}

// /jobs/:id/exceptions saved on its own (curl, the web UI) is evidence too.
TEST(Snapshot, AnExceptionsFileIsReadAsEvidence) {
    const fs::path file = recorded() / "jobs" / kJob / "exceptions.json";
    const Result result = diagnose_evidence({file.string()}, {});
    ASSERT_EQ(result.logs.size(), 1u);
    EXPECT_EQ(result.logs[0].error, "");
    EXPECT_EQ(result.logs[0].lines, 6u);  // 4 lines of the root exception, 2 of the history entry
    ASSERT_EQ(result.diagnoses.size(), 1u);
    EXPECT_EQ(result.diagnoses[0].id, "DG203");
    EXPECT_EQ(result.diagnoses[0].path, file.string());
    EXPECT_EQ(result.diagnoses[0].occurrences, 2u);
    // Any other JSON is read as a log.
    const Scratch scratch;
    write(scratch.dir / "other.json", R"({"a":"Buffer pool is destroyed."})");
    const Result other = diagnose_evidence({(scratch.dir / "other.json").string()}, {});
    ASSERT_EQ(other.diagnoses.size(), 1u);
    EXPECT_EQ(other.diagnoses[0].id, "DG002");
}

TEST(Snapshot, ADirectoryThatIsNotASnapshotSaysSo) {
    const Scratch scratch;
    write(scratch.dir / "manifest.json", R"({"format":"something else"})");
    const Result result = diagnose_evidence({scratch.dir.string()}, {});
    ASSERT_EQ(result.logs.size(), 1u);
    EXPECT_NE(result.logs[0].error.find("not a snapshot written by `flinklint observe`"), std::string::npos);
    write(scratch.dir / "manifest.json", "{not json");
    EXPECT_NE(diagnose_evidence({scratch.dir.string()}, {}).logs[0].error, "");
}

}  // namespace

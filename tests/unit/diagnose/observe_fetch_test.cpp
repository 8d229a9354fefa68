// `flinklint observe` through flinklint-fetch when the server misbehaves or speaks https: a local TLS
// server on 127.0.0.1 with a certificate the openssl command makes for the test (refused without
// --cacert, accepted with it, --insecure said), a redirect, an answer held back past the timeout, and
// a flinklint-fetch that is missing or does not start.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "flinklint/diagnose/observe.hpp"
#include "observe_support.hpp"
#include "rest_server.hpp"
#include "test_paths.hpp"

namespace {

namespace fs = std::filesystem;
using namespace flinklint::diagnose;
using flinklint::testing::recorded;
using flinklint::testing::Scratch;

const Fetch* find_fetch(const ObserveResult& result, const std::string& endpoint) {
    const auto it = std::ranges::find(result.fetches, endpoint, &Fetch::endpoint);
    return it == result.fetches.end() ? nullptr : &*it;
}

TEST(ObserveFetcher, MissingIsAnErrorNamingItAndItsPackage) {
    const Scratch scratch;
    ObserveOptions options{"http://127.0.0.1:1"};
    options.out = (scratch.dir / "snapshot").string();
    const ObserveResult missing = observe(options);
    EXPECT_NE(missing.error.find("flinklint-fetch"), std::string::npos) << missing.error;
    EXPECT_NE(missing.error.find("libcpp-httplib0.11"), std::string::npos) << missing.error;
    options.fetcher = (scratch.dir / "no-such-flinklint-fetch").string();
    EXPECT_NE(observe(options).error.find("cannot start"), std::string::npos);
    options.fetcher = "/bin/false";  // starts, but never says which protocol it speaks
    const ObserveResult silent = observe(options);
    EXPECT_NE(silent.error.find("did not start: it exited with 1"), std::string::npos) << silent.error;
    EXPECT_FALSE(fs::exists(scratch.dir / "snapshot"));
}

#ifdef FLINKLINT_HAVE_HTTPLIB
using flinklint::testing::options_for;

TEST(ObserveFetcher, TheHttpsOptionsNeedAnHttpsUrl) {
    const Scratch scratch;
    ObserveOptions options = options_for("http://127.0.0.1:1", scratch.dir);
    options.insecure = true;
    EXPECT_NE(observe(options).error.find("apply to https URLs only"), std::string::npos);
}

// A redirect is never followed (Flink's REST API does not redirect; a proxy in front of it does).
TEST(ObserveFetcher, ARedirectIsRecordedNotFollowed) {
    flinklint::testing::RestServer server(recorded());
    server.redirect("/overview", "https://login.example.com/?to=/overview");
    const Scratch scratch;
    const ObserveResult result = observe(options_for(server.url(), scratch.dir));
    ASSERT_EQ(result.error, "");
    const Fetch* overview = find_fetch(result, "/overview");
    ASSERT_NE(overview, nullptr);
    EXPECT_EQ(overview->status, 302);
    EXPECT_NE(overview->error.find("a redirect, not followed"), std::string::npos) << overview->error;
    EXPECT_FALSE(fs::exists(scratch.dir / "overview.json"));
    EXPECT_TRUE(fs::exists(scratch.dir / "jobs" / "overview.json"));
}

// The server holds /overview until the test ends: the client gives up after its timeout (asked twice
// with the default retry), records the error and goes on with the other endpoints.
TEST(ObserveFetcher, ASlowEndpointTimesOutAndTheOthersAreSaved) {
    flinklint::testing::RestServer server(recorded());
    server.hold("/overview");
    const Scratch scratch;
    ObserveOptions options = options_for(server.url(), scratch.dir);
    options.timeout_ms = 300;
    options.retry_delay_ms = 0;
    const ObserveResult result = observe(options);
    ASSERT_EQ(result.error, "");
    const Fetch* overview = find_fetch(result, "/overview");
    ASSERT_NE(overview, nullptr);
    EXPECT_EQ(overview->status, 0);
    EXPECT_NE(overview->error.find("no complete response (no data for 300 ms"), std::string::npos)
        << overview->error;
    EXPECT_EQ(result.fetches.size(), 23u);
    EXPECT_TRUE(fs::exists(scratch.dir / "jobmanager" / "config.json"));
}

// A certificate for 127.0.0.1 (its own CA), made by the openssl command into `dir`.
bool make_certificate(const fs::path& dir) {
    fs::create_directories(dir);
    const std::string command =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "
        "/CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout '" +
        (dir / "key.pem").string() + "' -out '" + (dir / "cert.pem").string() + "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

// A local https server with the test's certificate.
class ObserveHttps : public ::testing::Test {
protected:
    void SetUp() override {
        if (!make_certificate(scratch.dir / "tls"))
            FLINKLINT_SKIP_OR_FAIL("FLINKLINT_REQUIRE_TOOLS",
                                   "the openssl command is not installed: https untested");
        server = std::make_unique<flinklint::testing::RestServer>(recorded(), cert(),
                                                                  scratch.dir / "tls" / "key.pem");
    }
    [[nodiscard]] fs::path cert() const { return scratch.dir / "tls" / "cert.pem"; }

    Scratch scratch;
    std::unique_ptr<flinklint::testing::RestServer> server;
};

TEST_F(ObserveHttps, RefusedWithoutTheCaAcceptedWithIt) {
    ASSERT_EQ(server->url().substr(0, 8), "https://");
    // The system's CAs do not know the test's certificate: nothing is written.
    const ObserveResult refused = observe(options_for(server->url(), scratch.dir / "refused"));
    EXPECT_NE(refused.error.find("certificate is not trusted"), std::string::npos) << refused.error;
    EXPECT_NE(refused.error.find("--cacert"), std::string::npos) << refused.error;
    EXPECT_FALSE(fs::exists(scratch.dir / "refused"));

    ObserveOptions trusted = options_for(server->url(), scratch.dir / "trusted");
    trusted.cacert = cert().string();
    const ObserveResult accepted = observe(trusted);
    ASSERT_EQ(accepted.error, "");
    EXPECT_EQ(accepted.fetches.size(), 23u);
    for (const Fetch& fetch : accepted.fetches) EXPECT_EQ(fetch.error, "") << fetch.endpoint;
    const std::string manifest = flinklint::testing::read_file(scratch.dir / "trusted" / "manifest.json");
    EXPECT_EQ(nlohmann::json::parse(manifest)["url"], server->url());
    EXPECT_EQ(nlohmann::json::parse(manifest)["certificate_verified"], true);
    // The snapshot holds the answers, never the certificate or the CA file's name.
    EXPECT_EQ(manifest.find("cert.pem"), std::string::npos);

    ObserveOptions insecure = options_for(server->url(), scratch.dir / "insecure");
    insecure.insecure = true;
    const ObserveResult skipped = observe(insecure);
    ASSERT_EQ(skipped.error, "");
    ASSERT_FALSE(skipped.notes.empty());
    EXPECT_NE(skipped.notes[0].find("not verified (--insecure)"), std::string::npos) << skipped.notes[0];
    const auto unverified =
        nlohmann::json::parse(flinklint::testing::read_file(scratch.dir / "insecure" / "manifest.json"));
    EXPECT_EQ(unverified["certificate_verified"], false);
}

// A certificate for another name is refused even with its CA trusted.
TEST_F(ObserveHttps, TheCertificateMustNameTheHost) {
    ObserveOptions options =
        options_for("https://localhost:" + std::to_string(server->port()), scratch.dir / "snapshot");
    options.cacert = cert().string();
    const ObserveResult result = observe(options);
    EXPECT_NE(result.error.find("certificate is not trusted (it does not name localhost)"), std::string::npos)
        << result.error;
}

// https to a plain http server fails clearly.
TEST(ObserveFetcher, HttpsToAPlainServerIsAClearError) {
    const Scratch scratch;
    const flinklint::testing::RestServer plain(recorded());
    ObserveOptions options =
        options_for("https://127.0.0.1:" + std::to_string(plain.port()), scratch.dir / "snapshot");
    options.retries = 0;
    const ObserveResult result = observe(options);
    EXPECT_NE(result.error.find("TLS handshake"), std::string::npos) << result.error;
}
#endif

}  // namespace

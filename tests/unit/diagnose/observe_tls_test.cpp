// `flinklint observe --url https://...` against a TLS server on 127.0.0.1: `openssl s_server -WWW`
// (Debian's openssl) serving a recorded /config with a certificate from a CA made for the test. The
// certificate is verified by default, trusted with --ca-cert, its IP address checked, and --insecure
// skips the check only as the manifest says. Nothing leaves the machine.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <variant>

#include "flinklint/diagnose/observe.hpp"
#include "test_paths.hpp"
#include "tuner/diagnose/src/tls.hpp"

namespace {

namespace fs = std::filesystem;
using namespace flinklint::diagnose;

struct Scratch {
    fs::path dir =
        fs::temp_directory_path() / ("flinklint-tls-" + std::to_string(::getpid()) + "-" +
                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    Scratch() {
        fs::remove_all(dir);
        fs::create_directories(dir / "www");
    }
    ~Scratch() { fs::remove_all(dir); }
};

bool run(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// A CA, and a certificate it signs for the IP address `ip`, in `dir` (ca.pem, server.pem, server.key).
bool make_certificates(const fs::path& dir, const std::string& ip) {
    const std::string d = dir.string();
    std::ofstream(dir / "ext.cnf") << "subjectAltName=IP:" << ip << "\n";
    return run("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + d + "/ca.key -out " + d +
               "/ca.pem -days 2 -subj '/CN=flinklint test CA'") &&
           run("openssl req -newkey rsa:2048 -nodes -keyout " + d + "/server.key -out " + d +
               "/server.csr -subj '/CN=flinklint test server'") &&
           run("openssl x509 -req -in " + d + "/server.csr -CA " + d + "/ca.pem -CAkey " + d +
               "/ca.key -set_serial 1 -out " + d + "/server.pem -days 2 -extfile " + d + "/ext.cnf");
}

// `openssl s_server -WWW` in DIR/www on a free port of 127.0.0.1, stopped by the destructor.
class TlsServer {
public:
    explicit TlsServer(const fs::path& dir) {
        int out[2];
        if (::pipe(out) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            // Its handshake failures are expected here: not the test's output.
            if (const int null = ::open("/dev/null", O_WRONLY); null >= 0) ::dup2(null, STDERR_FILENO);
            if (::chdir((dir / "www").c_str()) != 0) ::_exit(127);
            ::execlp("openssl", "openssl", "s_server", "-WWW", "-accept", "127.0.0.1:0", "-cert",
                     (dir / "server.pem").c_str(), "-key", (dir / "server.key").c_str(), nullptr);
            ::_exit(127);
        }
        ::close(out[1]);
        // s_server prints "ACCEPT 127.0.0.1:PORT" once it listens: no race with the client.
        FILE* stream = ::fdopen(out[0], "r");
        char line[256];
        while (stream != nullptr && std::fgets(line, sizeof line, stream) != nullptr) {
            const std::string text(line);
            if (const auto at = text.find("ACCEPT 127.0.0.1:"); at != std::string::npos) {
                port_ = std::atoi(text.c_str() + at + 17);
                break;
            }
        }
        stream_ = stream;
    }
    TlsServer(const TlsServer&) = delete;
    TlsServer& operator=(const TlsServer&) = delete;
    ~TlsServer() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
        if (stream_ != nullptr) std::fclose(stream_);
    }
    [[nodiscard]] int port() const { return port_; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
    FILE* stream_ = nullptr;
};

// The recorded cluster's /config (s_server -WWW serves a path as the file of that name).
void serve_config(const fs::path& dir) {
    fs::copy_file(
        flinklint::testing::source_dir() / "tests" / "unit" / "diagnose" / "rest-1.15" / "config.json",
        dir / "www" / "config");
}

ObserveResult observe_tls(const Scratch& s, int port, const std::string& name, ObserveOptions options) {
    options.url = "https://127.0.0.1:" + std::to_string(port);
    options.out = (s.dir / name).string();
    options.retries = 0;
    return observe(options);
}

// The server of a certificate for `ip`, or why there is none.
std::variant<std::unique_ptr<TlsServer>, std::string> start_server(const Scratch& s, const std::string& ip) {
    if (!tls_available()) return "flinklint was built without OpenSSL";
    if (!make_certificates(s.dir, ip)) return "the openssl command is missing";
    serve_config(s.dir);
    auto server = std::make_unique<TlsServer>(s.dir);
    if (server->port() <= 0) return "openssl s_server did not start";
    return server;
}

// Declares `var`, the running server, or ends the test (a skip, a failure in CI).
#define FLINKLINT_TLS_SERVER(var, scratch, ip)                      \
    auto var##_started = start_server(scratch, ip);                 \
    if (const auto* why = std::get_if<std::string>(&var##_started)) \
        FLINKLINT_SKIP_OR_FAIL("FLINKLINT_REQUIRE_TOOLS", *why);    \
    const TlsServer& var = *std::get<std::unique_ptr<TlsServer>>(var##_started)

TEST(ObserveTls, CertificatesAreVerifiedAndInsecureIsSaid) {
    const Scratch s;
    FLINKLINT_TLS_SERVER(server, s, "127.0.0.1");
    // By default the system's CAs: the test CA is not among them, nothing is written.
    const ObserveResult untrusted = observe_tls(s, server.port(), "default", {});
    EXPECT_NE(untrusted.error.find("the server's certificate is not trusted"), std::string::npos)
        << untrusted.error;
    EXPECT_FALSE(fs::exists(s.dir / "default"));
    // Trusted through --ca-cert: saved as Flink returned it, the manifest says it was verified.
    ObserveOptions trusted;
    trusted.ca_cert = (s.dir / "ca.pem").string();
    const ObserveResult ok = observe_tls(s, server.port(), "verified", trusted);
    ASSERT_EQ(ok.error, "");
    EXPECT_EQ(ok.flink_version, "1.15.4");
    EXPECT_EQ(flinklint::testing::read_file(s.dir / "verified" / "config.json"),
              flinklint::testing::read_file(s.dir / "www" / "config"));
    const auto manifest =
        nlohmann::json::parse(flinklint::testing::read_file(s.dir / "verified" / "manifest.json"));
    EXPECT_EQ(manifest["tls"], "verified");
    EXPECT_EQ(manifest["url"], "https://127.0.0.1:" + std::to_string(server.port()));
    // --insecure: no check, and the manifest keeps that.
    ObserveOptions insecure;
    insecure.insecure = true;
    ASSERT_EQ(observe_tls(s, server.port(), "insecure", insecure).error, "");
    const auto unverified =
        nlohmann::json::parse(flinklint::testing::read_file(s.dir / "insecure" / "manifest.json"));
    EXPECT_EQ(unverified["tls"], "certificate not verified (--insecure)");
    // A CA file that cannot be read is an error, not the system's CAs instead.
    ObserveOptions missing;
    missing.ca_cert = (s.dir / "nothing.pem").string();
    EXPECT_NE(
        observe_tls(s, server.port(), "missing", missing).error.find("cannot read the CA certificates in"),
        std::string::npos);
}

TEST(ObserveTls, ACertificateForAnotherAddressIsRefused) {
    const Scratch s;
    FLINKLINT_TLS_SERVER(server, s, "127.0.0.2");
    ObserveOptions options;
    options.ca_cert = (s.dir / "ca.pem").string();
    const ObserveResult result = observe_tls(s, server.port(), "snapshot", options);
    EXPECT_NE(result.error.find("IP address mismatch"), std::string::npos) << result.error;
}

}  // namespace

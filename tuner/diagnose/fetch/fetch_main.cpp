// flinklint-fetch: the HTTP and HTTPS GETs of `flinklint observe`, through cpp-httplib (Debian's
// libcpp-httplib, built with OpenSSL). A separate, dynamically linked executable: the flinklint binary
// is static-pie (cmake/StaticLink.cmake), Debian ships cpp-httplib as a shared library only, and
// OpenSSL's relocations would cost every run's start-up (docs/diagnose.md).
//
// Protocol flinklint-fetch/1 (docs/diagnose.md), one process per observe run:
//   started as  flinklint-fetch --scheme http|https --host H --port P [--timeout MS] [--max-body N]
//                               [--retries N] [--retry-delay MS] [--cacert FILE] [--insecure]
//   stdout      "flinklint-fetch/1\n" once, then per request one answer:
//               "<status> <length>\n" and <length> bytes of body, or "error <length>\n" and the message
//   stdin       one request per line: "GET <path-and-query>\n"; end of input ends the process
// Nothing of the connection (no header, no certificate, no credential) is written to stdout.
#include <httplib.h>
#include <netdb.h>
#include <openssl/x509.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace {

constexpr std::string_view kProtocol = "flinklint-fetch/1";

struct Options {
    std::string scheme = "http";
    std::string host;
    int port = 0;
    long timeout_ms = 10000;
    std::size_t max_body = 64u << 20;
    int retries = 1;
    long retry_delay_ms = 200;
    std::string cacert;
    bool insecure = false;
};

template <class T>
bool parse_number(std::string_view text, T& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

// The command line; a message on a mistake (flinklint builds it, so a mistake is a bug or a mismatch).
std::optional<std::string> parse_args(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--insecure") {
            o.insecure = true;
            continue;
        }
        if (i + 1 >= argc) return "missing a value after " + std::string(arg);
        const std::string_view value = argv[++i];
        bool ok = true;
        if (arg == "--scheme") {
            o.scheme = value;
            ok = value == "http" || value == "https";
        } else if (arg == "--host") {
            o.host = value;
        } else if (arg == "--port") {
            ok = parse_number(value, o.port) && o.port > 0 && o.port < 65536;
        } else if (arg == "--timeout") {
            ok = parse_number(value, o.timeout_ms) && o.timeout_ms > 0;
        } else if (arg == "--max-body") {
            ok = parse_number(value, o.max_body);
        } else if (arg == "--retries") {
            ok = parse_number(value, o.retries) && o.retries >= 0 && o.retries <= 10;
        } else if (arg == "--retry-delay") {
            ok = parse_number(value, o.retry_delay_ms) && o.retry_delay_ms >= 0;
        } else if (arg == "--cacert") {
            o.cacert = value;
        } else {
            return "unknown option " + std::string(arg);
        }
        if (!ok) return "bad value for " + std::string(arg) + ": " + std::string(value);
    }
    if (o.host.empty() || o.port == 0) return "--host and --port are required";
    if (o.scheme == "http" && (o.insecure || !o.cacert.empty()))
        return "--cacert and --insecure apply to https only";
    return std::nullopt;
}

struct Answer {
    int status = 0;  // 0: no HTTP answer, `body` is the error
    std::string body;
    bool transient = false;  // worth asking again
};

std::string endpoint(const Options& o) {
    return o.host + ":" + std::to_string(o.port);
}

// Why a connection fails, for the message: cpp-httplib reports only that it did (its errno is the
// nonblocking connect's EINPROGRESS). Asked once more on this failure path, with the same timeout.
std::string connect_error(const Options& o) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int rc = getaddrinfo(o.host.c_str(), std::to_string(o.port).c_str(), &hints, &found); rc != 0)
        return std::string("cannot resolve ") + o.host + ": " + gai_strerror(rc);
    const std::unique_ptr<addrinfo, void (*)(addrinfo*)> list(found, freeaddrinfo);
    std::string why = "connection failed";
    for (const addrinfo* a = list.get(); a != nullptr; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        int error = 0;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
            error = errno;
            pollfd p{fd, POLLOUT, 0};
            if (error == EINPROGRESS && ::poll(&p, 1, static_cast<int>(o.timeout_ms)) > 0) {
                socklen_t size = sizeof error;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
            } else if (error == EINPROGRESS) {
                error = ETIMEDOUT;
            }
        }
        ::close(fd);
        if (error == 0) return why;  // it connects now: what failed before is not known
        why = std::strerror(error);
    }
    return why;
}

Answer failure(const Options& o, httplib::Error error, long verify_result) {
    using httplib::Error;
    const std::string ms = std::to_string(o.timeout_ms) + " ms";
    switch (error) {
        case Error::Connection:
            return {0, "cannot connect to " + endpoint(o) + ": " + connect_error(o), true};
        case Error::ConnectionTimeout:
            return {0, "cannot connect to " + endpoint(o) + ": no answer within " + ms, true};
        case Error::Read:
            return {0, "no complete response (no data for " + ms + ", or the connection dropped)", true};
        case Error::Write:
            return {0, "sending the request failed", true};
        case Error::Canceled:  // the content receiver stops at the limit: asking again would not help
            return {0, "the response is larger than " + std::to_string(o.max_body) + " bytes", false};
        case Error::SSLServerVerification:
            return {
                0,
                "the server's certificate is not trusted (" +
                    std::string(verify_result == X509_V_OK ? "it does not name " + o.host
                                                           : X509_verify_cert_error_string(verify_result)) +
                    "): give its CA with --cacert FILE, or skip the check with --insecure",
                false};
        case Error::SSLConnection:
            return {0, "the TLS handshake with " + endpoint(o) + " failed (is it an https endpoint?)", false};
        case Error::SSLLoadingCerts:
            return {0,
                    "cannot load the CA certificates" + (o.cacert.empty() ? "" : " of --cacert " + o.cacert),
                    false};
        default:
            return {0, "the request failed (" + httplib::to_string(error) + ")", true};
    }
}

class Fetcher {
public:
    explicit Fetcher(const Options& o)
        : options_(o),
          client_(o.scheme + "://" + (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host) +
                  ":" + std::to_string(o.port)) {
        const std::chrono::milliseconds timeout(o.timeout_ms);
        client_.set_connection_timeout(timeout);
        client_.set_read_timeout(timeout);
        client_.set_write_timeout(timeout);
        client_.set_keep_alive(true);  // one connection (and one TLS handshake) for the run
        client_.set_tcp_nodelay(true);
        client_.set_follow_location(false);  // a redirect is reported, never followed
        if (o.scheme == "https") {
            client_.enable_server_certificate_verification(!o.insecure);
            if (!o.cacert.empty()) client_.set_ca_cert_path(o.cacert);
        }
    }

    Answer get(const std::string& target) {
        for (int attempt = 0;; ++attempt) {
            Answer answer = get_once(target);
            if (!answer.transient || attempt >= options_.retries) return answer;
            std::this_thread::sleep_for(std::chrono::milliseconds(options_.retry_delay_ms));
        }
    }

private:
    Answer get_once(const std::string& target) {
        std::string body;
        const httplib::Headers headers{{"Accept", "application/json"}, {"User-Agent", "flinklint-fetch"}};
        const auto result = client_.Get(target, headers, [&](const char* data, std::size_t size) {
            if (body.size() + size > options_.max_body) return false;
            body.append(data, size);
            return true;
        });
        if (!result) {
            const long verify = options_.scheme == "https" ? client_.get_openssl_verify_result() : X509_V_OK;
            return failure(options_, result.error(), verify);
        }
        // A JobManager still electing its leader answers 503; any 5xx may pass, a 4xx will not.
        return {result->status, std::move(body), result->status >= 500 && result->status <= 599};
    }

    const Options& options_;
    httplib::Client client_;
};

void answer(const Answer& a) {
    const std::string head = (a.status == 0 ? std::string("error") : std::to_string(a.status)) + " " +
                             std::to_string(a.body.size()) + "\n";
    std::fwrite(head.data(), 1, head.size(), stdout);
    std::fwrite(a.body.data(), 1, a.body.size(), stdout);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (argc == 2 && std::string_view(argv[1]) == "--version") {
        std::cout << kProtocol << "\n";
        return 0;
    }
    if (const auto error = parse_args(argc, argv, options)) {
        std::cerr << "flinklint-fetch: " << *error << "\n";
        return 2;
    }
    Fetcher fetcher(options);
    std::cout << kProtocol << "\n" << std::flush;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.starts_with("GET /") || line.find_first_of(" \r") != 3) {
            answer({0, "not a request of " + std::string(kProtocol) + ": " + line.substr(0, 80), false});
            continue;
        }
        answer(fetcher.get(line.substr(4)));
    }
    return 0;
}

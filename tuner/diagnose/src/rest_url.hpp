// The REST endpoint `flinklint observe` is given, and its connection to flinklint-fetch, the separate
// executable that makes the GETs through cpp-httplib (tuner/diagnose/fetch/fetch_main.cpp; the
// protocol is in docs/diagnose.md). flinklint is static-pie and links neither cpp-httplib nor OpenSSL.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/expected.hpp"

namespace flinklint::diagnose {

struct HttpUrl {
    std::string scheme = "http";
    std::string host;
    std::string port = "80";
    std::string base;                       // path prefix without a trailing slash ("" or "/proxy/flink")
    [[nodiscard]] std::string str() const;  // scheme://host:port/base
};

// `http[s]://HOST[:PORT][/PREFIX]`. Credentials in the URL are refused with a reason (they would end
// up in the snapshot and in the process list).
Expected<HttpUrl> parse_http_url(std::string_view url);
// `url` for a message: credentials before an '@' of its authority replaced by `***`.
std::string without_credentials(std::string_view url);

// How flinklint-fetch's error for an answer over the body limit starts.
inline constexpr std::string_view kTooLarge = "the response is larger than";

struct HttpResponse {
    int status = 0;
    std::string body;
};

struct FetchSettings {
    int timeout_ms = 10000;
    std::size_t max_body = 64u << 20;
    int retries = 1;
    int retry_delay_ms = 200;
    std::string cacert;  // https: the CA file to trust instead of the system's
    bool insecure = false;
};

// One running flinklint-fetch for one endpoint: GETs through its stdin and stdout.
class FetchClient {
public:
    // Starts `program` (posix_spawn, no shell) and reads its protocol line; an error names the
    // program and why it did not start.
    static Expected<std::unique_ptr<FetchClient>> start(const std::string& program, const HttpUrl& url,
                                                        const FetchSettings& settings);
    FetchClient(const FetchClient&) = delete;
    FetchClient& operator=(const FetchClient&) = delete;
    ~FetchClient();

    // GET base + path (path starts with '/'): the status and body, or why there is none.
    Expected<HttpResponse> get(std::string_view path);

private:
    FetchClient(pid_t pid, int to_child, int from_child, std::string base)
        : pid_(pid), to_child_(to_child), from_child_(from_child), base_(std::move(base)) {}
    Expected<std::string> read_line();
    Expected<std::string> read_bytes(std::size_t size);

    pid_t pid_;
    int to_child_;
    int from_child_;
    std::string base_;
    std::string buffer_;  // read from the child, not yet consumed
};

}  // namespace flinklint::diagnose

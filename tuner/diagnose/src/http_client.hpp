// A plain-HTTP GET for `flinklint observe`, on POSIX sockets. The flinklint binary is linked
// statically (cmake/StaticLink.cmake) and Debian ships cpp-httplib only as a shared library and
// libcurl's archive only with dependencies that have no archives (Kerberos, LDAP), so neither can be
// linked into it; what Flink's REST API needs (GET, Content-Length or chunked bodies) is small.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "flinklint/expected.hpp"

namespace flinklint::diagnose {

struct HttpUrl {
    std::string host;
    std::string port = "80";
    std::string base;                       // path prefix without a trailing slash ("" or "/proxy/flink")
    [[nodiscard]] std::string str() const;  // http://host:port/base
};

// `http://HOST[:PORT][/PREFIX]`. https and credentials in the URL are refused with a reason.
Expected<HttpUrl> parse_http_url(std::string_view url);

struct HttpLimits {
    int timeout_ms = 10000;            // connect, and each wait for bytes
    std::size_t max_body = 64u << 20;  // a larger response is an error, not a truncated file
};

// How the error of an answer over HttpLimits::max_body starts (asking again would not help).
inline constexpr std::string_view kTooLarge = "the response is larger than";

struct HttpResponse {
    int status = 0;
    std::string content_type;
    std::string body;
};

// GET base + path (path starts with '/'). An error for a refused connection, a timeout, a body over
// the limit or a response that is not HTTP/1.x.
Expected<HttpResponse> http_get(const HttpUrl& url, std::string_view path, const HttpLimits& limits);

}  // namespace flinklint::diagnose

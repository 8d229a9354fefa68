#include "rest_url.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace flinklint::diagnose {

std::string HttpUrl::str() const {
    const bool v6 = host.find(':') != std::string::npos;
    return fmt::format("{}://{}{}{}:{}{}", scheme, v6 ? "[" : "", host, v6 ? "]" : "", port, base);
}

std::string without_credentials(std::string_view url) {
    const std::size_t scheme = url.find("://");
    const std::size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
    const std::size_t end = std::min(url.find('/', start), url.size());
    const std::size_t at = url.substr(0, end).rfind('@');
    if (at == std::string_view::npos || at < start) return std::string(url);
    return std::string(url.substr(0, start)) + "***" + std::string(url.substr(at));
}

Expected<HttpUrl> parse_http_url(std::string_view url) {
    HttpUrl out;
    if (url.starts_with("https://")) {
        out.scheme = "https";
        out.port = "443";
    } else if (!url.starts_with("http://")) {
        return Error{"expected a URL such as http://localhost:8081 or https://flink.example.com"};
    }
    url.remove_prefix(out.scheme.size() + 3);
    const std::size_t slash = url.find('/');
    const std::string_view authority = url.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    if (authority.find('@') != std::string_view::npos)
        return Error{"credentials in the URL are not supported (they would end up in the snapshot)"};
    std::string_view host = authority;
    std::string_view port;
    if (host.starts_with('[')) {  // [::1]:8081
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos) return Error{"an IPv6 address without its closing ]"};
        port = host.substr(close + 1);
        host = host.substr(1, close - 1);
        if (!port.empty() && !port.starts_with(':')) return Error{"expected :PORT after the IPv6 address"};
        if (!port.empty()) port.remove_prefix(1);
    } else if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    if (host.empty()) return Error{"the URL has no host"};
    if (!port.empty()) {
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
            return Error{fmt::format("`{}` is not a port", port)};
        out.port = std::string(port);
    }
    if (path.find_first_of("?#") != std::string_view::npos) return Error{"the URL must not have a query"};
    while (path.ends_with('/')) path.remove_suffix(1);
    out.host = std::string(host);
    out.base = std::string(path);
    return out;
}

}  // namespace flinklint::diagnose

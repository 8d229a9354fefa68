#include "http_client.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <memory>
#include <optional>

namespace flinklint::diagnose {
namespace {

constexpr std::size_t kMaxHeader = 64u << 10;

struct Socket {
    int fd = -1;
    explicit Socket(int f) : fd(f) {}
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    ~Socket() {
        if (fd >= 0) ::close(fd);
    }
};

struct AddrInfoFree {
    void operator()(addrinfo* info) const { freeaddrinfo(info); }
};

// Waits for `events` on `fd`; false on timeout.
bool wait_for(int fd, short events, int timeout_ms) {
    pollfd p{fd, events, 0};
    for (;;) {
        const int n = ::poll(&p, 1, timeout_ms);
        if (n < 0 && errno == EINTR) continue;
        return n > 0;
    }
}

Expected<std::unique_ptr<Socket>> connect_to(const HttpUrl& url, int timeout_ms) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    // A numeric address first: a static binary resolves names only where glibc's NSS modules exist.
    hints.ai_flags = AI_NUMERICHOST;
    addrinfo* found = nullptr;
    if (getaddrinfo(url.host.c_str(), url.port.c_str(), &hints, &found) != 0) {
        hints.ai_flags = 0;
        const int rc = getaddrinfo(url.host.c_str(), url.port.c_str(), &hints, &found);
        if (rc != 0) return Error{fmt::format("cannot resolve {}: {}", url.host, gai_strerror(rc))};
    }
    const std::unique_ptr<addrinfo, AddrInfoFree> list(found);
    std::string last = "no address";
    for (const addrinfo* a = list.get(); a != nullptr; a = a->ai_next) {
        auto sock =
            std::make_unique<Socket>(::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol));
        if (sock->fd < 0) {
            last = std::strerror(errno);
            continue;
        }
        ::fcntl(sock->fd, F_SETFL, ::fcntl(sock->fd, F_GETFL) | O_NONBLOCK);
        if (::connect(sock->fd, a->ai_addr, a->ai_addrlen) == 0) return sock;
        if (errno != EINPROGRESS) {
            last = std::strerror(errno);
            continue;
        }
        if (!wait_for(sock->fd, POLLOUT, timeout_ms)) {
            last = fmt::format("no answer within {} ms", timeout_ms);
            continue;
        }
        int error = 0;
        socklen_t size = sizeof error;
        ::getsockopt(sock->fd, SOL_SOCKET, SO_ERROR, &error, &size);
        if (error == 0) return sock;
        last = std::strerror(error);
    }
    return Error{fmt::format("cannot connect to {}:{}: {}", url.host, url.port, last)};
}

std::optional<std::string> send_all(int fd, std::string_view data, int timeout_ms) {
    while (!data.empty()) {
        const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n > 0) {
            data.remove_prefix(static_cast<std::size_t>(n));
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            if (!wait_for(fd, POLLOUT, timeout_ms)) return "timed out sending the request";
        } else {
            return std::string("sending the request failed: ") + std::strerror(errno);
        }
    }
    return std::nullopt;
}

// Everything the server sends until it closes (the request asks it to), at most `limit` bytes.
Expected<std::string> receive_all(int fd, std::size_t limit, int timeout_ms) {
    std::string data;
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            data.append(buffer, static_cast<std::size_t>(n));
            if (data.size() > limit) return Error{fmt::format("{} {} bytes", kTooLarge, limit)};
        } else if (n == 0) {
            return data;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            if (!wait_for(fd, POLLIN, timeout_ms))
                return Error{fmt::format("no data for {} ms while reading the response", timeout_ms)};
        } else {
            return Error{std::string("reading the response failed: ") + std::strerror(errno)};
        }
    }
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

Expected<std::string> dechunk(std::string_view body) {
    std::string out;
    for (;;) {
        const std::size_t eol = body.find("\r\n");
        if (eol == std::string_view::npos) return Error{"a chunked response ends early"};
        std::size_t size = 0;
        const std::string_view line = body.substr(0, eol);
        const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
        if (ec != std::errc() || end == line.data()) return Error{"a chunk size is not hexadecimal"};
        body.remove_prefix(eol + 2);
        if (size == 0) return out;
        if (body.size() < size + 2) return Error{"a chunked response ends early"};
        out.append(body.substr(0, size));
        body.remove_prefix(size + 2);
    }
}

Expected<HttpResponse> parse_response(std::string_view raw) {
    const std::size_t head_end = raw.find("\r\n\r\n");
    if (!raw.starts_with("HTTP/1.") || raw.size() < 12 || head_end == std::string_view::npos)
        return Error{"the answer is not an HTTP/1.x response"};
    HttpResponse response;
    const auto [end, ec] = std::from_chars(raw.data() + 9, raw.data() + 12, response.status);
    if (ec != std::errc() || end != raw.data() + 12) return Error{"the HTTP status line is malformed"};
    std::optional<std::size_t> length;
    bool chunked = false;
    std::string_view headers = raw.substr(0, head_end);
    const std::size_t status_end = headers.find("\r\n");
    headers.remove_prefix(status_end == std::string_view::npos ? headers.size() : status_end + 2);
    while (!headers.empty()) {
        const std::size_t eol = headers.find("\r\n");
        const std::string_view line = headers.substr(0, eol);
        headers.remove_prefix(eol == std::string_view::npos ? headers.size() : eol + 2);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string name = lower(trim(line.substr(0, colon)));
        const std::string_view value = trim(line.substr(colon + 1));
        if (name == "content-type") response.content_type = std::string(value);
        if (name == "transfer-encoding") chunked = lower(value).find("chunked") != std::string::npos;
        if (name == "content-length") {
            std::size_t n = 0;
            const auto [e, err] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (err != std::errc() || e != value.data() + value.size())
                return Error{"a malformed Content-Length"};
            length = n;
        }
    }
    const std::string_view body = raw.substr(head_end + 4);
    if (chunked) {
        auto decoded = dechunk(body);
        if (!decoded) return Error{decoded.error()};
        response.body = std::move(decoded.value());
    } else if (length) {
        if (body.size() < *length) return Error{"the connection closed before the whole body arrived"};
        response.body = std::string(body.substr(0, *length));
    } else {
        response.body = std::string(body);
    }
    return response;
}

}  // namespace

std::string HttpUrl::str() const {
    const bool v6 = host.find(':') != std::string::npos;
    return fmt::format("http://{}{}{}:{}{}", v6 ? "[" : "", host, v6 ? "]" : "", port, base);
}

Expected<HttpUrl> parse_http_url(std::string_view url) {
    constexpr std::string_view kScheme = "http://";
    if (url.starts_with("https://"))
        return Error{
            "https is not supported: reach the REST endpoint over plain http (kubectl port-forward)"};
    if (!url.starts_with(kScheme)) return Error{"expected a URL such as http://localhost:8081"};
    url.remove_prefix(kScheme.size());
    const std::size_t slash = url.find('/');
    const std::string_view authority = url.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    if (authority.find('@') != std::string_view::npos)
        return Error{"credentials in the URL are not supported (they would end up in the snapshot)"};
    HttpUrl out;
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

Expected<HttpResponse> http_get(const HttpUrl& url, std::string_view path, const HttpLimits& limits) {
    auto sock = connect_to(url, limits.timeout_ms);
    if (!sock) return Error{sock.error()};
    const bool v6 = url.host.find(':') != std::string::npos;
    const std::string request = fmt::format(
        "GET {}{} HTTP/1.1\r\nHost: {}{}{}:{}\r\nAccept: application/json\r\nUser-Agent: flinklint\r\n"
        "Connection: close\r\n\r\n",
        url.base, path, v6 ? "[" : "", url.host, v6 ? "]" : "", url.port);
    if (auto error = send_all((*sock)->fd, request, limits.timeout_ms)) return Error{*error};
    auto raw = receive_all((*sock)->fd, limits.max_body + kMaxHeader, limits.timeout_ms);
    if (!raw) return Error{raw.error()};
    auto response = parse_response(*raw);
    if (response && response->body.size() > limits.max_body)
        return Error{fmt::format("{} {} bytes", kTooLarge, limits.max_body)};
    return response;
}

}  // namespace flinklint::diagnose

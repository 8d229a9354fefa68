#include "tls.hpp"

#include <fmt/format.h>
#include <poll.h>

#include "http_client.hpp"

#ifdef FLINKLINT_HAVE_TLS
#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#endif

namespace flinklint::diagnose {

#ifdef FLINKLINT_HAVE_TLS

class TlsSession {
public:
    SSL_CTX* ctx = nullptr;
    SSL* ssl = nullptr;
    int fd = -1;
    ~TlsSession() {
        if (ssl != nullptr) SSL_free(ssl);
        if (ctx != nullptr) SSL_CTX_free(ctx);
    }
};

void TlsSessionFree::operator()(TlsSession* session) const {
    delete session;
}

bool tls_available() {
    return true;
}

namespace {

std::string openssl_error() {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) return "the connection closed during the TLS handshake";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return text;
}

// A call that may want the socket readable or writable first: false when the wait timed out.
bool wait_as_asked(const TlsSession& s, int result, int timeout_ms, int& error) {
    error = SSL_get_error(s.ssl, result);
    if (error == SSL_ERROR_WANT_READ) return wait_for(s.fd, POLLIN, timeout_ms);
    if (error == SSL_ERROR_WANT_WRITE) return wait_for(s.fd, POLLOUT, timeout_ms);
    return false;
}

bool is_ip_address(const std::string& host) {
    unsigned char buffer[16];
    return inet_pton(AF_INET, host.c_str(), buffer) == 1 || inet_pton(AF_INET6, host.c_str(), buffer) == 1;
}

Expected<TlsPtr> configure(int fd, const std::string& host, const TlsOptions& options) {
    TlsPtr s(new TlsSession);
    s->fd = fd;
    s->ctx = SSL_CTX_new(TLS_client_method());
    if (s->ctx == nullptr) return Error{"TLS: " + openssl_error()};
    SSL_CTX_set_min_proto_version(s->ctx, TLS1_2_VERSION);
    // The server may close without close_notify: the body's length is checked by the HTTP layer.
    SSL_CTX_set_options(s->ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
    if (!options.insecure) {
        SSL_CTX_set_verify(s->ctx, SSL_VERIFY_PEER, nullptr);
        const int loaded = options.ca_file.empty()
                               ? SSL_CTX_set_default_verify_paths(s->ctx)
                               : SSL_CTX_load_verify_locations(s->ctx, options.ca_file.c_str(), nullptr);
        if (loaded != 1)
            return Error{fmt::format("cannot read the CA certificates{}: {}",
                                     options.ca_file.empty() ? "" : " in " + options.ca_file,
                                     openssl_error())};
    }
    s->ssl = SSL_new(s->ctx);
    if (s->ssl == nullptr || SSL_set_fd(s->ssl, fd) != 1) return Error{"TLS: " + openssl_error()};
    const bool ip = is_ip_address(host);
    if (!ip) SSL_set_tlsext_host_name(s->ssl, host.c_str());
    if (!options.insecure) {
        X509_VERIFY_PARAM* param = SSL_get0_param(s->ssl);
        const int named = ip ? X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str())
                             : X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
        if (named != 1) return Error{"TLS: cannot check the certificate against " + host};
    }
    return s;
}

}  // namespace

Expected<TlsPtr> tls_connect(int fd, const std::string& host, const TlsOptions& options, int timeout_ms) {
    auto s = configure(fd, host, options);
    if (!s) return s;
    for (;;) {
        const int result = SSL_connect((*s)->ssl);
        if (result == 1) return s;
        int error = 0;
        if (wait_as_asked(**s, result, timeout_ms, error)) continue;
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            return Error{fmt::format("no answer within {} ms during the TLS handshake", timeout_ms)};
        const long verified = SSL_get_verify_result((*s)->ssl);
        if (verified != X509_V_OK)
            return Error{
                fmt::format("the server's certificate is not trusted: {} (--ca-cert FILE names the "
                            "CA to trust; --insecure skips the check)",
                            X509_verify_cert_error_string(verified))};
        return Error{"the TLS handshake failed: " + openssl_error()};
    }
}

std::optional<std::string> tls_send_all(TlsSession& s, std::string_view data, int timeout_ms) {
    while (!data.empty()) {
        const int n = SSL_write(s.ssl, data.data(), static_cast<int>(data.size()));
        if (n > 0) {
            data.remove_prefix(static_cast<std::size_t>(n));
            continue;
        }
        int error = 0;
        if (!wait_as_asked(s, n, timeout_ms, error))
            return error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE
                       ? "timed out sending the request"
                       : "sending the request failed: " + openssl_error();
    }
    return std::nullopt;
}

Expected<std::string> tls_receive_all(TlsSession& s, std::size_t limit, int timeout_ms) {
    std::string data;
    char buffer[16384];
    for (;;) {
        const int n = SSL_read(s.ssl, buffer, sizeof buffer);
        if (n > 0) {
            data.append(buffer, static_cast<std::size_t>(n));
            if (data.size() > limit) return Error{fmt::format("{} {} bytes", kTooLarge, limit)};
            continue;
        }
        int error = 0;
        if (wait_as_asked(s, n, timeout_ms, error)) continue;
        if (error == SSL_ERROR_ZERO_RETURN) return data;
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            return Error{fmt::format("no data for {} ms while reading the response", timeout_ms)};
        return Error{"reading the response failed: " + openssl_error()};
    }
}

#else

class TlsSession {};

void TlsSessionFree::operator()(TlsSession* session) const {
    delete session;
}

bool tls_available() {
    return false;
}

Expected<TlsPtr> tls_connect(int, const std::string&, const TlsOptions&, int) {
    return Error{"https needs flinklint built with OpenSSL (libssl-dev)"};
}

std::optional<std::string> tls_send_all(TlsSession&, std::string_view, int) {
    return "https needs flinklint built with OpenSSL";
}

Expected<std::string> tls_receive_all(TlsSession&, std::size_t, int) {
    return Error{"https needs flinklint built with OpenSSL"};
}

#endif

}  // namespace flinklint::diagnose

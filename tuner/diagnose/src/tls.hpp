// TLS for `flinklint observe --url https://...`, on OpenSSL (Debian's libssl-dev; its archives are
// linked into the static binary). The server's certificate is verified against the system's CA store
// or --ca-cert, and its name (or IP address) checked; --insecure skips both, and observe says so.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "flinklint/expected.hpp"

namespace flinklint::diagnose {

struct TlsOptions {
    std::string ca_file;  // PEM certificates to trust instead of the system's; empty: the system's
    bool insecure = false;
};

// False when flinklint was built without OpenSSL.
bool tls_available();

class TlsSession;
struct TlsSessionFree {
    void operator()(TlsSession* session) const;
};
using TlsPtr = std::unique_ptr<TlsSession, TlsSessionFree>;

// The handshake on a connected nonblocking socket, each wait bounded by `timeout_ms`.
Expected<TlsPtr> tls_connect(int fd, const std::string& host, const TlsOptions& options, int timeout_ms);
std::optional<std::string> tls_send_all(TlsSession& session, std::string_view data, int timeout_ms);
// Everything until the server closes, at most `limit` bytes (an error beyond, starting kTooLarge).
Expected<std::string> tls_receive_all(TlsSession& session, std::size_t limit, int timeout_ms);

// Waits for `events` (poll) on `fd`; false on timeout (http_client.cpp).
bool wait_for(int fd, short events, int timeout_ms);

}  // namespace flinklint::diagnose

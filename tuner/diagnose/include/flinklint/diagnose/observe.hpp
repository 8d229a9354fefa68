// `flinklint observe --url URL [--job ID] --out DIR`: the REST responses of a running Flink cluster
// that a diagnosis needs, saved as Flink returned them into a snapshot directory with a manifest
// (docs/diagnose.md). Endpoint E is saved as DIR/E.json (`/jobs/ID/checkpoints/config` as
// `jobs/ID/checkpoints/config.json`), a metric query E?get=A,B as DIR/E@get=A,B.json; the snapshot
// appears whole or not at all.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flinklint::diagnose {

inline constexpr std::string_view kManifestName = "manifest.json";
inline constexpr std::string_view kSnapshotFormat = "flinklint-observe/1";

// The GETs are made by flinklint-fetch, a separate executable linked with cpp-httplib and OpenSSL
// (tuner/diagnose/fetch/fetch_main.cpp); the command line finds it (cli/observe_command.cpp).
inline constexpr std::string_view kFetcherMissing =
    "flinklint-fetch, which makes observe's HTTP and HTTPS requests, was not found beside flinklint, in "
    "../libexec/flinklint or on PATH: install the flinklint package (the .deb or the release tarball), "
    "which ships it (its library comes from Debian's libcpp-httplib0.11)";

struct ObserveOptions {
    std::string url;                 // http[s]://HOST:PORT[/PREFIX]
    std::optional<std::string> job;  // a 32-digit hex job id; else every job of /jobs/overview
    std::string out;                 // must not exist, or be an empty directory
    std::string fetcher;             // the flinklint-fetch executable; empty: not found
    std::string cacert;              // https: trust this CA file instead of the system's
    bool insecure = false;           // https: no certificate check (said in the notes and manifest)
    int timeout_ms = 10000;          // connect, and each wait for bytes
    std::size_t max_body = 64u << 20;
    int retries = 1;  // further attempts after a dropped connection, a timeout or an HTTP 5xx
    int retry_delay_ms = 200;
    std::size_t max_jobs = 8;           // without --job: the most recently started ones
    std::size_t max_taskmanagers = 64;  // /taskmanagers/:id fetched for at most this many
    std::string tool_version;           // written into the manifest
};

// One GET: which endpoint, the file it was saved to (empty when not saved), its status.
struct Fetch {
    std::string endpoint;
    std::string file;
    int status = 0;  // 0: no HTTP answer
    std::uint64_t bytes = 0;
    std::string error;
};

struct ObserveResult {
    std::string error;  // set: nothing was written (refused connection, not Flink, unusable --out)
    std::string flink_version;
    std::vector<std::string> jobs;
    std::vector<Fetch> fetches;
    std::vector<std::string> notes;  // jobs left out, secrets masked
};

ObserveResult observe(const ObserveOptions& options);

}  // namespace flinklint::diagnose

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

struct ObserveOptions {
    std::string url;                 // http://HOST:PORT[/PREFIX]
    std::optional<std::string> job;  // a 32-digit hex job id; else every job of /jobs/overview
    std::string out;                 // must not exist, or be an empty directory
    int timeout_ms = 10000;          // connect, and each wait for bytes
    std::size_t max_body = 64u << 20;
    int retries = 1;  // further attempts after a dropped connection, a timeout or an HTTP 502-504
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

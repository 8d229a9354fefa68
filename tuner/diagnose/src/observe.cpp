#include "flinklint/diagnose/observe.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <functional>

#include "flinklint/fix.hpp"
#include "flinklint/masking.hpp"
#include "flinklint/model.hpp"
#include "json_fields.hpp"
#include "metric_names.hpp"
#include "rest_url.hpp"
#include "snapshot_files.hpp"

namespace flinklint::diagnose {
namespace {

namespace fs = std::filesystem;

// A TaskManager id in a URL path (Kubernetes and YARN ids hold ':' and other characters).
std::string percent_encoded(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '_' || c == '.' || c == '~';
        out += plain ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    return out;
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    return std::string(text, std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc));
}

// Sensitive values masked again, whatever Flink already did (GlobalConfiguration.isSensitive).
std::size_t mask_config(Json& entries) {
    std::size_t masked = 0;
    if (!entries.is_array()) return 0;
    for (Json& entry : entries) {
        if (!entry.is_object() || !is_secret_key(text_of(entry, "key"))) continue;
        if (text_of(entry, "value") != kSecretMask) ++masked;
        entry["value"] = kSecretMask;
    }
    return masked;
}

class Observer {
public:
    Observer(FetchClient& client, fs::path dir) : client_(client), dir_(std::move(dir)) {}

    // GET `endpoint`; a JSON answer with status 200 is saved and returned.
    std::optional<Json> fetch(const std::string& endpoint, const std::string& file = {}) {
        Fetch record{endpoint, {}, 0, 0, {}};
        const auto response = client_.get(endpoint);
        if (!response) {
            record.error = response.error();
            result_.fetches.push_back(std::move(record));
            return std::nullopt;
        }
        record.status = response->status;
        record.bytes = response->body.size();
        Json json = Json::parse(response->body, nullptr, false);
        if (response->status >= 300 && response->status < 400) {
            // Flink's REST API never redirects: a proxy in front of it does (a login page, http to https).
            record.error = fmt::format("HTTP {}: a redirect, not followed (give --url the address it names)",
                                       response->status);
        } else if (response->status != 200) {
            record.error = fmt::format("HTTP {}", response->status);
        } else if (json.is_discarded()) {
            record.error = "the answer is not JSON";
        } else {
            record.file = file.empty() ? endpoint.substr(1) + ".json" : file;
            std::string bytes = response->body;
            if (endpoint == "/jobmanager/config") {
                if (const std::size_t n = mask_config(json); n > 0)
                    result_.notes.push_back(
                        fmt::format("masked {} sensitive value(s) Flink had not masked", n));
                bytes = json.dump(1, ' ', false, Json::error_handler_t::replace);
            }
            save(record.file, bytes, record);
        }
        const bool ok = record.error.empty();
        result_.fetches.push_back(std::move(record));
        return ok ? std::optional<Json>(std::move(json)) : std::nullopt;
    }

    ObserveResult& result() { return result_; }

private:
    void save(const std::string& file, const std::string& bytes, Fetch& record) {
        const fs::path path = dir_ / file;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        if (ec) {
            record.error = ec.message();
        } else if (auto error = write_file_atomically(path, bytes, IfMissing::create)) {
            record.error = *error;
        }
        if (!record.error.empty()) record.file.clear();
    }

    FetchClient& client_;
    fs::path dir_;
    ObserveResult result_;
};

// The jobs to fetch: --job, else the most recently started of /jobs/overview.
std::vector<std::string> pick_jobs(const ObserveOptions& options, const std::optional<Json>& overview,
                                   ObserveResult& result) {
    if (options.job) return {*options.job};
    std::vector<std::pair<std::int64_t, std::string>> found;
    if (overview && overview->is_object()) {
        for (const Json& job : array_of(*overview, "jobs")) {
            const std::string id = job.is_object() ? text_of(job, "jid") : std::string();
            if (is_flink_id(id)) found.emplace_back(int_of(job, "start-time"), id);
        }
    }
    std::ranges::sort(found, std::greater<>());
    if (found.size() > options.max_jobs) {
        result.notes.push_back(
            fmt::format("{} of {} jobs fetched (the most recently started): name one with --job",
                        options.max_jobs, found.size()));
        found.resize(options.max_jobs);
    }
    std::vector<std::string> jobs;
    for (auto& [start, id] : found) jobs.push_back(std::move(id));
    return jobs;
}

// GET `endpoint` for the names of the metrics Flink has there, then the values of the wanted ones
// (AggregatedMetricsResponseBody: min, max, avg and sum over the TaskManagers or subtasks), saved
// under the endpoint's name with the query ("taskmanagers/metrics@get=....json").
void fetch_metric_values(Observer& observer, const std::string& endpoint,
                         std::vector<std::string> (*wanted)(const Json&)) {
    const auto list = observer.fetch(endpoint);
    if (!list) return;
    constexpr std::size_t kMaxQuery = 160;
    for (const std::vector<std::string>& batch : metric::metric_batches(wanted(*list), kMaxQuery)) {
        std::string names;
        std::string encoded;
        for (const std::string& name : batch) {
            names += (names.empty() ? "" : ",") + name;
            encoded += (encoded.empty() ? "" : ",") + percent_encoded(name);
        }
        observer.fetch(endpoint + "?get=" + encoded, query_file(endpoint.substr(1), "get=" + names));
    }
}

void fetch_job(Observer& observer, const std::string& job) {
    const std::string base = "/jobs/" + job;
    const auto details = observer.fetch(base);
    for (const char* tail : {"/plan", "/exceptions", "/checkpoints", "/checkpoints/config"})
        observer.fetch(base + tail);
    if (!details || !details->is_object()) return;
    for (const Json& vertex : array_of(*details, "vertices")) {
        const std::string id = vertex.is_object() ? text_of(vertex, "id") : std::string();
        if (!is_flink_id(id)) continue;
        observer.fetch(base + "/vertices/" + id + "/backpressure");
        fetch_metric_values(observer, base + "/vertices/" + id + "/subtasks/metrics",
                            metric::wanted_subtask_metrics);
    }
}

void fetch_taskmanagers(Observer& observer, const std::optional<Json>& list, std::size_t limit) {
    if (!list || !list->is_object()) return;
    std::size_t count = 0;
    for (const Json& tm : array_of(*list, "taskmanagers")) {
        const std::string id = tm.is_object() ? text_of(tm, "id") : std::string();
        if (id.empty() || ++count > limit) continue;
        observer.fetch("/taskmanagers/" + percent_encoded(id), "taskmanagers/" + file_safe(id) + ".json");
    }
}

Json manifest(const ObserveOptions& options, const HttpUrl& url, const ObserveResult& result,
              const std::string& started) {
    Json endpoints = Json::array();
    for (const Fetch& f : result.fetches) {
        Json e = {{"endpoint", f.endpoint}, {"status", f.status}, {"bytes", f.bytes}};
        if (!f.file.empty()) e["file"] = f.file;
        if (!f.error.empty()) e["error"] = f.error;
        endpoints.push_back(std::move(e));
    }
    Json out = {{"format", kSnapshotFormat},
                {"tool", "flinklint " + options.tool_version},
                {"url", url.str()},
                {"started", started},
                {"finished", utc_now()},
                {"flink_version", result.flink_version},
                {"jobs", result.jobs},
                {"notes", result.notes},
                {"endpoints", std::move(endpoints)}};
    if (url.scheme == "https") out["certificate_verified"] = !options.insecure;
    return out;
}

// The directory the snapshot is built in, beside --out, renamed onto it at the end.
Expected<fs::path> staging_dir(const fs::path& out) {
    std::error_code ec;
    if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec)))
        return Error{"exists and is not an empty directory"};
    const fs::path staging =
        out.parent_path() / fmt::format(".{}.partial-{}", out.filename().string(), ::getpid());
    fs::remove_all(staging, ec);
    if (!fs::create_directories(staging, ec) || ec)
        return Error{"cannot create a directory beside it: " + ec.message()};
    return staging;
}

}  // namespace

ObserveResult observe(const ObserveOptions& options) {
    const auto url = parse_http_url(options.url);
    if (!url) return {without_credentials(options.url) + ": " + url.error()};
    if (options.job && !is_flink_id(*options.job))
        return {fmt::format("--job {}: expected a job id of 32 hexadecimal digits", *options.job)};
    if (url->scheme == "http" && (options.insecure || !options.cacert.empty()))
        return {"--cacert and --insecure apply to https URLs only"};
    fs::path out = fs::absolute(options.out).lexically_normal();
    if (!out.has_filename()) out = out.parent_path();
    if (options.fetcher.empty()) return {std::string(kFetcherMissing)};
    const auto client = FetchClient::start(options.fetcher, *url,
                                           {options.timeout_ms, options.max_body, options.retries,
                                            options.retry_delay_ms, options.cacert, options.insecure});
    if (!client) return {client.error()};
    const auto staging = staging_dir(out);
    if (!staging) return {options.out + ": " + staging.error()};
    const std::string started = utc_now();
    Observer observer(**client, *staging);
    if (options.insecure)
        observer.result().notes.push_back(
            "the server's certificate was not verified (--insecure): anyone on the path could have "
            "answered");
    std::error_code ec;
    const auto config = observer.fetch("/config");
    if (!config || !config->is_object() || !config->contains("flink-version")) {
        fs::remove_all(*staging, ec);
        const Fetch& first = observer.result().fetches.front();
        if (first.status == 0) return {url->str() + ": " + first.error};
        return {fmt::format("{}: not a Flink REST API (GET /config: {})", url->str(),
                            first.error.empty() ? "no `flink-version` in the answer" : first.error)};
    }
    ObserveResult& result = observer.result();
    result.flink_version = text_of(*config, "flink-version");
    observer.fetch("/overview");
    observer.fetch("/jobmanager/config");
    fetch_taskmanagers(observer, observer.fetch("/taskmanagers"), options.max_taskmanagers);
    fetch_metric_values(observer, "/taskmanagers/metrics", metric::wanted_taskmanager_metrics);
    result.jobs = pick_jobs(options, observer.fetch("/jobs/overview"), result);
    for (const std::string& job : result.jobs) fetch_job(observer, job);
    const std::string text =
        manifest(options, *url, result, started).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    if (auto error = write_file_atomically(*staging / kManifestName, text, IfMissing::create)) {
        fs::remove_all(*staging, ec);
        return {options.out + ": " + *error};
    }
    if (fs::exists(out, ec)) fs::remove(out, ec);  // the empty directory staging_dir accepted
    fs::rename(*staging, out, ec);
    if (ec) {
        fs::remove_all(*staging, ec);
        return {options.out + ": " + ec.message()};
    }
    return std::move(result);
}

}  // namespace flinklint::diagnose

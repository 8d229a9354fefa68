// A real HTTP server on 127.0.0.1 for the `flinklint observe` tests (cpp-httplib, from Debian's
// libcpp-httplib-dev): GET E answers with ROOT/E.json and GET E?Q with ROOT/E@Q.json (Q decoded, as
// tuner/diagnose/src/snapshot_files.hpp names it), the layout of a snapshot, so a recorded directory of
// Flink REST responses is served as Flink serves them. Nothing leaves the machine. Over https when
// given a certificate and key (made by the test with the openssl command), and with the misbehaviours
// the client must survive: a 5xx once, a redirect, an answer held back past the client's timeout.
#pragma once

#ifdef FLINKLINT_HAVE_HTTPLIB
#include <httplib.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

#include "tuner/diagnose/src/snapshot_files.hpp"

namespace flinklint::testing {

class RestServer {
public:
    // Plain http; with `cert` and `key` (PEM files), https.
    explicit RestServer(std::filesystem::path root, const std::filesystem::path& cert = {},
                        const std::filesystem::path& key = {})
        : root_(std::move(root)),
          server_(cert.empty() ? std::make_unique<httplib::Server>()
                               : std::make_unique<httplib::SSLServer>(cert.c_str(), key.c_str())),
          scheme_(cert.empty() ? "http" : "https") {
        // As Flink's Netty server does: no Nagle delay between a kept-alive answer's header and body.
        server_->set_tcp_nodelay(true);
        server_->Get(R"(/.*)", [this](const httplib::Request& request, httplib::Response& response) {
            serve(request, response);
        });
        port_ = server_->bind_to_any_port("127.0.0.1");  // listening from here on: no race with clients
        thread_ = std::thread([this] { server_->listen_after_bind(); });
        // stop() before the accept loop runs would be lost and the destructor would wait forever.
        while (!server_->is_running()) std::this_thread::yield();
    }
    RestServer(const RestServer&) = delete;
    RestServer& operator=(const RestServer&) = delete;
    ~RestServer() {
        {
            const std::lock_guard lock(mutex_);
            released_ = true;
        }
        release_.notify_all();
        server_->stop();
        thread_.join();
    }

    [[nodiscard]] int port() const { return port_; }
    // The next GET of `path` answers `status` (Flink's 503 while the JobManager elects its leader).
    void fail_once(const std::string& path, int status) {
        const std::lock_guard lock(mutex_);
        failures_[path] = status;
    }
    // Every GET of `path` answers 302 to `location`.
    void redirect(const std::string& path, const std::string& location) {
        const std::lock_guard lock(mutex_);
        redirects_[path] = location;
    }
    // Every GET of `path` is answered only when the server is destroyed: slow by design, whatever the
    // client's timeout.
    void hold(const std::string& path) {
        const std::lock_guard lock(mutex_);
        held_[path] = true;
    }
    [[nodiscard]] std::string url() const { return scheme_ + "://127.0.0.1:" + std::to_string(port_); }

private:
    // Flink's own answer to an unknown path: 404 with {"errors":[...]} (RestServerEndpoint).
    void serve(const httplib::Request& request, httplib::Response& response) {
        std::string path = request.path;
        {
            std::unique_lock lock(mutex_);
            if (held_.contains(path)) release_.wait(lock, [this] { return released_; });
            if (const auto to = redirects_.find(path); to != redirects_.end()) {
                response.set_redirect(to->second);
                return;
            }
            if (const auto failure = failures_.find(path); failure != failures_.end()) {
                response.status = failure->second;
                response.set_content(R"({"errors":["Service temporarily unavailable"]})", "application/json");
                failures_.erase(failure);
                return;
            }
        }
        for (char& c : path) c = c == ':' ? '_' : c;  // TaskManager ids are saved with '_' for ':'
        std::string query;  // httplib decodes the parameters and keeps them sorted by name
        for (const auto& [name, value] : request.params)
            query += (query.empty() ? "" : "&") + name + "=" + value;
        const std::string file =
            query.empty() ? path.substr(1) + ".json" : flinklint::diagnose::query_file(path.substr(1), query);
        std::ifstream in(root_ / file, std::ios::binary);
        if (path.find("..") != std::string::npos || !in) {
            response.status = 404;
            response.set_content(R"({"errors":["Not found: )" + path + R"("]})",
                                 "application/json; charset=UTF-8");
            return;
        }
        std::ostringstream body;
        body << in.rdbuf();
        response.set_content(body.str(), "application/json; charset=UTF-8");
    }

    std::filesystem::path root_;
    std::mutex mutex_;
    std::condition_variable release_;
    bool released_ = false;
    std::map<std::string, int> failures_;
    std::map<std::string, std::string> redirects_;
    std::map<std::string, bool> held_;
    std::unique_ptr<httplib::Server> server_;
    std::string scheme_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace flinklint::testing
#endif

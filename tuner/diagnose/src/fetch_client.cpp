// flinklint's side of protocol flinklint-fetch/1 (tuner/diagnose/fetch/fetch_main.cpp, docs/diagnose.md):
// one child per observe run, started without a shell, requests on its stdin, length-prefixed answers
// on its stdout. The child enforces the timeouts, the retries and the body limit.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <vector>

#include "rest_url.hpp"

extern char** environ;

namespace flinklint::diagnose {
namespace {

constexpr std::string_view kProtocol = "flinklint-fetch/1";
constexpr std::size_t kMaxHeadLine = 256;

std::vector<std::string> arguments(const std::string& program, const HttpUrl& url, const FetchSettings& s) {
    std::vector<std::string> args{program,
                                  "--scheme",
                                  url.scheme,
                                  "--host",
                                  url.host,
                                  "--port",
                                  url.port,
                                  "--timeout",
                                  std::to_string(s.timeout_ms),
                                  "--max-body",
                                  std::to_string(s.max_body),
                                  "--retries",
                                  std::to_string(s.retries),
                                  "--retry-delay",
                                  std::to_string(s.retry_delay_ms)};
    if (!s.cacert.empty()) args.insert(args.end(), {"--cacert", s.cacert});
    if (s.insecure) args.emplace_back("--insecure");
    return args;
}

// Why the child ended before its protocol line.
std::string exit_reason(pid_t pid) {
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0) return "it ended";
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return "it could not be loaded (exit 127): is its library libcpp-httplib0.11 installed?";
    if (WIFEXITED(status)) return fmt::format("it exited with {} before answering", WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return fmt::format("it was killed by signal {}", WTERMSIG(status));
    return "it ended";
}

}  // namespace

Expected<std::unique_ptr<FetchClient>> FetchClient::start(const std::string& program, const HttpUrl& url,
                                                          const FetchSettings& settings) {
    // A child that dies makes a write to its stdin fail with EPIPE instead of killing flinklint.
    std::signal(SIGPIPE, SIG_IGN);
    std::array<int, 2> in{-1, -1};
    std::array<int, 2> out{-1, -1};
    if (::pipe2(in.data(), O_CLOEXEC) != 0 || ::pipe2(out.data(), O_CLOEXEC) != 0)
        return Error{std::string("cannot create a pipe: ") + std::strerror(errno)};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    const std::vector<std::string> args = arguments(program, url, settings);
    std::vector<char*> argv;
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(out[0]);
        return Error{fmt::format("cannot start {}: {}", program, std::strerror(rc))};
    }
    std::unique_ptr<FetchClient> client(new FetchClient(pid, in[1], out[0], url.base));
    const auto hello = client->read_line();
    if (!hello || *hello != kProtocol) {
        ::close(client->to_child_);
        client->to_child_ = -1;
        const std::string why = hello ? fmt::format(
                                            "it speaks `{}`, flinklint needs `{}` (install matching "
                                            "versions)",
                                            hello->substr(0, 64), kProtocol)
                                      : exit_reason(pid);
        if (!hello) client->pid_ = -1;  // reaped by exit_reason
        return Error{fmt::format("{} did not start: {}", program, why)};
    }
    return client;
}

FetchClient::~FetchClient() {
    if (to_child_ >= 0) ::close(to_child_);  // end of input: the child exits
    ::close(from_child_);
    if (pid_ > 0) {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
    }
}

Expected<std::string> FetchClient::read_line() {
    for (;;) {
        if (const std::size_t eol = buffer_.find('\n'); eol != std::string::npos) {
            std::string line = buffer_.substr(0, eol);
            buffer_.erase(0, eol + 1);
            return line;
        }
        if (buffer_.size() > kMaxHeadLine) return Error{"flinklint-fetch answered a malformed line"};
        char chunk[4096];
        const ssize_t n = ::read(from_child_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Error{"flinklint-fetch ended unexpectedly"};
        buffer_.append(chunk, static_cast<std::size_t>(n));
    }
}

Expected<std::string> FetchClient::read_bytes(std::size_t size) {
    std::string out = buffer_.substr(0, size);
    buffer_.erase(0, out.size());
    out.reserve(size);
    while (out.size() < size) {
        char chunk[65536];
        const ssize_t n = ::read(from_child_, chunk, std::min(sizeof chunk, size - out.size()));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Error{"flinklint-fetch ended in the middle of an answer"};
        out.append(chunk, static_cast<std::size_t>(n));
    }
    return out;
}

Expected<HttpResponse> FetchClient::get(std::string_view path) {
    const std::string request = fmt::format("GET {}{}\n", base_, path);
    for (std::string_view rest = request; !rest.empty();) {
        const ssize_t n = ::write(to_child_, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Error{"flinklint-fetch ended unexpectedly"};
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    const auto head = read_line();
    if (!head) return Error{head.error()};
    const std::size_t space = head->find(' ');
    std::size_t length = 0;
    const std::string_view size_text =
        space == std::string::npos ? std::string_view() : std::string_view(*head).substr(space + 1);
    const auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), length);
    if (space == std::string::npos || ec != std::errc() || end != size_text.data() + size_text.size())
        return Error{"flinklint-fetch answered a malformed line"};
    auto body = read_bytes(length);
    if (!body) return Error{body.error()};
    const std::string_view kind = std::string_view(*head).substr(0, space);
    if (kind == "error") return Error{std::move(*body)};
    HttpResponse response;
    const auto [e, err] = std::from_chars(kind.data(), kind.data() + kind.size(), response.status);
    if (err != std::errc() || e != kind.data() + kind.size())
        return Error{"flinklint-fetch answered a malformed line"};
    response.body = std::move(*body);
    return response;
}

}  // namespace flinklint::diagnose

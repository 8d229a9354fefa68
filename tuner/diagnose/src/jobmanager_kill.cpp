// Texts: EnvironmentInformation.logEnvironmentInfo (" Starting %s (Version: ..."; a JobManager's
// component is a ClusterEntrypoint subclass, StandaloneSessionClusterEntrypoint,
// KubernetesApplicationClusterEntrypoint, YarnApplicationClusterEntryPoint, ...); ClusterEntrypoint
// ("Shutting %s down with application status %s. Diagnostics %s.", "Terminating cluster entrypoint
// process %s with exit code %s."); SignalHandler ("RECEIVED SIGNAL %s: SIG%s. Shutting down as
// requested."). The kill: Kubernetes' ContainerStateTerminated (reason OOMKilled, exitCode 137) as
// `kubectl describe` ("Reason:  OOMKilled", "Exit Code:  137") or `-o yaml/json` print it, and
// `docker compose` ("<service> exited with code 137").
#include "jobmanager_kill.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "scan.hpp"

namespace flinklint::diagnose {
namespace {

// "137" right after `key` and any spaces, quotes, colons or tabs, and not followed by a digit.
bool exit_137_after(std::string_view text, std::string_view key) {
    std::size_t at = text.find(key);
    if (at == std::string_view::npos) return false;
    at += key.size();
    while (at < text.size() &&
           (text[at] == ' ' || text[at] == '\t' || text[at] == ':' || text[at] == '"' || text[at] == '='))
        ++at;
    return text.substr(at, 3) == "137" && (at + 3 == text.size() || text[at + 3] < '0' || text[at + 3] > '9');
}

bool mentions_jobmanager(std::string_view text) {
    std::string lower(text);
    std::ranges::transform(lower, lower.begin(),
                           [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
    return lower.find("jobmanager") != std::string::npos;
}

}  // namespace

// Every line of a log passes here: each search starts with a letter rare in logs (a space or a digit
// first would stop at almost every byte).
void JobManagerEnd::line(std::size_t number, std::string_view text) {
    pods.line(number, text);
    if (pods.active()) return;
    if (const std::size_t version = text.find("Version: "); version != std::string_view::npos) {
        const std::string_view head = text.substr(0, version);
        if (head.find(" Starting ") != std::string_view::npos &&
            (head.ends_with("ntrypoint (") || head.ends_with("ntryPoint ("))) {
            started = number;
            stopped = false;
        }
        return;
    }
    const std::size_t shutting = started > 0 ? text.find("Shutting ") : std::string_view::npos;
    if (started > 0 && ((shutting != std::string_view::npos &&
                         text.find("down with application status", shutting) != std::string_view::npos) ||
                        text.find("RECEIVED SIGNAL ") != std::string_view::npos ||
                        text.find("Terminating cluster entrypoint process") != std::string_view::npos)) {
        stopped = true;
        return;
    }
    if (kill_line > 0) return;
    const bool oom = text.find("OOMKilled") != std::string_view::npos;
    // "exited with code", "Exit Code", "exitCode": all hold "xit".
    if (!oom && text.find("xit") == std::string_view::npos) return;
    // Flink's own report of a TaskManager pod (DG404) is not the JobManager's.
    if (text.find("container termination statuses") != std::string_view::npos) return;
    const bool exit_137 = exit_137_after(text, "exited with code") || exit_137_after(text, "Exit Code") ||
                          exit_137_after(text, "exitCode");
    if (!oom && !exit_137) return;
    kill_line = number;
    kill_text = std::string(strip_log_prefixes(text).substr(0, kMaxEvidence));
    kill_reason = oom ? "OOMKilled" : "exit code 137";
    kill_names_jobmanager = mentions_jobmanager(text);
}

bool is_application_master(std::string_view line) {
    const std::size_t at = line.find("containerID=");
    if (at == std::string_view::npos) return false;
    const std::string_view id = line.substr(at + 12, line.find_first_of(",] ", at + 12) - (at + 12));
    return id.starts_with("container_") && id.ends_with("_000001");
}

void add_jobmanager_kill(const std::vector<std::pair<std::string, JobManagerEnd>>& ends,
                         std::vector<Pending>& pending) {
    const auto unended =
        std::ranges::find_if(ends, [](const auto& e) { return e.second.started > 0 && !e.second.stopped; });
    const auto add = [&](std::string_view id, const std::string& path, std::size_t line,
                         const std::string& text, Fields fields) {
        Pending p = pending_for(id, path, line, text, std::move(fields));
        if (id == "DG406" && unended != ends.end())
            p.diagnosis.notes.push_back(
                unended->first + ":" + std::to_string(unended->second.started) +
                ": the JobManager started here and its log ends without Flink's shutdown (\"Shutting ... "
                "down\", \"RECEIVED SIGNAL\"): it was killed, not stopped");
        pending.push_back(std::move(p));
    };
    bool reported = false;  // a JobManager's kill from `kubectl describe`: one DG406 in all
    // Named containers first; an unnamed one, as a kill line in a log, is the JobManager's only
    // beside its unended log. A TaskManager's kill Flink reported too (DG404 in its log) stays one.
    for (const bool named : {true, false}) {
        for (const auto& [path, end] : ends) {
            for (const PodKill& kill : end.pods.kills()) {
                if ((kill.role != PodKill::Role::unknown) != named) continue;
                Fields fields;
                fields.word = kill.reason;
                if (kill.limit) fields.limit = static_cast<std::int64_t>(*kill.limit);
                if (kill.role == PodKill::Role::taskmanager) {
                    const auto flink =
                        std::ranges::find(pending, std::string_view("DG404"),
                                          [](const Pending& p) { return std::string_view(p.diagnosis.id); });
                    if (flink == pending.end()) {
                        add("DG404", path, kill.line, kill.evidence, std::move(fields));
                    } else {
                        if (!flink->fields.limit) flink->fields.limit = fields.limit;
                        flink->diagnosis.notes.push_back(
                            fmt::format("{}:{}: {}", path, kill.line, kill.evidence));
                    }
                    continue;
                }
                if (reported || (!named && unended == ends.end())) continue;
                reported = true;
                add("DG406", path, kill.line, kill.evidence, std::move(fields));
            }
        }
    }
    const auto kill = std::ranges::find_if(ends, [](const auto& e) { return e.second.kill_line > 0; });
    if (kill == ends.end() || reported) return;
    if (unended == ends.end() && !kill->second.kill_names_jobmanager) return;
    Fields fields;
    fields.word = kill->second.kill_reason;
    add("DG406", kill->first, kill->second.kill_line, kill->second.kill_text, std::move(fields));
}

}  // namespace flinklint::diagnose

#include "flinklint/diagnose/diagnose.hpp"

#include <algorithm>
#include <vector>

#include "log_reader.hpp"
#include "recommend.hpp"
#include "scan.hpp"

namespace flinklint::diagnose {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// "2024-05-01T10:00:00.123456789Z " or "...+02:00 ": what --timestamps and `docker logs -t` add.
std::size_t timestamp_prefix(std::string_view line) {
    if (line.size() < 21 || !is_digit(line[0]) || line[4] != '-' || line[7] != '-' || line[10] != 'T')
        return 0;
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos || space > 40) return 0;
    const std::string_view stamp = line.substr(0, space);
    if (stamp.back() != 'Z' && stamp.find('+', 19) == std::string_view::npos &&
        stamp.find('-', 19) == std::string_view::npos)
        return 0;
    return space + 1;
}

// "[pod/name/container] ": what `kubectl logs --prefix` adds.
std::size_t kubectl_prefix(std::string_view line) {
    if (!line.starts_with("[pod/")) return 0;
    const std::size_t close = line.find("] ");
    return close == std::string_view::npos || close > 300 ? 0 : close + 2;
}

// "jobmanager-1  | ": what `docker compose logs` adds (a service name, padding, a bar).
std::size_t compose_prefix(std::string_view line) {
    const std::size_t bar = line.find(" | ");
    if (bar == std::string_view::npos || bar == 0 || bar > 80) return 0;
    std::size_t name_end = line.find(' ');
    for (std::size_t i = 0; i < name_end; ++i) {
        const char c = line[i];
        if (!(is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
              c == '.'))
            return 0;
    }
    if (line.find_first_not_of(' ', name_end) != bar + 1) return 0;
    return bar + 3;
}

// A row is a consequence when a row it follows from is in the evidence (any log of the run).
void link(std::vector<Pending>& pending) {
    for (Pending& p : pending) {
        for (std::size_t i = 0; i < pending.size(); ++i) {
            const bool follows = std::ranges::find(p.row->consequence_of, pending[i].diagnosis.id) !=
                                 p.row->consequence_of.end();
            const bool any_root = p.row->always_consequence && !pending[i].row->always_consequence &&
                                  pending[i].row->consequence_of.empty();
            if (&p != &pending[i] && (follows || any_root)) {
                p.diagnosis.role = Role::consequence;
                p.diagnosis.caused_by = i;
                break;
            }
        }
        if (p.row->always_consequence) p.diagnosis.role = Role::consequence;
    }
}

using Ends = std::vector<std::pair<std::string, JobManagerEnd>>;

void scan_log(const std::string& path, std::vector<LogSummary>& logs, std::vector<Pending>& pending,
              Ends& ends) {
    Scanner scanner;
    LogSummary summary;
    read_log(path, summary, [&](std::size_t number, std::string_view text) { scanner.line(number, text); });
    if (summary.error.empty()) {
        ends.emplace_back(path, scanner.jobmanager_end());
        add_hits(path, scanner.take(), pending);
    }
    logs.push_back(std::move(summary));
}

}  // namespace

void add_hits(const std::string& path, std::vector<Hit> hits, std::vector<Pending>& out) {
    std::ranges::sort(hits, {}, &Hit::line);
    for (Hit& hit : hits) {
        const RecogniserInfo& info = hit.row->info;
        Diagnosis d{std::string(info.id),
                    std::string(info.name),
                    info.category,
                    info.severity,
                    path,
                    hit.line,
                    std::move(hit.evidence),
                    hit.count};
        out.push_back({std::move(d), std::move(hit.fields), hit.row});
    }
}

Pending pending_for(std::string_view id, const std::string& path, std::size_t line, std::string evidence,
                    Fields fields) {
    const Recogniser* row = find_row(id);
    const RecogniserInfo& info = row->info;
    Diagnosis d{std::string(info.id), std::string(info.name), info.category, info.severity, path, line,
                std::move(evidence)};
    return {std::move(d), std::move(fields), row};
}

Result finish(std::vector<LogSummary> logs, std::vector<Pending> pending, const Options& options) {
    link(pending);
    Context context{options.config, options.version.value_or(options.config ? options.config->version()
                                                                            : kDefaultFlinkVersion)};
    Result result{std::move(logs), {}};
    for (Pending& p : pending) explain(p.diagnosis, p.fields, context);
    // Each invented key is named once, on the first root cause it concerns, else on a consequence.
    std::vector<std::string_view> named;
    for (const Role role : {Role::root_cause, Role::consequence}) {
        for (Pending& p : pending)
            if (p.diagnosis.role == role) name_invented_keys(p.diagnosis, context, named);
    }
    for (Pending& p : pending) result.diagnoses.push_back(std::move(p.diagnosis));
    return result;
}

std::string_view strip_log_prefixes(std::string_view line) {
    line.remove_prefix(kubectl_prefix(line));
    line.remove_prefix(timestamp_prefix(line));
    line.remove_prefix(compose_prefix(line));
    line.remove_prefix(timestamp_prefix(line));
    return line;
}

Result diagnose_logs(const std::vector<std::string>& paths, const Options& options) {
    return diagnose_evidence(paths, options);
}

Result diagnose_evidence(const std::vector<std::string>& paths, const Options& options) {
    std::vector<LogSummary> logs;
    std::vector<Pending> pending;
    Ends ends;
    for (const std::string& path : paths) {
        if (!is_snapshot(path)) {
            LogSummary summary{path};
            if (path.ends_with(".json") && scan_exceptions_file(path, summary, pending)) {
                logs.push_back(std::move(summary));
            } else {
                scan_log(path, logs, pending, ends);
            }
            continue;
        }
        LogSummary summary{path};
        summary.snapshot = true;
        scan_snapshot(path, summary, pending);
        logs.push_back(std::move(summary));
    }
    add_jobmanager_kill(ends, pending);
    return finish(std::move(logs), std::move(pending), options);
}

Result diagnose_text(std::string_view name, std::string_view text, const Options& options) {
    Scanner scanner;
    LogSummary summary{std::string(name)};
    summary.bytes = text.size();
    summary.lines =
        split_lines(text, [&](std::size_t number, std::string_view line) { scanner.line(number, line); });
    std::vector<Pending> pending;
    add_hits(summary.path, scanner.take(), pending);
    add_jobmanager_kill({{summary.path, scanner.jobmanager_end()}}, pending);
    return finish({std::move(summary)}, std::move(pending), options);
}

std::span<const RecogniserInfo> recognisers() {
    static const std::vector<RecogniserInfo> infos = [] {
        std::vector<RecogniserInfo> all;
        for (const Recogniser& row : recogniser_table()) all.push_back(row.info);
        return all;
    }();
    return infos;
}

}  // namespace flinklint::diagnose

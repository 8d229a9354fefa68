#include "cli/baseline.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/output_file.hpp"
#include "flinklint/fingerprint.hpp"
#include "flinklint/read_file.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

using Json = nlohmann::ordered_json;

std::string relative_file(const Diagnostic& d, const fs::path& root) {
    if (!d.source) return {};
    std::error_code ec;
    const fs::path absolute = fs::absolute(fs::path(d.source->path()), ec).lexically_normal();
    if (ec) return fs::path(d.source->path()).generic_string();
    const fs::path relative = absolute.lexically_relative(root.lexically_normal());
    if (relative.empty() || *relative.begin() == "..") return absolute.generic_string();
    return relative.generic_string();
}

}  // namespace

fs::path baseline_root(const fs::path& project_root, bool has_project_file) {
    std::error_code ec;
    if (has_project_file) return fs::absolute(project_root, ec);
    const fs::path cwd = fs::current_path(ec);
    for (fs::path dir = cwd; !dir.empty(); dir = dir.parent_path()) {
        if (fs::exists(dir / ".git", ec)) return dir;
        if (dir == dir.root_path()) break;
    }
    return cwd;
}

std::vector<BaselineEntry> BaselineNumbering::entries(const std::vector<Diagnostic>& diagnostics) {
    std::vector<BaselineEntry> entries;
    entries.reserve(diagnostics.size());
    for (const Diagnostic& d : diagnostics) {
        BaselineEntry entry{
            .rule = d.rule_id, .file = relative_file(d, root_), .line = d.start.line, .message = d.message};
        FindingIdentity identity = numbering_.next(d, entry.file);
        entry.fingerprint = std::move(identity.fingerprint);
        entry.subject = std::move(identity.subject);
        entry.occurrence = identity.occurrence;
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::string write_baseline(const fs::path& file, const std::vector<BaselineEntry>& entries,
                           const std::string& tool_version) {
    std::vector<const BaselineEntry*> sorted;
    for (const BaselineEntry& entry : entries) sorted.push_back(&entry);
    std::stable_sort(sorted.begin(), sorted.end(), [](const BaselineEntry* a, const BaselineEntry* b) {
        return std::tie(a->file, a->rule, a->subject, a->occurrence) <
               std::tie(b->file, b->rule, b->subject, b->occurrence);
    });
    // One finding per line, so that a baseline under version control diffs well.
    std::ostringstream out;
    out << "{\"version\":1,\"tool\":" << Json(fmt::format("flinklint {}", tool_version)).dump()
        << ",\"findings\":[";
    const char* separator = "\n";
    for (const BaselineEntry* entry : sorted) {
        const Json json = {{"fingerprint", entry->fingerprint},
                           {"rule", entry->rule},
                           {"file", entry->file},
                           {"key", entry->subject},
                           {"occurrence", entry->occurrence},
                           {"line", entry->line},
                           {"message", entry->message}};
        out << separator << json.dump(-1, ' ', false, Json::error_handler_t::replace);
        separator = ",\n";
    }
    out << (sorted.empty() ? "" : "\n") << "]}\n";
    // Written whole or not at all: a failed run keeps the old baseline.
    std::string error;
    const std::unique_ptr<OutputFile> stream = OutputFile::open(file, error);
    if (stream) {
        stream->stream() << out.str();
        if (const auto failed = stream->commit()) error = *failed;
    }
    return error.empty() ? std::string()
                         : fmt::format("cannot write the baseline {}: {}", file.string(), error);
}

// A baseline holds a fingerprint per finding: 256 MiB is millions of them.
constexpr std::uintmax_t kMaxBaselineBytes = 256u << 20;

Expected<std::multiset<std::string>> read_baseline(const fs::path& file) {
    const FileRead read = read_file_limited(file, kMaxBaselineBytes);
    if (!read.bytes)
        return Error{fmt::format("cannot read the baseline {}: {}", file.string(), read.error.message)};
    const Json json = Json::parse(*read.bytes, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return Error{fmt::format("{}: not a flinklint baseline (invalid JSON)", file.string())};
    }
    if (!json.contains("version") || json["version"] != 1 || !json.contains("findings") ||
        !json["findings"].is_array()) {
        return Error{
            fmt::format("{}: not a flinklint baseline (expected version 1 and findings)", file.string())};
    }
    std::multiset<std::string> fingerprints;
    for (const Json& finding : json["findings"]) {
        if (!finding.is_object() || !finding.contains("fingerprint") || !finding["fingerprint"].is_string()) {
            return Error{fmt::format("{}: a finding without a fingerprint", file.string())};
        }
        fingerprints.insert(finding["fingerprint"].get<std::string>());
    }
    return fingerprints;
}

std::size_t drop_baselined(std::vector<Diagnostic>& diagnostics, const std::vector<BaselineEntry>& entries,
                           std::multiset<std::string>& known) {
    std::vector<Diagnostic> kept;
    std::size_t dropped = 0;
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const auto it = known.find(entries[i].fingerprint);
        if (it != known.end()) {
            known.erase(it);
            ++dropped;
        } else {
            kept.push_back(std::move(diagnostics[i]));
        }
    }
    diagnostics = std::move(kept);
    return dropped;
}

}  // namespace flinklint::cli

// Reading the files of a `flinklint observe` snapshot, for every reader of one (diagnose's evidence,
// its configuration, `tune --observed`): a snapshot is user input, so each file is size-limited and a
// missing or broken one is a discarded JSON value, never an exception.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_fields.hpp"

namespace flinklint::diagnose {

// Flink's JobID and JobVertexID: 32 hexadecimal digits (rest_v1_dispatcher.yml, JobID pattern), and so
// a safe path component.
inline bool is_flink_id(std::string_view id) {
    return id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// A name as a file name: nothing but [A-Za-z0-9._-] (and `extra`), never "." or "..".
inline std::string file_safe(std::string_view text, std::string_view extra = {}) {
    std::string out;
    for (const char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '_' || c == '.' || extra.find(c) != std::string_view::npos;
        out += plain ? c : '_';
    }
    if (out.empty() || out.find_first_not_of('.') == std::string::npos) out = "_" + out;
    return out;
}

// Where a GET of `path` (no leading '/') with the decoded query `query` ("get=a,b") is saved: the
// query stays readable in the name ("taskmanagers/metrics@get=a,b.json"), '/' and other characters a
// file name should not hold become '_'. The recorded test server maps a request the same way.
inline std::string query_file(std::string_view path, std::string_view query) {
    return std::string(path) + "@" + file_safe(query, ",=") + ".json";
}

// A file named by a manifest (user input): relative, and never above the snapshot.
inline bool is_safe_snapshot_file(std::string_view file) {
    const std::filesystem::path path(file);
    if (file.empty() || path.is_absolute() || path.has_root_name()) return false;
    for (const auto& part : path)
        if (part == "..") return false;
    return true;
}

// The file as JSON; discarded when missing, over 64 MiB or unreadable. `read_bytes` is set to the size
// of a file that was read, whether or not it parses.
Json read_snapshot_json(const std::filesystem::path& path,
                        std::optional<std::uint64_t>* read_bytes = nullptr);

// The manifest's jobs whose ids are Flink ids, in its order.
std::vector<std::string> snapshot_jobs(const Json& manifest);

}  // namespace flinklint::diagnose

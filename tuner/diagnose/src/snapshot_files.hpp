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

// The file as JSON; discarded when missing, over 64 MiB or unreadable. `read_bytes` is set to the size
// of a file that was read, whether or not it parses.
Json read_snapshot_json(const std::filesystem::path& path,
                        std::optional<std::uint64_t>* read_bytes = nullptr);

// The manifest's jobs whose ids are Flink ids, in its order.
std::vector<std::string> snapshot_jobs(const Json& manifest);

}  // namespace flinklint::diagnose

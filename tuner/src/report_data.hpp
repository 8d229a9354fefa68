// The figures every report shows, in one order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/tuner/tuner.hpp"

namespace flinklint::tuner::detail {

struct TrafficRow {
    std::string_view json_name;  // key in the json `estimates`
    std::string_view label;
    double value = 0;  // bytes/s per TaskManager
    bool inbound = true;
    std::string_view color;
};
// Inbound rows first (source, shuffle, state reads), then outbound.
std::vector<TrafficRow> traffic_rows(const Estimates& estimates);

struct MemoryPart {
    std::string_view label;
    std::uint64_t bytes = 0;
    std::string_view color;
};
std::vector<MemoryPart> memory_parts(const TaskManagerMemory& memory);

// One line: "5 TaskManagers × 16 cores, 64 GiB, 1.25 GB/s NIC, network disk; rocksdb; ...".
std::string inputs_summary(const Profile& profile);

}  // namespace flinklint::tuner::detail

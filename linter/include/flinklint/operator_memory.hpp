// How the Flink Kubernetes operator reads `spec.jobManager.resource.memory` and
// `spec.taskManager.resource.memory` (ResourceConfigUtils.parseResourceMemoryString, operator 1.7+).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "flinklint/expected.hpp"

namespace flinklint {

// The text the operator writes into `*.memory.process.size`: Flink's MemorySize when the string
// parses as one (`2g`, `2048 mb`), else the byte amount of a Kubernetes Quantity after normalising
// (spaces removed, upper-cased, a trailing `B` dropped, a trailing `I` lower-cased): `2Gi` gives
// `2147483648`, `1e6 b` gives `1000000`, `1.5g` gives `1500000000.0`. Error when neither parses.
Expected<std::string> operator_memory_config_value(std::string_view text);

// The bytes Flink finally reads from that value. Error when the operator rejects the string or
// Flink cannot read what the operator wrote (a fractional amount such as `1.5g` becomes
// `1500000000.0`, which is not a Flink memory size).
Expected<std::uint64_t> parse_operator_memory(std::string_view text);

}  // namespace flinklint

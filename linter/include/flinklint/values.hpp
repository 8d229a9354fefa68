// Flink's value grammars, exactly as Flink's converters accept and reject them (per version).
// Implemented with Boost.Spirit X3 in linter/src/values/.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flinklint/expected.hpp"
#include "flinklint/version.hpp"

namespace flinklint {

// A java.time.Duration: seconds plus nanoseconds in [0, 1e9).
struct JavaDuration {
    std::int64_t seconds = 0;
    std::int32_t nanos = 0;
    friend auto operator<=>(const JavaDuration&, const JavaDuration&) = default;
    // Milliseconds, saturating at INT64 bounds.
    [[nodiscard]] std::int64_t millis() const;
    [[nodiscard]] double to_seconds() const { return static_cast<double>(seconds) + nanos / 1e9; }
};

struct PortRange {
    int first = 0;
    int last = 0;  // == first for a single port
    friend bool operator==(const PortRange&, const PortRange&) = default;
};

// MemorySize.parseBytes: bytes. Binary units; no unit means bytes.
Expected<std::uint64_t> parse_memory_size(std::string_view text);
// TimeUtils.parseDuration: no unit means milliseconds; ISO-8601 (`PT10S`) only from 2.1.
Expected<JavaDuration> parse_duration(std::string_view text, FlinkVersion version = kDefaultFlinkVersion);
Expected<std::int32_t> parse_java_int(std::string_view text);   // Integer.parseInt
Expected<std::int64_t> parse_java_long(std::string_view text);  // Long.parseLong
Expected<float> parse_java_float(std::string_view text);        // Float.parseFloat
Expected<double> parse_java_double(std::string_view text);      // Double.parseDouble
Expected<bool> parse_java_boolean(std::string_view text);       // only true/false, any case
// Case-insensitive match against the enum constants; returns the constant as declared.
Expected<std::string> parse_enum(std::string_view text, std::span<const std::string_view> constants);
// List options: `a;b;c` with Flink's StructuredOptionsSplitter quoting ('...' or "...", doubled to escape).
Expected<std::vector<std::string>> parse_list(std::string_view text);
// Map options: `k1:v1,k2:v2` with the same quoting rules.
Expected<std::vector<std::pair<std::string, std::string>>> parse_map(std::string_view text);
// Port specs as NetUtils reads them: `6123`, `50100-50200`, `50100-50200,50300`.
Expected<std::vector<PortRange>> parse_port_ranges(std::string_view text);

// A Kubernetes quantity as the API server reads it (`512Mi`, `1.5G`, `2e9`, `100m`), exactly as written
// (no trimming): the number with its sign, and the suffix (binary `Ki`..`Ei`, decimal `n u m k M G T P E`
// or an exponent `e3`/`E+3`; empty when none). nullopt when it is not a quantity.
struct KubernetesQuantity {
    std::string_view number;  // `+1.5`, `.5`, `2.`
    std::string_view suffix;
};
std::optional<KubernetesQuantity> parse_kubernetes_quantity(std::string_view text);

// Flink's printing of sizes and durations, for messages: `64 mb`, `1.750gb (1879048192 bytes)`, `10 s`.
std::string format_memory_size(std::uint64_t bytes);        // MemorySize.toString
std::string format_memory_size_human(std::uint64_t bytes);  // MemorySize.toHumanReadableString
std::string format_duration(const JavaDuration& d);         // TimeUtils.formatWithHighestUnit

}  // namespace flinklint

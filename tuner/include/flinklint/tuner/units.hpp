// Units of the tuner: bandwidths, decimal figures for reports, Flink-style sizes and durations.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "flinklint/expected.hpp"
#include "flinklint/version.hpp"

namespace flinklint::tuner {

inline constexpr std::uint64_t kMiB = 1ULL << 20;
inline constexpr std::uint64_t kGiB = 1ULL << 30;

// `10 Gbit/s`, `1250 MB/s`, `1.25 GB/s` (decimal), `100 MiB/s`, `1 GiB/s`, `800 Mbit/s` -> bytes/s.
Expected<double> parse_bandwidth(std::string_view text);
// A plain non-negative number (`1000000`, `5e8`, `0.5`); no units.
Expected<double> parse_number(std::string_view text);
// Flink's MemorySize grammar (binary units, no unit = bytes): `2000b`, `64g`.
Expected<std::uint64_t> parse_size(std::string_view text);
// Flink's Duration grammar for `version`, in seconds; a bare number is an error (the unit is required).
Expected<double> parse_duration_s(std::string_view text, FlinkVersion version);

// `760 MB/s`, `66.7 MB/s`, `1.25 GB/s` (decimal, as Metzger writes throughput).
std::string format_rate(double bytes_per_second);
// `20 GB`, `333.3 MB` (decimal).
std::string format_decimal_bytes(double bytes);
// `64 GiB`, `1536 MiB`, `10.5 GiB` (binary, for memory).
std::string format_binary_bytes(std::uint64_t bytes);
// A size as Flink writes it in a config: whole mebibytes, `65536m`.
std::string flink_size_mib(std::uint64_t bytes);
// Seconds as Flink's duration text with the highest exact unit: `1 min`, `30 s`, `1500 ms`.
std::string flink_duration(double seconds);
// `32 s`, `5.2 min`, `1.3 h`, for reasons and reports.
std::string human_duration(double seconds);
// A double without trailing zeros: 0.608, 12.5, 3.
std::string plain_number(double value, int max_decimals = 3);

}  // namespace flinklint::tuner

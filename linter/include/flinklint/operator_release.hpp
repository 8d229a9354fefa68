// The Flink Kubernetes operator's own reading of a FlinkDeployment's configuration. The operator
// parses flinkConfiguration with the option classes of the Flink it is built on (its pom.xml's
// flink.version), so for the options it reads itself (savepoint and checkpoint directories, HA,
// memory, slots) it sees a key only if that Flink knows it, whatever the Flink in the image reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "flinklint/version.hpp"

namespace flinklint {

// An operator release (numbered major.minor like Flink), known or the lowest a resource needs.
struct OperatorRelease {
    FlinkVersion release;
    bool declared = false;  // operator-version in .flinklint.yaml or --operator-version
    std::string reason;     // "spec.flinkVersion v1_20 needs operator 1.10 or later"
};

// The Flink an operator release is built on: 1.10 -> 1.19, 1.11 to 1.15 -> 1.20; releases after the
// newest known are taken to be built on the newest known Flink.
FlinkVersion operator_built_on(FlinkVersion release);
// The first operator release whose FlinkDeployment accepts `spec.flinkVersion` (v1_20 -> 1.10);
// nullopt for a version no known release accepts.
std::optional<FlinkVersion> first_operator_accepting(FlinkVersion flink);
// The first operator release built on `flink` or a later Flink.
std::optional<FlinkVersion> first_operator_built_on(FlinkVersion flink);
// The first operator release that accepts flinkConfiguration as nested YAML (before it, a flat map
// of strings).
inline constexpr FlinkVersion kFirstOperatorWithNestedConfiguration{1, 13};
// True when the operator reads the option with this key (Flink 1.20's name) itself.
bool operator_reads_option(std::string_view key);

}  // namespace flinklint

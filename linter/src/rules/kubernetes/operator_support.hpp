// Operator resources (FlinkDeployment, FlinkSessionJob) with their flinkConfiguration, and the lookups
// the operator's validator (DefaultValidator, operator 1.15) makes on them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

struct OperatorResource {
    const ParsedFile* file = nullptr;
    const K8sObject* object = nullptr;
    const FlinkConfig* config = nullptr;  // spec.flinkConfiguration, if written
    [[nodiscard]] bool deployment() const { return object->kind == "FlinkDeployment"; }
    [[nodiscard]] const FlinkResourceFacts& spec() const { return *object->flink; }
    [[nodiscard]] std::string label() const { return object->kind + " " + object->name.value; }
    // The narrowest span that names the resource: metadata.name, else the first line of the object.
    [[nodiscard]] Span anchor() const;
    // A finding in this resource's file.
    [[nodiscard]] Finding at(Span span, std::string key = {}) const;
};

std::vector<OperatorResource> operator_resources(const Model& model);

// The session FlinkDeployment a FlinkSessionJob names (spec.deploymentName, same namespace), if in the group.
const OperatorResource* session_cluster(const std::vector<OperatorResource>& all,
                                        const OperatorResource& job);

// First entry set among `keys` (exact keys, in order) in the configurations, the later configuration
// winning (a session job's flinkConfiguration over its cluster's).
const ConfigEntry* find_entry(const std::vector<const FlinkConfig*>& configs,
                              std::initializer_list<std::string_view> keys);
// The entry of an option with Flink's lookup (key, fallback, deprecated keys) in one configuration.
const ConfigEntry* option_entry(const FlinkConfig* config, std::string_view key);

// HighAvailabilityMode.isHighAvailabilityModeActivated: `high-availability.type` (or its old keys) set to
// anything but NONE.
bool ha_enabled(const FlinkConfig* config);
bool parse_bool(std::string_view text, bool fallback);

// The operator validator's name pattern `[a-z]([-a-z\d]{0,43}[a-z\d])?`.
bool valid_resource_name(std::string_view name);

}  // namespace flinklint::rules

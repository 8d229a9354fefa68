// Message fragments and lookups shared by the port rules.
#pragma once

#include <string>
#include <string_view>

#include "flinklint/deployment.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

// "JobManager RPC 6123, blob server 6124, REST endpoint 8081" (fixed ports only)
std::string listening_summary(const Listeners& listeners);
// ": Kubernetes restarts the container after every failureThreshold failures" and similar.
std::string probe_consequence(const Probe& probe);
// Where to point a probe instead.
std::string probe_help(const Listeners& listeners, FlinkRole role);
// A listener that binds a random port and that `port` (or a port named `name`) was meant for.
const Listener* random_listener_for(const Listeners& listeners, int port, std::string_view name);
// Another container of the pod declares `port` (the pod shares one network namespace).
bool declared_by_other_container(const PodView& pod, int port);
// "`taskmanager.rpc.port` is not set (Flink's default `0`)" or "`taskmanager.rpc.port: 0` in ConfigMap ...".
std::string setting_text(const Listener& listener, std::string_view fallback_value);
// Where a SetValue points, for messages: "`taskmanager.rpc.port: 6122` in ConfigMap x/flink-conf.yaml".
std::string origin_text(const std::optional<SetValue>& set, std::string_view key, std::string_view fallback);
// Where a listener's port comes from: the configuration, the start-up path, or Flink's default.
std::string listener_origin(const Listener& listener);

}  // namespace flinklint::rules

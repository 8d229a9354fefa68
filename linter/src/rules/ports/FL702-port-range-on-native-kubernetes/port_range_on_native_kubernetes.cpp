// FL702 port-range-on-native-kubernetes: Flink's native Kubernetes mode and the operator (also in its
// standalone mode) declare container ports and Services from `blob.server.port`, `taskmanager.rpc.port`
// and `rest.bind-port`, so they read each as one integer (KubernetesUtils.parsePort); a range or a list
// fails the deployment.
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_port_range_on_native_kubernetes(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        if (!runs_native(config)) continue;
        for (const char* key : {"blob.server.port", "taskmanager.rpc.port", "rest.bind-port"}) {
            const ConfigEntry* entry = config.get_option(key);
            if (entry == nullptr) continue;
            const auto ranges = parse_port_ranges(entry->value);
            if (!ranges || ranges->empty()) continue;  // FL701 reports what does not parse
            const bool fixed = ranges->size() == 1 && ranges->front().first == ranges->front().last &&
                               parse_java_int(trim(entry->value)).ok();
            if (fixed) continue;
            const std::string where_run =
                config.doc().format == ConfigFormat::flink_deployment
                    ? "the Kubernetes operator, either mode"
                    : "`execution.target: " + config.value("execution.target").value_or("") + "`";
            reporter.report({.source = config.source(),
                             .span = entry->value_span.empty() ? entry->key_span : entry->value_span,
                             .message = fmt::format(
                                 "{} is {}, but native Kubernetes ({}) needs one fixed port: the deployment "
                                 "fails with \"{} should be specified to a fixed port\"",
                                 quoted(entry->key), quoted(entry->value), where_run, key),
                             .help = fmt::format(
                                 "write one port (`{}`); inside a pod there is no port to share, so a range "
                                 "buys nothing",
                                 std::string_view(key) == "blob.server.port"       ? "6124"
                                 : std::string_view(key) == "taskmanager.rpc.port" ? "6122"
                                                                                   : "8081"),
                             .key = entry->key});
        }
    }
}

}  // namespace flinklint::rules

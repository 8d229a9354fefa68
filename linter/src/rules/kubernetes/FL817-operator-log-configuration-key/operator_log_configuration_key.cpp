// FL817 operator-log-configuration-key: `spec.logConfiguration` takes only `log4j-console.properties`
// and `logback-console.xml`; the operator's validator rejects any other key ("Invalid log config key").
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {

void check_operator_log_configuration_key(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (!r.deployment()) continue;
        for (const Located& key : r.spec().log_configuration_keys) {
            if (key.value == "log4j-console.properties" || key.value == "logback-console.xml") continue;
            Finding f = r.at(key.span, "spec.logConfiguration");
            const std::string lower = ascii_lower(key.value);
            const char* meant = lower.find("logback") != std::string::npos ? "logback-console.xml"
                                                                           : "log4j-console.properties";
            f.message = fmt::format(
                "the operator rejects {}: {} is not a log configuration key it knows "
                "(allowed: `log4j-console.properties`, `logback-console.xml`)",
                r.label(), quoted(key.value));
            f.help = fmt::format(
                "rename the key to `{}`: the operator writes it as the containers' console logging "
                "configuration",
                meant);
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules

// FL111 foreign-namespace-key: a key under a namespace no option of any Flink version or of the
// operator uses (`iceberg.`, `myapp.`), and no close misspelling of one. Apache Flink ignores it, as
// any unknown key, but nothing points to a misspelt option: such keys are read by another program
// (a vendor's distribution, a connector or catalog, the job itself through the configuration). Apart
// from FL101 unknown-key so that users can turn these off and keep typo detection.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/schema/unknown_keys.hpp"

namespace flinklint::rules {

void check_foreign_namespace_key(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const ConfigEntry& entry : config.entries()) {
            // foreign_namespace is one lookup that most keys stop at; the kind is FL101's classification.
            if (foreign_namespace(entry.key).empty() ||
                classify_unknown_key(config, entry).kind != UnknownKeyKind::foreign_namespace) {
                continue;
            }
            reporter.report(
                {.source = config.source(),
                 .span = entry.key_span,
                 .message = fmt::format(
                     "{}: no option of Flink or of its Kubernetes operator lives under {}, "
                     "so Apache Flink {} ignores it; only another reader (a vendor's "
                     "distribution, a connector, the job itself) can use it",
                     quoted(entry.key), quoted(foreign_namespace(entry.key)), config.version().str()),
                 .help = "keep it if that reader is meant to see it here, else remove the key; a typo of a "
                         "Flink option would be FL101 unknown-key",
                 .key = entry.key});
        }
    }
}

}  // namespace flinklint::rules

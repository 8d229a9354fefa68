// FL108 flink-version-inferred: a file that states no Flink version is dated by its own keys (a key a
// newer scheme replaced, with no key of that scheme; linter/src/model/version_evidence.cpp), and checked
// as that older Flink instead of the default. Said once per file, on the key that dates it, so that the
// missing deprecation findings are explained and a wrong guess can be corrected.
#include <fmt/format.h>

#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_flink_version_inferred(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        if (config.version_source() != VersionSource::file_keys) continue;
        const VersionEvidence& evidence = config.version_evidence().front();
        const ConfigEntry* entry = config.get(evidence.key);
        if (entry == nullptr) continue;
        reporter.report(
            {.source = config.source(),
             .span = entry->key_span,
             .message =
                 fmt::format("nothing states this file's Flink version, and its keys are those of Flink {} "
                             "or older ({}): it is checked as Flink {}, so deprecations and the "
                             "memory model of newer versions are not applied",
                             config.version().str(), evidence.reason, config.version().str()),
             .help = "if the file is for a newer Flink, say so (`# flinklint: flink-version=1.20`, "
                     "--flink-version) and replace the old keys",
             .key = entry->key});
    }
}

}  // namespace flinklint::rules

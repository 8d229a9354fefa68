// FL801 resource-memory-overrides-config: a FlinkDeployment sets `spec.*.resource.memory` and also
// `*.memory.process.size` in flinkConfiguration. The operator writes the spec value over the
// configuration (FlinkConfigBuilder), so the configured process size is never used.
#include <fmt/format.h>

#include "flinklint/operator_memory.hpp"
#include "rules/memory/memory_support.hpp"

namespace flinklint::rules {

void check_resource_memory_overrides_config(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        if (!effective->is_flink_deployment() || effective->config() == nullptr) continue;
        const FlinkConfig& config = *effective->config();
        for (const SpecOverride& spec : effective->overrides()) {
            if (!spec.written || spec.replaced == nullptr || !spec.key.ends_with(".memory.process.size"))
                continue;
            const ConfigEntry& entry = *spec.replaced;
            const auto configured = parse_memory_size(entry.value);
            const auto from_spec = parse_operator_memory(spec.written.value);
            const bool same = configured && from_spec && *configured == *from_spec;

            Finding finding{.source = config.source(), .span = entry.key_span, .key = entry.key};
            const std::string configured_text =
                configured ? fmt::format("{} = {}", quoted(entry.value), mib(*configured))
                           : quoted(entry.value);
            const std::string spec_text =
                from_spec ? fmt::format("{} = {}", quoted(spec.written.value), mib(*from_spec))
                          : quoted(spec.written.value);
            if (same) {
                finding.severity = Severity::info;
                finding.message = fmt::format(
                    "{} ({}) repeats {} ({}): the operator writes the spec value over it, so "
                    "this line has no effect",
                    quoted(entry.key), configured_text, quoted(spec.field), spec_text);
            } else {
                finding.message =
                    fmt::format("{} ({}) is ignored: the operator overwrites it with {} ({})",
                                quoted(entry.key), configured_text, quoted(spec.field), spec_text);
            }
            finding.help =
                fmt::format("size the process in one place: keep {} and remove {} from flinkConfiguration",
                            quoted(spec.field), quoted(entry.key));
            // Removing the line keeps what runs; it is safe only when it also said the same thing.
            finding.fix = delete_entry_fix(entry, config, same ? FixSafety::safe : FixSafety::unsafe);
            reporter.report(std::move(finding));
        }
    }
}

}  // namespace flinklint::rules

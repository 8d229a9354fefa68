// FL825 spec-field-overrides-config: a FlinkDeployment spec field that the operator writes over the
// same option in flinkConfiguration (FlinkConfigBuilder): `image` over `kubernetes.container.image.ref`,
// `serviceAccount` over `kubernetes.service-account`, `jobManager.replicas` over
// `kubernetes.jobmanager.replicas` (always: the field defaults to 1), `job.parallelism` or
// `taskManager.replicas` over `parallelism.default`, `resource.cpu` over `kubernetes.*.cpu.amount`,
// `podTemplate` over `kubernetes.pod-template-file.*`. Memory is FL801's.
#include <fmt/format.h>

#include "flinklint/effective_config.hpp"
#include "flinklint/text_util.hpp"
#include "rules/kubernetes/operator_support.hpp"

namespace flinklint::rules {
namespace {

struct Override {
    std::string field;    // spec field
    std::string written;  // its value as the operator writes it; empty for templates
    const ConfigEntry* entry = nullptr;
};

bool same_value(std::string_view a, std::string_view b) {
    a = trim(a);
    b = trim(b);
    if (a == b) return true;
    const auto x = parse_java_double(a);
    const auto y = parse_java_double(b);
    return x && y && *x == *y;
}

}  // namespace

void check_spec_field_overrides_config(const Model& model, Reporter& reporter) {
    for (const OperatorResource& r : operator_resources(model)) {
        if (!r.deployment() || r.config == nullptr) continue;
        const FlinkResourceFacts& spec = r.spec();
        std::vector<Override> found;
        auto add = [&](const Located& field, std::string path, std::initializer_list<std::string_view> keys) {
            if (!field) return;
            for (std::string_view key : keys)
                if (const ConfigEntry* entry = r.config->get(key))
                    found.push_back({path, field.value, entry});
        };
        add(spec.image, "spec.image", {"kubernetes.container.image.ref", "kubernetes.container.image"});
        add(spec.service_account, "spec.serviceAccount", {"kubernetes.service-account"});
        add(spec.jm_cpu, "spec.jobManager.resource.cpu",
            {"kubernetes.jobmanager.cpu.amount", "kubernetes.jobmanager.cpu"});
        add(spec.tm_cpu, "spec.taskManager.resource.cpu",
            {"kubernetes.taskmanager.cpu.amount", "kubernetes.taskmanager.cpu"});
        if (const ConfigEntry* e = r.config->get("kubernetes.jobmanager.replicas"))
            found.push_back({"spec.jobManager.replicas", spec.jm_replicas ? spec.jm_replicas.value : "1", e});
        if (spec.has_job) {
            const EffectiveConfig& effective = r.config->effective();
            if (const SpecOverride* o = effective.override_for("parallelism.default"); o && o->replaced)
                found.push_back({o->field, o->value, o->replaced});
        }
        const bool jm_template = spec.pod_template || spec.jm_pod_template;
        const bool tm_template = spec.pod_template || spec.tm_pod_template;
        if (jm_template)
            if (const ConfigEntry* e = r.config->get("kubernetes.pod-template-file.jobmanager"))
                found.push_back(
                    {spec.jm_pod_template ? "spec.jobManager.podTemplate" : "spec.podTemplate", "", e});
        if (tm_template)
            if (const ConfigEntry* e = r.config->get("kubernetes.pod-template-file.taskmanager"))
                found.push_back(
                    {spec.tm_pod_template ? "spec.taskManager.podTemplate" : "spec.podTemplate", "", e});
        if (spec.pod_template)
            if (const ConfigEntry* e = r.config->get("kubernetes.pod-template-file.default"))
                found.push_back({"spec.podTemplate", "", e});

        for (const Override& o : found) {
            const ConfigEntry& entry = *o.entry;
            const bool same = !o.written.empty() && same_value(entry.value, o.written);
            Finding f = r.at(entry.key_span, entry.key);
            if (same) {
                f.severity = Severity::info;
                f.message = fmt::format(
                    "{} repeats {} ({}): the operator writes the spec value over it, so this "
                    "line has no effect",
                    quoted(entry.key), quoted(o.field), quoted(o.written));
            } else if (o.written.empty()) {
                f.message =
                    fmt::format("{} is ignored: the operator writes its own pod template file from {}",
                                quoted(entry.key), quoted(o.field));
            } else {
                f.message = fmt::format("{} ({}) is ignored: the operator overwrites it with {} ({})",
                                        quoted(entry.key), quoted(shown_value(entry.key, entry.value)),
                                        quoted(o.field), quoted(o.written));
            }
            f.help = fmt::format("configure it in one place: keep {} and remove {} from flinkConfiguration",
                                 quoted(o.field), quoted(entry.key));
            f.fix = delete_entry_fix(entry, *r.config, same ? FixSafety::safe : FixSafety::unsafe);
            reporter.report(std::move(f));
        }
    }
}

}  // namespace flinklint::rules

// FL301 taskmanager-memory-invalid and FL302 jobmanager-memory-invalid: Flink's memory derivation
// fails, so the process does not start. Both rules share this check; each rule file picks its process.
#include "rules/memory/memory_failure.hpp"
#include "flinklint/option_values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "flinklint/deployment.hpp"
#include "flinklint/ingest.hpp"
#include "rules/memory/memory_fix_search.hpp"

namespace flinklint::rules {
namespace {

const MemoryError* failure_of(const EffectiveConfig& effective, Process process) {
    if (process == Process::taskmanager) return std::get_if<MemoryError>(&effective.taskmanager());
    return std::get_if<MemoryError>(&effective.jobmanager());
}

// FL802 reports a spec memory string the deployment cannot run with; a second finding would repeat it.
bool spec_memory_unusable(const EffectiveConfig& effective, Process process) {
    const SpecOverride* spec =
        effective.override_for(std::string(key_prefix(process)) + "memory.process.size");
    return spec != nullptr && spec->error.has_value();
}

// Legacy heap keys Flink 2.x no longer reads, when one is all that sizes the process.
const ConfigEntry* ignored_legacy_heap(const EffectiveConfig& effective, Process process) {
    if (effective.version().major < 2 || effective.config() == nullptr) return nullptr;
    for (const char* suffix : {"heap.size", "heap.mb"}) {
        if (const ConfigEntry* entry = effective.config()->get(std::string(key_prefix(process)) + suffix))
            return entry;
    }
    return nullptr;
}

// A MiniCluster (IDE, tests) supplies its own memory sizes: files under a build's resources folder or
// with `execution.target: local` are not cluster configurations.
bool local_execution(const EffectiveConfig& effective) {
    const std::string target = ascii_lower(trim(effective.value("execution.target").value_or("")));
    return target == "local" || in_build_resources(effective.source()->path());
}

// A client's configuration: a conf directory under a folder named for the SQL client, the SQL gateway or a
// job submitter (`sql-client/conf/flink-conf.yaml`). bin/sql-client.sh, sql-gateway.sh and bin/flink start
// only a client JVM, which derives no JobManager or TaskManager memory (its `jobmanager.rpc.address` says
// where the cluster is); the `__` of flattened corpus paths separates folders as `/` does.
bool client_configuration(const EffectiveConfig& effective) {
    std::string path = ascii_lower(effective.source()->path());
    for (std::size_t at = 0; (at = path.find("__", at)) != std::string::npos;) path.replace(at, 2, "/");
    std::string_view rest = path;
    rest = rest.substr(0, rest.find_last_of("/\\") == std::string_view::npos ? 0 : rest.find_last_of("/\\"));
    while (!rest.empty()) {
        const std::size_t cut = rest.find_last_of("/\\");
        const std::string_view folder = cut == std::string_view::npos ? rest : rest.substr(cut + 1);
        for (std::string_view name :
             {"sql-client", "sql_client", "sqlclient", "sql-gateway", "sql_gateway", "submitter"})
            if (folder.find(name) != std::string_view::npos) return true;
        if (folder == "client" || folder.ends_with("-client") || folder.ends_with("_client")) return true;
        rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(0, cut);
    }
    return false;
}

bool in_namespace(std::string_view a, std::string_view b) {
    return a.empty() || b.empty() || a == b;
}

// A ConfigMap (or the data key of one) that no pod of the group takes anything from (no volume, no variable),
// while the group's Flink pods are in view: those pods read another configuration, so this one replaces
// nothing. A projected volume or `envFrom` may name it in a way not read here: then it may be in use.
bool config_map_unused(const Model& model, const EffectiveConfig& effective) {
    const K8sObject* map = effective.owner();
    if (map == nullptr || map->kind != "ConfigMap") return false;
    const auto same = [&](const K8sObject& object) {
        return in_namespace(object.namespace_, map->namespace_);
    };
    bool flink_pods = false;
    for (const PodView& pod : model.pods())
        flink_pods =
            flink_pods || (pod.role != FlinkRole::none && pod.object != nullptr && same(*pod.object));
    if (!flink_pods) return false;
    // The data key this configuration is: a volume whose `items` leave it out, or a variable that takes
    // another key, does not use it.
    const std::string& key = effective.config() != nullptr ? effective.config()->doc().file_name : "";
    const auto projects = [&](const Volume& volume) {
        if (volume.config_map_items.empty() || key.empty()) return true;
        for (const auto& item : volume.config_map_items)
            if (item.first.value == key) return true;
        return false;
    };
    for (const Model::ObjectRef& ref : model.objects()) {
        if (!ref.object->pod || !same(*ref.object)) continue;
        for (const Volume& volume : ref.object->pod->volumes)
            if (volume.type == "projected" ||
                (volume.config_map_name.value == map->name.value && projects(volume)))
                return false;
        for (const auto* containers : {&ref.object->pod->containers, &ref.object->pod->init_containers})
            for (const Container& c : *containers) {
                if (c.env_from) return false;
                for (const EnvVar& var : c.env)
                    if (var.config_map_name.value == map->name.value &&
                        (key.empty() || var.config_map_key.value.empty() || var.config_map_key.value == key))
                        return false;
            }
    }
    return true;
}

// The data key a ConfigMap's file is written under (`flink-conf.yaml: |`): the nearest mention of the
// file's name before its first entry, where the key precedes its value.
std::optional<Span> config_map_key_span(const EffectiveConfig& effective) {
    const FlinkConfig* config = effective.config();
    if (config == nullptr || config->entries().empty() || !config->doc().spans_exact ||
        !config->doc().origin.starts_with("ConfigMap ") || config->doc().file_name.empty())
        return std::nullopt;
    const std::string& name = config->doc().file_name;
    const std::size_t at = config->source()->text().rfind(name, config->entries().front().key_span.begin);
    if (at == std::string::npos) return std::nullopt;
    return Span{at, at + name.size()};
}

std::string origin_note(const EffectiveConfig& effective, const std::string& key) {
    const auto origin = effective.origin(key);
    if (!origin) return {};
    if (origin->kind == ValueOrigin::Kind::spec) {
        return fmt::format(" (`{}` comes from {}: {})", key, quoted(origin->spec->field),
                           quoted(origin->spec->written.value));
    }
    if (origin->kind == ValueOrigin::Kind::image_default) {
        return fmt::format(
            " (`{}: {}` comes from the config file of the Flink image; FLINK_PROPERTIES are "
            "appended to it)",
            key, effective.value(key).value_or(""));
    }
    return {};
}

// A value the option's type rejects is FL102 invalid-value's finding: one finding per mistake.
bool type_rejects(const EffectiveConfig& effective, const std::string& key) {
    const OptionInfo* option = Catalog::for_version(effective.version()).find(key);
    const auto value = effective.value(key);
    if (option == nullptr || !value) return false;
    return check_option_value(option->type, option->enum_values, *value, ValueKind::string,
                              effective.version())
        .has_value();
}

}  // namespace

void check_memory_failure(const Model& model, Reporter& reporter, Process process) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        // A fragment is not what a process starts with (EffectiveConfig::whole_cluster_config).
        if (!effective->sizes_processes() || !effective->whole_cluster_config()) continue;
        const MemoryError* error = failure_of(*effective, process);
        if (error == nullptr || spec_memory_unusable(*effective, process)) continue;

        std::string context;
        std::optional<Severity> severity;
        std::optional<Span> span;
        std::string key;
        if (error->category == "not-configured") {
            // A file without memory options is fine where something else supplies them; only a file
            // that is clearly a whole cluster configuration replaces Flink's shipped sizes.
            const ConfigEntry* legacy = ignored_legacy_heap(*effective, process);
            const ConfigEntry* marker = full_config_marker(*effective);
            if (legacy != nullptr) {
                span = legacy->value_span;
                key = legacy->key;
                context = fmt::format(" Flink {} no longer reads the legacy key {}.",
                                      effective->version().str(), quoted(legacy->key));
            } else if (effective->is_flink_deployment()) {
                // A kustomize patch: the sizes come from the base it is merged into.
                if (effective->owner() != nullptr && model.is_patch(*effective->owner())) continue;
                context = " The operator rejects the FlinkDeployment.";
            } else if (!sets_memory(*effective, process) && marker != nullptr &&
                       !local_execution(*effective) && !client_configuration(*effective) &&
                       !config_map_unused(model, *effective)) {
                // A ConfigMap's data key names the file that lacks the sizes; elsewhere the entry that
                // marks a whole configuration stands for it.
                span = config_map_key_span(*effective).value_or(marker->key_span);
                key = marker->key;
                context =
                    " If this file is mounted as the cluster's whole configuration, it replaces the config "
                    "file Flink ships, and with it the default sizes.";
                // Whether the file replaces Flink's own config is not visible here: say it, do not fail on
                // it.
                severity = Severity::warning;
            } else if (!sets_memory(*effective, process)) {
                continue;
            }
        }
        if (!span) {
            if (const auto written = first_written(*effective, error->keys)) {
                if (type_rejects(*effective, written->second)) continue;  // FL102 reports this value
                span = written->first;
                key = written->second;
                context = origin_note(*effective, key) + context;
            }
        }
        if (!span) {
            span = whole_config_span(*effective);
            if (!error->keys.empty()) key = error->keys.front();
            // Sizes from the image's config file are named in the message, since the file does not show them.
            for (const std::string& image_key : effective->image_defaults()) {
                const bool involved =
                    std::find(error->keys.begin(), error->keys.end(), image_key) != error->keys.end();
                if (involved) context = origin_note(*effective, image_key) + context;
            }
        }

        std::string what = sizes_in_mib(error->message);
        // Flink's sentence continues ours: "...does not start: the process size..."
        if (what.size() > 1 && std::isupper(static_cast<unsigned char>(what[0])) &&
            std::islower(static_cast<unsigned char>(what[1]))) {
            what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
        }
        Finding finding = finding_at(*effective, *span, key);
        finding.message = fmt::format("the {} does not start ({}): {}{} [{}]", process_name(process),
                                      effective->where(), what, context, error->category);
        finding.help = memory_fix_help(*effective, process, *error);
        finding.severity = severity;
        reporter.report(std::move(finding));
    }
}

}  // namespace flinklint::rules

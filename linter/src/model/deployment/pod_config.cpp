// The configuration a Flink container reads: ConfigMaps mounted into its conf directory (which file the
// image's Flink version reads), FLINK_PROPERTIES of the official image's entrypoint, `-D` arguments.
#include <algorithm>

#include "flinklint/text_util.hpp"
#include "model/deployment/pod_detail.hpp"

namespace flinklint {
namespace deployment_detail {
namespace {

constexpr std::string_view kConfDir = "/opt/flink/conf";

const Volume* volume_named(const PodSpecFacts& pod, std::string_view name) {
    for (const Volume& v : pod.volumes)
        if (v.name.value == name) return &v;
    return nullptr;
}

const K8sObject* find_config_map(const Model& model, const ParsedFile& file, const std::string& name,
                                 std::string_view ns) {
    std::vector<const Model::ObjectRef*> found;
    for (const Model::ObjectRef& ref : model.objects()) {
        if (ref.object->kind == "ConfigMap" && ref.object->name.value == name &&
            same_namespace(ref.object->namespace_, ns))
            found.push_back(&ref);
    }
    if (found.size() == 1) return found.front()->object;
    // Several with that name: one deployment has one, so prefer the one written beside the workload.
    const K8sObject* same_file = nullptr;
    for (const auto* ref : found) {
        if (ref->file != &file) continue;
        if (same_file != nullptr) return nullptr;
        same_file = ref->object;
    }
    return same_file;
}

// `-Dkey=value` arguments: Flink reads them over the config file. `key=value` words without `-D`
// go to `bare`: the start scripts pass them on as positional arguments, never as options.
void dynamic_properties(const Container& c, const SourcePtr& source, std::vector<SetValue>& out,
                        std::vector<SetValue>& bare) {
    for (const std::vector<Located>* list : {&c.command, &c.args}) {
        bool pending_d = false;
        for (const Located& arg : *list) {
            for (std::string_view word : words(arg.value)) {
                const bool after_d = pending_d;
                pending_d = word == "-D";
                std::string_view property;
                const bool plain = !after_d && !word.starts_with("-");
                if (after_d || plain)
                    property = word;
                else if (word.starts_with("-D") && word.size() > 2)
                    property = word.substr(2);
                const auto eq = property.find('=');
                if (eq == std::string_view::npos || eq == 0) continue;
                SetValue v{std::string(property.substr(0, eq)), std::string(property.substr(eq + 1)), source,
                           arg.span, "the container arguments"};
                // Point at the value itself when the argument is written plainly.
                const std::string_view written = source->view(arg.span);
                const std::size_t value_at = (after_d || plain ? 0 : 2) + eq + 1;
                if (written == arg.value) {
                    const auto at = static_cast<std::size_t>(word.data() - arg.value.data());
                    v.span =
                        Span{arg.span.begin + at + (plain ? 0 : value_at), arg.span.begin + at + word.size()};
                }
                (plain ? bare : out).push_back(std::move(v));
            }
        }
    }
}

void read_conf_mounts(const Model& model, const ParsedFile& file, const PodSpecFacts& pod, const Container& c,
                      std::string_view ns, PodView& view, bool& unknown) {
    std::string conf_dir(kConfDir);
    for (const EnvVar& env : c.env) {
        if (env.name.value == "FLINK_CONF_DIR" && env.value) conf_dir = env.value.value;
        if (env.name.value == "FLINK_CONF_DIR" && !env.value) unknown = true;
    }
    while (conf_dir.size() > 1 && conf_dir.back() == '/') conf_dir.pop_back();
    for (const VolumeMount& mount : c.volume_mounts) {
        std::string path = mount.mount_path.value;
        while (path.size() > 1 && path.back() == '/') path.pop_back();
        const bool whole = path == conf_dir && !mount.sub_path;
        const bool single = path.starts_with(conf_dir + "/");
        if (!whole && !single && path != conf_dir) continue;
        const Volume* volume = volume_named(pod, mount.name.value);
        if (volume == nullptr || !volume->config_map_name) {
            unknown = true;  // an emptyDir filled by an init container, a Secret, a PVC: not visible here
            if (whole) view.conf_dir_mounted = true;
            continue;
        }
        const K8sObject* map = find_config_map(model, file, volume->config_map_name.value, ns);
        auto add = [&](std::string name, std::string key) {
            MountedConfigFile f{std::move(name), std::move(key), map, nullptr, mount.mount_path.span};
            if (map != nullptr) f.config = config_of(model, map, f.key, ConfigFormat::legacy);
            view.conf_files.push_back(std::move(f));
        };
        if (whole) {
            view.conf_dir_mounted = true;
            if (!volume->config_map_items.empty()) {
                for (const auto& [key, item_path] : volume->config_map_items) add(item_path.value, key.value);
            } else if (map != nullptr) {
                for (const std::string& key : map->config_map_keys) add(key, key);
            } else {
                unknown = true;
            }
        } else {
            const std::string name = single ? path.substr(conf_dir.size() + 1) : mount.sub_path.value;
            std::string key = mount.sub_path ? mount.sub_path.value : name;
            for (const auto& [item_key, item_path] : volume->config_map_items)
                if (item_path.value == key) key = item_key.value;
            add(name, key);
        }
    }
}

// A volume over a `conf` directory other than the one Flink reads (`/flink-1.9.2/conf`): the image keeps
// Flink elsewhere than the official image does, so it is not built on it whatever its arguments.
bool other_conf_dir(const Container& c) {
    std::string conf_dir(kConfDir);
    for (const EnvVar& env : c.env)
        if (env.name.value == "FLINK_CONF_DIR" && env.value) conf_dir = env.value.value;
    for (const VolumeMount& mount : c.volume_mounts) {
        std::string_view path = mount.mount_path.value;
        while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
        if (path.starts_with(conf_dir)) continue;
        if (path.ends_with("/conf") || path.find("/conf/") != std::string_view::npos) return true;
    }
    return false;
}

// Which config file Flink reads: 2.x only config.yaml; 1.19/1.20 flink-conf.yaml when present.
std::string_view file_read(FlinkVersion version, bool has_legacy) {
    if (version >= FlinkVersion{2, 0}) return "config.yaml";
    if (version >= FlinkVersion{1, 19}) return has_legacy ? "flink-conf.yaml" : "config.yaml";
    return "flink-conf.yaml";
}

}  // namespace

const FlinkConfig* config_of(const Model& model, const K8sObject* owner, std::string_view file_name,
                             ConfigFormat format) {
    for (const FlinkConfig* config : model.configs_owned_by(owner)) {
        if (config->doc().format != ConfigFormat::compose_properties &&
            (format != ConfigFormat::flink_deployment || config->doc().format == format) &&
            (file_name.empty() || config->doc().file_name == file_name))
            return config;
    }
    return nullptr;
}

void link_config(const Model& model, const ParsedFile& file, const PodSpecFacts& pod, PodView& view) {
    const Container& c = *view.main;
    bool unknown = false;
    read_conf_mounts(model, file, pod, c, view.ns, view, unknown);
    FlinkVersion version = view.image_version.value_or(kDefaultFlinkVersion);
    if (!view.image_version) {
        for (const MountedConfigFile& f : view.conf_files)
            if (f.config != nullptr && f.config->version_source() != VersionSource::default_version)
                version = f.config->version();
    }
    view.config.version = version;
    bool has_legacy = false;
    for (const MountedConfigFile& f : view.conf_files) has_legacy = has_legacy || f.name == "flink-conf.yaml";
    // The image ships its own file; subPath mounts leave it beside the mounted one.
    const std::string_view read =
        file_read(version, has_legacy || (!view.conf_dir_mounted && version < FlinkVersion{1, 19}));
    bool found = false;
    for (const MountedConfigFile& f : view.conf_files) {
        if (f.name != read) continue;
        found = true;
        if (f.config != nullptr)
            view.config.files.push_back(f.config);
        else
            unknown = true;
    }
    // Only the official image, and images built FROM it, have the entrypoint whose verbs the container
    // runs (apache/flink-docker's docker-entrypoint.sh): such an image keeps the distribution's file unless
    // a volume replaces it. Other images' files are not in view.
    if (!found &&
        (view.conf_dir_mounted || (!view.official_image && (!view.entrypoint || other_conf_dir(c)))))
        unknown = true;
    if (view.entrypoint) {
        for (const FlinkConfig& config : model.configs()) {
            if (config.owner() == view.object && config.doc().format == ConfigFormat::compose_properties &&
                config.doc().origin.ends_with(" container " + c.name.value + " FLINK_PROPERTIES"))
                view.config.files.insert(view.config.files.begin(), &config);
        }
        // FLINK_PROPERTIES from a ConfigMap key in view: the entrypoint reads the variable alike.
        for (const EnvVar& env : c.env) {
            if (env.name.value != "FLINK_PROPERTIES" || !env.config_map_name || !env.config_map_key) continue;
            const K8sObject* map = find_config_map(model, file, env.config_map_name.value, view.ns);
            if (const FlinkConfig* config =
                    map != nullptr ? config_of(model, map, env.config_map_key.value, ConfigFormat::legacy)
                                   : nullptr)
                view.config.files.insert(view.config.files.begin(), config);
        }
    }
    dynamic_properties(c, file.source, view.config.arguments, view.config.bare_arguments);
    view.config.known = !unknown;
}
}  // namespace deployment_detail

std::optional<SetValue> ProcessConfig::get(std::string_view option_key) const {
    std::vector<std::string> keys{std::string(option_key)};
    if (const OptionInfo* option = Catalog::for_version(version).find(option_key)) {
        keys.insert(keys.end(), option->fallback_keys.begin(), option->fallback_keys.end());
        keys.insert(keys.end(), option->deprecated_keys.begin(), option->deprecated_keys.end());
    }
    for (const std::string& key : keys) {
        for (const SetValue& arg : arguments)
            if (arg.key == key) return arg;
        for (const FlinkConfig* file : files) {
            if (const ConfigEntry* entry = file->get(key)) {
                return SetValue{entry->key, entry->value, file->source(),
                                entry->value_span.empty() ? entry->key_span : entry->value_span,
                                file->where()};
            }
        }
    }
    return std::nullopt;
}

std::string ProcessConfig::value_or(std::string_view option_key, std::string_view fallback) const {
    const auto v = get(option_key);
    return v ? v->value : std::string(fallback);
}

bool ProcessConfig::flag(std::string_view option_key, bool fallback) const {
    const auto v = get(option_key);
    if (!v) return fallback;
    const std::string lower = ascii_lower(trim(v->value));
    return lower == "true" ? true : lower == "false" ? false : fallback;
}

std::map<std::string, SetValue> ProcessConfig::with_prefix(std::string_view prefix) const {
    std::map<std::string, SetValue> out;
    for (auto it = files.rbegin(); it != files.rend(); ++it) {
        for (const ConfigEntry& entry : (*it)->entries()) {
            if (!entry.key.starts_with(prefix)) continue;
            out[entry.key] =
                SetValue{entry.key, entry.value, (*it)->source(),
                         entry.value_span.empty() ? entry.key_span : entry.value_span, (*it)->where()};
        }
    }
    for (const SetValue& arg : arguments)
        if (arg.key.starts_with(prefix)) out[arg.key] = arg;
    return out;
}

ProcessConfig config_alone(const FlinkConfig& config) {
    ProcessConfig out;
    out.known = true;
    out.version = config.version();
    out.files.push_back(&config);
    return out;
}

}  // namespace flinklint

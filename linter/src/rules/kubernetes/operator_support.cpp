#include "rules/kubernetes/operator_support.hpp"

#include <unordered_map>

#include "flinklint/text_util.hpp"

namespace flinklint::rules {

Span OperatorResource::anchor() const {
    if (object->name) return object->name.span;
    const std::string_view text = file->source->view(object->span);
    const auto line_end = text.find('\n');
    return {object->span.begin,
            object->span.begin + (line_end == std::string_view::npos ? text.size() : line_end)};
}

Finding OperatorResource::at(Span span, std::string key) const {
    return Finding{.source = file->source, .span = span, .key = std::move(key)};
}

std::vector<OperatorResource> operator_resources(const Model& model) {
    // Each resource's config in one pass (the last one it owns, as before): a file of N resources
    // costs N lookups, not N x N comparisons.
    std::unordered_map<const K8sObject*, const FlinkConfig*> config_of;
    for (const FlinkConfig& config : model.configs()) {
        if (config.doc().format != ConfigFormat::flink_deployment) continue;
        if (const K8sObject* owner = config.owner()) config_of[owner] = &config;
    }
    std::vector<OperatorResource> out;
    for (const Model::ObjectRef& ref : model.objects()) {
        const K8sObject& object = *ref.object;
        if (!object.flink || (object.kind != "FlinkDeployment" && object.kind != "FlinkSessionJob")) continue;
        // The operator's canary resources are skipped by the webhook and hold no real spec.
        if (object.labels.count("flink.apache.org/canary") != 0) continue;
        const auto found = config_of.find(&object);
        out.push_back(
            OperatorResource{ref.file, &object, found == config_of.end() ? nullptr : found->second});
    }
    return out;
}

const OperatorResource* session_cluster(const std::vector<OperatorResource>& all,
                                        const OperatorResource& job) {
    const Located& name = job.spec().deployment_name;
    if (!name) return nullptr;
    for (const OperatorResource& r : all) {
        if (r.deployment() && r.object->name.value == name.value &&
            (r.object->namespace_.empty() || job.object->namespace_.empty() ||
             r.object->namespace_ == job.object->namespace_))
            return &r;
    }
    return nullptr;
}

const ConfigEntry* find_entry(const std::vector<const FlinkConfig*>& configs,
                              std::initializer_list<std::string_view> keys) {
    for (auto it = configs.rbegin(); it != configs.rend(); ++it) {
        if (*it == nullptr) continue;
        for (std::string_view key : keys)
            if (const ConfigEntry* entry = (*it)->get(key)) return entry;
    }
    return nullptr;
}

const ConfigEntry* option_entry(const FlinkConfig* config, std::string_view key) {
    return config == nullptr ? nullptr : config->get_option(key);
}

bool parse_bool(std::string_view text, bool fallback) {
    const std::string lower = ascii_lower(trim(text));
    if (lower == "true") return true;
    if (lower == "false") return false;
    return fallback;
}

bool ha_enabled(const FlinkConfig* config) {
    if (config == nullptr) return false;
    const ConfigEntry* entry = nullptr;
    for (std::string_view key : {"high-availability.type", "high-availability", "recovery.mode"}) {
        if ((entry = config->get(key)) != nullptr) break;
    }
    if (entry == nullptr) return false;
    const std::string value = ascii_lower(trim(entry->value));
    return !value.empty() && value != "none";
}

bool valid_resource_name(std::string_view name) {
    if (name.empty() || name.size() > 45) return false;
    const auto lower_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (name.front() < 'a' || name.front() > 'z' || !lower_alnum(name.back())) return false;
    for (char c : name)
        if (!lower_alnum(c) && c != '-') return false;
    return true;
}

}  // namespace flinklint::rules

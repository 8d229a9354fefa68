// Facts of Kubernetes objects read from a YAML tree (pod specs, services, operator resources).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/k8s.hpp"
#include "ingest/yaml_tree.hpp"
#include "ingest/yaml_values.hpp"

namespace flinklint::ingestion {

// A FLINK_PROPERTIES environment variable of a container: its value node, for the legacy reader.
struct PropertiesRef {
    std::string container;
    Located image;  // the container's image: its version decides how the entrypoint reads the value
    std::size_t value = npos;
};

class K8sReader {
public:
    K8sReader(const YDoc& doc, std::size_t budget) : doc_(doc) { budget_.left = budget; }

    [[nodiscard]] const YDoc& doc() const { return doc_; }
    [[nodiscard]] bool exhausted() const { return budget_.exhausted; }

    // Value of `map.a.b.c` (path of keys), npos when any step is missing.
    [[nodiscard]] std::size_t at(std::size_t map, std::initializer_list<std::string_view> path) const;
    Located located(std::size_t index);
    Located located_at(std::size_t map, std::initializer_list<std::string_view> path) {
        return located(at(map, path));
    }
    std::vector<Located> scalars(std::size_t seq);
    std::map<std::string, std::string> string_map(std::size_t map);

    // A pod template or Pod: `{metadata: {labels}, spec: {containers, initContainers, volumes}}`.
    PodSpecFacts pod(std::size_t pod_template, std::vector<PropertiesRef>& properties);
    ServiceFacts service(std::size_t spec);
    IngressFacts ingress(std::size_t spec);
    // spec of a FlinkDeployment / FlinkSessionJob (flink_configuration_nested is left to the caller).
    FlinkResourceFacts flink_resource(std::size_t spec, std::vector<PropertiesRef>& properties);

private:
    bool take() { return budget_.take(); }
    Container container(std::size_t map, std::vector<PropertiesRef>& properties);
    Volume volume(std::size_t map);

    const YDoc& doc_;
    Budget budget_;
};

}  // namespace flinklint::ingestion

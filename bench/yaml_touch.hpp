// The yaml-cpp floor: load every document of a text with YAML::LoadAll and touch every node, as any
// tool built on yaml-cpp must at least do. Shared by yaml_floor (whole corpora) and the micro-benchmarks.
#pragma once

#include <cstddef>
#include <string>

#include <yaml-cpp/yaml.h>

namespace bench {

struct YamlTouch {
    std::size_t documents = 0;
    std::size_t nodes = 0;
    std::size_t scalar_bytes = 0;
    std::size_t errors = 0;  // texts yaml-cpp refused (about 1% of legacy flink-conf.yaml files)
};

inline void touch(const YAML::Node& node, YamlTouch& t, int depth = 0) {
    ++t.nodes;
    if (depth > 256) return;  // an anchor used inside itself would loop
    switch (node.Type()) {
        case YAML::NodeType::Scalar:
            t.scalar_bytes += node.Scalar().size();
            break;
        case YAML::NodeType::Sequence:
            for (const YAML::Node& item : node) touch(item, t, depth + 1);
            break;
        case YAML::NodeType::Map:
            for (const auto& pair : node) {
                touch(pair.first, t, depth + 1);
                touch(pair.second, t, depth + 1);
            }
            break;
        default:
            break;
    }
}

// Never throws: a text yaml-cpp refuses counts as an error, its documents before the error count.
inline void load_and_touch(const std::string& text, YamlTouch& t) {
    try {
        for (const YAML::Node& doc : YAML::LoadAll(text)) {
            ++t.documents;
            touch(doc, t);
        }
    } catch (const std::exception&) {
        ++t.errors;
    }
}

}  // namespace bench

// Internals shared by pods.cpp and pod_config.cpp (linter/src/model/deployment/).
#pragma once

#include <string_view>
#include <vector>

#include "flinklint/deployment.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint::deployment_detail {

bool same_namespace(std::string_view a, std::string_view b);  // an empty namespace matches any
inline std::vector<std::string_view> words(std::string_view text) {
    return command_words(text);
}
// The configuration of `owner` (a ConfigMap key `file_name`, or a FlinkDeployment's flinkConfiguration).
const FlinkConfig* config_of(const Model& model, const K8sObject* owner, std::string_view file_name,
                             ConfigFormat format);
// Fills view.config and view.conf_files for the Flink container view.main of a workload's pod.
void link_config(const Model& model, const ParsedFile& file, const PodSpecFacts& pod, PodView& view);

}  // namespace flinklint::deployment_detail

// The Flink version of each configuration, from the most specific evidence (model.cpp builds it in
// two passes: the evidence a file carries itself, then the images of the containers and compose
// services that mount it).
#pragma once

#include <optional>
#include <vector>

#include "flinklint/model.hpp"

namespace flinklint::model_detail {

// Evidence in the file and the project, strongest first: forced, inline comment, per-path,
// spec.flinkVersion, a FlinkDeployment's spec.image, a compose service's image.
VersionChoice own_evidence(const ParsedFile& file, const ConfigDocument& doc, const ModelOptions& options);

// The default of files without evidence: --flink-version, else .flinklint.yaml, else 1.20.
VersionEvidence default_evidence(const ModelOptions& options);

// Adds `evidence` and makes it the chosen one when it is more specific.
void add_evidence(VersionChoice& choice, VersionEvidence evidence);

// "image flink:1.17.2 in docker-compose.yaml:4"
std::string image_reason(const Located& image, const Source& source);

// The image of a docker-compose service that bind-mounts a configuration file as its conf directory (or
// the file in it) is evidence of the Flink that reads the file (compose_mount_evidence.cpp).
void add_compose_mount_evidence(const std::vector<ParsedFile>& files, const std::vector<FlinkConfig>& configs,
                                std::vector<VersionChoice>& choices);

}  // namespace flinklint::model_detail

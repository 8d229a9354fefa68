// The Flink version of each configuration, from the most specific evidence (model.cpp builds it in
// two passes: the evidence a file carries itself, then the images of the containers and compose
// services that mount it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/model.hpp"

namespace flinklint::model_detail {

// Evidence in the file and the project, strongest first: forced, inline comment, per-path,
// spec.flinkVersion, a FlinkDeployment's spec.image, a compose service's image.
VersionChoice own_evidence(const ParsedFile& file, const ConfigDocument& doc, const ModelOptions& options);

// The weakest evidence, for a legacy file nothing else dates: keys that only a Flink older than the
// default wrote (a key an older scheme used, with no key of the scheme that replaced it; a key Flink
// stopped reading before the oldest catalog). The newest version they fit is chosen.
std::optional<VersionEvidence> key_evidence(const ConfigDocument& doc);

// The default of files without evidence: --flink-version, else .flinklint.yaml, else 1.20.
VersionEvidence default_evidence(const ModelOptions& options);

// Adds `evidence` and makes it the chosen one when it is more specific.
void add_evidence(VersionChoice& choice, VersionEvidence evidence);

// "image flink:1.17.2 in docker-compose.yaml:4"
std::string image_reason(const Located& image, const Source& source);

// `./a/../b/` -> `a/b`; the `__` of flattened corpus paths separates folders as `/` does (unless
// `flattened` is false: real paths only).
std::string normalized_path(std::string_view path, bool flattened = true);
// The normalized path of the Dockerfile a compose service's `build:` names; empty: no local build.
std::string build_dockerfile_path(const ComposeService& service, const std::string& compose_dir,
                                  bool flattened);

// A Dockerfile of the group built FROM a Flink image (dockerfile_evidence.cpp).
struct DockerfileImage {
    std::string path;  // normalized
    FlinkVersion version;
    std::string reason;  // "FROM flink:1.18 in docker/Dockerfile:1"
};
std::vector<DockerfileImage> dockerfile_images(const std::vector<ParsedFile>& files);

// A Dockerfile beside a configuration file is weak evidence of its Flink (the image is often built with
// the file copied into it); it never overrides what the file or a container that mounts it says.
void add_sibling_dockerfile_evidence(const std::vector<DockerfileImage>& dockerfiles,
                                     const std::vector<FlinkConfig>& configs,
                                     std::vector<VersionChoice>& choices);

// The Dockerfile a compose service's `build:` names (context + dockerfile, from `compose_dir`), if read.
const DockerfileImage* built_image(const ComposeService& service, const std::string& compose_dir,
                                   const std::vector<DockerfileImage>& dockerfiles);

// The image of a docker-compose service that bind-mounts a configuration file as its conf directory (or
// the file in it) is evidence of the Flink that reads the file (compose_mount_evidence.cpp).
// A service built from a Dockerfile of the group (and no versioned `image:`) is judged by that Dockerfile's
// image, for the files it mounts and its FLINK_PROPERTIES.
void add_compose_mount_evidence(const std::vector<ParsedFile>& files, const std::vector<FlinkConfig>& configs,
                                const std::vector<DockerfileImage>& dockerfiles,
                                std::vector<VersionChoice>& choices);

}  // namespace flinklint::model_detail

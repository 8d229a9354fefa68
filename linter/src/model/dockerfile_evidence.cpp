// Dockerfiles as evidence of the Flink version: the image a Dockerfile's final stage is built FROM
// (read by linter/src/ingest/dockerfile.cpp) is the Flink of a compose service built from it, and
// weaker evidence for the configuration files in its own directory.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "flinklint/deployment.hpp"
#include "model/version_evidence.hpp"

namespace flinklint::model_detail {
namespace {

std::string directory_of(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

// `./a/../b/` -> `b`; the `__` of flattened corpus paths separates folders as `/` does, on both sides,
// unless `flattened` is false (real paths only).
std::string normalized_path(std::string_view path, bool flattened) {
    std::string flat(path);
    for (std::size_t at = 0; flattened && (at = flat.find("__", at)) != std::string::npos;)
        flat.replace(at, 2, "/");
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= flat.size()) {
        std::size_t end = flat.find('/', start);
        if (end == std::string::npos) end = flat.size();
        const std::string part = flat.substr(start, end - start);
        start = end + 1;
        if (part.empty() || part == ".") continue;
        if (part == ".." && !parts.empty() && parts.back() != "..")
            parts.pop_back();
        else
            parts.push_back(part);
    }
    std::string out = flat.starts_with('/') ? "/" : "";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : "/") + parts[i];
    return out;
}

std::vector<DockerfileImage> dockerfile_images(const std::vector<ParsedFile>& files) {
    std::vector<DockerfileImage> out;
    for (const ParsedFile& file : files) {
        if (file.format != FileFormat::dockerfile || !file.dockerfile_image) continue;
        const auto version = image_flink_version(file.dockerfile_image.value);
        if (!version) continue;
        out.push_back({normalized_path(file.source->path()), *version,
                       fmt::format("FROM {} in {}:{}", file.dockerfile_image.value, file.source->path(),
                                   file.source->position(file.dockerfile_image.span.begin).line)});
    }
    return out;
}

void add_sibling_dockerfile_evidence(const std::vector<DockerfileImage>& dockerfiles,
                                     const std::vector<FlinkConfig>& configs,
                                     std::vector<VersionChoice>& choices) {
    for (std::size_t i = 0; i < configs.size() && i < choices.size(); ++i) {
        // A file inside a Kubernetes object or a compose service is read by that object's containers.
        const FlinkConfig& config = configs[i];
        if (config.doc().owner_object || config.doc().format == ConfigFormat::compose_properties) continue;
        const std::string dir = directory_of(normalized_path(config.source()->path()));
        for (const DockerfileImage& dockerfile : dockerfiles)
            if (directory_of(dockerfile.path) == dir)
                add_evidence(choices[i],
                             {dockerfile.version, VersionSource::sibling_dockerfile, dockerfile.reason});
    }
}

// The normalized path of the Dockerfile a compose service's `build:` names; empty: no local build.
std::string build_dockerfile_path(const ComposeService& service, const std::string& compose_dir,
                                  bool flattened) {
    if (!service.build || service.build_context.find("://") != std::string::npos) return {};
    const std::string& context = service.build_context.empty() ? std::string(".") : service.build_context;
    const std::string base = context.starts_with('/') ? context : compose_dir + "/" + context;
    const std::string name = service.build_dockerfile.empty() ? "Dockerfile" : service.build_dockerfile;
    return normalized_path(name.starts_with('/') ? name : base + "/" + name, flattened);
}

const DockerfileImage* built_image(const ComposeService& service, const std::string& compose_dir,
                                   const std::vector<DockerfileImage>& dockerfiles) {
    if (dockerfiles.empty()) return nullptr;
    const std::string path = build_dockerfile_path(service, compose_dir, true);
    for (const DockerfileImage& dockerfile : dockerfiles)
        if (!path.empty() && dockerfile.path == path) return &dockerfile;
    return nullptr;
}

}  // namespace flinklint::model_detail

namespace flinklint {

// Real paths only: what FL850 concludes from the Dockerfile (the entrypoint it keeps) needs the file the
// builder reads, not a flattened name that may stand for it.
const ParsedFile* compose_dockerfile(const ComposeService& service, std::string_view compose_file,
                                     const std::vector<ParsedFile>& files) {
    const std::string compose_path = model_detail::normalized_path(compose_file, false);
    const std::size_t slash = compose_path.find_last_of('/');
    const std::string path = model_detail::build_dockerfile_path(
        service, slash == std::string::npos ? "." : compose_path.substr(0, slash), false);
    for (const ParsedFile& file : files)
        if (!path.empty() && file.format == FileFormat::dockerfile &&
            model_detail::normalized_path(file.source->path(), false) == path)
            return &file;
    return nullptr;
}

}  // namespace flinklint

// A configuration file that a docker-compose service bind-mounts as its conf directory, or as the file in
// it, is read by that service's Flink: the service's image is evidence of its version, as the image of a
// Kubernetes container that mounts a ConfigMap is (Model::add_image_evidence).
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "flinklint/deployment.hpp"
#include "model/version_evidence.hpp"

namespace flinklint::model_detail {
namespace {

constexpr std::string_view kImageConfDir = "/opt/flink/conf";

std::string conf_dir(const ComposeService& service) {
    for (const EnvVar& var : service.environment)
        if (var.name.value == "FLINK_CONF_DIR" && var.value) return normalized_path(var.value.value);
    return std::string(kImageConfDir);
}

// The host paths of the configuration files one bind mount puts where the service's Flink reads them.
std::vector<std::string> mounted_files(const ComposeMount& mount, const std::string& compose_dir,
                                       const std::string& dir) {
    const std::string_view source = mount.source;
    // Only paths: a named volume's files are not in view, `~` and variables are the host's.
    if (!(source.starts_with("./") || source.starts_with("../") || source.starts_with("/") ||
          source == ".") ||
        source.find('$') != std::string_view::npos)
        return {};
    const std::string host = normalized_path(
        source.starts_with("/") ? std::string(source) : compose_dir + "/" + std::string(source));
    const std::string target = normalized_path(mount.target);
    if (target == dir) return {host + "/flink-conf.yaml", host + "/config.yaml"};
    if (target == dir + "/flink-conf.yaml" || target == dir + "/config.yaml") return {host};
    return {};
}

}  // namespace

namespace {

void add_once(VersionChoice& choice, VersionEvidence evidence) {
    for (const VersionEvidence& e : choice.all)
        if (e.reason == evidence.reason) return;
    add_evidence(choice, std::move(evidence));
}

// The version of the image a service runs, and why: its `image:` tag, else the Dockerfile it is built from.
std::optional<std::pair<FlinkVersion, std::string>> service_version(
    const ComposeService& service, const Source& source, const std::string& compose_dir,
    const std::vector<DockerfileImage>& dockerfiles) {
    if (service.image)
        if (const auto version = image_flink_version(service.image.value))
            return std::pair{*version, image_reason(service.image, source)};
    if (const DockerfileImage* built = built_image(service, compose_dir, dockerfiles))
        return std::pair{built->version, fmt::format("{}, the image", built->reason)};
    return std::nullopt;
}

}  // namespace

void add_compose_mount_evidence(const std::vector<ParsedFile>& files, const std::vector<FlinkConfig>& configs,
                                const std::vector<DockerfileImage>& dockerfiles,
                                std::vector<VersionChoice>& choices) {
    std::vector<std::string> paths;  // each configuration's file, normalized once a mount needs them
    for (const ParsedFile& file : files) {
        if (file.compose_services.empty()) continue;
        const std::string compose_path = normalized_path(file.source->path());
        const std::size_t slash = compose_path.find_last_of('/');
        const std::string compose_dir = slash == std::string::npos ? "." : compose_path.substr(0, slash);
        for (const ComposeService& service : file.compose_services) {
            const auto version = service_version(service, *file.source, compose_dir, dockerfiles);
            if (!version) continue;
            // Its FLINK_PROPERTIES, when the `image:` said nothing (a built image).
            if (!service.image || !image_flink_version(service.image.value)) {
                for (std::size_t i = 0; i < configs.size() && i < choices.size(); ++i) {
                    const ConfigDocument& doc = configs[i].doc();
                    if (&configs[i].file() == &file && doc.format == ConfigFormat::compose_properties &&
                        doc.origin.starts_with(service.where + " "))
                        add_once(choices[i], {version->first, VersionSource::image,
                                              fmt::format("{} of {}", version->second, service.where)});
                }
            }
            const std::string dir = conf_dir(service);
            for (const ComposeMount& mount : service.mounts) {
                for (const std::string& host : mounted_files(mount, compose_dir, dir)) {
                    if (paths.empty())
                        for (const FlinkConfig& config : configs)
                            paths.push_back(normalized_path(config.source()->path()));
                    for (std::size_t i = 0; i < paths.size() && i < choices.size(); ++i) {
                        if (paths[i] != host) continue;
                        add_once(choices[i],
                                 {version->first, VersionSource::image,
                                  fmt::format("{} of {}, which mounts it", version->second, service.where)});
                    }
                }
            }
        }
    }
}

}  // namespace flinklint::model_detail

namespace flinklint {

std::string normalized_source_path(std::string_view path) {
    return model_detail::normalized_path(path);
}

ComposeConfMounts compose_conf_mounts(const ComposeService& service, std::string_view compose_file) {
    ComposeConfMounts out;
    const std::string compose_path = model_detail::normalized_path(compose_file);
    const std::size_t slash = compose_path.find_last_of('/');
    const std::string compose_dir = slash == std::string::npos ? "." : compose_path.substr(0, slash);
    const std::string dir = model_detail::conf_dir(service);
    for (const ComposeMount& mount : service.mounts) {
        const std::string target = model_detail::normalized_path(mount.target);
        if (target != dir && !target.starts_with(dir + "/")) continue;
        auto files = model_detail::mounted_files(mount, compose_dir, dir);
        if (files.empty()) {
            // A named volume or a variable over the directory or its file: what Flink reads is not in view.
            if (target == dir || target == dir + "/flink-conf.yaml" || target == dir + "/config.yaml")
                out.unknown = true;
            continue;
        }
        out.files.insert(out.files.end(), files.begin(), files.end());
    }
    return out;
}

}  // namespace flinklint

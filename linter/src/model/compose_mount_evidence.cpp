// A configuration file that a docker-compose service bind-mounts as its conf directory, or as the file in
// it, is read by that service's Flink: the service's image is evidence of its version, as the image of a
// Kubernetes container that mounts a ConfigMap is (Model::add_image_evidence).
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "flinklint/deployment.hpp"
#include "model/version_evidence.hpp"

namespace flinklint::model_detail {
namespace {

constexpr std::string_view kImageConfDir = "/opt/flink/conf";

// `./a/../b/` -> `b`; the `__` of flattened corpus paths separates folders as `/` does, on both sides.
std::string normalized_path(std::string_view path) {
    std::string flat(path);
    for (std::size_t at = 0; (at = flat.find("__", at)) != std::string::npos;) flat.replace(at, 2, "/");
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

void add_compose_mount_evidence(const std::vector<ParsedFile>& files, const std::vector<FlinkConfig>& configs,
                                std::vector<VersionChoice>& choices) {
    std::vector<std::string> paths;  // each configuration's file, normalized once a mount needs them
    for (const ParsedFile& file : files) {
        if (file.compose_services.empty()) continue;
        const std::string compose_path = normalized_path(file.source->path());
        const std::size_t slash = compose_path.find_last_of('/');
        const std::string compose_dir = slash == std::string::npos ? "." : compose_path.substr(0, slash);
        for (const ComposeService& service : file.compose_services) {
            const auto version = service.image ? image_flink_version(service.image.value) : std::nullopt;
            if (!version) continue;
            const std::string dir = conf_dir(service);
            for (const ComposeMount& mount : service.mounts) {
                for (const std::string& host : mounted_files(mount, compose_dir, dir)) {
                    if (paths.empty())
                        for (const FlinkConfig& config : configs)
                            paths.push_back(normalized_path(config.source()->path()));
                    for (std::size_t i = 0; i < paths.size() && i < choices.size(); ++i) {
                        if (paths[i] != host) continue;
                        VersionEvidence evidence{
                            *version, VersionSource::image,
                            fmt::format("{} of {}, which mounts it",
                                        image_reason(service.image, *file.source), service.where)};
                        bool known = false;
                        for (const VersionEvidence& e : choices[i].all)
                            known = known || e.reason == evidence.reason;
                        if (!known) add_evidence(choices[i], std::move(evidence));
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

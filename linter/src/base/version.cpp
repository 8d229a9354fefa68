// Which catalog a Flink version is checked against, and the Flink version an image tag names.
#include <charconv>
#include <cstdlib>

#include "flinklint/text_util.hpp"
#include "flinklint/version.hpp"

namespace flinklint {
namespace {

// Distance in minor versions; a major step counts as far as any minor step within a major.
int distance(FlinkVersion a, FlinkVersion b) {
    return std::abs((a.major - b.major) * 100 + (a.minor - b.minor));
}

}  // namespace

bool has_catalog(FlinkVersion version) {
    for (const FlinkVersion& v : kCatalogVersions)
        if (v == version) return true;
    return false;
}

FlinkVersion catalog_version_for(FlinkVersion version) {
    FlinkVersion best = kCatalogVersions[0];
    for (const FlinkVersion& v : kCatalogVersions)
        if (distance(v, version) < distance(best, version)) best = v;
    return best;
}

std::optional<FlinkVersion> image_flink_version(std::string_view image) {
    if (const auto at = image.find('@'); at != std::string_view::npos) image = image.substr(0, at);
    const auto slash = image.rfind('/');
    const auto colon = image.rfind(':');
    if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash))
        return std::nullopt;
    const std::string name = ascii_lower(image.substr(0, colon));
    const std::string_view repository = std::string_view(name).substr(name.rfind('/') + 1);
    // The tag starts with major.minor: `1.17.2-scala_2.12-java11`, `2.0-java17`, `1.18`.
    const std::string_view tag = image.substr(colon + 1);
    // An image named `flink` (official, mirrored or rebuilt) is tagged by its Flink version; another
    // name with "flink" in it when the tag has the official images' shape (`-scala_`, `-java`), or (below)
    // names a recent 1.x release: `my-flink-app:1.3.0` is the application's version, not Flink 1.3.
    const bool official_shape =
        tag.find("-scala_") != std::string_view::npos || tag.find("-java") != std::string_view::npos;
    if (repository.find("flink") == std::string_view::npos) return std::nullopt;
    FlinkVersion version;
    const char* end = tag.data() + tag.size();
    const auto major = std::from_chars(tag.data(), end, version.major);
    if (major.ec != std::errc() || major.ptr == end || *major.ptr != '.') return std::nullopt;
    const auto minor = std::from_chars(major.ptr + 1, end, version.minor);
    if (minor.ec != std::errc() || minor.ptr == major.ptr + 1) return std::nullopt;
    if (minor.ptr != end && (*minor.ptr >= '0' && *minor.ptr <= '9')) return std::nullopt;
    if (version.major < 1 || version.major > 2 || version.minor > 99) return std::nullopt;
    if (repository == "flink" || official_shape) return version;
    // Another name with "flink" in it (`nigeria-flink:1.18-cdc`, `flink-cdc:1.17.2`): an image built
    // FROM flink:<tag> usually keeps Flink's number, so a 1.x release from 1.10 to 1.20 is trusted.
    // Not trusted: older 1.x minors and every 2.x (`1.3.0`, `2.0`, `2.1` are as likely the application's
    // own version, and a wrong 2.x would judge the whole file by Flink 2: config.yaml only, removed
    // keys), nor names that say they hold the application (`-app`, `-job`).
    const bool application =
        repository.find("app") != std::string_view::npos || repository.find("job") != std::string_view::npos;
    if (application || version.major != 1 || version.minor < 10 || version.minor > 20) return std::nullopt;
    return version;
}

// `flink:1.20`, `apache/flink:2.0-java17`, `docker.io/library/flink@sha256:...`: the official image.
bool official_image(std::string_view image, std::optional<FlinkVersion>& version) {
    std::string_view name = image;
    std::string_view tag;
    if (const auto at = name.find('@'); at != std::string_view::npos) name = name.substr(0, at);
    const auto slash = name.rfind('/');
    if (const auto colon = name.rfind(':');
        colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
        tag = name.substr(colon + 1);
        name = name.substr(0, colon);
    }
    const std::string_view last = slash == std::string_view::npos ? name : name.substr(slash + 1);
    if (last != "flink") return false;
    const std::string_view prefix = slash == std::string_view::npos ? "" : name.substr(0, slash);
    if (!(prefix.empty() || prefix == "apache" || prefix == "library" || prefix.ends_with("/apache") ||
          prefix.ends_with("/library") || prefix == "docker.io" || prefix == "docker.io/library" ||
          prefix == "docker.io/apache"))
        return false;
    // `1.20`, `1.20.1-scala_2.12-java11`, `2.0-java17`: major.minor at the start of the tag.
    int major = 0, minor = 0;
    const char* p = tag.data();
    const char* end = tag.data() + tag.size();
    auto r = std::from_chars(p, end, major);
    if (r.ec == std::errc() && r.ptr < end && *r.ptr == '.') {
        auto r2 = std::from_chars(r.ptr + 1, end, minor);
        if (r2.ec == std::errc()) version = FlinkVersion{major, minor};
    }
    return true;
}

}  // namespace flinklint

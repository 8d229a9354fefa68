// Flink versions: the targets a configuration is checked against.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace flinklint {

struct FlinkVersion {
    int major = 1;
    int minor = 20;

    friend auto operator<=>(const FlinkVersion&, const FlinkVersion&) = default;
    [[nodiscard]] std::string str() const;  // "1.20"

    // Accepts "1.20", "1.20.1", "v1_20", "2.2", "v2_2" (the operator's spelling).
    static std::optional<FlinkVersion> parse(std::string_view text);
};

inline constexpr FlinkVersion kDefaultFlinkVersion{1, 20};

// Versions that ship an option catalog, oldest first.
inline constexpr FlinkVersion kCatalogVersions[] = {{1, 15}, {1, 17}, {1, 18}, {1, 19},
                                                    {1, 20}, {2, 0},  {2, 1},  {2, 2}};

// The catalog a version is checked against: the version itself when a catalog ships for it, else the
// nearest (the older one on a tie).
FlinkVersion catalog_version_for(FlinkVersion version);
bool has_catalog(FlinkVersion version);

// The Flink version in an image's tag: images named `flink` (`flink:1.17.2-scala_2.12`,
// `apache/flink:1.18`, `registry.example.com/team/flink:1.19.1`), and other images with "flink" in
// their name whose tag has the official shape (`team/flink-app:1.19.1-java11`); nullopt otherwise,
// since a custom image's tag is usually the application's own version.
std::optional<FlinkVersion> image_flink_version(std::string_view image);

// The official image (`flink:1.20`, `apache/flink:2.0-java17`, `docker.io/library/flink@sha256:...`),
// with the version its tag starts with, if any.
bool official_image(std::string_view image, std::optional<FlinkVersion>& version);

}  // namespace flinklint

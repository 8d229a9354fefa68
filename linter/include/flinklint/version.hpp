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

}  // namespace flinklint

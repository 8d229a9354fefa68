#include <array>
#include <charconv>

#include "flinklint/diagnostic.hpp"
#include "flinklint/version.hpp"

namespace flinklint {

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::info:
            return "info";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
    }
    return "warning";
}

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "info" || text == "note") return Severity::info;
    if (text == "warning" || text == "warn") return Severity::warning;
    if (text == "error") return Severity::error;
    return std::nullopt;
}

std::string_view to_string(Category category) {
    static constexpr std::array<std::string_view, 11> names = {
        "schema",  "deprecated", "syntax", "ports",      "heartbeat", "memory",
        "network", "checkpoint", "state",  "kubernetes", "security"};
    return names.at(static_cast<std::size_t>(category));
}

std::string FlinkVersion::str() const {
    return std::to_string(major) + "." + std::to_string(minor);
}

std::optional<FlinkVersion> FlinkVersion::parse(std::string_view text) {
    // Accept "1.20", "1.20.1", "v1_20", "V1_20", "2.2".
    if (!text.empty() && (text.front() == 'v' || text.front() == 'V')) text.remove_prefix(1);
    auto read_number = [&](int& out) {
        const auto* begin = text.data();
        const auto* end = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(begin, end, out);
        if (ec != std::errc() || ptr == begin) return false;
        text.remove_prefix(static_cast<std::size_t>(ptr - begin));
        return true;
    };
    FlinkVersion version;
    if (!read_number(version.major)) return std::nullopt;
    if (text.empty() || (text.front() != '.' && text.front() != '_')) return std::nullopt;
    text.remove_prefix(1);
    if (!read_number(version.minor)) return std::nullopt;
    if (!text.empty()) {
        if (text.front() != '.' && text.front() != '_') return std::nullopt;
        text.remove_prefix(1);
        int patch = 0;
        if (!read_number(patch) || !text.empty()) return std::nullopt;
    }
    if (version.major < 1 || version.major > 9 || version.minor < 0 || version.minor > 99)
        return std::nullopt;
    return version;
}

}  // namespace flinklint

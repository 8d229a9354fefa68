// FL007 properties-whitespace-stripped: from the 1.19 images on, docker-entrypoint.sh removes every
// whitespace character of a FLINK_PROPERTIES line, so JVM options or paths with spaces reach Flink joined
// (how the line is read: linter/src/ingest/entrypoint_properties.cpp). The entry holds the value Flink
// gets; its span covers the value as written.
#include <fmt/format.h>
#include <cctype>

#include "flinklint/version.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Whitespace between two characters that stripping joins without changing what Flink reads: beside a
// list or map separator (`a, b`, `k: v`) or between a number and its unit (`1 gb`, `10 s`).
bool harmless_gap(char before, char after) {
    constexpr std::string_view kSeparators = ",;:=|";
    if (kSeparators.find(before) != std::string_view::npos ||
        kSeparators.find(after) != std::string_view::npos)
        return true;
    return std::isdigit(static_cast<unsigned char>(before)) != 0 &&
           std::isalpha(static_cast<unsigned char>(after)) != 0;
}

// True when a whitespace run inside `value` joins two characters into something else.
bool stripping_changes(std::string_view value) {
    for (std::size_t i = 1; i < value.size(); ++i) {
        if (!is_space(value[i])) continue;
        std::size_t end = i;
        while (end < value.size() && is_space(value[end])) ++end;
        if (end < value.size() && !harmless_gap(value[i - 1], value[end])) return true;
        i = end;
    }
    return false;
}

bool stripped_by_entrypoint(const ConfigDocument& doc) {
    if (doc.format != ConfigFormat::compose_properties || !doc.spans_exact) return false;
    const std::optional<FlinkVersion> version = image_flink_version(doc.image.value);
    return version && *version >= FlinkVersion{1, 19};
}

}  // namespace

void check_properties_whitespace_stripped(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        if (!stripped_by_entrypoint(config.doc())) continue;
        for (const ConfigEntry& entry : config.doc().entries) {
            const std::string_view written = config.source()->view(entry.value_span);
            if (!stripping_changes(written)) continue;
            reporter.report(
                {.source = config.source(),
                 .span = entry.value_span,
                 .message =
                     fmt::format("the entrypoint of the {} image removes every whitespace character of a "
                                 "FLINK_PROPERTIES line (1.19+ images), so `{}` is set to `{}`",
                                 config.doc().image.value, entry.key, entry.value),
                 .help = written.find('#') != std::string_view::npos
                             ? "remove the comment: this entrypoint does not cut a line at `#`"
                             : "mount a config file (config.yaml) for values with spaces, or pass them as "
                               "`-Dkey=value` arguments of the container's command"});
        }
    }
}

}  // namespace flinklint::rules

// FL846 jemalloc-not-disabled: LD_PRELOAD emptied (or pointed at another allocator) on a container or
// compose service that the official image starts, to turn jemalloc off. The image's docker-entrypoint.sh
// (maybe_enable_jemalloc, every image since 1.12) runs `export LD_PRELOAD=$LD_PRELOAD:<libjemalloc.so>`
// unless DISABLE_JEMALLOC is `true`, so the JVM still runs on jemalloc, after any library written there.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/kubernetes/entrypoint_lines.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// The image that first shipped jemalloc and maybe_enable_jemalloc (apache/flink-docker dev-1.12).
constexpr FlinkVersion kFirstImageWithJemalloc{1, 12};

// Another malloc written into LD_PRELOAD is meant to replace jemalloc.
bool names_allocator(std::string_view value) {
    const std::string lower = ascii_lower(value);
    for (const std::string_view allocator : {"tcmalloc", "mimalloc", "jemalloc", "hoard"})
        if (lower.find(allocator) != std::string::npos) return true;
    return false;
}

// Most groups set no LD_PRELOAD: look for one before building the command lines.
bool any_preload(const Model& model) {
    const auto in = [](const std::vector<EnvVar>& env) {
        for (const EnvVar& var : env)
            if (var.name.value == "LD_PRELOAD") return true;
        return false;
    };
    for (const ParsedFile& file : model.files()) {
        for (const ComposeService& service : file.compose_services)
            if (in(service.environment)) return true;
        for (const K8sObject& object : file.objects)
            if (object.pod)
                for (const Container& c : object.pod->containers)
                    if (in(c.env)) return true;
    }
    return false;
}

}  // namespace

void check_jemalloc_not_disabled(const Model& model, Reporter& reporter) {
    if (!any_preload(model)) return;
    for (const EntrypointLine& line : entrypoint_lines(model)) {
        if (line.env == nullptr || line.version < kFirstImageWithJemalloc) continue;
        const EnvVar* preload = nullptr;
        bool disabled = false;
        for (const EnvVar& var : *line.env) {
            if (var.name.value == "LD_PRELOAD" && var.value) preload = &var;
            // The test is `"${DISABLE_JEMALLOC:-false}" == "false"`: empty counts as unset, any other value
            // turns jemalloc off.
            if (var.name.value == "DISABLE_JEMALLOC" && var.value && !trim(var.value.value).empty() &&
                trim(var.value.value) != "false")
                disabled = true;
        }
        if (preload == nullptr || disabled) continue;
        const std::string_view value = trim(preload->value.value);
        const bool empty = value.empty();
        if (!empty && !names_allocator(value)) continue;  // another library: preloading it is the point
        // An empty value has no word to point at: the value as written (`""`).
        Finding f{.source = line.source,
                  .span = empty ? preload->value.span
                                : word_span(*line.source, preload->value, preload->value.value),
                  .key = "LD_PRELOAD"};
        f.message = fmt::format(
            "{}: {} does not turn jemalloc off: the image's docker-entrypoint.sh appends libjemalloc.so to "
            "LD_PRELOAD unless DISABLE_JEMALLOC=true, so the JVM still runs on jemalloc{}",
            line.where, empty ? "an empty LD_PRELOAD" : fmt::format("LD_PRELOAD={}", value),
            empty ? "" : ", preloaded after the allocator written here");
        f.help = "set DISABLE_JEMALLOC=true (and drop LD_PRELOAD unless another library needs it)";
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules

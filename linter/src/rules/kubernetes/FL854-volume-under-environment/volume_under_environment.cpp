// FL854 volume-under-environment: a docker-compose `environment:` list item shaped like a bind mount
// (`- ./data:/data`, `- $PWD/conf:/opt/flink/conf`). Compose reads a list item without `=` as the name of a
// variable to take from the shell that runs compose, unset when the shell has none (compose-spec
// compose-go: "environment FOO with no value nor equal sign means propagate value from user's environment,
// or unset variable"), so the container gets no such mount: the files its jobs or its configuration expect
// under that path are not there.
#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// `SOURCE:/TARGET[:MODE]` with a source that is a host path or starts with a variable (`./x`, `/x`, `~/x`,
// `$PWD/x`, `${DIR}`); the target is the absolute path in the container. A bare word before the colon
// (`JAVA_HOME:/usr/lib/jvm`) reads as a variable written with `:` for `=`, not as a mount: not judged.
std::optional<std::string_view> mount_target(std::string_view item) {
    const std::size_t colon = item.find(':');
    if (colon == 0 || colon == std::string_view::npos || colon + 1 >= item.size() || item[colon + 1] != '/' ||
        std::string_view("./~$").find(item.front()) == std::string_view::npos)
        return std::nullopt;
    std::string_view target = item.substr(colon + 1);
    target = target.substr(0, target.find(':'));
    if (target.find_first_of(" \t=") != std::string_view::npos) return std::nullopt;
    return target;
}

std::string_view without_trailing_slash(std::string_view path) {
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    return path;
}

}  // namespace

void check_volume_under_environment(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) {
        for (const ComposeService& service : file.compose_services) {
            for (const EnvVar& var : service.environment) {
                if (var.value) continue;  // `NAME=value`, or a map entry with a value
                const std::string item(trim(var.name.value));
                const auto target = mount_target(item);
                if (!target) continue;
                bool mounted = false;  // the same target under volumes: the item is a leftover, not the mount
                for (const ComposeMount& mount : service.mounts)
                    mounted =
                        mounted || without_trailing_slash(mount.target) == without_trailing_slash(*target);
                if (mounted) continue;
                Finding f{.source = file.source, .span = var.name.span, .key = "environment"};
                f.message = fmt::format(
                    "{} lists `{}` under `environment:`: compose reads it as the name of a variable to take "
                    "from its shell (unset when there is none), not as a mount, so nothing is mounted at "
                    "`{}` "
                    "in the container",
                    service.where, item, *target);
                f.help = fmt::format("move `- {}` under the service's `volumes:`", item);
                reporter.report(std::move(f));
            }
        }
    }
}

}  // namespace flinklint::rules

// FL615 ha-mode-unknown: a high-availability mode that names no mode and no class. flink-runtime's
// HighAvailabilityMode#fromConfig maps `standalone` (the old default) to NONE and takes any other value
// that is not NONE, ZOOKEEPER or KUBERNETES (upper-cased) for the class name of a
// HighAvailabilityServicesFactory; HighAvailabilityServicesUtils#createCustomHAServices then fails to
// instantiate it (InstantiationUtil#instantiate): the JobManager and the TaskManagers do not start.
// A value with a `.` is a class name flinklint cannot see and is not reported.
#include <fmt/format.h>

#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void check_ha_mode_unknown(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto setting =
            find_setting(*effective, {"high-availability.type", "high-availability", "recovery.mode"});
        if (!setting) continue;
        const auto mode = shortcut_name(setting->value);
        if (!mode || *mode == "none" || *mode == "standalone" || *mode == "zookeeper" ||
            *mode == "kubernetes")
            continue;
        Finding f = finding_for(*effective, *setting);
        f.key =
            "high-availability.type";  // the option, not the alias written: it stays when FL201 renames it
        f.message = fmt::format(
            "{} is not a high-availability mode: Flink takes `{}` for the class name of a "
            "HighAvailabilityServicesFactory, cannot load it, and the JobManager and the TaskManagers do "
            "not start",
            setting->shown(), unquoted(setting->value));
        f.help =
            "use `zookeeper`, `kubernetes` or `NONE` (any case), or the full class name of a "
            "HighAvailabilityServicesFactory";
        reporter.report(std::move(f));
    }
}

}  // namespace flinklint::rules

// FL202 removed-key: a key earlier Flink versions read that the target version no longer knows.
// Flink ignores it silently, so the setting it carried is lost on upgrade.
#include <fmt/format.h>

#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// Advice for removed keys that change how much memory a process gets.
std::string_view advice_for(std::string_view key) {
    if (key.starts_with("taskmanager.heap.")) {
        return "set taskmanager.memory.process.size (or taskmanager.memory.flink.size) instead";
    }
    if (key.starts_with("jobmanager.heap.")) {
        return "set jobmanager.memory.process.size (or jobmanager.memory.heap.size) instead";
    }
    if (key == "taskmanager.network.numberOfBuffers") {
        return "size network memory with taskmanager.memory.network.min/max/fraction instead";
    }
    return {};
}

}  // namespace

void check_removed_key(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const ConfigEntry& entry : config.entries()) {
            if (config.lookup(entry).kind != KeyLookup::Kind::unknown) continue;
            const auto last = last_version_knowing(entry.key, config.version());
            if (!last) continue;
            const std::string_view advice = advice_for(entry.key);
            reporter.report(
                {.source = config.source(),
                 .span = entry.key_span,
                 .message = fmt::format("{} was removed after Flink {}: Flink {} ignores it silently",
                                        quoted(entry.key), last->str(), config.version().str()),
                 .help = advice.empty()
                             ? std::string("remove the key, or find its replacement in the release "
                                           "notes of the version that removed it")
                             : std::string(advice),
                 .key = entry.key});
        }
    }
}

}  // namespace flinklint::rules

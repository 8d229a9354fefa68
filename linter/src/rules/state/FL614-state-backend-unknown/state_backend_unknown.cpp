// FL614 state-backend-unknown: a state backend (`state.backend.type`, before 1.17 `state.backend`) or
// checkpoint storage (`execution.checkpointing.storage`, before 1.20 `state.checkpoint-storage`) that is
// neither one of Flink's shortcut names nor a class name. flink-runtime's StateBackendLoader and
// CheckpointStorageLoader load any other value with Class.forName and throw DynamicCodeLoadingException
// ("Cannot find configured state backend factory class: ..."): every task of a job that does not set
// its own backend in code fails to start (the state backend), and every job with checkpointing fails
// at submission (the storage). Shortcuts: hashmap, rocksdb, and up to 1.20 also jobmanager and
// filesystem (MemoryStateBackend, FsStateBackend; 2.0 removed them and added forst); checkpoint
// storage: jobmanager, filesystem. A value with a `.` is a factory class flinklint cannot see.
#include <algorithm>

#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr FlinkVersion kLegacyBackendsRemoved{2, 0};

bool known_backend(std::string_view name, FlinkVersion version) {
    if (name == "hashmap" || name == "rocksdb") return true;
    // ForSt is a shortcut from 2.0; not reported before it, where its arrival is not pinned down.
    if (name == "forst") return true;
    return version < kLegacyBackendsRemoved && (name == "jobmanager" || name == "filesystem");
}

void report_backend(const EffectiveConfig& effective, const Setting& setting, std::string_view name,
                    Reporter& reporter) {
    const FlinkVersion version = effective.version();
    Finding f = finding_for(effective, setting);
    f.key = "state.backend.type";  // the option, not the alias written: it stays when FL201 renames it
    const bool removed = name == "jobmanager" || name == "filesystem";
    f.message = fmt::format(
        "{} is not a state backend that {} knows{}: StateBackendLoader loads it as a factory class and every "
        "task of a job that does not set its state backend in code fails (\"Cannot find configured state "
        "backend factory class: {}\")",
        setting.shown(), effective.config() != nullptr ? checked_version(*effective.config()) : version.str(),
        removed ? " (Flink 2.0 removed the `jobmanager` and `filesystem` shortcuts)" : "",
        unquoted(setting.value));
    f.help = removed
                 ? std::string(
                       "use `hashmap` (state on the JVM heap; set `execution.checkpointing.dir` "
                       "for durable checkpoints) or `rocksdb`")
                 : std::string("use `hashmap`, `rocksdb`, or the full class name of a StateBackendFactory");
    reporter.report(std::move(f));
}

void report_storage(const EffectiveConfig& effective, const Setting& setting, Reporter& reporter) {
    Finding f = finding_for(effective, setting);
    f.key = "execution.checkpointing.storage";  // likewise
    f.message = fmt::format(
        "{} is not a checkpoint storage that Flink knows: CheckpointStorageLoader loads it as a factory "
        "class "
        "and every job with checkpointing fails at submission (\"Cannot find configured state backend "
        "factory class: {}\")",
        setting.shown(), unquoted(setting.value));
    f.help =
        "use `filesystem` (with a checkpoint directory) or `jobmanager`, or the full class name of a "
        "CheckpointStorageFactory";
    reporter.report(std::move(f));
}

}  // namespace

void check_state_backend_unknown(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const auto backend = find_setting(*effective, {"state.backend.type", "state.backend"});
        const auto backend_name = backend ? shortcut_name(backend->value) : std::nullopt;
        if (backend_name && !known_backend(*backend_name, effective->version()))
            report_backend(*effective, *backend, *backend_name, reporter);
        const auto storage = checkpoint_storage(*effective);
        const auto storage_name = storage ? shortcut_name(storage->value) : std::nullopt;
        if (!storage_name || *storage_name == "jobmanager" || *storage_name == "filesystem") continue;
        // Before 2.0 the `jobmanager` state backend is a MemoryStateBackend, which is its own checkpoint
        // storage (CheckpointStorageLoader#load): the storage option is never read.
        if (backend_name == "jobmanager" && effective->version() < kLegacyBackendsRemoved) continue;
        report_storage(*effective, *storage, reporter);
    }
}

}  // namespace flinklint::rules

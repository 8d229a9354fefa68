// FL610 incremental-checkpoints-mismatch: the incremental-checkpoint switch does not fit the state backend.
//  - On with the hashmap backend, which always writes full snapshots (only RocksDB and ForSt checkpoint
//    incrementally, or any backend with the changelog enabled).
//  - With `check --profile`: off with RocksDB while the profile declares large state, so every checkpoint
//    uploads all of it.
#include <fmt/format.h>

#include "rules/checkpoint/checkpoint_support.hpp"
#include "rules/checkpoint/profile_support.hpp"
#include "rules/memory/memory_support.hpp"

namespace flinklint::rules {
namespace {

void check_ignored(const EffectiveConfig& effective, const StateBackend& backend,
                   const IncrementalSetting& incremental, Reporter& reporter) {
    // The changelog state backend makes any backend's checkpoints incremental.
    if (bool_setting(effective, {"state.changelog.enabled", "state.backend.changelog.enabled"})
            .value_or(false))
        return;
    Finding finding = finding_for(effective, incremental.setting);
    finding.message = fmt::format(
        "{} has no effect with the hashmap state backend ({}): it keeps state on the JVM heap and uploads "
        "all "
        "of it in every checkpoint",
        incremental.setting.shown(), quoted(backend.entry->key + ": " + backend.entry->value));
    finding.help =
        "for checkpoints that upload only what changed, use `rocksdb` (or `forst` on 2.x) as the state "
        "backend; "
        "otherwise remove the incremental setting";
    reporter.report(std::move(finding));
}

void check_full_on_large_state(const Model& model, const EffectiveConfig& effective,
                               const StateBackend& backend,
                               const std::optional<IncrementalSetting>& incremental, Reporter& reporter) {
    const std::uint64_t large = reporter.thresholds().large_state_per_taskmanager_bytes;
    const auto state = declared_state(model, effective);
    if (!state || state->per_taskmanager() < large) return;
    const std::string key = effective.version() >= FlinkVersion{1, 20} ? "execution.checkpointing.incremental"
                                                                       : "state.backend.incremental";
    Finding finding = incremental ? finding_for(effective, incremental->setting)
                                  : finding_at(effective, backend.entry->value_span, backend.entry->key);
    finding.message = fmt::format(
        "RocksDB takes full checkpoints here ({}), so every checkpoint uploads the whole state: the profile "
        "declares {}, at least {} per TaskManager, instead of only the files written since the previous "
        "checkpoint",
        incremental ? incremental->setting.shown() : fmt::format("`{}` is off by default", key),
        state->describe(), size_text(large));
    finding.help = fmt::format("set `{}: true`", key);
    reporter.report(std::move(finding));
}

}  // namespace

void check_incremental_checkpoints_mismatch(const Model& model, Reporter& reporter) {
    for (const EffectiveConfig* effective : effective_configs(model)) {
        const StateBackend backend = state_backend(*effective);
        if (backend.entry == nullptr) continue;
        const auto incremental = incremental_setting(*effective);
        const bool enabled = incremental && incremental->enabled;
        if (backend.name == "hashmap" && enabled) check_ignored(*effective, backend, *incremental, reporter);
        if (backend.name == "rocksdb" && !enabled)
            check_full_on_large_state(model, *effective, backend, incremental, reporter);
    }
}

}  // namespace flinklint::rules

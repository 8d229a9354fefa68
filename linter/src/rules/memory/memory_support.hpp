// Helpers shared by the memory, network, state and Kubernetes memory rules: sizes in messages,
// where a finding goes, and the facts several rules read from an effective configuration.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/effective_config.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

enum class Process { taskmanager, jobmanager };

inline constexpr std::uint64_t kMiB = 1ULL << 20;

std::string_view process_name(Process process);  // "TaskManager" / "JobManager"
std::string_view key_prefix(Process process);    // "taskmanager." / "jobmanager."

// `1792 MiB (1879048192 bytes)`; fractions of a MiB with up to two decimals.
std::string mib_and_bytes(std::uint64_t bytes);
// `1792 MiB`, `100.8 MiB`.
std::string mib(std::uint64_t bytes);
// Rewrites the sizes of a model message (`1.750gb (1879048192 bytes)`) as MiB and bytes.
std::string sizes_in_mib(std::string_view message);

// A finding of `effective` on `span`, about `key`.
Finding finding_at(const EffectiveConfig& effective, Span span, std::string key);
// The value span of the first key of `keys` that is written in the file (or in a spec field);
// nullopt when none is.
std::optional<std::pair<Span, std::string>> first_written(const EffectiveConfig& effective,
                                                          const std::vector<std::string>& keys);
// Where a finding about the whole configuration goes: the owner's name, else the first entry's key,
// else the first line.
Span whole_config_span(const EffectiveConfig& effective);
// The text of `key` as written (config value or spec field value); empty when not written.
std::string written_text(const EffectiveConfig& effective, std::string_view key);
// "`taskmanager.memory.process.size`", or "`spec.taskManager.resource.memory`" when the value comes from it.
std::string key_label(const EffectiveConfig& effective, std::string_view key);
// A size as the user should write it there: `1100Mi` in a spec field, `1100m` in a configuration.
std::string size_literal(const EffectiveConfig& effective, std::string_view key, std::uint64_t mebibytes);

// What a fractional size such as `1.5g` most likely meant, in whole MiB with binary units (1536);
// nullopt when `text` is not a fractional size.
std::optional<std::uint64_t> fractional_size_mib(std::string_view text);

// The configuration sets some memory option of `process` (or a spec field sizes it).
bool sets_memory(const EffectiveConfig& effective, Process process);
// A key that only a cluster's whole configuration file carries (`jobmanager.rpc.address`, ...),
// or nullptr: such a file replaces Flink's shipped one, defaults included.
const ConfigEntry* full_config_marker(const EffectiveConfig& effective);

// The state backend as the configuration names it: "hashmap", "rocksdb", "forst", other text in lower
// case, or empty when none is named. Legacy names map to what Flink loads (`filesystem` -> hashmap).
struct StateBackend {
    std::string name;
    const ConfigEntry* entry = nullptr;
};
StateBackend state_backend(const EffectiveConfig& effective);

// taskmanager.numberOfTaskSlots (default 1); nullopt when unreadable or not positive.
std::optional<std::int32_t> task_slots(const EffectiveConfig& effective);

// The bytes of `text` as a Kubernetes quantity exactly as written (no normalising); nullopt when
// Kubernetes would reject it.
std::optional<long double> kubernetes_bytes(std::string_view text);

}  // namespace flinklint::rules

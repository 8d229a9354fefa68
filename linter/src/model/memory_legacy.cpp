// Legacy heap keys (Flink 1.x): MemoryBackwardsCompatibilityUtils copies `*.heap.size`,
// `*.heap.mb` or the FLINK_*_HEAP variable into a new option before the derivation runs.
#include "flinklint/values.hpp"
#include "model/memory_process.hpp"

#include <fmt/format.h>

namespace flinklint::memory {

std::optional<MemoryError> map_legacy_heap(MemoryConfig& config, const MemoryOptions& options,
                                           const LegacyHeapKeys& legacy, const SizeOption& target) {
    if (options.version.major >= 2) return std::nullopt;  // 2.0 removed the keys and the variables
    // Only the target itself counts: in standalone mode a set process size does not stop the mapping.
    if (config.contains(target)) return std::nullopt;

    if (auto env = options.env.find(std::string(legacy.env_var)); env != options.env.end()) {
        const auto bytes = parse_memory_size(env->second);
        if (!bytes) {
            return make_error(
                "invalid-memory-size",
                fmt::format("The environment variable {}={} is not a memory size Flink can read ({}).",
                            env->first, env->second, bytes.error()),
                {env->first});
        }
        config.inject(target.key, *bytes, env->first);
        return std::nullopt;
    }

    if (config.contains(legacy.size_key)) {
        const auto bytes = config.size(SizeOption{legacy.size_key, {}, std::nullopt});
        if (!bytes.ok()) return bytes.error();
        config.inject(target.key, *bytes, legacy.size_key);
        return std::nullopt;
    }

    if (config.contains(legacy.mb_key)) {
        const auto mebibytes = config.integer(legacy.mb_key, 0);
        if (!mebibytes.ok()) return mebibytes.error();
        if (*mebibytes < 0) {
            return make_error("negative-legacy-heap-mb",
                              fmt::format("`{}: {}` is negative; Flink refuses a negative legacy heap size.",
                                          legacy.mb_key, *mebibytes),
                              {legacy.mb_key});
        }
        config.inject(target.key, static_cast<std::uint64_t>(*mebibytes) * kMebibyte, legacy.mb_key);
    }
    return std::nullopt;
}

}  // namespace flinklint::memory

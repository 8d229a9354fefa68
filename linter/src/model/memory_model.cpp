// Shared process-level derivation (Flink's ProcessMemoryUtils); the TaskManager and JobManager
// entry points live in memory_taskmanager.cpp and memory_jobmanager.cpp.
#include "model/memory_process.hpp"

#include <fmt/format.h>

namespace flinklint::memory {

Checked<RangeFraction> check_range_fraction(const MemoryConfig& config, std::uint64_t min, std::uint64_t max,
                                            const FractionOption& fraction_option, KeyList bound_keys,
                                            std::string_view what) {
    const auto fraction = config.fraction(fraction_option);
    if (!fraction.ok()) return fraction.error();
    if (is_valid_range_fraction(min, max, *fraction)) return RangeFraction{min, max, *fraction};
    merge_keys(bound_keys, config.written({keys_of(fraction_option)}));
    return config.failure("invalid-min-max-fraction", bound_keys, [&] {
        std::string reason;
        if (min > max) reason = "the minimum is larger than the maximum";
        if (!(*fraction >= 0 && *fraction < 1)) {
            if (!reason.empty()) reason += ", and ";
            reason += "the fraction is not in [0, 1)";
        }
        return fmt::format("The {} settings are inconsistent: fraction {}, min {}, max {} ({}).", what,
                           java_double_text(*fraction), human(min), human(max), reason);
    });
}

Checked<RangeFraction> read_range_fraction(const MemoryConfig& config, const SizeOption& min_option,
                                           const SizeOption& max_option,
                                           const FractionOption& fraction_option, std::string_view what) {
    const auto min = config.size(min_option);
    if (!min.ok()) return min.error();
    const auto max = config.size(max_option);
    if (!max.ok()) return max.error();
    return check_range_fraction(config, *min, *max, fraction_option,
                                config.written({keys_of(min_option), keys_of(max_option)}), what);
}

Checked<JvmMetaspaceAndOverhead> derive_jvm_with_total_process(const MemoryConfig& config,
                                                               const ProcessOptions& options,
                                                               std::uint64_t total_process) {
    const auto metaspace = config.size(options.metaspace);
    if (!metaspace.ok()) return metaspace.error();
    const auto range = read_range_fraction(config, options.overhead_min, options.overhead_max,
                                           options.overhead_fraction, "JVM overhead");
    if (!range.ok()) return range.error();
    const auto overhead = derive_with_fraction(total_process, *range);
    const auto jvm_keys = config.written({keys_of(options.total_process), keys_of(options.metaspace),
                                          keys_of(options.overhead_min), keys_of(options.overhead_max),
                                          keys_of(options.overhead_fraction)});
    if (!overhead) return overflow_error("JVM overhead", jvm_keys);
    const auto jvm_total = add_bytes(*metaspace, *overhead);
    if (!jvm_total) return overflow_error("JVM metaspace plus overhead", jvm_keys);
    if (*jvm_total > total_process) {
        return config.failure("metaspace-plus-overhead-exceed-process", jvm_keys, [&] {
            return fmt::format(
                "JVM metaspace {} plus JVM overhead {} need more than the whole process size {}; "
                "nothing is left for Flink memory.",
                human(*metaspace), human(*overhead), human(total_process));
        });
    }
    return JvmMetaspaceAndOverhead{*metaspace, *overhead};
}

Checked<JvmMetaspaceAndOverhead> derive_jvm_from_total_flink(const MemoryConfig& config,
                                                             const ProcessOptions& options,
                                                             std::uint64_t total_flink,
                                                             const KeyList& flink_keys) {
    const auto metaspace = config.size(options.metaspace);
    if (!metaspace.ok()) return metaspace.error();
    auto keys = flink_keys;
    merge_keys(keys, config.written({keys_of(options.metaspace)}));
    const auto flink_and_metaspace = add_bytes(total_flink, *metaspace);
    if (!flink_and_metaspace) return overflow_error("total Flink memory plus JVM metaspace", keys);

    if (config.contains(options.total_process)) {
        // The process size is fixed too: overhead is whatever is left, and must fit its range.
        const auto total_process = config.size(options.total_process);
        if (!total_process.ok()) return total_process.error();
        KeyList process_keys = config.written({keys_of(options.total_process)});
        merge_keys(process_keys, keys);
        if (*total_process < *flink_and_metaspace) {
            return config.failure("process-less-than-flink-plus-metaspace", process_keys, [&] {
                return fmt::format(
                    "The process size {} is smaller than total Flink memory {} plus JVM metaspace "
                    "{}; set only one of the total sizes, or make them consistent.",
                    human(*total_process), human(total_flink), human(*metaspace));
            });
        }
        const std::uint64_t overhead = *total_process - *flink_and_metaspace;
        const auto range = read_range_fraction(config, options.overhead_min, options.overhead_max,
                                               options.overhead_fraction, "JVM overhead");
        if (!range.ok()) return range.error();
        if (overhead > range->max || overhead < range->min) {
            merge_keys(process_keys,
                       config.written({keys_of(options.overhead_min), keys_of(options.overhead_max)}));
            return config.failure("overhead-out-of-range", process_keys, [&] {
                return fmt::format(
                    "The process size {} minus total Flink memory {} and JVM metaspace {} leaves a "
                    "JVM overhead of {}, outside its allowed range [{}, {}].",
                    human(*total_process), human(total_flink), human(*metaspace), human(overhead),
                    human(range->min), human(range->max));
            });
        }
        return JvmMetaspaceAndOverhead{*metaspace, overhead};
    }

    const auto range = read_range_fraction(config, options.overhead_min, options.overhead_max,
                                           options.overhead_fraction, "JVM overhead");
    if (!range.ok()) return range.error();
    merge_keys(keys, config.written({keys_of(options.overhead_min), keys_of(options.overhead_max),
                                     keys_of(options.overhead_fraction)}));
    const auto overhead = derive_with_inverse_fraction(*flink_and_metaspace, *range);
    if (!overhead) return overflow_error("JVM overhead", keys);
    // Flink sums the process size here (and would fail on overflow) even though nothing checks it.
    if (!add_bytes(*flink_and_metaspace, *overhead)) return overflow_error("total process memory", keys);
    return JvmMetaspaceAndOverhead{*metaspace, *overhead};
}

std::string jvm_parameters(std::uint64_t heap, std::optional<std::uint64_t> direct, std::uint64_t metaspace) {
    std::string text = fmt::format("-Xmx{} -Xms{}", heap, heap);
    if (direct) text += fmt::format(" -XX:MaxDirectMemorySize={}", *direct);
    text += fmt::format(" -XX:MaxMetaspaceSize={}", metaspace);
    return text;
}

MemoryError overflow_error(std::string_view what, const KeyList& keys) {
    return make_error(
        "invalid-value",
        fmt::format("The {} exceeds the largest size Flink can represent (2^63 - 1 bytes); Flink "
                    "fails with a numeric overflow.",
                    what),
        keys);
}

}  // namespace flinklint::memory

// The `policy:` section of a profile: every knob of Policy by name, with its unit and range.
#include <fmt/format.h>

#include <cmath>
#include <variant>

#include "flinklint/tuner/units.hpp"
#include "profile_reader.hpp"

namespace flinklint::tuner {

using detail::Fields;
using detail::Reader;

namespace {

enum class Unit { fraction, factor, seconds, bytes, bandwidth, count, rate };

struct Knob {
    std::string_view name;
    Unit unit;
    std::variant<double Policy::*, int Policy::*, std::uint64_t Policy::*> member;
};

constexpr Knob kKnobs[] = {
    {"max_nic_utilization", Unit::fraction, &Policy::max_nic_utilization},
    {"checkpoint_bandwidth_share", Unit::fraction, &Policy::checkpoint_bandwidth_share},
    {"checkpoint_timeout_factor", Unit::factor, &Policy::checkpoint_timeout_factor},
    {"min_checkpoint_timeout", Unit::seconds, &Policy::min_checkpoint_timeout_s},
    {"checkpoint_interval", Unit::seconds, &Policy::checkpoint_interval_s},
    {"max_checkpoint_share", Unit::fraction, &Policy::max_checkpoint_share},
    {"min_pause_fraction", Unit::fraction, &Policy::min_pause_fraction},
    {"tolerable_failed_checkpoints", Unit::count, &Policy::tolerable_failed_checkpoints},
    {"incremental_min_state", Unit::bytes, &Policy::incremental_min_state},
    {"slots_per_core", Unit::factor, &Policy::slots_per_core},
    {"max_parallelism_factor", Unit::factor, &Policy::max_parallelism_factor},
    {"rocksdb_managed_fraction", Unit::fraction, &Policy::rocksdb_managed_fraction},
    {"network_buffer_headroom", Unit::factor, &Policy::network_buffer_headroom},
    {"min_task_heap_per_slot", Unit::bytes, &Policy::min_task_heap_per_slot},
    {"heap_state_expansion", Unit::factor, &Policy::heap_state_expansion},
    {"large_heap", Unit::bytes, &Policy::large_heap},
    {"large_heap_heartbeat_timeout", Unit::seconds, &Policy::large_heap_heartbeat_timeout_s},
    {"large_parallelism", Unit::count, &Policy::large_parallelism},
    {"large_parallelism_ask_timeout", Unit::seconds, &Policy::large_parallelism_ask_timeout_s},
    {"upload_bandwidth_per_thread", Unit::bandwidth, &Policy::upload_bandwidth_per_thread},
    {"aligned_checkpoint_timeout", Unit::seconds, &Policy::aligned_checkpoint_timeout_s},
    {"rescale_factor", Unit::factor, &Policy::rescale_factor},
    {"network_max_share", Unit::fraction, &Policy::network_max_share},
    {"os_reserve_fraction", Unit::fraction, &Policy::os_reserve_fraction},
    {"os_reserve_max", Unit::bytes, &Policy::os_reserve_max},
    {"last_state_min_state", Unit::bytes, &Policy::last_state_min_state},
    {"disk_space_factor", Unit::factor, &Policy::disk_space_factor},
    {"hdd_iops", Unit::rate, &Policy::hdd_iops},
    {"ssd_iops", Unit::rate, &Policy::ssd_iops},
    {"network_disk_iops", Unit::rate, &Policy::network_disk_iops},
    {"restart_time", Unit::seconds, &Policy::restart_time_s},
    {"kafka_max_transaction_timeout", Unit::seconds, &Policy::kafka_max_transaction_timeout_s},
    {"many_taskmanagers", Unit::count, &Policy::many_taskmanagers},
    {"retained_checkpoints", Unit::count, &Policy::retained_checkpoints},
    {"rocksdb_jvm_overhead_max", Unit::bytes, &Policy::rocksdb_jvm_overhead_max},
    {"malloc_arena_max", Unit::count, &Policy::malloc_arena_max},
    {"memory_tuning_overhead", Unit::fraction, &Policy::memory_tuning_overhead},
    {"target_utilization", Unit::fraction, &Policy::target_utilization},
    {"gc_time_warn_share", Unit::fraction, &Policy::gc_time_warn_share},
};

Expected<double> parse_knob(Unit unit, std::string_view text, FlinkVersion version) {
    switch (unit) {
        case Unit::fraction: {
            auto value = parse_number(text);
            if (value && (*value <= 0 || *value > 1))
                return Error{fmt::format("`{}` is not in (0, 1]", text)};
            return value;
        }
        case Unit::factor: {
            auto value = parse_number(text);
            if (value && (*value <= 0 || *value > 1000))
                return Error{fmt::format("`{}` is not in (0, 1000]", text)};
            return value;
        }
        case Unit::seconds: {
            auto value = parse_duration_s(text, version);
            if (value && *value < 0.01) return Error{fmt::format("`{}` is below 10 ms", text)};
            return value;
        }
        case Unit::bytes: {
            const auto value = parse_size(text);
            if (!value) return Error{value.error()};
            return static_cast<double>(*value);
        }
        case Unit::bandwidth: {
            auto value = parse_bandwidth(text);
            if (value && *value <= 0) return Error{"must be above zero"};
            return value;
        }
        case Unit::rate: {
            auto value = parse_number(text);
            if (value && (*value < 1 || *value > 1e9))
                return Error{fmt::format("`{}` is not a rate from 1 to 10^9 per second", text)};
            return value;
        }
        case Unit::count: {
            auto value = parse_number(text);
            // Range first: casting a double outside long long's range is undefined.
            if (value && (*value < 0 || *value > 1e6 || *value != std::floor(*value)))
                return Error{fmt::format("`{}` is not a whole number from 0 to 1000000", text)};
            return value;
        }
    }
    return Error{"unknown unit"};
}

}  // namespace

void detail::read_policy(Reader& reader, const Fields& root, Profile& profile) {
    const auto found = root.entries.find("policy");
    if (found == root.entries.end()) return;
    std::vector<std::string_view> names;
    for (const Knob& knob : kKnobs) names.push_back(knob.name);
    const Fields fields =
        reader.fields(found->second.second, "policy", names, {}, reader.mark_of(found->second.first));
    const FlinkVersion version = profile.version;
    for (const Knob& knob : kKnobs) {
        const auto value = reader.get<double>(
            fields, knob.name, [&](std::string_view text) { return parse_knob(knob.unit, text, version); });
        if (!value) continue;
        std::visit(
            [&](auto member) {
                using Field = std::remove_reference_t<decltype(profile.policy.*member)>;
                profile.policy.*member = static_cast<Field>(*value);
            },
            knob.member);
        profile.policy_overrides.emplace_back(knob.name);
    }
    // Below Flink's taskmanager.memory.jvm-overhead.min (192m) no TaskManager starts.
    if (fields.entries.contains("rocksdb_jvm_overhead_max"))
        reader.require(profile.policy.rocksdb_jvm_overhead_max >= (192ULL << 20), fields,
                       "rocksdb_jvm_overhead_max", "must be at least 192m, Flink's JVM overhead minimum");
}

}  // namespace flinklint::tuner

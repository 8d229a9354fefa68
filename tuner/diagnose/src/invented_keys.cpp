// Keys that troubleshooting advice recommends for a failure but that no Flink version reads
// (linter/src/catalog/invented_keys.cpp): when the configuration given holds one beside a diagnosis
// it was meant for, the diagnosis names the option the file's Flink version reads instead, with its
// value in force, and moves the value there when the two mean the same thing.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "flinklint/catalog.hpp"
#include "flinklint/values.hpp"
#include "recommend.hpp"

namespace flinklint::diagnose {
namespace {

struct InventedFor {
    std::string_view key;
    // The real options, in order of preference; those the version's catalog lacks are skipped.
    std::span<const std::string_view> real;
    std::span<const std::string_view> diagnoses;  // the failures the advice recommends the key for
    // The value means the same under the first real option (same unit and scope of meaning), so it
    // is moved there; else the real option is only named.
    bool carry = false;
};

constexpr std::array<std::string_view, 3> kHeartbeats = {"DG101", "DG102", "DG103"};
constexpr std::array<std::string_view, 4> kCheckpoints = {"DG201", "DG202", "DG203", "DG204"};
constexpr std::array<std::string_view, 6> kCheckpointsAndHeartbeats = {"DG201", "DG202", "DG203",
                                                                       "DG101", "DG102", "DG103"};
constexpr std::array<std::string_view, 2> kBuffers = {"DG001", "DG002"};
constexpr std::array<std::string_view, 2> kBackpressure = {"DG901", "DG201"};

constexpr std::array<std::string_view, 1> kHeartbeatInterval = {"heartbeat.interval"};
constexpr std::array<std::string_view, 1> kHeartbeatTimeout = {"heartbeat.timeout"};
constexpr std::array<std::string_view, 2> kNetwork = {"taskmanager.memory.network.min",
                                                      "taskmanager.memory.network.max"};
constexpr std::array<std::string_view, 1> kTransfer = {
    "state.backend.rocksdb.checkpoint.transfer.thread.num"};
// Seconds, where the invented key's advice writes milliseconds: named, never carried.
constexpr std::array<std::string_view, 1> kConnect = {"taskmanager.network.netty.client.connectTimeoutSec"};
// pipeline.serialization-config from 1.19; the two older lists until 1.20.
constexpr std::array<std::string_view, 3> kKryo = {
    "pipeline.serialization-config", "pipeline.default-kryo-serializers", "pipeline.registered-kryo-types"};

constexpr std::array<InventedFor, 7> kInventedFor = {{
    {"cluster.taskmanager.heartbeat.interval", kHeartbeatInterval, kHeartbeats, true},
    {"cluster.taskmanager.heartbeat.timeout", kHeartbeatTimeout, kHeartbeats, true},
    {"taskmanager.memory.network.size", kNetwork, kBuffers, false},
    {"state.backend.fs.upload-threads", kTransfer, kCheckpoints, true},
    {"taskmanager.network.netty.connection-timeout", kConnect, kCheckpointsAndHeartbeats, false},
    {"pipeline.serialization-config.kryo-registrator-class", kKryo, kBackpressure, false},
    {"execution.savepoint.cleanup-in-background", {}, kCheckpoints, false},
}};

// Whether `value` is a valid value of the option as this version types it (only the types the
// carried keys have: Long and Integer counts and milliseconds, Duration).
bool fits(const OptionInfo& option, std::string_view value, FlinkVersion version) {
    if (option.type == OptionType::duration) return parse_duration(value, version).ok();
    if (option.type != OptionType::long_ && option.type != OptionType::integer) return false;
    return !value.empty() && value.size() <= 9 &&
           value.find_first_not_of("0123456789") == std::string_view::npos;
}

// The real options of `entry` this version has, not deprecated ones first.
std::vector<const OptionInfo*> real_options(const InventedFor& entry, const Catalog& catalog) {
    std::vector<const OptionInfo*> out;
    for (const bool deprecated : {false, true}) {
        for (const std::string_view key : entry.real) {
            const OptionInfo* option = catalog.find(key);
            if (option != nullptr && option->deprecated == deprecated) out.push_back(option);
        }
    }
    return out;
}

// "`key` (value in force, where from)", or "`key` (not set, no default in Flink V)".
std::string with_value(const Context& context, std::string_view key) {
    const auto value = in_force(context, key);
    if (!value) return fmt::format("`{}` (not set, no default in Flink {})", key, context.version.str());
    return fmt::format(
        "`{}` ({}, {})", key, value->value,
        value->set ? "set in the configuration" : "Flink " + context.version.str() + " default");
}

void name_real_options(Diagnosis& d, const Context& context, const InventedFor& entry,
                       const std::string& value) {
    const Catalog& catalog = Catalog::for_version(context.version);
    const std::vector<const OptionInfo*> real = real_options(entry, catalog);
    const std::string head =
        fmt::format("`{}: {}` in the configuration is not a Flink option: Flink {} ignores it", entry.key,
                    value, context.version.str());
    if (real.empty()) {
        const InventedKey* invented = find_invented_key(entry.key);
        d.notes.push_back(fmt::format("{}; {}", head, invented ? invented->advice : "no option replaces it"));
        return;
    }
    std::vector<std::string> named;
    for (const OptionInfo* option : real) named.push_back(with_value(context, option->key));
    d.notes.push_back(fmt::format("{}; instead Flink reads {}", head, fmt::join(named, ", ")));
    const OptionInfo& first = *real.front();
    if (!entry.carry || context.config->value(first.key) || !fits(first, value, context.version)) return;
    if (const auto current = in_force(context, first.key); current && current->value == value) return;
    if (std::ranges::any_of(d.changes, [&](const Change& c) { return c.key == first.key; })) return;
    d.changes.push_back({std::string(first.key), value,
                         fmt::format("the value written under `{}`, which Flink never reads, under the key "
                                     "Flink {} reads",
                                     entry.key, context.version.str())});
}

}  // namespace

void name_invented_keys(Diagnosis& d, const Context& context, std::vector<std::string_view>& named) {
    if (!context.config) return;
    for (const InventedFor& entry : kInventedFor) {
        if (std::ranges::find(entry.diagnoses, d.id) == entry.diagnoses.end()) continue;
        if (std::ranges::find(named, entry.key) != named.end()) continue;
        const auto it = context.config->flat().find(std::string(entry.key));
        if (it == context.config->flat().end()) continue;
        name_real_options(d, context, entry, it->second);
        named.push_back(entry.key);
    }
}

}  // namespace flinklint::diagnose

// Traffic per TaskManager in the model of Robert Metzger, "How to size your Apache Flink cluster: a
// back-of-the-envelope calculation" (2018): source input, keyed shuffles without their local share,
// state access when the state disk sits behind the NIC, window output and checkpoint upload.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/tuner/units.hpp"
#include "steps.hpp"

namespace flinklint::tuner::detail {
namespace {

bool over_network(std::string_view end) {
    return end != "datagen" && end != "none";
}

std::string count(double value) {
    return plain_number(value, 0);
}

}  // namespace

bool state_on_network(const Profile& profile) {
    // ForSt keeps its primary copy in remote storage; RocksDB only when the local disk is network-attached.
    if (profile.backend == Backend::hashmap) return false;
    return profile.backend == Backend::forst || profile.local_disk == LocalDisk::network;
}

bool remote_storage(const Profile& profile) {
    return profile.storage != StorageKind::local;
}

namespace {

// Source input per TaskManager, and the keyed shuffles without their local share; returns the input.
double estimate_input_and_shuffles(Builder& builder) {
    const Profile& profile = builder.profile();
    Estimates& e = builder.tuning.estimates;
    const double n = profile.taskmanagers;
    const double rate = profile.records_per_second;
    const auto size = static_cast<double>(profile.record_size);
    const double input = rate * size / n;
    e.source_in = over_network(profile.source) ? input : 0;
    builder.derive("source_in", format_rate(e.source_in),
                   over_network(profile.source)
                       ? fmt::format("records/s × record size / TaskManagers = {} × {} B / {}", count(rate),
                                     profile.record_size, n)
                       : fmt::format("0: the `{}` source does not read from the network", profile.source));
    // Each all-to-all exchange keeps 1/N of its records on the same machine.
    e.shuffle_in = e.shuffle_out = profile.shuffles * input * (n - 1) / n;
    builder.derive("shuffle_in = shuffle_out", format_rate(e.shuffle_in),
                   fmt::format("shuffles × input per TaskManager × (N − 1) / N = {} × {} × {}/{}",
                               profile.shuffles, format_rate(input), n - 1, n));

    return input;
}

// State per key and window (Metzger), or the declared total, and the rate it is read and written.
void estimate_state(Builder& builder) {
    const Profile& profile = builder.profile();
    Estimates& e = builder.tuning.estimates;
    const double n = profile.taskmanagers;
    const double rate = profile.records_per_second;
    double per_record_state = 0;  // bytes of state read and written per record
    if (profile.window) {
        const Window& w = *profile.window;
        const double windows = std::max(1.0, std::ceil(w.size_s / w.slide_s - 1e-9));
        per_record_state = static_cast<double>(w.state_per_key) * windows;
        const double keys = profile.keys.value_or(0);
        e.state_bytes_per_taskmanager = keys / n * per_record_state;
        builder.derive(
            "state_bytes_per_taskmanager", format_decimal_bytes(e.state_bytes_per_taskmanager),
            fmt::format("keys / N × state per key per window × windows per key = {} / {} × {} B × {}",
                        count(keys), n, w.state_per_key, windows));
    }
    if (profile.state_size) {
        const double declared = static_cast<double>(*profile.state_size) / n;
        if (profile.window) {
            builder.warn(
                fmt::format("`workload.state_size` ({}) is used instead of the window estimate ({} per "
                            "TaskManager)",
                            format_binary_bytes(*profile.state_size),
                            format_decimal_bytes(e.state_bytes_per_taskmanager)));
        } else if (profile.keys) {
            per_record_state = static_cast<double>(*profile.state_size) / *profile.keys;
        }
        e.state_bytes_per_taskmanager = declared;
        builder.derive("state_bytes_per_taskmanager", format_decimal_bytes(declared),
                       fmt::format("state_size / N = {} / {}", format_binary_bytes(*profile.state_size), n));
    }
    e.state_update_rate = rate / n * per_record_state;
    e.state_read = e.state_write = state_on_network(profile) ? e.state_update_rate : 0;
    builder.derive(
        "state_read = state_write", format_rate(e.state_read),
        state_on_network(profile)
            ? fmt::format("state bytes per record × records/s / N = {} B × {} / {} (the state disk is "
                          "reached over the network)",
                          plain_number(per_record_state, 1), count(rate), n)
            : std::string("0: state is read and written on the local disk or the heap"));
}

void estimate_window_emit(Builder& builder, double input) {
    const Profile& profile = builder.profile();
    Estimates& e = builder.tuning.estimates;
    const double n = profile.taskmanagers;
    if (!over_network(profile.sink)) {
        e.window_emit = 0;
        builder.derive("window_emit", "0 B/s",
                       fmt::format("0: the `{}` sink writes nothing over the network", profile.sink));
    } else if (profile.window) {
        const Window& w = *profile.window;
        e.window_emit = profile.keys.value_or(0) / n * static_cast<double>(w.output_per_key) / w.slide_s;
        builder.derive(
            "window_emit", format_rate(e.window_emit),
            fmt::format("keys / N × output per key / slide = {} / {} × {} B / {} (bursty: emitted when "
                        "windows fire)",
                        count(profile.keys.value_or(0)), n, w.output_per_key, human_duration(w.slide_s)));
    } else {
        e.window_emit = input;
        builder.derive(
            "window_emit", format_rate(e.window_emit),
            "no window: the sink is assumed to write what the source reads (records pass through)");
    }
}

// Checkpoint size, upload bandwidth and duration.
void estimate_checkpoints(Builder& builder) {
    const Profile& profile = builder.profile();
    Estimates& e = builder.tuning.estimates;
    const Policy& policy = builder.policy();
    Tuning& tuning = builder.tuning;
    const double interval = tuning.checkpoint_interval_s;
    // Incremental checkpoints: only RocksDB and ForSt have them.
    const bool can_increment = profile.backend != Backend::hashmap;
    tuning.incremental = profile.incremental == Incremental::enabled ||
                         (profile.incremental == Incremental::automatic && can_increment &&
                          e.state_bytes_per_taskmanager >= static_cast<double>(policy.incremental_min_state));

    e.nic_bytes_per_s = profile.network_bandwidth;
    e.checkpoint_bandwidth =
        profile.storage_bandwidth.value_or(profile.network_bandwidth * policy.checkpoint_bandwidth_share);
    builder.derive("checkpoint upload bandwidth", format_rate(e.checkpoint_bandwidth),
                   profile.storage_bandwidth
                       ? std::string("checkpoint_storage.bandwidth")
                       : fmt::format("NIC × {} = {} × {}", builder.knob("checkpoint_bandwidth_share"),
                                     format_rate(profile.network_bandwidth),
                                     plain_number(policy.checkpoint_bandwidth_share)));
    double upload = e.state_bytes_per_taskmanager;
    std::string upload_formula = "full checkpoint: the whole state per TaskManager";
    if (tuning.incremental && e.state_update_rate > 0) {
        upload = std::min(upload, e.state_update_rate * interval);
        upload_formula = fmt::format(
            "incremental: min(state per TaskManager, state writes × interval) = min({}, "
            "{} × {})",
            format_decimal_bytes(e.state_bytes_per_taskmanager), format_rate(e.state_update_rate),
            human_duration(interval));
    } else if (tuning.incremental) {
        upload_formula =
            "incremental, but the state written per record is unknown (no keys): the whole state";
    }
    e.checkpoint_out = remote_storage(profile) ? upload / interval : 0;
    builder.derive("checkpoint_out", format_rate(e.checkpoint_out),
                   remote_storage(profile)
                       ? fmt::format("bytes per checkpoint / interval = {} / {} ({}; bursty)",
                                     format_decimal_bytes(upload), human_duration(interval), upload_formula)
                       : std::string("0: checkpoints go to a local path"));
    e.full_checkpoint_duration_s = e.state_bytes_per_taskmanager / e.checkpoint_bandwidth;
    e.checkpoint_duration_s = upload / e.checkpoint_bandwidth;
    builder.derive("checkpoint_duration_s", human_duration(e.checkpoint_duration_s),
                   fmt::format("bytes per checkpoint / upload bandwidth = {} / {}",
                               format_decimal_bytes(upload), format_rate(e.checkpoint_bandwidth)));
}

void estimate_network_totals(Builder& builder) {
    const Profile& profile = builder.profile();
    const Policy& policy = builder.policy();
    Estimates& e = builder.tuning.estimates;
    e.network_in = e.source_in + e.shuffle_in + e.state_read;
    e.network_out = e.shuffle_out + e.window_emit + e.state_write + e.checkpoint_out;
    builder.derive("network_in", format_rate(e.network_in),
                   fmt::format("source + shuffle + state reads = {} + {} + {}", format_rate(e.source_in),
                               format_rate(e.shuffle_in), format_rate(e.state_read)));
    builder.derive("network_out", format_rate(e.network_out),
                   fmt::format("shuffle + window output + state writes + checkpoints = {} + {} + {} + {}",
                               format_rate(e.shuffle_out), format_rate(e.window_emit),
                               format_rate(e.state_write), format_rate(e.checkpoint_out)));
    e.nic_utilization = std::max(e.network_in, e.network_out) / profile.network_bandwidth;
    builder.derive("nic_utilization", plain_number(e.nic_utilization),
                   fmt::format("max(in, out) / NIC = max({}, {}) / {}", format_rate(e.network_in),
                               format_rate(e.network_out), format_rate(profile.network_bandwidth)));
    if (e.nic_utilization > policy.max_nic_utilization) {
        builder.warn(fmt::format(
            "the busier direction of each TaskManager's NIC carries {} of {} ({}%), above the {}% the policy "
            "keeps for protocol overhead, catch-up after recovery and key skew (max_nic_utilization): add "
            "TaskManagers or bandwidth",
            format_rate(std::max(e.network_in, e.network_out)), format_rate(profile.network_bandwidth),
            plain_number(e.nic_utilization * 100, 1), plain_number(policy.max_nic_utilization * 100, 1)));
    }
}

}  // namespace

void estimate_traffic(Builder& builder) {
    builder.tuning.checkpoint_interval_s =
        builder.profile().checkpoint_interval_s.value_or(builder.policy().checkpoint_interval_s);
    const double input = estimate_input_and_shuffles(builder);
    estimate_state(builder);
    estimate_window_emit(builder, input);
    estimate_checkpoints(builder);
    estimate_network_totals(builder);
}

}  // namespace flinklint::tuner::detail

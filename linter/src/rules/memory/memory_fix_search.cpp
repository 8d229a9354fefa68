#include "rules/memory/memory_fix_search.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"

namespace flinklint::rules {
namespace {

bool is_one_of(std::string_view key, std::initializer_list<std::string_view> keys) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// The legacy `*.heap.mb` keys are integers in MiB; every other size is a MemorySize.
bool is_mebibyte_integer(std::string_view key) {
    return key.ends_with(".heap.mb");
}

std::string mib_value(std::string_view key, std::uint64_t mebibytes) {
    return is_mebibyte_integer(key) ? std::to_string(mebibytes) : fmt::format("{}m", mebibytes);
}

std::optional<std::uint64_t> bytes_of(const FlatConfig& flat, const std::string& key) {
    const auto it = flat.find(key);
    if (it == flat.end()) return std::nullopt;
    if (is_mebibyte_integer(key)) {
        const auto mebibytes = parse_java_int(it->second);
        if (!mebibytes || *mebibytes < 0) return std::nullopt;
        return static_cast<std::uint64_t>(*mebibytes) * kMiB;
    }
    const auto bytes = parse_memory_size(it->second);
    if (!bytes) return std::nullopt;
    return *bytes;
}

// Deriving a process with one change: the failure's category, or the total Flink and process sizes.
struct Outcome {
    std::optional<std::string> failure;
    std::uint64_t total_flink = 0;
    std::uint64_t total_process = 0;
};

template <class Result>
Outcome outcome_of(const Result& result) {
    if (const auto* error = std::get_if<MemoryError>(&result)) return Outcome{error->category, 0, 0};
    const auto& memory = std::get<0>(result);
    return Outcome{std::nullopt, memory.total_flink, memory.total_process};
}

Outcome probe(const EffectiveConfig& effective, Process process, const ConfigChange& change) {
    const MemoryOptions options = effective.memory_options();
    if (process == Process::taskmanager)
        return outcome_of(probe_taskmanager_memory(effective.flat(), change, options));
    return outcome_of(probe_jobmanager_memory(effective.flat(), change, options));
}

class HelpBuilder {
public:
    HelpBuilder(const EffectiveConfig& effective, Process process, const MemoryError& error)
        : effective_(effective), process_(process), error_(error) {}

    // Changes `key` (a size) in the direction that makes `error` go away, if the process then starts.
    void resize(const std::string& key, bool raise) {
        if (done() || effective_.flat().find(key) == effective_.flat().end()) return;
        const auto current = bytes_of(effective_.flat(), key);
        if (!current) return;
        const std::string& category = error_.category;
        auto found = search_mib(key, *current, raise, [&](const ConfigChange& change) {
            const auto failure = failure_category(effective_, process_, change);
            return !failure || *failure != category;
        });
        if (found && !starts_with(key, *found) && !raise) {
            // Past this failure another one may wait (network memory below its minimum): go lower still.
            found = search_mib(key, *found * kMiB + 1, false, [&](const ConfigChange& change) {
                return !failure_category(effective_, process_, change);
            });
        }
        if (!found || !starts_with(key, *found)) return;
        add(fmt::format("{} {} from {} to at {} {} ({} bytes)", raise ? "raise" : "lower",
                        key_label(effective_, key), quoted(written_or_default(key)), raise ? "least" : "most",
                        quoted(literal(key, *found)), *found * kMiB));
    }

    // Sets `key` to the size Flink derives without it, or suggests removing it.
    void make_consistent(const std::string& key) {
        if (done() || effective_.flat().find(key) == effective_.flat().end()) return;
        const ConfigChange without{key, std::nullopt};
        const auto origin = effective_.origin(key);
        const bool from_spec = origin && origin->kind == ValueOrigin::Kind::spec;
        const Outcome outcome = probe(effective_, process_, without);
        if (outcome.failure) return;
        const std::uint64_t target =
            key.ends_with("process.size") ? outcome.total_process : outcome.total_flink;
        for (const std::uint64_t mebibytes : {(target + kMiB - 1) / kMiB, target / kMiB}) {
            if (!starts_with(key, mebibytes)) continue;
            std::string text =
                fmt::format("set {} to {} ({} bytes), which matches the other sizes",
                            key_label(effective_, key), quoted(literal(key, mebibytes)), mebibytes * kMiB);
            if (!from_spec) text += fmt::format(", or remove {} and let Flink derive it", quoted(key));
            add(std::move(text));
            return;
        }
        if (!from_spec)
            add(fmt::format("remove {}: Flink then derives it as {}", quoted(key), mib_and_bytes(target)));
    }

    void remove(const std::string& key, std::string_view why) {
        if (done() || effective_.flat().find(key) == effective_.flat().end()) return;
        if (failure_category(effective_, process_, ConfigChange{key, std::nullopt})) return;
        add(fmt::format("remove {}{}", quoted(key), why));
    }

    void add(std::string text) { suggestions_.push_back(std::move(text)); }
    [[nodiscard]] bool done() const { return suggestions_.size() >= 2; }
    [[nodiscard]] bool empty() const { return suggestions_.empty(); }

    [[nodiscard]] std::string text() const {
        std::string out;
        for (std::size_t i = 0; i < suggestions_.size(); ++i)
            out += (i == 0 ? "" : "; or ") + suggestions_[i];
        return out;
    }

    // The first key of the error among `candidates`.
    [[nodiscard]] std::optional<std::string> error_key(
        std::initializer_list<std::string_view> candidates) const {
        for (const std::string& key : error_.keys) {
            if (is_one_of(key, candidates)) return key;
        }
        return std::nullopt;
    }

    // The explicitly set component of the error keys with the largest size.
    [[nodiscard]] std::optional<std::string> largest_component(
        std::initializer_list<std::string_view> candidates) const {
        std::optional<std::string> best;
        std::uint64_t best_bytes = 0;
        for (const std::string& key : error_.keys) {
            if (!is_one_of(key, candidates)) continue;
            const auto bytes = bytes_of(effective_.flat(), key);
            if (bytes && *bytes > best_bytes) {
                best = key;
                best_bytes = *bytes;
            }
        }
        return best;
    }

private:
    std::string literal(const std::string& key, std::uint64_t mebibytes) const {
        return is_mebibyte_integer(key) ? std::to_string(mebibytes)
                                        : size_literal(effective_, key, mebibytes);
    }

    bool starts_with(const std::string& key, std::uint64_t mebibytes) const {
        const std::string value = mib_value(key, mebibytes);
        return !failure_category(effective_, process_, ConfigChange{key, value});
    }

    std::string written_or_default(const std::string& key) const {
        std::string text = written_text(effective_, key);
        return text.empty() ? effective_.value(key).value_or("") : text;
    }

    const EffectiveConfig& effective_;
    Process process_;
    const MemoryError& error_;
    std::vector<std::string> suggestions_;
};

std::string static_help(const EffectiveConfig& effective, Process process, const MemoryError& error) {
    const bool tm = process == Process::taskmanager;
    const std::string& category = error.category;
    if (category == "not-configured") {
        if (effective.is_flink_deployment()) {
            return fmt::format("set `spec.{}.resource.memory` (e.g. `{}Mi`) or `{}memory.process.size`",
                               tm ? "taskManager" : "jobManager", tm ? 1728 : 1600, key_prefix(process));
        }
        return fmt::format(
            "set `{}memory.process.size` (Flink's own config file ships `{}`){}", key_prefix(process),
            tm ? kImageTaskManagerProcessSize : kImageJobManagerProcessSize,
            effective.version().major >= 2 ? "; Flink 2.x ignores the legacy `*.heap.*` keys" : "");
    }
    if (category == "invalid-memory-size" && !error.keys.empty()) {
        const std::string text = written_text(effective, error.keys.front());
        if (is_quoted(text)) {
            return "remove the quotes: flink-conf.yaml keeps them as part of the value";
        }
        if (const auto whole = fractional_size_mib(text)) {
            return fmt::format("write a whole number with a binary unit, e.g. `{}m` instead of {}", *whole,
                               quoted(text));
        }
        return "write a whole number with a binary unit, e.g. `1536m` or `2g`";
    }
    if (category == "invalid-min-max-fraction") {
        return "make each minimum no larger than its maximum and keep every fraction in [0, 1)";
    }
    if (category == "non-positive-cpu-cores") {
        return "set `taskmanager.numberOfTaskSlots` to 1 or more, or `taskmanager.cpu.cores` to a positive "
               "number";
    }
    if (category == "invalid-value") return "write a value of the option's type, as the message says";
    if (category == "negative-legacy-heap-mb")
        return "remove the legacy key or give it a positive number of MiB";
    return fmt::format("run `flinklint memory {}` to see the {} layout and change the sizes Flink names",
                       effective.source()->path(), process_name(process));
}

}  // namespace

std::optional<std::string> failure_category(const EffectiveConfig& effective, Process process,
                                            const ConfigChange& change) {
    return probe(effective, process, change).failure;
}

std::optional<std::uint64_t> search_mib(const std::string& key, std::uint64_t current, bool raise,
                                        const std::function<bool(const ConfigChange&)>& accept) {
    std::string value;
    auto accepts = [&](std::uint64_t mebibytes) {
        value = mib_value(key, mebibytes);
        return accept(ConfigChange{key, value});
    };
    if (raise) {
        // Smallest accepted value in [low, kSearchLimitMiB], none unless the bound is accepted. Fixes lie
        // within a small factor of the current size: doubling brackets the answer in a few probes where
        // bisecting down from 16 TiB takes 24.
        std::uint64_t low = current / kMiB + 1;
        if (low > kSearchLimitMiB || !accepts(kSearchLimitMiB)) return std::nullopt;
        std::uint64_t high = std::min(2 * low, kSearchLimitMiB);
        while (!accepts(high)) {  // monotone: everything up to `high` is rejected too
            low = high + 1;
            high = std::min(2 * high, kSearchLimitMiB);
        }
        while (low < high) {  // smallest accepted value in [low, high]
            const std::uint64_t middle = low + (high - low) / 2;
            if (accepts(middle))
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
    if (current == 0) return std::nullopt;
    std::uint64_t low = 0;
    std::uint64_t high = (current - 1) / kMiB;
    if (!accepts(low)) return std::nullopt;
    while (low < high) {  // largest accepted value in [low, high]
        const std::uint64_t middle = low + (high - low + 1) / 2;
        if (accepts(middle))
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}

std::string memory_fix_help(const EffectiveConfig& effective, Process process, const MemoryError& error) {
    HelpBuilder help(effective, process, error);
    const std::string& category = error.category;
    const bool tm = process == Process::taskmanager;
    const auto total =
        tm ? help.error_key({"taskmanager.memory.flink.size", "taskmanager.memory.process.size",
                             "taskmanager.heap.size", "taskmanager.heap.mb"})
           : help.error_key({"jobmanager.memory.flink.size", "jobmanager.memory.process.size",
                             "jobmanager.memory.heap.size", "jobmanager.heap.size", "jobmanager.heap.mb"});
    if (category == "components-exceed-total-flink" || category == "metaspace-plus-overhead-exceed-process" ||
        category == "jm-total-flink-not-greater-than-offheap" || category == "jm-heap-exceeds-total-flink") {
        const auto flink_size = help.error_key({"jobmanager.memory.flink.size"});
        if (category == "jm-heap-exceeds-total-flink" && flink_size)
            help.resize(*flink_size, true);
        else if (total)
            help.resize(*total, true);
        const auto component = help.largest_component(
            {"taskmanager.memory.task.heap.size", "taskmanager.memory.managed.size",
             "taskmanager.memory.size", "taskmanager.memory.framework.heap.size",
             "taskmanager.memory.framework.off-heap.size", "taskmanager.memory.task.off-heap.size",
             "taskmanager.memory.jvm-metaspace.size", "jobmanager.memory.off-heap.size",
             "jobmanager.memory.jvm-metaspace.size", "jobmanager.memory.heap.size"});
        if (component && component != total) help.resize(*component, false);
    } else if (category == "process-less-than-flink-plus-metaspace" || category == "overhead-out-of-range") {
        const std::string process_key = std::string(key_prefix(process)) + "memory.process.size";
        help.make_consistent(process_key);
        const std::string flink_key = std::string(key_prefix(process)) + "memory.flink.size";
        help.remove(flink_key, ": the process size alone then decides");
    } else if (category == "jm-heap-plus-offheap-mismatch") {
        help.make_consistent("jobmanager.memory.flink.size");
    } else if (category == "network-out-of-range") {
        for (const char* key : {"taskmanager.memory.network.max", "taskmanager.network.memory.max"}) {
            if (effective.contains(key)) help.resize(key, true);
        }
        for (const char* key : {"taskmanager.memory.network.min", "taskmanager.network.memory.min"}) {
            if (effective.contains(key)) help.resize(key, false);
        }
        if (total) help.resize(*total, false);
    } else if (category == "legacy-network-buffers-mismatch") {
        help.remove("taskmanager.network.numberOfBuffers", " (deprecated): network memory is then the rest");
    }
    return help.empty() ? static_help(effective, process, error) : help.text();
}

}  // namespace flinklint::rules

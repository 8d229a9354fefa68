#include "rules/memory/memory_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <regex>

#include "flinklint/text_util.hpp"

namespace flinklint::rules {

std::string_view process_name(Process process) {
    return process == Process::taskmanager ? "TaskManager" : "JobManager";
}

std::string_view key_prefix(Process process) {
    return process == Process::taskmanager ? "taskmanager." : "jobmanager.";
}

std::string mib(std::uint64_t bytes) {
    if (bytes % kMiB == 0) return fmt::format("{} MiB", bytes / kMiB);
    std::string text = fmt::format("{:.2f}", static_cast<double>(bytes) / static_cast<double>(kMiB));
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    if (text == "0") text = fmt::format("{:.4f}", static_cast<double>(bytes) / static_cast<double>(kMiB));
    return text + " MiB";
}

std::string mib_and_bytes(std::uint64_t bytes) {
    return fmt::format("{} ({} bytes)", mib(bytes), bytes);
}

std::string sizes_in_mib(std::string_view message) {
    // format_memory_size_human: three decimals, a binary unit, then the exact bytes.
    static const std::regex human(R"(\b[0-9]+\.[0-9]{3}(?:kb|mb|gb|tb) \(([0-9]+) bytes\))");
    std::string out;
    const std::string text(message);
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), human), end; it != end; ++it) {
        out.append(last, text.cbegin() + it->position(0));
        const std::string digits = (*it)[1].str();
        if (digits.size() <= 19) {
            out += mib_and_bytes(std::stoull(digits));
        } else {
            out += it->str();
        }
        last = text.cbegin() + it->position(0) + it->length(0);
    }
    out.append(last, text.cend());
    return out;
}

Finding finding_at(const EffectiveConfig& effective, Span span, std::string key) {
    Finding finding;
    finding.source = effective.source();
    finding.span = span;
    finding.key = std::move(key);
    return finding;
}

std::optional<std::pair<Span, std::string>> first_written(const EffectiveConfig& effective,
                                                          const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
        const auto origin = effective.origin(key);
        if (origin && origin->kind != ValueOrigin::Kind::image_default) return std::pair{origin->span, key};
    }
    return std::nullopt;
}

Span whole_config_span(const EffectiveConfig& effective) {
    if (effective.owner() != nullptr && effective.owner()->name) return effective.owner()->name.span;
    if (effective.config() != nullptr && !effective.config()->entries().empty()) {
        return effective.config()->entries().front().key_span;
    }
    return first_line_span(*effective.source());
}

std::string written_text(const EffectiveConfig& effective, std::string_view key) {
    const auto origin = effective.origin(key);
    if (!origin) return {};
    if (origin->kind == ValueOrigin::Kind::spec) return origin->spec->written.value;
    if (origin->kind == ValueOrigin::Kind::config) return origin->entry->value;
    return effective.value(key).value_or("");
}

std::string key_label(const EffectiveConfig& effective, std::string_view key) {
    const auto origin = effective.origin(key);
    if (origin && origin->kind == ValueOrigin::Kind::spec) return quoted(origin->spec->field);
    return quoted(key);
}

std::string size_literal(const EffectiveConfig& effective, std::string_view key, std::uint64_t mebibytes) {
    const auto origin = effective.origin(key);
    // Kubernetes' `Mi` means the same to the operator, Flink and anyone reading the manifest.
    if (origin && origin->kind == ValueOrigin::Kind::spec) return fmt::format("{}Mi", mebibytes);
    return fmt::format("{}m", mebibytes);
}

std::optional<std::uint64_t> fractional_size_mib(std::string_view text) {
    static const std::regex fractional(R"(^\s*([0-9]+\.[0-9]+)\s*([kmgt])?(?:ib?|b)?\s*$)", std::regex::icase);
    std::smatch match;
    const std::string copy(text);
    constexpr std::size_t kLongest = 32;  // keeps std::stod within range
    if (copy.size() > kLongest || !std::regex_match(copy, match, fractional)) return std::nullopt;
    const double amount = std::stod(match[1].str());
    const std::string unit = match[2].matched ? ascii_lower(match[2].str()) : "";
    const double scale = unit == "t"   ? 1048576.0
                         : unit == "g" ? 1024.0
                         : unit == "m" ? 1.0
                         : unit == "k" ? 1.0 / 1024
                                       : 0;
    const double mebibytes = amount * scale;
    if (scale == 0 || !std::isfinite(mebibytes) || mebibytes < 1 || mebibytes > 1e12) return std::nullopt;
    return static_cast<std::uint64_t>(std::llround(mebibytes));
}

bool sets_memory(const EffectiveConfig& effective, Process process) {
    static constexpr std::string_view kTaskManagerKeys[] = {"taskmanager.heap.size",
                                                            "taskmanager.heap.mb",
                                                            "taskmanager.network.memory.min",
                                                            "taskmanager.network.memory.max",
                                                            "taskmanager.network.memory.fraction",
                                                            "taskmanager.network.numberOfBuffers"};
    static constexpr std::string_view kJobManagerKeys[] = {"jobmanager.heap.size", "jobmanager.heap.mb"};
    const std::string prefix = std::string(key_prefix(process)) + "memory.";
    for (const auto& [key, value] : effective.flat()) {
        (void)value;
        const bool image_default =
            std::find(effective.image_defaults().begin(), effective.image_defaults().end(), key) !=
            effective.image_defaults().end();
        if (image_default) continue;
        if (key.rfind(prefix, 0) == 0) return true;
        if (process == Process::taskmanager &&
            std::find(std::begin(kTaskManagerKeys), std::end(kTaskManagerKeys), key) !=
                std::end(kTaskManagerKeys)) {
            return true;
        }
        if (process == Process::jobmanager &&
            std::find(std::begin(kJobManagerKeys), std::end(kJobManagerKeys), key) !=
                std::end(kJobManagerKeys)) {
            return true;
        }
    }
    return false;
}

const ConfigEntry* full_config_marker(const EffectiveConfig& effective) {
    if (effective.config() == nullptr) return nullptr;
    // Cluster wiring that only the file a cluster starts from carries (not per-job settings such as slots).
    static constexpr std::string_view kMarkers[] = {"jobmanager.rpc.address", "jobmanager.rpc.port",
                                                    "taskmanager.rpc.port", "blob.server.port"};
    for (const ConfigEntry& entry : effective.config()->entries()) {
        if (std::find(std::begin(kMarkers), std::end(kMarkers), entry.key) != std::end(kMarkers))
            return &entry;
    }
    return nullptr;
}

StateBackend state_backend(const EffectiveConfig& effective) {
    StateBackend backend;
    if (effective.config() == nullptr) return backend;
    const FlinkConfig& config = *effective.config();
    backend.entry = config.get_option("state.backend.type");
    if (backend.entry == nullptr) backend.entry = config.get("state.backend.type");
    if (backend.entry == nullptr) backend.entry = config.get("state.backend");
    if (backend.entry == nullptr) return backend;
    std::string name = ascii_lower(trim(backend.entry->value));
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') && name.back() == name.front()) {
        name = name.substr(1, name.size() - 2);
    }
    // StateBackendLoader's shortcuts and the factories behind them.
    if (name == "filesystem" || name == "jobmanager" ||
        name.find("hashmapstatebackend") != std::string::npos ||
        name.find("fsstatebackend") != std::string::npos ||
        name.find("memorystatebackend") != std::string::npos) {
        name = "hashmap";
    } else if (name.find("rocksdbstatebackend") != std::string::npos) {
        name = "rocksdb";
    }
    backend.name = std::move(name);
    return backend;
}

std::optional<std::int32_t> task_slots(const EffectiveConfig& effective) {
    const auto text = effective.value("taskmanager.numberOfTaskSlots");
    if (!text) return 1;
    const auto parsed = parse_java_int(*text);
    if (!parsed || *parsed <= 0) return std::nullopt;
    return *parsed;
}

}  // namespace flinklint::rules

#include "rules/memory/memory_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "flinklint/text_util.hpp"
#include "flinklint/values.hpp"

namespace flinklint::rules {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_word_char(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

std::size_t digits_at(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    while (end < text.size() && is_digit(text[end])) ++end;
    return end - pos;
}

// format_memory_size_human's `1.750gb (1879048192 bytes)` at `pos` (a word start): its length and the
// bytes' digits, or length 0.
std::pair<std::size_t, std::string_view> human_size_at(std::string_view text, std::size_t pos) {
    std::size_t at = pos + digits_at(text, pos);
    if (at == pos || at >= text.size() || text[at] != '.' || digits_at(text, at + 1) != 3) return {0, {}};
    at += 4;
    const std::string_view unit = text.substr(at, 2);
    if (unit != "kb" && unit != "mb" && unit != "gb" && unit != "tb") return {0, {}};
    at += 2;
    if (text.substr(at, 2) != " (") return {0, {}};
    at += 2;
    const std::size_t digits = digits_at(text, at);
    if (digits == 0 || text.substr(at + digits, 7) != " bytes)") return {0, {}};
    return {at + digits + 7 - pos, text.substr(at, digits)};
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace

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
    std::string out;
    std::size_t copied = 0;
    for (std::size_t pos = 0; pos < message.size(); ++pos) {
        if (pos > 0 && is_word_char(message[pos - 1])) continue;  // only at a word's start
        const auto [length, digits] = human_size_at(message, pos);
        if (length == 0) continue;
        out.append(message.substr(copied, pos - copied));
        if (digits.size() <= 19) {
            out += mib_and_bytes(std::stoull(std::string(digits)));
        } else {
            out.append(message.substr(pos, length));
        }
        copied = pos + length;
        pos = copied - 1;
    }
    out.append(message.substr(copied));
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
    // `<digits>.<digits>`, then a unit `k`/`m`/`g`/`t` with `i`, `ib` or `b` optional (any case),
    // spaces around.
    constexpr std::size_t kLongest = 32;  // keeps std::stod within range
    if (text.size() > kLongest) return std::nullopt;
    std::string_view rest = trim_spaces(text);
    const std::size_t whole = digits_at(rest, 0);
    if (whole == 0 || whole >= rest.size() || rest[whole] != '.') return std::nullopt;
    const std::size_t fraction = digits_at(rest, whole + 1);
    if (fraction == 0) return std::nullopt;
    const double amount = std::stod(std::string(rest.substr(0, whole + 1 + fraction)));
    const std::string unit = ascii_lower(trim_spaces(rest.substr(whole + 1 + fraction)));
    std::string_view tail = unit;
    double scale = 0;
    if (!tail.empty()) {
        scale = tail.front() == 't'   ? 1048576.0
                : tail.front() == 'g' ? 1024.0
                : tail.front() == 'm' ? 1.0
                : tail.front() == 'k' ? 1.0 / 1024
                                      : 0;
        if (scale != 0) tail.remove_prefix(1);
    }
    if (!tail.empty() && tail != "i" && tail != "ib" && tail != "b") return std::nullopt;
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
    std::string name = ascii_lower(strip_quotes(trim(backend.entry->value)));
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

std::optional<long double> kubernetes_bytes(std::string_view text) {
    constexpr std::size_t kLongest = 64;  // keeps std::stold within range; longer amounts are not sizes
    if (text.size() > kLongest) return std::nullopt;
    const auto quantity = parse_kubernetes_quantity(text);
    if (!quantity) return std::nullopt;
    const long double amount = std::stold(std::string(quantity->number));
    const std::string_view suffix = quantity->suffix;
    if (suffix.empty()) return amount;
    if (suffix.front() == 'e' || suffix.front() == 'E')
        return amount * std::pow(10.0L, std::stold(std::string(suffix.substr(1))));
    if (suffix.size() == 2) {
        const std::string_view binary = "KMGTPE";
        return amount * std::pow(2.0L, 10.0L * static_cast<long double>(binary.find(suffix.front()) + 1));
    }
    static constexpr std::pair<char, int> kDecimal[] = {{'n', -9}, {'u', -6}, {'m', -3}, {'k', 3}, {'M', 6},
                                                        {'G', 9},  {'T', 12}, {'P', 15}, {'E', 18}};
    for (const auto& [letter, exponent] : kDecimal) {
        if (suffix.front() == letter) return amount * std::pow(10.0L, static_cast<long double>(exponent));
    }
    return std::nullopt;
}

}  // namespace flinklint::rules

#include "model/memory_config.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "flinklint/values.hpp"

namespace flinklint::memory {

MemoryError make_error(std::string category, std::string message, const KeyList& keys) {
    return MemoryError{std::move(category), std::move(message),
                       std::vector<std::string>(keys.begin(), keys.end())};
}

std::string human(std::uint64_t bytes) {
    return format_memory_size_human(bytes);
}

void merge_keys(KeyList& keys, const KeyList& more) {
    for (const auto& key : more) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
}

std::optional<std::pair<std::string_view, std::string_view>> MemoryConfig::entry(std::string_view key) const {
    if (change_ != nullptr && key == change_->key) {
        if (!change_->value) return std::nullopt;
        return std::pair{change_->key, *change_->value};
    }
    if (auto it = config_.find(key); it != config_.end())
        return std::pair<std::string_view, std::string_view>(*it);
    return std::nullopt;
}

std::optional<OptionSource> MemoryConfig::source(std::string_view key, std::string_view alias) const {
    // Injected values only ever target keys that were absent, so they cannot shadow the file.
    if (!injected_.empty()) {
        if (auto it = injected_.find(key); it != injected_.end()) return it->second;
    }
    if (auto found = entry(key)) return OptionSource{found->first, found->second, std::nullopt};
    if (!alias.empty()) {
        if (auto found = entry(alias)) return OptionSource{found->first, found->second, std::nullopt};
    }
    return std::nullopt;
}

bool MemoryConfig::contains(std::string_view key, std::string_view alias) const {
    return source(key, alias).has_value();
}

Checked<std::uint64_t> MemoryConfig::size(const SizeOption& option) const {
    const auto found = source(option.key, option.alias);
    if (!found) {
        if (option.default_bytes) return *option.default_bytes;
        // Callers check contains() first; this mirrors Flink's "not set and has no default".
        return make_error("not-configured", fmt::format("`{}` is not set and has no default.", option.key),
                          {option.key});
    }
    if (found->bytes) return *found->bytes;
    const auto parsed = parse_memory_size(found->text);
    if (!parsed) {
        return make_error(
            "invalid-memory-size",
            fmt::format("`{}: {}` is not a memory size Flink can read ({}). Write a whole number "
                        "with a binary unit, e.g. `1536m` or `2g`.",
                        found->written_key, found->text, parsed.error()),
            {found->written_key});
    }
    return *parsed;
}

Checked<double> MemoryConfig::fraction(const FractionOption& option) const {
    const auto found = source(option.key, option.alias);
    if (!found) return static_cast<double>(option.default_value);
    const auto parsed = parse_java_float(found->text);
    if (!parsed) {
        return make_error("invalid-value",
                          fmt::format("`{}: {}` is not a fraction Flink can read (it expects a float such as "
                                      "`0.1`; {}).",
                                      found->written_key, found->text, parsed.error()),
                          {found->written_key});
    }
    // Flink reads a float and widens it: 0.1 becomes 0.10000000149011612.
    return static_cast<double>(*parsed);
}

Checked<std::int32_t> MemoryConfig::integer(std::string_view key, std::int32_t fallback) const {
    const auto found = source(key);
    if (!found) return fallback;
    const auto parsed = parse_java_int(found->text);
    if (!parsed) {
        return make_error(
            "invalid-value",
            fmt::format("`{}: {}` is not an integer ({}).", found->written_key, found->text, parsed.error()),
            {found->written_key});
    }
    return *parsed;
}

Checked<double> MemoryConfig::real(std::string_view key, double fallback) const {
    const auto found = source(key);
    if (!found) return fallback;
    const auto parsed = parse_java_double(found->text);
    if (!parsed) {
        return make_error(
            "invalid-value",
            fmt::format("`{}: {}` is not a number ({}).", found->written_key, found->text, parsed.error()),
            {found->written_key});
    }
    return *parsed;
}

Checked<bool> MemoryConfig::boolean(std::string_view key, bool fallback) const {
    const auto found = source(key);
    if (!found) return fallback;
    const auto parsed = parse_java_boolean(found->text);
    if (!parsed) {
        return make_error("invalid-value",
                          fmt::format("`{}: {}` is not a boolean (Flink accepts only true or false).",
                                      found->written_key, found->text),
                          {found->written_key});
    }
    return *parsed;
}

void MemoryConfig::inject(std::string_view key, std::uint64_t bytes, std::string_view written_as) {
    injected_[key] = OptionSource{written_as, {}, bytes};
}

KeyList MemoryConfig::written(
    std::initializer_list<std::pair<std::string_view, std::string_view>> keys) const {
    KeyList result;
    for (const auto& [key, alias] : keys) {
        const auto found = source(key, alias);
        if (found && std::find(result.begin(), result.end(), found->written_key) == result.end())
            result.push_back(found->written_key);
    }
    return result;
}

std::string_view MemoryConfig::written_key(std::string_view key, std::string_view alias) const {
    if (auto found = source(key, alias)) return found->written_key;
    return key;
}

}  // namespace flinklint::memory

// Reading memory options the way Flink's Configuration does: a key or its deprecated alias
// (the key wins), typed conversion, defaults, and values injected by the legacy heap mapping.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "flinklint/memory_model.hpp"

namespace flinklint::memory {

// A derivation step's value, or the start-up failure Flink would raise at that step.
template <class T>
class Checked {
public:
    Checked(T value) : data_(std::move(value)) {}            // NOLINT(google-explicit-constructor)
    Checked(MemoryError error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return data_.index() == 0; }
    [[nodiscard]] const T& operator*() const { return std::get<0>(data_); }
    [[nodiscard]] const T* operator->() const { return &std::get<0>(data_); }
    [[nodiscard]] const MemoryError& error() const { return std::get<1>(data_); }

private:
    std::variant<T, MemoryError> data_;
};

// A MemorySize option; `alias` is its deprecated key (read only when `key` is absent).
struct SizeOption {
    std::string_view key;
    std::string_view alias;
    std::optional<std::uint64_t> default_bytes;
};

// A Float option (Flink reads it as float and widens it to double).
struct FractionOption {
    std::string_view key;
    std::string_view alias;
    float default_value = 0;
};

// Where an option's value comes from: the key as written (or the legacy key / environment
// variable that the backwards-compatibility mapping copied into it).
struct OptionSource {
    std::string written_key;
    std::string text;                    // raw text from the config; empty for injected values
    std::optional<std::uint64_t> bytes;  // set for values injected by the legacy mapping
};

MemoryError make_error(std::string category, std::string message, std::vector<std::string> keys);

class MemoryConfig {
public:
    explicit MemoryConfig(const FlatConfig& config) : config_(config) {}

    // Flink's Configuration.contains: the key or its alias is present.
    [[nodiscard]] bool contains(std::string_view key, std::string_view alias = {}) const;
    [[nodiscard]] bool contains(const SizeOption& option) const { return contains(option.key, option.alias); }
    [[nodiscard]] bool contains(const FractionOption& option) const { return contains(option.key, option.alias); }
    [[nodiscard]] std::optional<OptionSource> source(std::string_view key, std::string_view alias = {}) const;

    // Typed reads; errors carry the key as written.
    [[nodiscard]] Checked<std::uint64_t> size(const SizeOption& option) const;
    [[nodiscard]] Checked<double> fraction(const FractionOption& option) const;
    [[nodiscard]] Checked<std::int32_t> integer(std::string_view key, std::int32_t fallback) const;
    [[nodiscard]] Checked<double> real(std::string_view key, double fallback) const;
    [[nodiscard]] Checked<bool> boolean(std::string_view key, bool fallback) const;

    // Copies a legacy heap size into `key`, as MemoryBackwardsCompatibilityUtils does.
    void inject(std::string_view key, std::uint64_t bytes, std::string written_as);

    // The keys as written among `keys` (each {key, alias}), for MemoryError::keys.
    [[nodiscard]] std::vector<std::string> written(
        std::initializer_list<std::pair<std::string_view, std::string_view>> keys) const;
    [[nodiscard]] std::string written_key(std::string_view key, std::string_view alias = {}) const;

private:
    const FlatConfig& config_;
    std::map<std::string, OptionSource, std::less<>> injected_;
};

// {key, alias} pairs for MemoryConfig::written.
inline std::pair<std::string_view, std::string_view> keys_of(const SizeOption& option) {
    return {option.key, option.alias};
}
inline std::pair<std::string_view, std::string_view> keys_of(const FractionOption& option) {
    return {option.key, option.alias};
}

// `1.750gb (1879048192 bytes)`: how messages print sizes.
std::string human(std::uint64_t bytes);

// Appends the keys of `more` that are not yet in `keys`.
void merge_keys(std::vector<std::string>& keys, const std::vector<std::string>& more);

}  // namespace flinklint::memory

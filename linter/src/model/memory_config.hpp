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

// Keys as written, for MemoryError::keys. They view the configuration, the change, the option
// tables or the environment, all of which outlive a derivation; make_error copies them.
using KeyList = std::vector<std::string_view>;

// Where an option's value comes from: the key as written (or the legacy key / environment
// variable that the backwards-compatibility mapping copied into it).
struct OptionSource {
    std::string_view written_key;
    std::string_view text;               // raw text from the config; empty for injected values
    std::optional<std::uint64_t> bytes;  // set for values injected by the legacy mapping
};

MemoryError make_error(std::string category, std::string message, const KeyList& keys);

class MemoryConfig {
public:
    // `change`, if any, is applied on top of `config` (a what-if derivation) and must outlive this.
    // `describe` false leaves layout failures without a message: probes need only the category, and
    // formatting the sizes would cost more than deriving them.
    explicit MemoryConfig(const FlatConfig& config, const ConfigChange* change = nullptr,
                          bool describe = true)
        : config_(config), change_(change), describe_(describe) {}

    // Flink's Configuration.contains: the key or its alias is present.
    [[nodiscard]] bool contains(std::string_view key, std::string_view alias = {}) const;
    [[nodiscard]] bool contains(const SizeOption& option) const { return contains(option.key, option.alias); }
    [[nodiscard]] bool contains(const FractionOption& option) const {
        return contains(option.key, option.alias);
    }
    [[nodiscard]] std::optional<OptionSource> source(std::string_view key, std::string_view alias = {}) const;

    // Typed reads; errors carry the key as written.
    [[nodiscard]] Checked<std::uint64_t> size(const SizeOption& option) const;
    [[nodiscard]] Checked<double> fraction(const FractionOption& option) const;
    [[nodiscard]] Checked<std::int32_t> integer(std::string_view key, std::int32_t fallback) const;
    [[nodiscard]] Checked<double> real(std::string_view key, double fallback) const;
    [[nodiscard]] Checked<bool> boolean(std::string_view key, bool fallback) const;

    // A layout failure; `message()` formats its text, unless failures are not described.
    template <class Message>
    [[nodiscard]] MemoryError failure(std::string category, const KeyList& keys, Message message) const {
        return make_error(std::move(category), describe_ ? message() : std::string(), keys);
    }

    // Copies a legacy heap size into `key`, as MemoryBackwardsCompatibilityUtils does; `written_as`
    // must outlive this config (an option table key or an environment variable name).
    void inject(std::string_view key, std::uint64_t bytes, std::string_view written_as);

    // The keys as written among `keys` (each {key, alias}), for MemoryError::keys.
    [[nodiscard]] KeyList written(
        std::initializer_list<std::pair<std::string_view, std::string_view>> keys) const;
    [[nodiscard]] std::string_view written_key(std::string_view key, std::string_view alias = {}) const;

private:
    // The entry for `key` with the change applied: the key as stored and its text.
    [[nodiscard]] std::optional<std::pair<std::string_view, std::string_view>> entry(
        std::string_view key) const;

    const FlatConfig& config_;
    const ConfigChange* change_;
    bool describe_;
    std::map<std::string_view, OptionSource, std::less<>> injected_;
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
void merge_keys(KeyList& keys, const KeyList& more);

}  // namespace flinklint::memory

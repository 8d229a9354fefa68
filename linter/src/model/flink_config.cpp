#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <functional>

#include "flinklint/model.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint {

FlinkConfig::FlinkConfig(const ParsedFile& file, const ConfigDocument& doc, VersionChoice version,
                         DeploymentMode mode)
    : file_(&file),
      doc_(&doc),
      version_(std::move(version)),
      mode_(mode),
      catalog_(&Catalog::for_version(catalog_version_for(version_.chosen.version))) {
    lookups_.reserve(doc.entries.size());
    for (std::size_t i = 0; i < doc.entries.size(); ++i) {
        const ConfigEntry& entry = doc.entries[i];
        last_[entry.key] = i;
        flat_[entry.key] = entry.value;
        lookups_.push_back(catalog_->lookup(entry.key));
    }
}

KeyLookup FlinkConfig::lookup(const ConfigEntry& entry) const {
    const auto& entries = doc_->entries;
    const std::less<const ConfigEntry*> before;
    if (entries.empty() || before(&entry, entries.data()) || !before(&entry, entries.data() + entries.size()))
        return catalog_->lookup(entry.key);  // not one of ours
    return lookups_[static_cast<std::size_t>(&entry - entries.data())];
}

std::string FlinkConfig::version_reason() const {
    const FlinkVersion version = version_.chosen.version;
    if (has_catalog(version)) return version_.chosen.reason;
    return version_.chosen.reason + "; no catalog for " + version.str() + ", checked against " +
           catalog_version_for(version).str();
}

const K8sObject* FlinkConfig::owner() const {
    if (!doc_->owner_object || *doc_->owner_object >= file_->objects.size()) return nullptr;
    return &file_->objects[*doc_->owner_object];
}

const ConfigEntry* FlinkConfig::get(std::string_view key) const {
    const auto it = last_.find(key);
    return it == last_.end() ? nullptr : &doc_->entries[it->second];
}

const ConfigEntry* FlinkConfig::get_option(std::string_view option_key) const {
    if (const ConfigEntry* entry = get(option_key)) return entry;
    const OptionInfo* option = catalog_->find(option_key);
    if (option == nullptr) return nullptr;
    // Flink checks fallback keys before deprecated keys, each in declaration order.
    for (const auto& key : option->fallback_keys) {
        if (const ConfigEntry* entry = get(key)) return entry;
    }
    for (const auto& key : option->deprecated_keys) {
        if (const ConfigEntry* entry = get(key)) return entry;
    }
    return nullptr;
}

std::optional<std::string> FlinkConfig::value(std::string_view option_key) const {
    const ConfigEntry* entry = get_option(option_key);
    if (entry == nullptr) return std::nullopt;
    return entry->value;
}

const std::string& FlinkConfig::where() const {
    return doc_->origin.empty() ? source()->path() : doc_->origin;
}

bool FlinkConfig::is_legacy() const {
    return doc_->format == ConfigFormat::legacy || doc_->format == ConfigFormat::compose_properties;
}

bool is_sensitive_key(std::string_view key) {
    // GlobalConfiguration.isSensitive: case-insensitive substring match. Every key of every file
    // comes here, several times: one pass that tries a marker only where its first two letters are.
    static constexpr std::string_view kMarkers[] = {
        "password",    "secret", "fs.azure.account.key", "apikey",      "auth-params",
        "service-key", "token",  "basic-auth",           "jaas.config", "http-headers"};
    const auto matches_at = [key](std::size_t at, std::string_view marker) {
        if (key.size() - at < marker.size()) return false;
        for (std::size_t i = 0; i < marker.size(); ++i)
            if (ascii_lower(key[at + i]) != marker[i]) return false;
        return true;
    };
    // Per first letter, the second letters a marker can continue with: most positions fail here.
    static constexpr std::array<std::uint32_t, 26> kPairs = [] {
        std::array<std::uint32_t, 26> rows{};
        for (const std::string_view marker : kMarkers) rows[marker[0] - 'a'] |= 1u << (marker[1] - 'a');
        return rows;
    }();
    const auto letter = [](char c) { return c >= 'a' && c <= 'z' ? c - 'a' : -1; };
    for (std::size_t at = 0; at + 1 < key.size(); ++at) {
        const int first = letter(ascii_lower(key[at]));
        if (first < 0 || kPairs[first] == 0) continue;
        const int second = letter(ascii_lower(key[at + 1]));
        if (second < 0 || (kPairs[first] >> second & 1u) == 0) continue;
        for (const std::string_view marker : kMarkers)
            if (marker[0] - 'a' == first && matches_at(at, marker)) return true;
    }
    return false;
}

namespace {

// A word of a key that is a sensitive word misspelled (`pasword`, `secert`, `tokne`): Flink does not
// mask it, but what it holds is still a password.
bool near_sensitive_word(std::string_view word) {
    static constexpr std::string_view kWords[] = {"password", "secret", "token", "apikey"};
    // Lowered once on the stack; the edit distance is skipped when more letters are foreign to the
    // marker than the distance allows (each foreign letter needs an edit of its own).
    constexpr std::size_t kLongest = 10;  // "password" plus the largest distance, 2
    if (word.size() < 4 || word.size() > kLongest) return false;
    std::array<char, kLongest> buffer{};
    for (std::size_t i = 0; i < word.size(); ++i) buffer[i] = ascii_lower(word[i]);
    const std::string_view lowered(buffer.data(), word.size());
    const auto letters = [](std::string_view text) {
        std::uint32_t mask = 0;
        for (const char c : text) mask |= c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 0u;
        return mask;
    };
    return std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view marker) {
        const std::size_t limit = marker.size() >= 8 ? 2 : 1;
        const std::size_t gap =
            lowered.size() > marker.size() ? lowered.size() - marker.size() : marker.size() - lowered.size();
        if (gap > limit) return false;
        const std::uint32_t known = letters(marker);
        std::size_t foreign = 0;
        for (const char c : lowered)
            foreign += c >= 'a' && c <= 'z' && (known >> (c - 'a') & 1u) != 0 ? 0 : 1;
        return foreign <= limit && edit_distance(lowered, marker, limit) <= limit;
    });
}

}  // namespace

bool is_secret_key(std::string_view key) {
    if (is_sensitive_key(key)) return true;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= key.size(); ++i) {
        if (i < key.size() && key[i] != '.' && key[i] != '-' && key[i] != '_') continue;
        if (near_sensitive_word(key.substr(begin, i - begin))) return true;
        begin = i + 1;
    }
    return false;
}

}  // namespace flinklint

#include <algorithm>
#include <array>
#include <cctype>
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
    // GlobalConfiguration.isSensitive: case-insensitive substring match.
    static constexpr std::string_view kMarkers[] = {
        "password",    "secret", "fs.azure.account.key", "apikey",      "auth-params",
        "service-key", "token",  "basic-auth",           "jaas.config", "http-headers"};
    // Lowered on the stack (every key of every file comes here, several times).
    std::array<char, 256> buffer{};
    std::string heap;
    char* lower = buffer.data();
    if (key.size() > buffer.size()) {
        heap.resize(key.size());
        lower = heap.data();
    }
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string_view lowered(lower, key.size());
    return std::any_of(std::begin(kMarkers), std::end(kMarkers), [&](std::string_view marker) {
        return lowered.find(marker) != std::string_view::npos;
    });
}

namespace {

// A word of a key that is a sensitive word misspelled (`pasword`, `secert`, `tokne`): Flink does not
// mask it, but what it holds is still a password.
bool near_sensitive_word(std::string_view word) {
    static constexpr std::string_view kWords[] = {"password", "secret", "token", "apikey"};
    return std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view marker) {
        const std::size_t limit = marker.size() >= 8 ? 2 : 1;
        const std::size_t gap = word.size() > marker.size() ? word.size() - marker.size() : marker.size() - word.size();
        return word.size() >= 4 && gap <= limit && edit_distance(ascii_lower(word), marker, limit) <= limit;
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

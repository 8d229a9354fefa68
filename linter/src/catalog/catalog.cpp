// Catalog: the options of one Flink version plus the operator's keys, over the tables compiled
// into the binary, and the questions that span versions ("removed in 2.0", "new in 2.1").
#include <algorithm>
#include <array>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

#include "catalog/catalog_index.hpp"

namespace flinklint {
namespace {

using catalog_detail::CatalogTables;
using catalog_detail::KeyIndex;

constexpr std::size_t kVersionCount = std::size(kCatalogVersions);

// The catalog version used for `version`: the nearest at or below it (the oldest below that).
std::size_t version_slot(FlinkVersion version) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < kVersionCount; ++i) {
        if (kCatalogVersions[i] <= version) index = i;
    }
    return index;
}

const CatalogTables& tables_of_slot(std::size_t slot) {
    return catalog_detail::compiled_catalogs().versions[slot];
}

// The options of one version as OptionInfo, views into the compiled text.
std::vector<OptionInfo> options_of(const CatalogTables& tables) {
    using catalog_detail::text_of;
    const std::span<const std::string_view> entries = catalog_detail::list_entries();
    const auto list = [entries](catalog_detail::ListRef ref) {
        return entries.subspan(ref.first, ref.count);
    };
    std::vector<OptionInfo> options;
    options.reserve(tables.options.size());
    for (const catalog_detail::OptionRow& row : tables.options) {
        options.push_back({text_of(row.key), row.type, text_of(row.default_value), list(row.enum_values),
                           list(row.deprecated_keys), list(row.fallback_keys), row.documented, row.deprecated,
                           row.operator_option, row.operator_scope});
    }
    return options;
}

bool knows(std::size_t slot, std::string_view key) {
    return KeyIndex(tables_of_slot(slot)).lookup(key).kind != KeyLookup::Kind::unknown;
}

}  // namespace

namespace catalog_detail {

std::string_view text_of(TextRef ref) {
    return {compiled_catalogs().text.data() + ref.offset, ref.size};  // in range: the generator wrote both
}

std::span<const std::string_view> list_entries() {
    // The entries as views, made once: a list is then a span of them, as OptionInfo wants.
    static const std::vector<std::string_view> entries = [] {
        std::vector<std::string_view> out;
        out.reserve(compiled_catalogs().list_entries.size());
        for (const TextRef entry : compiled_catalogs().list_entries) out.push_back(text_of(entry));
        return out;
    }();
    return entries;
}

std::span<const std::string_view> list_of(ListRef ref) {
    return list_entries().subspan(ref.first, ref.count);
}

}  // namespace catalog_detail

const catalog_detail::SuggestIndex& Catalog::Impl::suggestions() const {
    // Built on the first unknown key only: most checks never need it.
    std::call_once(suggest_once_,
                   [this] { suggest_index_ = std::make_unique<catalog_detail::SuggestIndex>(options_); });
    return *suggest_index_;
}

const Catalog::Impl::AliasReaders& Catalog::Impl::alias_readers() const {
    // Built on the first alias a check meets; a scan of every option per alias cost more.
    std::call_once(readers_once_, [this] {
        for (const OptionInfo& option : options_) {
            for (const std::string_view alias : option.fallback_keys)
                alias_readers_.emplace_back(alias, &option);
            for (const std::string_view alias : option.deprecated_keys)
                alias_readers_.emplace_back(alias, &option);
        }
        // Stable: options_ is in key order, and so stay the readers of one alias.
        // std:: rather than std::ranges:: algorithms: clang 14 (the fuzzing build) cannot
        // instantiate ranges::unique over this vector with GCC 12's library.
        const auto by_alias = [](const auto& a, const auto& b) { return a.first < b.first; };
        std::stable_sort(alias_readers_.begin(), alias_readers_.end(), by_alias);
        alias_readers_.erase(std::unique(alias_readers_.begin(), alias_readers_.end()), alias_readers_.end());
    });
    return alias_readers_;
}

Catalog::Catalog(std::size_t slot)
    : version_(tables_of_slot(slot).version),
      options_(options_of(tables_of_slot(slot))),
      impl_(std::make_unique<const Impl>(tables_of_slot(slot), options_)) {}

Catalog::~Catalog() = default;

const Catalog& Catalog::for_version(FlinkVersion version) {
    static std::array<std::once_flag, kVersionCount> built;
    static std::array<Catalog*, kVersionCount> catalogs{};  // never destroyed: used until exit
    const std::size_t slot = version_slot(version);
    std::call_once(built[slot], [slot] { catalogs[slot] = new Catalog(slot); });
    return *catalogs[slot];
}

const OptionInfo* Catalog::find(std::string_view key) const {
    const auto id = impl_->keys.find(key);
    return id ? &options_[*id] : nullptr;
}

KeyLookup Catalog::lookup(std::string_view key) const {
    const auto hit = impl_->keys.lookup(key);
    return {hit.kind, hit.id ? &options_[*hit.id] : nullptr};
}

std::vector<std::string> Catalog::suggest(std::string_view key, std::size_t limit) const {
    return impl_->suggestions().suggest(key, limit);
}

std::vector<const OptionInfo*> Catalog::options_reading(std::string_view alias) const {
    const Impl::AliasReaders& readers = impl_->alias_readers();
    auto it = std::lower_bound(readers.begin(), readers.end(), alias,
                               [](const auto& reader, std::string_view key) { return reader.first < key; });
    std::vector<const OptionInfo*> out;
    for (; it != readers.end() && it->first == alias; ++it) out.push_back(it->second);
    return out;
}

std::optional<FlinkVersion> last_version_knowing(std::string_view key, FlinkVersion target) {
    const std::size_t target_slot = version_slot(target);
    if (knows(target_slot, key)) return std::nullopt;
    for (std::size_t slot = target_slot; slot-- > 0;) {
        if (knows(slot, key)) return kCatalogVersions[slot];
    }
    return std::nullopt;
}

std::optional<FlinkVersion> first_version_knowing(std::string_view key, FlinkVersion target) {
    for (std::size_t slot = 0; slot < kVersionCount; ++slot) {
        if (kCatalogVersions[slot] > target && knows(slot, key)) return kCatalogVersions[slot];
    }
    return std::nullopt;
}

}  // namespace flinklint

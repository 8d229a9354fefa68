// Catalog: the options of one Flink version plus the operator's keys, and the per-version key
// indexes that say which versions know a key.
#include <algorithm>
#include <array>
#include <iterator>
#include <mutex>
#include <string>
#include <unordered_set>

#include "catalog/catalog_index.hpp"
#include "flinklint/embedded.hpp"

namespace flinklint {
namespace {

using catalog_detail::AliasRow;
using catalog_detail::IndexRow;
using catalog_detail::KeyIndex;
using catalog_detail::TsvRow;

constexpr std::size_t kVersionCount = std::size(kCatalogVersions);

// The catalog version used for `version`: the nearest at or below it (the oldest below that).
std::size_t version_slot(FlinkVersion version) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < kVersionCount; ++i) {
        if (kCatalogVersions[i] <= version) index = i;
    }
    return index;
}

std::string catalog_file_name(FlinkVersion version) {
    return "flink-" + std::to_string(version.major) + "." + std::to_string(version.minor) + ".tsv";
}

std::string_view embedded_catalog(std::string_view name) {
    for (const embedded::EmbeddedFile& file : embedded::catalog_data()) {
        if (file.name == name) return file.data;
    }
    return {};
}

bool by_key(const TsvRow& a, const TsvRow& b) {
    return a.key < b.key;
}

// Sorted by key, stably; the generated files already are, so this is one linear check.
void sort_by_key(std::vector<TsvRow>::iterator first, std::vector<TsvRow>::iterator last) {
    if (!std::is_sorted(first, last, by_key)) std::stable_sort(first, last, by_key);
}

const std::vector<TsvRow>& operator_rows() {
    static const std::vector<TsvRow> rows =
        catalog_detail::scan_catalog_tsv(embedded_catalog("operator.tsv"));
    return rows;
}

// A version's rows sorted by key: its own file plus the operator's keys (the operator reads them
// from the same configuration, whatever the Flink version) that the file lacks. Views into the
// embedded files, so nothing is copied until a Catalog needs OptionInfo rows.
std::vector<TsvRow> catalog_rows(FlinkVersion version) {
    std::vector<TsvRow> rows = catalog_detail::scan_catalog_tsv(embedded_catalog(catalog_file_name(version)));
    sort_by_key(rows.begin(), rows.end());
    const auto flink_rows = static_cast<std::ptrdiff_t>(rows.size());
    rows.reserve(rows.size() + operator_rows().size());
    for (const TsvRow& row : operator_rows()) {
        if (!std::binary_search(rows.begin(), rows.begin() + flink_rows, row, by_key)) rows.push_back(row);
    }
    // Merging two sorted runs gives what a stable sort of the concatenation gives, in linear time.
    sort_by_key(rows.begin() + flink_rows, rows.end());
    std::inplace_merge(rows.begin(), rows.begin() + flink_rows, rows.end(), by_key);
    return rows;
}

// The key index of `count` rows in catalog order, described by `key_of(i)`, `flags(i)` (Map, live)
// and `for_each_alias(i, add)`.
template <class KeyOf, class Flags, class Aliases>
KeyIndex make_key_index(std::size_t count, KeyOf key_of, Flags flags, Aliases for_each_alias) {
    std::vector<IndexRow> rows;
    std::vector<AliasRow> aliases;
    rows.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto id = static_cast<std::uint32_t>(i);
        // Plain locals, not a structured binding: clang 14 cannot capture bindings in a lambda.
        const std::pair<bool, bool> map_and_live = flags(i);
        const bool map = map_and_live.first;
        const bool live = map_and_live.second;
        const std::string_view key = key_of(i);
        rows.push_back({key, id, map, live});
        for_each_alias(i, [&](std::string_view alias, KeyLookup::Kind kind) {
            if (alias != key) aliases.push_back({alias, id, kind, map, live});
        });
    }
    return KeyIndex(std::move(rows), std::move(aliases));
}

KeyIndex index_of_rows(const std::vector<TsvRow>& rows) {
    return make_key_index(
        rows.size(), [&](std::size_t i) { return rows[i].key; },
        [&](std::size_t i) {
            return std::pair{parse_option_type(rows[i].type) == OptionType::map,
                             rows[i].documented && !rows[i].deprecated};
        },
        [&](std::size_t i, auto&& add) {
            catalog_detail::for_each_listed(
                rows[i].fallback_keys, [&](std::string_view a) { add(a, KeyLookup::Kind::fallback_alias); });
            catalog_detail::for_each_listed(rows[i].deprecated_keys, [&](std::string_view a) {
                add(a, KeyLookup::Kind::deprecated_alias);
            });
        });
}

KeyIndex index_of_options(const std::vector<OptionInfo>& options) {
    return make_key_index(
        options.size(), [&](std::size_t i) { return std::string_view(options[i].key); },
        [&](std::size_t i) {
            return std::pair{options[i].type == OptionType::map,
                             options[i].documented && !options[i].deprecated};
        },
        [&](std::size_t i, auto&& add) {
            for (const std::string& alias : options[i].fallback_keys)
                add(alias, KeyLookup::Kind::fallback_alias);
            for (const std::string& alias : options[i].deprecated_keys)
                add(alias, KeyLookup::Kind::deprecated_alias);
        });
}

std::unique_ptr<Catalog> build_catalog(FlinkVersion version) {
    return std::make_unique<Catalog>(version, catalog_detail::to_options(catalog_rows(version)));
}

}  // namespace

namespace catalog_detail {

const KeyIndex& version_key_index(FlinkVersion version) {
    static std::array<std::once_flag, kVersionCount> built;
    static std::array<const KeyIndex*, kVersionCount> indexes{};  // never destroyed, like the catalogs
    const std::size_t slot = version_slot(version);
    std::call_once(built[slot], [slot] {
        indexes[slot] = new KeyIndex(index_of_rows(catalog_rows(kCatalogVersions[slot])));
    });
    return *indexes[slot];
}

}  // namespace catalog_detail

Catalog::Impl::Impl(const std::vector<OptionInfo>& options)
    : keys(index_of_options(options)), options_(options) {}

const catalog_detail::SuggestIndex& Catalog::Impl::suggestions() const {
    // Built on the first unknown key only: most checks never need it.
    std::call_once(suggest_once_,
                   [this] { suggest_index_ = std::make_unique<catalog_detail::SuggestIndex>(options_); });
    return *suggest_index_;
}

Catalog::Catalog(FlinkVersion version, std::vector<OptionInfo> options)
    : version_(version), options_(std::move(options)), impl_(std::make_unique<const Impl>(options_)) {}

Catalog::~Catalog() = default;

const Catalog& Catalog::for_version(FlinkVersion version) {
    static std::array<std::once_flag, kVersionCount> built;
    // Never destroyed: freeing every row at exit cost more than a small check's whole run.
    static std::array<Catalog*, kVersionCount> catalogs{};
    const std::size_t slot = version_slot(version);
    std::call_once(built[slot], [slot] { catalogs[slot] = build_catalog(kCatalogVersions[slot]).release(); });
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

namespace {

// Whether the reference catalog's own file declares a key of the operator's (none does today).
bool declares_operator_keys(const Catalog& reference) {
    static std::array<std::once_flag, kVersionCount> checked;
    static std::array<bool, kVersionCount> declares{};
    const std::size_t slot = version_slot(reference.version());
    std::call_once(checked[slot], [&reference, slot] {
        for (const TsvRow& row : operator_rows()) {
            const OptionInfo* option = reference.find(row.key);
            declares[slot] = declares[slot] || (option != nullptr && !option->operator_option);
        }
    });
    return declares[slot];
}

bool is_operator_key(std::string_view key) {
    static const std::unordered_set<std::string_view> keys = [] {
        std::unordered_set<std::string_view> out;
        for (const TsvRow& row : operator_rows()) out.insert(row.key);
        return out;
    }();
    return keys.contains(key);
}

// The key index of what `version` knows beyond `reference`: for a key the reference does not know,
// only rows of `version` that differ from the reference's can know it (lookup only ever asks whether
// some row matches), and a line diff of the two files finds those rows without scanning every
// line's cells. Where the operator's rows differ between the two, it is the whole version's index.
const KeyIndex& index_beyond(FlinkVersion version, const Catalog& reference) {
    static std::array<std::array<std::once_flag, kVersionCount>, kVersionCount> built;
    static std::array<std::array<const KeyIndex*, kVersionCount>, kVersionCount> indexes{};
    const std::size_t slot = version_slot(version);
    const std::size_t reference_slot = version_slot(reference.version());
    std::call_once(built[slot][reference_slot], [&] {
        const auto rows =
            catalog_detail::rows_not_in(embedded_catalog(catalog_file_name(kCatalogVersions[slot])),
                                        embedded_catalog(catalog_file_name(reference.version())));
        const bool operator_rows_differ = !rows || declares_operator_keys(reference) ||
                                          std::any_of(rows->begin(), rows->end(), [](const TsvRow& row) {
                                              return is_operator_key(row.key);
                                          });
        indexes[slot][reference_slot] = operator_rows_differ ? &catalog_detail::version_key_index(version)
                                                             : new KeyIndex(index_of_rows(*rows));
    });
    return *indexes[slot][reference_slot];
}

bool knows(const KeyIndex& index, std::string_view key) {
    return index.lookup(key).kind != KeyLookup::Kind::unknown;
}

}  // namespace

// Other versions are asked without building their catalogs: an unknown key asks every version, and
// building each one's Catalog for that cost more than the whole rest of a check.
std::optional<FlinkVersion> last_version_knowing(std::string_view key, FlinkVersion target) {
    const Catalog& current = Catalog::for_version(target);
    if (current.lookup(key).known()) return std::nullopt;
    for (std::size_t i = kVersionCount; i-- > 0;) {
        const FlinkVersion version = kCatalogVersions[i];
        if (version >= current.version()) continue;
        if (knows(index_beyond(version, current), key)) return version;
    }
    return std::nullopt;
}

std::optional<FlinkVersion> first_version_knowing(std::string_view key, FlinkVersion target) {
    const Catalog& reference = Catalog::for_version(target);
    const bool reference_knows = reference.lookup(key).known();
    for (const FlinkVersion version : kCatalogVersions) {
        if (version <= target) continue;
        const KeyIndex& index =
            reference_knows ? catalog_detail::version_key_index(version) : index_beyond(version, reference);
        if (knows(index, key)) return version;
    }
    return std::nullopt;
}

}  // namespace flinklint

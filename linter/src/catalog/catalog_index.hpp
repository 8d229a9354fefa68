// The indexes over a catalog's rows: sorted views for lookup, a candidate list for suggest.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/catalog_internal.hpp"
#include "flinklint/catalog.hpp"

namespace flinklint::catalog_detail {

using Histogram = std::array<std::uint8_t, 32>;

// Documented, non-deprecated, concrete keys: the only keys ever suggested (also when the written
// key is close to one of their aliases).
class SuggestIndex {
public:
    explicit SuggestIndex(std::span<const OptionInfo> options);
    SuggestIndex(const SuggestIndex&) = delete;  // candidates hold views into their own strings
    SuggestIndex& operator=(const SuggestIndex&) = delete;

    [[nodiscard]] std::vector<std::string> suggest(std::string_view key, std::size_t limit) const;

private:
    // Spellings and segments live in two flat arrays (one allocation each, not three per candidate).
    struct Candidate {
        std::string_view key;      // the option to suggest, as declared
        std::string_view lowered;  // the spelling compared: the key or one of its aliases (in text_)
        int penalty = 0;
        std::uint32_t segments = 0;  // offset into segments_
        std::uint32_t count = 0;
        Histogram histogram{};
    };
    [[nodiscard]] std::span<const std::string_view> segments(const Candidate& c) const {
        return std::span(segments_).subspan(c.segments, c.count);
    }
    std::string text_;
    std::vector<std::string_view> segments_;
    std::vector<Candidate> candidates_;
};

// The lookup tables of one catalog version, generated at build time from schemas/*.tsv by
// linter/tools/catalog_gen: a check only binary-searches them, it never parses or sorts a catalog.
// They hold offsets, not pointers, into one text array: a pointer would cost the static-pie loader
// a relocation on every start (31,000 of them, 0.4 M instructions).
struct TextRef {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};
struct ListRef {  // entries [first, first + count) of the list array
    std::uint32_t first = 0;
    std::uint32_t count = 0;
};

std::string_view text_of(TextRef ref);
std::span<const std::string_view> list_entries();  // every list's entries, as views
std::span<const std::string_view> list_of(ListRef ref);

struct OptionRow {
    TextRef key;
    TextRef default_value;  // empty when none
    ListRef enum_values, deprecated_keys, fallback_keys;
    OptionType type = OptionType::unknown;
    bool documented = false;
    bool deprecated = false;
    bool operator_option = false;
    OperatorScope operator_scope = OperatorScope::none;
};

struct AliasRow {
    TextRef alias;
    std::uint32_t id = 0;  // the option that lists the alias
    KeyLookup::Kind kind = KeyLookup::Kind::deprecated_alias;
    bool map = false;   // the option is Map-typed: `<alias>.<k>` sets entry `k`
    bool live = false;  // the option is documented and not deprecated: preferred as an alias target
};

// An option key with placeholders, split into segments.
struct Pattern {
    ListRef segments;
    std::uint32_t id = 0;
    std::uint32_t literals = 0;  // segments that must match exactly: more is more specific
    bool open = false;           // ends with `<key>`/`<param>`/`<parameter>`: one or more segments
};

// A Map-typed option's key (or alias): `<key>.<k>` sets entry `k`.
struct MapKey {
    TextRef key;
    std::uint32_t id = 0;
};

struct CatalogTables {
    FlinkVersion version;
    std::span<const OptionRow> options;  // by key, stably (the first of equal keys wins); id = position
    std::span<const AliasRow> aliases;   // by alias, one per alias: the best target
    std::span<const Pattern> patterns;   // catalog order; those starting with a placeholder are apart
    std::span<const Pattern> leading_placeholder_patterns;
    std::span<const MapKey> map_keys;  // by key, the first one each
};

// The generated arrays (catalog_tables.cpp).
struct CompiledCatalogs {
    std::string_view text;  // every key, default, list entry and segment
    std::span<const TextRef> list_entries;
    std::span<const CatalogTables> versions;  // one per kCatalogVersions entry, in that order
    // Over every version and the operator's keys, sorted: the first segments of keys and aliases
    // (`taskmanager`), for foreign_namespace.
    std::span<const TextRef> namespaces;
};
const CompiledCatalogs& compiled_catalogs();

// Key lookup over one version's tables.
class KeyIndex {
public:
    explicit KeyIndex(const CatalogTables& tables)
        : tables_(&tables), text_(compiled_catalogs().text.data()) {}

    struct Hit {
        KeyLookup::Kind kind = KeyLookup::Kind::unknown;
        std::optional<std::uint32_t> id;  // none for unknown keys and prefix-only pass-through families
    };
    [[nodiscard]] Hit lookup(std::string_view key) const;
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key) const;

private:
    [[nodiscard]] const Pattern* best_pattern(std::string_view key) const;

    const CatalogTables* tables_;
    const char* text_;  // compiled_catalogs().text
};

}  // namespace flinklint::catalog_detail

namespace flinklint {

struct Catalog::Impl {
    Impl(const catalog_detail::CatalogTables& tables, std::span<const OptionInfo> options)
        : keys(tables), options_(options) {}
    [[nodiscard]] const catalog_detail::SuggestIndex& suggestions() const;
    // (alias, option reading it), sorted by alias.
    using AliasReaders = std::vector<std::pair<std::string_view, const OptionInfo*>>;
    [[nodiscard]] const AliasReaders& alias_readers() const;

    catalog_detail::KeyIndex keys;

private:
    std::span<const OptionInfo> options_;
    mutable std::once_flag suggest_once_;
    mutable std::unique_ptr<const catalog_detail::SuggestIndex> suggest_index_;
    mutable std::once_flag readers_once_;
    mutable AliasReaders alias_readers_;
};

}  // namespace flinklint

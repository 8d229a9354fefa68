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
#include <vector>

#include "catalog/catalog_internal.hpp"
#include "flinklint/catalog.hpp"

namespace flinklint::catalog_detail {

using Histogram = std::array<std::uint8_t, 32>;

// Documented, non-deprecated, concrete keys: the only keys ever suggested (also when the written
// key is close to one of their aliases).
class SuggestIndex {
public:
    explicit SuggestIndex(const std::vector<OptionInfo>& options);
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

// What lookup needs of one row: views into text that outlives the index (the embedded files or
// the Catalog's own OptionInfo strings).
struct IndexRow {
    std::string_view key;
    std::uint32_t id = 0;  // the row's position among the rows given
    bool map = false;      // a Map-typed option: `<key>.<k>` sets entry `k`
    bool live = false;     // documented and not deprecated: preferred as an alias target
};
struct AliasRow {
    std::string_view alias;
    std::uint32_t id = 0;  // the row that lists the alias, whose flags follow
    KeyLookup::Kind kind = KeyLookup::Kind::deprecated_alias;
    bool map = false;
    bool live = false;
};

// An option key with placeholders, split into segments.
struct Pattern {
    std::vector<std::string_view> segments;
    std::uint32_t id = 0;
    std::size_t literals = 0;  // segments that must match exactly: more is more specific
    bool open = false;         // ends with `<key>`/`<param>`/`<parameter>`: one or more segments
};

// Key lookup over sorted arrays: building it is a few sorts of views, no per-key allocation, which
// matters because every check builds one (and an unknown key builds one per catalog version).
class KeyIndex {
public:
    // `rows` in catalog order (the first of equal keys wins), `aliases` in the order the rows list
    // them (fallback keys before deprecated keys), without those spelled like their own row's key.
    KeyIndex(std::vector<IndexRow> rows, std::vector<AliasRow> aliases);

    struct Hit {
        KeyLookup::Kind kind = KeyLookup::Kind::unknown;
        std::optional<std::uint32_t> id;  // none for unknown keys and prefix-only pass-through families
    };
    [[nodiscard]] Hit lookup(std::string_view key) const;
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key) const;

private:
    [[nodiscard]] const Pattern* best_pattern(std::string_view key) const;

    std::vector<IndexRow> rows_;     // by key, stably
    std::vector<AliasRow> aliases_;  // by alias, one per alias: the best target
    std::vector<Pattern> patterns_;  // catalog order; those starting with a placeholder are apart
    std::vector<Pattern> leading_placeholder_patterns_;
    std::vector<std::pair<std::string_view, std::uint32_t>> map_keys_;  // by key, the first one each
};

// The index of one catalog version's rows as the files list them, without building the Catalog.
const KeyIndex& version_key_index(FlinkVersion version);

}  // namespace flinklint::catalog_detail

namespace flinklint {

struct Catalog::Impl {
    explicit Impl(const std::vector<OptionInfo>& options);
    [[nodiscard]] const catalog_detail::SuggestIndex& suggestions() const;

    catalog_detail::KeyIndex keys;

private:
    const std::vector<OptionInfo>& options_;
    mutable std::once_flag suggest_once_;
    mutable std::unique_ptr<const catalog_detail::SuggestIndex> suggest_index_;
};

}  // namespace flinklint

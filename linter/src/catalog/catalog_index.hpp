// The indexes a Catalog builds over its options: hash maps for lookup, a candidate list for suggest.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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
    struct Candidate {
        std::string_view key;  // the option to suggest, as declared
        std::string lowered;   // the spelling compared: the key or one of its aliases
        int penalty = 0;
        std::vector<std::string_view> segments;  // of `lowered`
        std::vector<std::string_view> sorted_segments;
        Histogram histogram{};
    };
    std::vector<Candidate> candidates_;
};

// An option key with placeholders, split into segments.
struct Pattern {
    std::vector<std::string_view> segments;
    const OptionInfo* option = nullptr;
    std::size_t literals = 0;  // segments that must match exactly: more is more specific
    bool open = false;         // ends with `<key>`/`<param>`/`<parameter>`: one or more segments
};

}  // namespace flinklint::catalog_detail

namespace flinklint {

struct Catalog::Impl {
    struct Alias {
        const OptionInfo* option = nullptr;
        KeyLookup::Kind kind = KeyLookup::Kind::deprecated_alias;
    };
    std::unordered_map<std::string_view, const OptionInfo*> exact;
    std::unordered_map<std::string_view, Alias> aliases;
    // Patterns by their first segment; those starting with a placeholder are kept apart.
    std::unordered_map<std::string_view, std::vector<catalog_detail::Pattern>> patterns;
    std::vector<catalog_detail::Pattern> leading_placeholder_patterns;
    // Map-typed options (and their aliases): `<map key>.<k>` sets entry `k`.
    std::unordered_map<std::string_view, const OptionInfo*> map_options;
    catalog_detail::SuggestIndex suggestions;

    explicit Impl(const std::vector<OptionInfo>& options);
};

}  // namespace flinklint

// Key lookup: exact keys, aliases, placeholder patterns, Map sub-keys and pass-through families.
#include <algorithm>
#include <array>

#include "catalog/catalog_index.hpp"

namespace flinklint::catalog_detail {
namespace {

// Families whose sub-keys Flink hands on unchecked, so any sub-key is valid. Each was read in the
// sources that forward them: the file system factories copy every key with these prefixes into the
// Hadoop/SDK configuration; containerized.*.env.<VAR> become environment variables; the operator
// gives each listener its own sub-configuration and layers per-namespace/per-version defaults.
constexpr std::array<std::string_view, 14> kPassThroughPrefixes = {
    "s3.",
    "s3a.",
    "fs.s3a.",     // flink-s3-fs-hadoop S3FileSystemFactory
    "presto.s3.",  // flink-s3-fs-presto S3FileSystemFactory
    "fs.azure.",
    "azure.",  // flink-azure-fs-hadoop AbstractAzureFSFactory
    "gs.",
    "fs.gs.",   // flink-gs-fs-hadoop GSFileSystemFactory
    "fs.oss.",  // flink-oss-fs-hadoop OSSFileSystemFactory
    "containerized.master.env.",
    "containerized.taskmanager.env.",              // ResourceManagerOptions
    "kubernetes.operator.plugins.listeners.",      // operator ListenerUtils
    "kubernetes.operator.default-configuration.",  // operator FlinkConfigManager
    "statefun.",  // Stateful Functions reads its settings from the Flink configuration
};

// Keys beyond this length are never Flink options; they are not worth a pattern scan.
constexpr std::size_t kMaxKeyLength = 1024;

// The pattern of a placeholder key, or nothing when it could never match sensibly.
std::optional<Pattern> make_pattern(std::string_view key, std::uint32_t id) {
    Pattern pattern;
    pattern.id = id;
    pattern.segments = split_segments(key);
    for (std::size_t i = 0; i < pattern.segments.size(); ++i) {
        const std::string_view segment = pattern.segments[i];
        if (is_open_placeholder(segment)) {
            pattern.open = i + 1 == pattern.segments.size();
            if (!pattern.open) return std::nullopt;  // an open placeholder only makes sense at the end
        } else if (!is_placeholder(segment)) {
            ++pattern.literals;
        }
    }
    if (pattern.literals == 0) return std::nullopt;  // `<parameter>` alone would match everything
    return pattern;
}

bool matches(const Pattern& pattern, const std::vector<std::string_view>& segments) {
    const std::size_t fixed = pattern.open ? pattern.segments.size() - 1 : pattern.segments.size();
    if (pattern.open ? segments.size() <= fixed : segments.size() != fixed) return false;
    for (std::size_t i = 0; i < fixed; ++i) {
        const std::string_view want = pattern.segments[i];
        if (is_placeholder(want) ? segments[i].empty() : want != segments[i]) return false;
    }
    for (std::size_t i = fixed; i < segments.size(); ++i) {
        if (segments[i].empty()) return false;
    }
    return true;
}

std::string_view key_of(std::string_view key) {
    return key;
}
std::string_view key_of(const IndexRow& row) {
    return row.key;
}
std::string_view key_of(const AliasRow& row) {
    return row.alias;
}
std::string_view key_of(const std::pair<std::string_view, std::uint32_t>& row) {
    return row.first;
}

struct ByKey {
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
        return key_of(a) < key_of(b);
    }
};

template <class Rows>
auto find_key(const Rows& rows, std::string_view key) -> const typename Rows::value_type* {
    const auto it = std::lower_bound(rows.begin(), rows.end(), key, ByKey{});
    return it != rows.end() && key_of(*it) == key ? &*it : nullptr;
}

}  // namespace

KeyIndex::KeyIndex(std::vector<IndexRow> rows, std::vector<AliasRow> aliases) : rows_(std::move(rows)) {
    for (const IndexRow& row : rows_) {
        if (key_is_pattern(row.key)) {
            if (auto pattern = make_pattern(row.key, row.id)) {
                auto& into =
                    is_placeholder(pattern->segments.front()) ? leading_placeholder_patterns_ : patterns_;
                into.push_back(std::move(*pattern));
            }
        } else if (row.map) {
            map_keys_.emplace_back(row.key, row.id);
        }
    }
    for (const AliasRow& alias : aliases) {
        if (alias.map) map_keys_.emplace_back(alias.alias, alias.id);
    }
    // An alias names the first row that declares it, unless a live row declares it too.
    std::stable_sort(aliases.begin(), aliases.end(), ByKey{});
    for (const AliasRow& alias : aliases) {
        if (!aliases_.empty() && aliases_.back().alias == alias.alias) {
            if (alias.live && !aliases_.back().live) aliases_.back() = alias;
        } else {
            aliases_.push_back(alias);
        }
    }
    if (!std::is_sorted(rows_.begin(), rows_.end(), ByKey{}))
        std::stable_sort(rows_.begin(), rows_.end(), ByKey{});
    std::stable_sort(map_keys_.begin(), map_keys_.end(), ByKey{});
    map_keys_.erase(std::unique(map_keys_.begin(), map_keys_.end(),
                                [](const auto& a, const auto& b) { return a.first == b.first; }),
                    map_keys_.end());
}

std::optional<std::uint32_t> KeyIndex::find(std::string_view key) const {
    const IndexRow* row = find_key(rows_, key);
    return row == nullptr ? std::nullopt : std::optional(row->id);
}

// The most specific pattern matching `key`: most literal segments, then closed before open.
const Pattern* KeyIndex::best_pattern(std::string_view key) const {
    const std::string_view first = key.substr(0, key.find('.'));
    const auto same_first = [first](const Pattern& p) { return p.segments.front() == first; };
    if (std::none_of(patterns_.begin(), patterns_.end(), same_first) && leading_placeholder_patterns_.empty())
        return nullptr;
    const std::vector<std::string_view> segments = split_segments(key);
    const Pattern* best = nullptr;
    auto consider = [&](const std::vector<Pattern>& patterns) {
        for (const Pattern& pattern : patterns) {
            if (!matches(pattern, segments)) continue;
            if (best == nullptr || pattern.literals > best->literals ||
                (pattern.literals == best->literals && best->open && !pattern.open)) {
                best = &pattern;
            }
        }
    };
    consider(patterns_);
    consider(leading_placeholder_patterns_);
    return best;
}

KeyIndex::Hit KeyIndex::lookup(std::string_view key) const {
    const IndexRow* exact = find_key(rows_, key);
    // A retired key that is also declared on its own (taskmanager.network.memory.min) is reported
    // as the alias of the option that reads it now.
    if (exact != nullptr && exact->live) return {KeyLookup::Kind::option, exact->id};
    if (const AliasRow* alias = find_key(aliases_, key)) return {alias->kind, alias->id};
    if (exact != nullptr) return {KeyLookup::Kind::option, exact->id};
    if (key.empty() || key.size() > kMaxKeyLength) return {};

    if (const Pattern* pattern = best_pattern(key)) {
        // An open tail (`<parameter>`, `<key>`) is a family Flink forwards unchecked.
        return {pattern->open ? KeyLookup::Kind::pass_through : KeyLookup::Kind::pattern, pattern->id};
    }
    for (std::size_t dot = key.rfind('.'); dot != std::string_view::npos && dot > 0;
         dot = key.rfind('.', dot - 1)) {
        if (dot + 1 == key.size()) continue;
        if (const auto* map = find_key(map_keys_, key.substr(0, dot)))
            return {KeyLookup::Kind::pattern, map->second};
    }
    for (std::string_view prefix : kPassThroughPrefixes) {
        if (key.size() > prefix.size() && key.starts_with(prefix)) return {KeyLookup::Kind::pass_through, {}};
    }
    return {};
}

}  // namespace flinklint::catalog_detail

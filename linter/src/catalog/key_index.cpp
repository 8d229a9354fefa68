// Key lookup: exact keys, aliases, placeholder patterns, Map sub-keys and pass-through families.
#include <algorithm>
#include <array>

#include "catalog/catalog_index.hpp"

namespace flinklint::catalog_detail {
namespace {

// Families whose sub-keys Flink hands on unchecked, so any sub-key is valid. Each was read in the
// sources that forward them: the file system factories copy every key with these prefixes into the
// Hadoop/SDK configuration; containerized.*.env.<VAR> become environment variables; the operator
// gives each listener its own sub-configuration and layers per-namespace/per-version defaults. Iceberg's
// Flink connector reads its own options from the table configuration under `table.exec.iceberg.`
// (apache/iceberg flink FlinkConfigOptions: use-flip27-source, infer-source-parallelism, worker-pool-size,
// ...; the set grows with Iceberg's releases, whose version a Flink file does not give).
constexpr std::array<std::string_view, 15> kPassThroughPrefixes = {
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
    "statefun.",            // Stateful Functions reads its settings from the Flink configuration
    "table.exec.iceberg.",  // Iceberg's Flink connector (FlinkConfigOptions)
};

// Keys beyond this length are never Flink options; they are not worth a pattern scan.
constexpr std::size_t kMaxKeyLength = 1024;

bool matches(const Pattern& pattern, const std::vector<std::string_view>& segments) {
    const std::span<const std::string_view> wanted = list_of(pattern.segments);
    const std::size_t fixed = pattern.open ? wanted.size() - 1 : wanted.size();
    if (pattern.open ? segments.size() <= fixed : segments.size() != fixed) return false;
    for (std::size_t i = 0; i < fixed; ++i) {
        const std::string_view want = wanted[i];
        if (is_placeholder(want) ? segments[i].empty() : want != segments[i]) return false;
    }
    for (std::size_t i = fixed; i < segments.size(); ++i) {
        if (segments[i].empty()) return false;
    }
    return true;
}

TextRef ref_of(const OptionRow& row) {
    return row.key;
}
TextRef ref_of(const AliasRow& row) {
    return row.alias;
}
TextRef ref_of(const MapKey& row) {
    return row.key;
}

// A binary search whose comparisons read the text array directly: lookups are a tenth of a check's
// instructions, a call per comparison was half of that.
template <class Row>
const Row* find_key(std::span<const Row> rows, std::string_view key, const char* text) {
    const auto key_at = [text](const Row& row) {
        const TextRef ref = ref_of(row);
        return std::string_view(text + ref.offset, ref.size);
    };
    const auto it =
        std::partition_point(rows.begin(), rows.end(), [&](const Row& row) { return key_at(row) < key; });
    return it != rows.end() && key_at(*it) == key ? &*it : nullptr;
}

}  // namespace

std::optional<std::uint32_t> KeyIndex::find(std::string_view key) const {
    const OptionRow* row = find_key(tables_->options, key, text_);
    if (row == nullptr) return std::nullopt;
    return static_cast<std::uint32_t>(row - tables_->options.data());
}

// The most specific pattern matching `key`: most literal segments, then closed before open.
const Pattern* KeyIndex::best_pattern(std::string_view key) const {
    const std::string_view first = key.substr(0, key.find('.'));
    const auto same_first = [first](const Pattern& p) { return list_of(p.segments).front() == first; };
    if (std::none_of(tables_->patterns.begin(), tables_->patterns.end(), same_first) &&
        tables_->leading_placeholder_patterns.empty())
        return nullptr;
    const std::vector<std::string_view> segments = split_segments(key);
    const Pattern* best = nullptr;
    auto consider = [&](std::span<const Pattern> patterns) {
        for (const Pattern& pattern : patterns) {
            if (!matches(pattern, segments)) continue;
            if (best == nullptr || pattern.literals > best->literals ||
                (pattern.literals == best->literals && best->open && !pattern.open)) {
                best = &pattern;
            }
        }
    };
    consider(tables_->patterns);
    consider(tables_->leading_placeholder_patterns);
    return best;
}

KeyIndex::Hit KeyIndex::lookup(std::string_view key) const {
    const OptionRow* exact = find_key(tables_->options, key, text_);
    const auto exact_id = [&] { return static_cast<std::uint32_t>(exact - tables_->options.data()); };
    // A retired key that is also declared on its own (taskmanager.network.memory.min) is reported
    // as the alias of the option that reads it now.
    if (exact != nullptr && exact->documented && !exact->deprecated)
        return {KeyLookup::Kind::option, exact_id()};
    if (const AliasRow* alias = find_key(tables_->aliases, key, text_)) return {alias->kind, alias->id};
    if (exact != nullptr) return {KeyLookup::Kind::option, exact_id()};
    if (key.empty() || key.size() > kMaxKeyLength) return {};

    if (const Pattern* pattern = best_pattern(key)) {
        // An open tail (`<parameter>`, `<key>`) is a family Flink forwards unchecked.
        return {pattern->open ? KeyLookup::Kind::pass_through : KeyLookup::Kind::pattern, pattern->id};
    }
    for (std::size_t dot = key.rfind('.'); dot != std::string_view::npos && dot > 0;
         dot = key.rfind('.', dot - 1)) {
        if (dot + 1 == key.size()) continue;
        if (const MapKey* map = find_key(tables_->map_keys, key.substr(0, dot), text_))
            return {KeyLookup::Kind::pattern, map->id};
    }
    for (std::string_view prefix : kPassThroughPrefixes) {
        if (key.size() > prefix.size() && key.starts_with(prefix)) return {KeyLookup::Kind::pass_through, {}};
    }
    return {};
}

}  // namespace flinklint::catalog_detail

namespace flinklint {
std::span<const std::string_view> pass_through_prefixes() {
    return catalog_detail::kPassThroughPrefixes;
}
}  // namespace flinklint

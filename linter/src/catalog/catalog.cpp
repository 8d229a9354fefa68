// Catalog: the options of one Flink version plus the operator's keys, indexed for hash lookups.
#include <algorithm>
#include <array>
#include <iterator>
#include <mutex>
#include <string>

#include "catalog/catalog_index.hpp"
#include "flinklint/embedded.hpp"

namespace flinklint {
namespace {

using catalog_detail::Pattern;

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

bool better_alias_target(const OptionInfo& candidate, const OptionInfo& current) {
    const bool candidate_live = candidate.documented && !candidate.deprecated;
    const bool current_live = current.documented && !current.deprecated;
    return candidate_live && !current_live;
}

void add_alias(Catalog::Impl& impl, std::string_view alias, const OptionInfo& option, KeyLookup::Kind kind) {
    if (alias == option.key) return;
    auto [it, inserted] = impl.aliases.try_emplace(alias, Catalog::Impl::Alias{&option, kind});
    if (!inserted && better_alias_target(option, *it->second.option)) it->second = {&option, kind};
    if (option.type == OptionType::map) impl.map_options.try_emplace(alias, &option);
}

void add_pattern(Catalog::Impl& impl, const OptionInfo& option) {
    Pattern pattern;
    pattern.option = &option;
    pattern.segments = catalog_detail::split_segments(option.key);
    for (std::size_t i = 0; i < pattern.segments.size(); ++i) {
        const std::string_view segment = pattern.segments[i];
        if (catalog_detail::is_open_placeholder(segment)) {
            pattern.open = i + 1 == pattern.segments.size();
            if (!pattern.open) return;  // an open placeholder only makes sense at the end
        } else if (!catalog_detail::is_placeholder(segment)) {
            ++pattern.literals;
        }
    }
    if (pattern.literals == 0) return;  // `<parameter>` alone would match everything
    const std::string_view first = pattern.segments.front();
    if (catalog_detail::is_placeholder(first)) {
        impl.leading_placeholder_patterns.push_back(std::move(pattern));
    } else {
        impl.patterns[first].push_back(std::move(pattern));
    }
}

bool matches(const Pattern& pattern, const std::vector<std::string_view>& segments) {
    const std::size_t fixed = pattern.open ? pattern.segments.size() - 1 : pattern.segments.size();
    if (pattern.open ? segments.size() <= fixed : segments.size() != fixed) return false;
    for (std::size_t i = 0; i < fixed; ++i) {
        const std::string_view want = pattern.segments[i];
        if (catalog_detail::is_placeholder(want) ? segments[i].empty() : want != segments[i]) return false;
    }
    for (std::size_t i = fixed; i < segments.size(); ++i) {
        if (segments[i].empty()) return false;
    }
    return true;
}

// The most specific pattern matching `key`: most literal segments, then closed before open.
const Pattern* best_pattern(const Catalog::Impl& impl, std::string_view key) {
    const auto group = impl.patterns.find(key.substr(0, key.find('.')));
    if (group == impl.patterns.end() && impl.leading_placeholder_patterns.empty()) return nullptr;
    const std::vector<std::string_view> segments = catalog_detail::split_segments(key);
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
    if (group != impl.patterns.end()) consider(group->second);
    consider(impl.leading_placeholder_patterns);
    return best;
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

const std::vector<OptionInfo>& operator_options() {
    static const std::vector<OptionInfo> options = parse_catalog_tsv(embedded_catalog("operator.tsv"));
    return options;
}

std::unique_ptr<Catalog> build_catalog(FlinkVersion version) {
    std::vector<OptionInfo> options = parse_catalog_tsv(embedded_catalog(catalog_file_name(version)));
    // The operator reads its keys from the same configuration, whatever the Flink version.
    std::vector<std::string_view> flink_keys;
    for (const OptionInfo& option : options) flink_keys.push_back(option.key);
    std::sort(flink_keys.begin(), flink_keys.end());
    std::vector<OptionInfo> extra;
    for (const OptionInfo& option : operator_options()) {
        if (!std::binary_search(flink_keys.begin(), flink_keys.end(), option.key)) extra.push_back(option);
    }
    options.insert(options.end(), std::make_move_iterator(extra.begin()),
                   std::make_move_iterator(extra.end()));
    std::stable_sort(options.begin(), options.end(),
                     [](const OptionInfo& a, const OptionInfo& b) { return a.key < b.key; });
    return std::make_unique<Catalog>(version, std::move(options));
}

}  // namespace

Catalog::Impl::Impl(const std::vector<OptionInfo>& options) : suggestions(options) {
    for (const OptionInfo& option : options) {
        exact.try_emplace(option.key, &option);
        if (option.is_pattern()) {
            add_pattern(*this, option);
        } else if (option.type == OptionType::map) {
            map_options.try_emplace(option.key, &option);
        }
    }
    // Aliases after all keys, so a better target (documented, not deprecated) can win deterministically.
    for (const OptionInfo& option : options) {
        for (const std::string& key : option.fallback_keys)
            add_alias(*this, key, option, KeyLookup::Kind::fallback_alias);
        for (const std::string& key : option.deprecated_keys) {
            add_alias(*this, key, option, KeyLookup::Kind::deprecated_alias);
        }
    }
}

Catalog::Catalog(FlinkVersion version, std::vector<OptionInfo> options)
    : version_(version), options_(std::move(options)), impl_(std::make_unique<const Impl>(options_)) {}

Catalog::~Catalog() = default;

const Catalog& Catalog::for_version(FlinkVersion version) {
    constexpr std::size_t count = std::size(kCatalogVersions);
    static std::array<std::once_flag, count> built;
    static std::array<std::unique_ptr<Catalog>, count> catalogs;
    std::size_t index = 0;  // older than the oldest catalog: use the oldest
    for (std::size_t i = 0; i < count; ++i) {
        if (kCatalogVersions[i] <= version) index = i;
    }
    std::call_once(built[index], [index] { catalogs[index] = build_catalog(kCatalogVersions[index]); });
    return *catalogs[index];
}

const OptionInfo* Catalog::find(std::string_view key) const {
    const auto it = impl_->exact.find(key);
    return it == impl_->exact.end() ? nullptr : it->second;
}

KeyLookup Catalog::lookup(std::string_view key) const {
    const Impl& impl = *impl_;
    const OptionInfo* exact = find(key);
    // A retired key that is also declared on its own (taskmanager.network.memory.min) is reported
    // as the alias of the option that reads it now.
    if (exact != nullptr && exact->documented && !exact->deprecated) return {KeyLookup::Kind::option, exact};
    if (const auto it = impl.aliases.find(key); it != impl.aliases.end()) {
        return {it->second.kind, it->second.option};
    }
    if (exact != nullptr) return {KeyLookup::Kind::option, exact};
    if (key.empty() || key.size() > kMaxKeyLength) return {};

    if (const Pattern* pattern = best_pattern(impl, key)) {
        // An open tail (`<parameter>`, `<key>`) is a family Flink forwards unchecked.
        return {pattern->open ? KeyLookup::Kind::pass_through : KeyLookup::Kind::pattern, pattern->option};
    }
    for (std::size_t dot = key.rfind('.'); dot != std::string_view::npos && dot > 0;
         dot = key.rfind('.', dot - 1)) {
        if (dot + 1 == key.size()) continue;
        if (const auto it = impl.map_options.find(key.substr(0, dot)); it != impl.map_options.end()) {
            return {KeyLookup::Kind::pattern, it->second};
        }
    }
    for (std::string_view prefix : kPassThroughPrefixes) {
        if (key.size() > prefix.size() && key.starts_with(prefix))
            return {KeyLookup::Kind::pass_through, nullptr};
    }
    return {};
}

std::vector<std::string> Catalog::suggest(std::string_view key, std::size_t limit) const {
    return impl_->suggestions.suggest(key, limit);
}

std::optional<FlinkVersion> last_version_knowing(std::string_view key, FlinkVersion target) {
    const Catalog& current = Catalog::for_version(target);
    if (current.lookup(key).known()) return std::nullopt;
    for (std::size_t i = std::size(kCatalogVersions); i-- > 0;) {
        const FlinkVersion version = kCatalogVersions[i];
        if (version >= current.version()) continue;
        if (Catalog::for_version(version).lookup(key).known()) return version;
    }
    return std::nullopt;
}

}  // namespace flinklint

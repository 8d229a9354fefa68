// Per key: the target catalog decides first (an alias of the target is renamed to the option's
// key), then the curated successors of removed keys, then the source catalog (an alias whose
// option the target still has), and last "no longer read".
#include "key_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace flinklint::migrate {
namespace {

bool reads_alias(const OptionInfo& option, std::string_view alias) {
    const auto has = [&](std::span<const std::string_view> keys) {
        return std::find(keys.begin(), keys.end(), alias) != keys.end();
    };
    return has(option.deprecated_keys) || has(option.fallback_keys);
}

std::vector<std::string> split_keys(std::string_view text) {
    std::vector<std::string> keys;
    while (!text.empty()) {
        const std::size_t bar = text.find('|');
        keys.emplace_back(text.substr(0, bar));
        if (bar == std::string_view::npos) break;
        text.remove_prefix(bar + 1);
    }
    return keys;
}

// Where an alias chain ends in `to`: `jobmanager.web.port` names `web.port`, itself an alias of
// `rest.port` in 1.20. Stopping halfway left a key the next migration would rename again.
std::string chain_end(const Catalog& to, std::string key) {
    for (int step = 0; step < 8; ++step) {  // catalogs hold short chains; the bound guards a cycle
        const KeyLookup lookup = to.lookup(key);
        if ((lookup.kind != KeyLookup::Kind::deprecated_alias &&
             lookup.kind != KeyLookup::Kind::fallback_alias) ||
            lookup.option == nullptr)
            break;
        std::string next = preferred_key(to, key, *lookup.option);
        if (next == key) break;
        key = std::move(next);
    }
    return key;
}

// The target's own key for `key` when `key` is an alias there, else nullopt.
std::optional<std::string> target_name(std::string_view key, const Catalog& to) {
    const KeyLookup lookup = to.lookup(key);
    if ((lookup.kind == KeyLookup::Kind::deprecated_alias ||
         lookup.kind == KeyLookup::Kind::fallback_alias) &&
        lookup.option != nullptr)
        return chain_end(to, preferred_key(to, key, *lookup.option));
    if (lookup.kind == KeyLookup::Kind::option) return std::string(key);
    return std::nullopt;
}

}  // namespace

std::string preferred_key(const Catalog& catalog, std::string_view alias, const OptionInfo& fallback) {
    const std::vector<const OptionInfo*> readers = catalog.options_reading(alias);
    for (const OptionInfo* candidate : readers) {
        const bool others_fall_back =
            std::all_of(readers.begin(), readers.end(), [&](const OptionInfo* other) {
                return other == candidate || reads_alias(*other, candidate->key);
            });
        if (others_fall_back) return std::string(candidate->key);
    }
    return std::string(fallback.key);
}

KeyPlan plan_key(std::string_view key, const Catalog& from, const Catalog& to, DeploymentMode mode) {
    const KeyLookup lookup = to.lookup(key);
    switch (lookup.kind) {
        case KeyLookup::Kind::option:
        case KeyLookup::Kind::pattern:
        case KeyLookup::Kind::pass_through:
            return {};
        case KeyLookup::Kind::deprecated_alias:
        case KeyLookup::Kind::fallback_alias:
            return {.kind = KeyPlan::Kind::rename,
                    .keys = {chain_end(to, preferred_key(to, key, *lookup.option))},
                    .reason = fmt::format("deprecated in Flink {}", to.version().str())};
        case KeyLookup::Kind::unknown:
            break;
    }
    if (const RemovedKeyFact* fact = find_removed_key_fact(key)) {
        const std::string_view keys =
            mode == DeploymentMode::active && !fact->containers.empty() ? fact->containers : fact->standalone;
        if (keys.empty()) return {.kind = KeyPlan::Kind::remove, .reason = std::string(fact->reason)};
        return {.kind = KeyPlan::Kind::replace,
                .keys = split_keys(keys),
                .unit_suffix = fact->unit_suffix,
                .reason = std::string(fact->reason)};
    }
    // An alias in the file's own version of an option the target still reads under some name.
    const KeyLookup old = from.lookup(key);
    if ((old.kind == KeyLookup::Kind::deprecated_alias || old.kind == KeyLookup::Kind::fallback_alias) &&
        old.option != nullptr) {
        if (auto name = target_name(old.option->key, to))
            return {.kind = KeyPlan::Kind::rename,
                    .keys = {std::move(*name)},
                    .reason = fmt::format("an alias of {} that Flink {} no longer reads", old.option->key,
                                          to.version().str())};
    }
    if (const auto last = last_version_knowing(key, to.version()))
        return {.kind = KeyPlan::Kind::remove,
                .reason = fmt::format("Flink {} no longer reads it (last read by Flink {}); no successor",
                                      to.version().str(), last->str())};
    return {};  // unknown to both: a plugin's key or a typo, not the migration's business
}

}  // namespace flinklint::migrate

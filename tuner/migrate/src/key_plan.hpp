// What becomes of one key when a configuration moves from one Flink version to another: kept,
// renamed to the target's name, replaced by other keys (the legacy heap sizes), or removed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flinklint/catalog.hpp"
#include "flinklint/memory_model.hpp"

namespace flinklint::migrate {

struct KeyPlan {
    enum class Kind { keep, rename, replace, remove };
    Kind kind = Kind::keep;
    // rename: one key; replace: every key the value is written to (`security.ssl.enabled` is two).
    std::vector<std::string> keys;
    // replace: the value is a number of this unit (`taskmanager.heap.mb`): append it.
    std::string_view unit_suffix;
    std::string reason;
};

// `from` is the catalog of the file's own version, `to` the target's; `mode` decides the
// context-aware replacements.
KeyPlan plan_key(std::string_view key, const Catalog& from, const Catalog& to, DeploymentMode mode);

// A key removed without a successor, with the reason a user needs; nullptr when not curated.
struct RemovedKeyFact {
    std::string_view key;
    std::string_view standalone;  // replacement(s) for standalone clusters, `|` separated
    std::string_view containers;  // for Kubernetes / YARN (empty: as standalone)
    std::string_view unit_suffix;
    std::string_view reason;
};
const RemovedKeyFact* find_removed_key_fact(std::string_view key);

// The key the target version prefers for an alias several options read (`web.port` is read by
// `rest.port` and `rest.bind-port`; `rest.bind-port` falls back to `rest.port`).
std::string preferred_key(const Catalog& catalog, std::string_view alias, const OptionInfo& fallback);

}  // namespace flinklint::migrate

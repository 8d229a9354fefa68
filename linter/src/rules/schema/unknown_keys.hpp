// What an unknown key is: one classification that FL101 unknown-key and FL111 foreign-namespace-key
// both report from, so that the two rules can never disagree or both report one key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/catalog.hpp"
#include "flinklint/model.hpp"

namespace flinklint::rules {

enum class UnknownKeyKind {
    not_unknown,         // an option, alias or family of this version, or under a nested block: no finding
    removed,             // an option of an older version: FL202 removed-key says more
    invented,            // never an option, circulates in advice (find_invented_key): FL101
    retired_still_read,  // a retired key this version still reads: no finding
    retired,             // read by old versions only (find_retired_key): FL101
    newer,               // an option from a later version on: FL101
    older_flink,         // dated only by its keys to a Flink older than every catalog, no near miss:
                         // it may have been an option of that Flink (`webclient.port` in 0.9): no finding
    foreign_namespace,   // under a first segment no option uses, no close option: FL111
    operator_reordered,  // under the operator's namespaces, the words of one operator option: FL101
    operator_extension,  // under the operator's namespaces, no close option: FL101 at info
    unknown,             // FL101, with the suggestions when there are any
};

struct UnknownKey {
    UnknownKeyKind kind = UnknownKeyKind::not_unknown;
    const InventedKey* invented = nullptr;
    const RetiredKey* retired = nullptr;
    std::optional<FlinkVersion> newer;     // the first version that reads it
    std::vector<std::string> suggestions;  // catalog.suggest(key), for operator_extension and unknown
    std::string_view reordered;            // the operator option, for operator_reordered
};

// The checks in this order: a key is the first kind it matches.
UnknownKey classify_unknown_key(const FlinkConfig& config, const ConfigEntry& entry);

}  // namespace flinklint::rules

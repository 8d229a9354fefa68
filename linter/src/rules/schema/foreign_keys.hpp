// Which unknown keys FL111 foreign-namespace-key reports and FL101 unknown-key leaves to it.
#pragma once

#include <string_view>

#include "flinklint/catalog.hpp"

namespace flinklint::rules {

// The key's first segment is the namespace of no option or alias of any catalog version or of the
// operator (foreign_namespace returns just that segment). A key under a Flink first segment whose first
// two segments are foreign (`taskmanager.logging.level`, `metrics.jvm.cpu`, `table.catalog.x.type`)
// stays FL101's: on the corpus such keys were invented keys and research forks' options (49 of 49),
// mistakes of people who expect Flink to read them, not other programs' settings.
inline bool foreign_first_segment(std::string_view key) {
    const std::string_view ns = foreign_namespace(key);
    return !ns.empty() && ns.find('.') + 1 == ns.size();
}

}  // namespace flinklint::rules

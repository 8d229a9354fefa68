// `flinklint --version`: what this binary is and what it knows.
#pragma once

#include <iosfwd>
#include <string_view>

namespace flinklint::cli {

// Facts fixed when the build was configured (cmake/Version.cmake fills them in).
struct BuildInfo {
    std::string_view version;     // 0.1.0, or 0.1.0+3.g1a2b3c4d5e6f between releases
    std::string_view commit;      // abbreviated commit id, or "unknown" outside a git checkout
    bool dirty = false;           // the checkout had uncommitted changes
    std::string_view build_date;  // UTC, ISO 8601
    std::string_view build_type;
    std::string_view linkage;  // static or dynamic
    std::string_view compiler;
    std::string_view operator_catalog;  // release of the Flink Kubernetes Operator catalog
};
const BuildInfo& build_info();

// Prints the version report as text or as one JSON object (`format` is "text" or "json").
int run_version(std::string_view format, std::ostream& out);

}  // namespace flinklint::cli

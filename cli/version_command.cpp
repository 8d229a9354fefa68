// `flinklint --version [--format json]`: version, commit, build date, compiler, and the Flink
// versions whose option catalogs are compiled in (so a user can tell which releases it knows).
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "flinklint/version.hpp"

namespace flinklint::cli {
namespace {

std::vector<std::string> catalog_versions() {
    std::vector<std::string> versions;
    for (const FlinkVersion version : kCatalogVersions) versions.push_back(version.str());
    return versions;
}

}  // namespace

int run_version(std::string_view format, std::ostream& out) {
    const BuildInfo& info = build_info();
    const std::vector<std::string> flink = catalog_versions();
    if (format == "json") {
        const nlohmann::ordered_json report = {
            {"name", "flinklint"},
            {"version", info.version},
            {"commit", info.commit},
            {"dirty", info.dirty},
            {"build_date", info.build_date},
            {"build_type", info.build_type},
            {"linkage", info.linkage},
            {"compiler", info.compiler},
            {"catalogs", {{"flink", flink}, {"kubernetes_operator", info.operator_catalog}}},
            {"default_flink_version", kDefaultFlinkVersion.str()},
        };
        out << report.dump(2) << "\n";
        return kExitClean;
    }
    std::string flink_list;
    for (const auto& version : flink) flink_list += (flink_list.empty() ? "" : ", ") + version;
    out << "flinklint " << info.version << "\n"
        << "commit:   " << info.commit << (info.dirty ? " (with uncommitted changes)" : "") << "\n"
        << "built:    " << info.build_date << " (" << info.build_type << ", " << info.linkage << ")\n"
        << "compiler: " << info.compiler << "\n"
        << "catalogs: Flink " << flink_list << " (default " << kDefaultFlinkVersion.str()
        << "); Flink Kubernetes Operator " << info.operator_catalog << "\n";
    return kExitClean;
}

}  // namespace flinklint::cli

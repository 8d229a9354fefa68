// The edits of one migration, gathered per source file before they are applied.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/migrate/migrate.hpp"
#include "flinklint/model.hpp"

namespace flinklint::migrate {

struct FilePlan {
    std::vector<Fix> fixes;
    FileMigration report;
    bool converts_legacy = false;  // a legacy file that becomes YAML (and config.yaml beside it)
};

using Plans = std::map<const Source*, FilePlan>;

// The edits and report entries of one configuration (keys, values, duplicates, skipped lines).
void plan_config(const FlinkConfig& config, FlinkVersion to, FilePlan& plan);

// FlinkDeployment spec.flinkVersion, a ConfigMap's flink-conf.yaml key and the volumes that mount
// it, images that still run the old Flink.
void plan_objects(const Model& model, FlinkVersion to, Plans& plans);

// Defaults that differ between the two catalogs for options the configuration does not set.
std::vector<std::string> default_change_notes(const FlinkConfig& config, FlinkVersion to);

// A line break as the source writes them.
std::string_view line_break(const Source& source);

}  // namespace flinklint::migrate

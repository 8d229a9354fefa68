// The report of `flinklint migrate`: text, JSON (the shape docs/migrate.md shows), Markdown, SARIF.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "flinklint/migrate/migrate.hpp"

namespace flinklint::cli {

enum class MigrateFormat { text, json, markdown, sarif };

std::optional<MigrateFormat> parse_migrate_format(std::string_view name);

void render_migration(const std::vector<migrate::FileMigration>& files, MigrateFormat format,
                      std::ostream& out);

}  // namespace flinklint::cli

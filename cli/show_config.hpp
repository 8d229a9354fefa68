// `flinklint check --show-config` (show_config.cpp): the settings in force and where each came from.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <set>
#include <string>

#include "cli/commands.hpp"
#include "flinklint/project_config.hpp"

namespace flinklint::cli {

// Text (one aligned line per setting) or, with --format json, {"settings": [{name, value, source}]}.
// `disabled`: the rule ids the run turns off (--disable, --select), before the project's own.
void show_config(const CheckOptions& options, const ProjectConfig& project,
                 const std::set<std::string>& disabled, std::ostream& out);

// Where the report's paths are relative to: --root, else the git top-level above the working
// directory (code scanning and merge request widgets resolve paths from the repository root), else the
// configuration file's directory, else the working directory.
std::filesystem::path report_root(const CheckOptions& options, const ProjectConfig& project);
std::string root_source(const CheckOptions& options, const ProjectConfig& project);

}  // namespace flinklint::cli

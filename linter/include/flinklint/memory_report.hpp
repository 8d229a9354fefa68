// Presenting a derived TaskManager / JobManager memory layout: JSON for tools, text for people.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "flinklint/memory_model.hpp"

namespace flinklint {

// Success: {"process": "taskmanager", <the fields of memory-vectors' "expect">} with sizes in bytes.
// Failure: {"process": ..., "error": <category>, "message": ..., "keys": [...]}.
nlohmann::json memory_to_json(const TaskManagerResult& result);
nlohmann::json memory_to_json(const JobManagerResult& result);

// A table of the components (MiB and share of the process), the JVM flags and a one-line bar
// picture of the layout with its legend; fits in 100 columns. `color` adds ANSI colours.
std::string render_memory_text(const TaskManagerResult& result, bool color = false);
std::string render_memory_text(const JobManagerResult& result, bool color = false);

}  // namespace flinklint

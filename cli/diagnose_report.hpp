// The report of `flinklint diagnose`: text and SARIF through the output layer, JSON and Markdown
// with the diagnosis' own fields (role, cause, changes, notes).
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "flinklint/diagnose/diagnose.hpp"

namespace flinklint::cli {

enum class DiagnoseFormat { text, json, markdown, sarif };

std::optional<DiagnoseFormat> parse_diagnose_format(std::string_view name);

void render_diagnosis(const diagnose::Result& result, DiagnoseFormat format, std::ostream& out);

}  // namespace flinklint::cli

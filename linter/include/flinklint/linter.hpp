// Running the rules over a model: selection, severity overrides and inline suppressions.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/model.hpp"
#include "flinklint/thresholds.hpp"

namespace flinklint {

struct RuleSettings {
    std::set<std::string> disabled;             // rule ids
    std::map<std::string, Severity> severity;   // rule id -> severity override
    Thresholds thresholds;                      // policy thresholds of the runtime rules
};

// Runs every enabled rule, drops findings suppressed by `# flinklint: disable...` comments, applies
// severity overrides, and returns the diagnostics sorted by file, position and rule.
std::vector<Diagnostic> run_rules(const Model& model, const RuleSettings& settings);

// Byte ranges of secret values (keys Flink treats as sensitive) in each source of the model.
std::map<const Source*, std::vector<Span>> secret_spans(const Model& model);

// Turns rule ids or names into ids; returns the names it does not know.
std::vector<std::string> resolve_rule_names(const std::vector<std::string>& names, std::set<std::string>& ids);

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace flinklint

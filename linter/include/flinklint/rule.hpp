// Rules: metadata, the check function, and the registry (linter/src/rules/rules.def).
#pragma once

#include <span>
#include <string_view>

#include "flinklint/diagnostic.hpp"

namespace flinklint {

class Model;
class Reporter;

struct RuleInfo {
    std::string_view id;    // "FL101": stable forever
    std::string_view name;  // "unknown-key": stable forever
    Category category = Category::schema;
    Severity default_severity = Severity::warning;
    bool fixable = false;
    std::string_view summary;  // one line, for `flinklint rules` and SARIF shortDescription
};

using CheckFn = void (*)(const Model&, Reporter&);

struct Rule {
    RuleInfo info;
    CheckFn check = nullptr;
};

std::span<const Rule> all_rules();
// By id ("FL101", case-insensitive) or name ("unknown-key").
const Rule* find_rule(std::string_view id_or_name);
// The rule's doc page (Markdown), embedded from its folder,
// linter/src/rules/<category>/<ID>-<name>/<name>.md; empty if missing.
std::string_view rule_doc(const RuleInfo& info);
// The severities a rule reports at, its default first: "error" or "error|warning".
std::string severities_text(const RuleInfo& info);

}  // namespace flinklint

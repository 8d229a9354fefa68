// `flinklint rules` and `flinklint explain`.
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "flinklint/rule.hpp"

namespace flinklint::cli {

int run_rules_list(bool json, std::ostream& out) {
    if (json) {
        nlohmann::json rules = nlohmann::json::array();
        for (const Rule& rule : all_rules()) {
            rules.push_back({{"id", rule.info.id},
                             {"name", rule.info.name},
                             {"category", to_string(rule.info.category)},
                             {"severity", to_string(rule.info.default_severity)},
                             {"fixable", rule.info.fixable},
                             {"summary", rule.info.summary}});
        }
        out << nlohmann::json{{"version", 1}, {"rules", rules}}.dump(2) << "\n";
        return kExitClean;
    }
    out << fmt::format("{:<6} {:<40} {:<11} {:<8} {}\n", "ID", "NAME", "CATEGORY", "SEVERITY", "FIX");
    for (const Rule& rule : all_rules()) {
        out << fmt::format("{:<6} {:<40} {:<11} {:<8} {}\n", rule.info.id, rule.info.name,
                           to_string(rule.info.category), to_string(rule.info.default_severity),
                           rule.info.fixable ? "yes" : "");
    }
    return kExitClean;
}

int run_explain(const std::string& name, std::ostream& out, std::ostream& err) {
    const Rule* rule = find_rule(name);
    if (rule == nullptr) {
        err << fmt::format("flinklint: unknown rule `{}` (see `flinklint rules`)\n", name);
        return kExitUsage;
    }
    const std::string_view doc = rule_doc(rule->info);
    if (doc.empty()) {
        out << fmt::format("{} {}: {}\n", rule->info.id, rule->info.name, rule->info.summary);
    } else {
        out << doc;
        if (doc.back() != '\n') out << "\n";
    }
    return kExitClean;
}

}  // namespace flinklint::cli

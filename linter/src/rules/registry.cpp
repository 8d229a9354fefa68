#include <algorithm>
#include <cctype>
#include <string>

#include "flinklint/embedded.hpp"
#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"
#include "flinklint/rule.hpp"

namespace flinklint {

namespace rules {
#define FLINKLINT_RULE(id, name, category, severity, fixable, fn, summary) \
    void fn(const Model&, Reporter&);
#include "rules/rules.def"
#undef FLINKLINT_RULE
}  // namespace rules

namespace {

constexpr Rule kRules[] = {
#define FLINKLINT_RULE(id, name, category, severity, fixable, fn, summary)                   \
    Rule{RuleInfo{#id, name, Category::category, Severity::severity, fixable, summary}, \
         &rules::fn},
#include "rules/rules.def"
#undef FLINKLINT_RULE
};

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::span<const Rule> all_rules() { return kRules; }

const Rule* find_rule(std::string_view id_or_name) {
    for (const Rule& rule : kRules) {
        if (iequals(rule.info.id, id_or_name) || rule.info.name == id_or_name) return &rule;
    }
    return nullptr;
}

std::string_view rule_doc(const RuleInfo& info) {
    const std::string file_name = std::string(info.name) + ".md";
    for (const auto& file : embedded::rule_docs()) {
        if (file.name == file_name) return file.data;
    }
    return {};
}

void Reporter::report(Finding finding) {
    Diagnostic diagnostic;
    if (rule_ != nullptr) {
        diagnostic.rule_id = std::string(rule_->id);
        diagnostic.rule_name = std::string(rule_->name);
        diagnostic.category = rule_->category;
        diagnostic.severity = rule_->default_severity;
    }
    if (finding.severity) diagnostic.severity = *finding.severity;
    diagnostic.source = std::move(finding.source);
    diagnostic.span = finding.span;
    if (diagnostic.source) {
        diagnostic.start = diagnostic.source->position(finding.span.begin);
        diagnostic.end = diagnostic.source->position(std::max(finding.span.end, finding.span.begin));
    }
    diagnostic.message = std::move(finding.message);
    diagnostic.help = std::move(finding.help);
    diagnostic.key = std::move(finding.key);
    diagnostic.fix = std::move(finding.fix);
    sink_->push_back(std::move(diagnostic));
}

}  // namespace flinklint

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "flinklint/embedded.hpp"
#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"
#include "flinklint/rule.hpp"

namespace flinklint {

namespace rules {
#define FLINKLINT_RULE(id, name, category, severity, fixable, fn, summary) void fn(const Model&, Reporter&);
#include "rules/rules.def"
#undef FLINKLINT_RULE
}  // namespace rules

namespace {

constexpr Rule kRules[] = {
#define FLINKLINT_RULE(id, name, category, severity, fixable, fn, summary) \
    Rule{RuleInfo{#id, name, Category::category, Severity::severity, fixable, summary}, &rules::fn},
#include "rules/rules.def"
#undef FLINKLINT_RULE
};

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// Rules whose findings are often milder or graver than their default: the memory derivation reports a
// configuration that sets no size at all (a fragment, or a file merged over Flink's shipped one) as a
// warning, see linter/src/rules/memory/memory_failure.cpp; an empty value is an error in config.yaml
// and info in flink-conf.yaml, see linter/src/rules/syntax/FL003-empty-value/empty_value.cpp.
constexpr std::array<std::pair<std::string_view, Severity>, 4> kAlsoReportedAt = {{
    {"FL003", Severity::error},
    {"FL003", Severity::info},
    {"FL301", Severity::warning},
    {"FL302", Severity::warning},
}};

}  // namespace

std::span<const Rule> all_rules() {
    return kRules;
}

std::string severities_text(const RuleInfo& info) {
    std::string out(to_string(info.default_severity));
    for (const auto& [id, severity] : kAlsoReportedAt) {
        if (id == info.id) out += "|" + std::string(to_string(severity));
    }
    return out;
}

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
        if (suppressed_ != nullptr) {
            const auto it = suppressed_->find(diagnostic.source.get());
            if (it != suppressed_->end() &&
                it->second.suppresses(diagnostic.start.line, diagnostic.rule_id, diagnostic.rule_name))
                return;
            auto key = std::make_pair(diagnostic.source.get(), diagnostic.rule_id);
            if (++kept_[key] > kKeptPerFileAndRule) {
                ++unshown_[std::move(key)];
                return;
            }
        }
        diagnostic.end = diagnostic.source->position(std::max(finding.span.end, finding.span.begin));
    }
    diagnostic.message = std::move(finding.message);
    diagnostic.help = std::move(finding.help);
    diagnostic.key = std::move(finding.key);
    diagnostic.fix = std::move(finding.fix);
    diagnostic.related = std::move(finding.related);
    for (RelatedLocation& related : diagnostic.related) {
        if (related.source) related.start = related.source->position(related.span.begin);
    }
    sink_->push_back(std::move(diagnostic));
}

}  // namespace flinklint

#include "flinklint/linter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "flinklint/reporter.hpp"
#include "flinklint/rule.hpp"
#include "flinklint/suppression.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint {

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
    const std::string& path_a = a.source ? a.source->path() : a.rule_id;
    const std::string& path_b = b.source ? b.source->path() : b.rule_id;
    return std::tie(path_a, a.start.line, a.start.column, a.rule_id, a.message) <
           std::tie(path_b, b.start.line, b.start.column, b.rule_id, b.message);
}

std::vector<Diagnostic> run_rules(const Model& model, const RuleSettings& settings,
                                  std::map<const Source*, std::vector<Span>>* secrets) {
    Reporter::Suppressed suppressions;
    for (const ParsedFile& file : model.files())
        suppressions.emplace(file.source.get(), parse_suppressions(*file.source));
    std::vector<Diagnostic> found;
    Reporter reporter(found, settings.thresholds, &suppressions);
    for (const Rule& rule : all_rules()) {
        if (settings.disabled.count(std::string(rule.info.id)) != 0) continue;
        reporter.set_rule(rule.info);
        rule.check(model, reporter);
    }

    std::vector<Diagnostic> kept;
    kept.reserve(found.size());
    for (Diagnostic& diagnostic : found) {
        const auto it = suppressions.find(diagnostic.source.get());
        if (it != suppressions.end() &&
            it->second.suppresses(diagnostic.start.line, diagnostic.rule_id, diagnostic.rule_name)) {
            continue;
        }
        if (const auto override_it = settings.severity.find(diagnostic.rule_id);
            override_it != settings.severity.end()) {
            diagnostic.severity = override_it->second;
        }
        kept.push_back(std::move(diagnostic));
    }
    std::stable_sort(kept.begin(), kept.end(), diagnostic_less);
    // One finding per rule and place: nested configurations can surface the same entry twice.
    kept.erase(std::unique(kept.begin(), kept.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                               return a.source == b.source && a.span == b.span && a.rule_id == b.rule_id &&
                                      a.message == b.message;
                           }),
               kept.end());
    std::map<const Source*, std::vector<Span>> spans = secret_spans(model);
    mask_secret_values(kept, spans);
    if (secrets != nullptr) *secrets = std::move(spans);
    bound_findings(kept, reporter.unshown());  // after masking: a cut must never leave the start of a secret
    return kept;
}

std::string did_you_mean_rule(std::string_view name) {
    const std::string lower = ascii_lower(name);
    const std::size_t limit = lower.size() >= 12 ? 3 : 2;
    std::string_view best;
    std::size_t best_distance = limit + 1;
    for (const Rule& rule : all_rules()) {
        for (const std::string_view candidate : {rule.info.id, rule.info.name}) {
            const std::size_t d = edit_distance(lower, ascii_lower(candidate), limit + 1);
            if (d < best_distance) best = candidate, best_distance = d;
        }
    }
    return best.empty() ? std::string() : fmt::format(" (did you mean `{}`?)", best);
}

std::vector<std::string> resolve_rule_names(const std::vector<std::string>& names,
                                            std::set<std::string>& ids) {
    std::vector<std::string> unknown;
    for (const auto& name : names) {
        if (name == "all") {
            for (const Rule& rule : all_rules()) ids.insert(std::string(rule.info.id));
        } else if (const Rule* rule = find_rule(name)) {
            ids.insert(std::string(rule->info.id));
        } else {
            unknown.push_back(name);
        }
    }
    return unknown;
}

}  // namespace flinklint

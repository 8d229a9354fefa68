// The fix loop: apply non-overlapping fixes, re-lint, repeat to a fixed point; undo any round that
// breaks parsing or raises a new error, and find the fix to blame one at a time.
#include <fmt/format.h>

#include <functional>
#include <map>
#include <set>

#include "flinklint/fix.hpp"

namespace flinklint {
namespace {

struct Candidate {
    std::size_t source = 0;  // index into the group's sources
    const Diagnostic* diagnostic = nullptr;
};

// Offsets move when the text changes, so a dropped fix is remembered by what it does, not where.
std::string signature(const Candidate& c) {
    std::string out = c.diagnostic->source->path() + '\0' + c.diagnostic->rule_id + '\0' + c.diagnostic->key +
                      '\0' + c.diagnostic->fix->description;
    for (const Edit& edit : c.diagnostic->fix->edits) out += '\0' + edit.replacement;
    return out;
}

std::size_t index_of(const std::vector<SourcePtr>& sources, const Diagnostic& d) {
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (sources[i].get() == d.source.get()) return i;
    }
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (d.source && sources[i]->path() == d.source->path()) return i;
    }
    return sources.size();
}

std::vector<Candidate> candidates(const GroupLint& lint, const std::vector<SourcePtr>& sources,
                                  const FixOptions& options, const std::set<std::string>& dropped) {
    std::vector<Candidate> out;
    for (const Diagnostic& d : lint.diagnostics) {
        if (!d.fix || d.fix->edits.empty() || !d.source) continue;
        // Edits of decoded UTF-16 text are not spans of the file's bytes.
        if (d.source->encoding() != TextEncoding::utf8) continue;
        if (d.fix->safety == FixSafety::unsafe && !options.unsafe) continue;
        const std::size_t source = index_of(sources, d);
        if (source == sources.size()) continue;
        Candidate candidate{source, &d};
        if (dropped.count(signature(candidate)) == 0) out.push_back(candidate);
    }
    return out;
}

struct Trial {
    std::vector<SourcePtr> sources;
    std::vector<std::size_t> applied;  // per source
    std::vector<const Diagnostic*> taken;
    std::size_t total = 0;
};

Trial apply_candidates(const std::vector<SourcePtr>& sources, const std::vector<Candidate>& chosen) {
    Trial trial{sources, std::vector<std::size_t>(sources.size(), 0), {}, 0};
    for (std::size_t s = 0; s < sources.size(); ++s) {
        std::vector<const Fix*> fixes;
        std::vector<const Diagnostic*> owners;
        for (const Candidate& c : chosen) {
            if (c.source != s) continue;
            fixes.push_back(&*c.diagnostic->fix);
            owners.push_back(c.diagnostic);
        }
        if (fixes.empty()) continue;
        AppliedFixes applied = apply_fixes(sources[s]->text(), fixes);
        if (applied.count == 0) continue;
        for (std::size_t i = 0; i < owners.size(); ++i) {
            if (applied.applied[i]) trial.taken.push_back(owners[i]);
        }
        trial.sources[s] = std::make_shared<const Source>(sources[s]->path(), std::move(applied.text));
        trial.applied[s] = applied.count;
        trial.total += applied.count;
    }
    return trial;
}

// Why `after` is worse than `before`, or "" when it is not: a file that parses less, or an
// error-severity finding (rule and key; positions move) that was not there before.
std::string regression(const GroupLint& before, const GroupLint& after,
                       const std::vector<SourcePtr>& sources) {
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const std::size_t was = i < before.parse_errors.size() ? before.parse_errors[i] : 0;
        const std::size_t now = i < after.parse_errors.size() ? after.parse_errors[i] : 0;
        if (now > was) return fmt::format("{} would no longer parse", sources[i]->path());
    }
    std::map<std::string, int> errors;
    for (const Diagnostic& d : before.diagnostics) {
        if (d.severity == Severity::error)
            ++errors[(d.source ? d.source->path() : "") + '\0' + d.rule_id + '\0' + d.key];
    }
    for (const Diagnostic& d : after.diagnostics) {
        if (d.severity != Severity::error) continue;
        if (--errors[(d.source ? d.source->path() : "") + '\0' + d.rule_id + '\0' + d.key] < 0) {
            return fmt::format("it would raise {} {}", d.rule_id, d.message);
        }
    }
    return {};
}

std::size_t state_hash(const std::vector<SourcePtr>& sources) {
    std::size_t hash = 0;
    for (const SourcePtr& s : sources) hash = hash * 1'000'003u ^ std::hash<std::string>{}(s->text());
    return hash;
}

}  // namespace

FixOutcome fix_group(std::vector<SourcePtr> sources, GroupLint initial, const GroupLinter& lint,
                     const FixOptions& options) {
    FixOutcome outcome;
    outcome.fixed.assign(sources.size(), 0);
    outcome.sources = std::move(sources);
    outcome.final_lint = std::move(initial);
    std::set<std::string> dropped;
    std::set<std::size_t> seen{state_hash(outcome.sources)};
    // Each round lints once; finding the culprit of a bad round lints once per fix, within a budget.
    int lint_budget = options.max_rounds * 20;

    const auto accept = [&](Trial&& trial, GroupLint&& linted) {
        for (std::size_t s = 0; s < trial.applied.size(); ++s) outcome.fixed[s] += trial.applied[s];
        outcome.sources = std::move(trial.sources);
        outcome.final_lint = std::move(linted);
        return seen.insert(state_hash(outcome.sources)).second;  // false: the fixes go round in circles
    };

    int rounds = 0;  // rounds whose fixes were all kept
    while (rounds < options.max_rounds && lint_budget > 0) {
        const std::vector<Candidate> all = candidates(outcome.final_lint, outcome.sources, options, dropped);
        Trial batch = apply_candidates(outcome.sources, all);
        if (batch.total == 0) break;
        GroupLint linted = lint(batch.sources);
        --lint_budget;
        if (regression(outcome.final_lint, linted, batch.sources).empty()) {
            ++rounds;
            if (!accept(std::move(batch), std::move(linted))) break;
            continue;
        }
        // The round went wrong: try its fixes alone to find which ones to drop.
        bool progressed = false;
        bool blamed = false;
        for (const Diagnostic* d : batch.taken) {
            if (lint_budget <= 0) break;
            const Candidate alone{index_of(outcome.sources, *d), d};
            Trial single = apply_candidates(outcome.sources, {alone});
            if (single.total == 0) continue;
            GroupLint single_lint = lint(single.sources);
            --lint_budget;
            const std::string why = regression(outcome.final_lint, single_lint, single.sources);
            if (!why.empty()) {
                dropped.insert(signature(alone));
                outcome.notes.push_back(fmt::format("{}: fix for {} ({}) not applied: {}", d->source->path(),
                                                    d->rule_id, d->fix->description, why));
                blamed = true;
            } else if (!blamed && !progressed) {
                // Every fix is fine alone but not together: keep the first and go on from there.
                progressed = accept(std::move(single), std::move(single_lint));
                break;
            }
        }
        if (!blamed && !progressed) break;
    }
    return outcome;
}

}  // namespace flinklint

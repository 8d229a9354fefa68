// How a rule reports: one Finding per problem, located on the narrowest span.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/rule.hpp"
#include "flinklint/suppression.hpp"
#include "flinklint/thresholds.hpp"

namespace flinklint {

struct Finding {
    SourcePtr source;
    Span span;
    std::string message;
    std::string help;
    std::string key;
    std::optional<Fix> fix;
    std::optional<Severity> severity;      // overrides the rule's default when a case is worse or milder
    std::vector<RelatedLocation> related;  // positions are filled by the reporter
};

// What a rule sees besides the model: where its findings go and the project's policy thresholds.
// Given the files' suppressions, it drops suppressed findings at once and keeps at most
// kKeptPerFileAndRule of one rule in one file; the rest are only counted (unshown()), so that a file
// of millions of bad lines costs a count each, not a finding each (bound_findings says how many).
class Reporter {
public:
    static constexpr std::size_t kKeptPerFileAndRule = 4000;  // above the 1,000 shown: room for sorting
    using Suppressed = std::unordered_map<const Source*, Suppressions>;
    using Counts = std::map<std::pair<const Source*, std::string>, std::size_t>;

    explicit Reporter(std::vector<Diagnostic>& sink, const Thresholds& thresholds = kDefaultThresholds,
                      const Suppressed* suppressed = nullptr)
        : sink_(&sink), thresholds_(&thresholds), suppressed_(suppressed) {}
    void set_rule(const RuleInfo& rule) { rule_ = &rule; }
    void report(Finding finding);
    [[nodiscard]] const Thresholds& thresholds() const { return *thresholds_; }
    // Findings past kKeptPerFileAndRule, per file and rule id, that were counted and not kept.
    [[nodiscard]] const Counts& unshown() const { return unshown_; }

private:
    static constexpr Thresholds kDefaultThresholds{};
    std::vector<Diagnostic>* sink_;
    const Thresholds* thresholds_;
    const Suppressed* suppressed_;
    const RuleInfo* rule_ = nullptr;
    Counts kept_;
    Counts unshown_;
};

}  // namespace flinklint

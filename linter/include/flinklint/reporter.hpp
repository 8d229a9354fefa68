// How a rule reports: one Finding per problem, located on the narrowest span.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/rule.hpp"
#include "flinklint/thresholds.hpp"

namespace flinklint {

struct Finding {
    SourcePtr source;
    Span span;
    std::string message;
    std::string help;
    std::string key;
    std::optional<Fix> fix;
    std::optional<Severity> severity;  // overrides the rule's default when a case is worse or milder
    std::vector<RelatedLocation> related;  // positions are filled by the reporter
};

// What a rule sees besides the model: where its findings go and the project's policy thresholds.
class Reporter {
public:
    explicit Reporter(std::vector<Diagnostic>& sink, const Thresholds& thresholds = kDefaultThresholds)
        : sink_(&sink), thresholds_(&thresholds) {}
    void set_rule(const RuleInfo& rule) { rule_ = &rule; }
    void report(Finding finding);
    [[nodiscard]] const Thresholds& thresholds() const { return *thresholds_; }

private:
    static constexpr Thresholds kDefaultThresholds{};
    std::vector<Diagnostic>* sink_;
    const Thresholds* thresholds_;
    const RuleInfo* rule_ = nullptr;
};

}  // namespace flinklint

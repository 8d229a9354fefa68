// How a rule reports: one Finding per problem, located on the narrowest span.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/rule.hpp"

namespace flinklint {

struct Finding {
    SourcePtr source;
    Span span;
    std::string message;
    std::string help;
    std::string key;
    std::optional<Fix> fix;
    std::optional<Severity> severity;  // overrides the rule's default when a case is worse or milder
};

class Reporter {
public:
    explicit Reporter(std::vector<Diagnostic>& sink) : sink_(&sink) {}
    void set_rule(const RuleInfo& rule) { rule_ = &rule; }
    void report(Finding finding);

private:
    std::vector<Diagnostic>* sink_;
    const RuleInfo* rule_ = nullptr;
};

}  // namespace flinklint

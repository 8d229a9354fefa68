// Running the rules over a model: selection, severity overrides and inline suppressions.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"
#include "flinklint/thresholds.hpp"

namespace flinklint {

struct RuleSettings {
    std::set<std::string> disabled;            // rule ids
    std::map<std::string, Severity> severity;  // rule id -> severity override
    Thresholds thresholds;                     // policy thresholds of the runtime rules
};

// Runs every enabled rule, drops findings suppressed by `# flinklint: disable...` comments, applies
// severity overrides, and returns the diagnostics sorted by file, position and rule, secrets masked.
// `secrets`, when given, receives the secret spans it masked with (secret_spans(model)), so a caller
// that needs them too does not compute them again.
std::vector<Diagnostic> run_rules(const Model& model, const RuleSettings& settings,
                                  std::map<const Source*, std::vector<Span>>* secrets = nullptr);

// Byte ranges of secret values in a file, sorted by start: values of secret keys (is_secret_key)
// to the end of their line, and the rest of any line that reads `SECRET-KEY: ...`, `SECRET-KEY=...`
// or `SECRET-KEY:...` even where the file does not parse (FL001) or the line is malformed (FL002).
std::vector<Span> secret_spans(const ParsedFile& file);
std::vector<Span> secret_spans(const SourcePtr& source, const IngestOptions& options);
// The same for each source of the model that has any.
std::map<const Source*, std::vector<Span>> secret_spans(const Model& model);

// The one place secrets leave findings: a secret value on a finding's lines is replaced by
// `******` in its message, help and fix description, and a fix whose edits touch it is marked
// shows_secret (reports print its replacement masked). run_rules calls it; every output, the
// baseline and the fixer's notes see findings only after it.
void mask_secret_values(std::vector<Diagnostic>& diagnostics,
                        const std::map<const Source*, std::vector<Span>>& secrets);

// What one report says at most: findings of one rule in one file (the rest become one finding,
// "N more findings of FLxxx not shown"), and bytes of one `quoted` text echoed from a file.
inline constexpr std::size_t kMaxFindingsPerFileAndRule = 1000;
inline constexpr std::size_t kMaxEchoedBytes = 200;
// Applies both bounds to sorted findings; `unshown` counts, per file and rule id, the findings the
// Reporter counted without keeping them. run_rules calls it.
void bound_findings(std::vector<Diagnostic>& diagnostics,
                    const std::map<std::pair<const Source*, std::string>, std::size_t>& unshown = {});

// Turns rule ids or names into ids; returns the names it does not know.
std::vector<std::string> resolve_rule_names(const std::vector<std::string>& names,
                                            std::set<std::string>& ids);

// The rule id or name closest to `name` (a typo: at most 2 edits, or 3 for long names), as the
// " (did you mean `...`?)" an error message adds; empty when none is close.
std::string did_you_mean_rule(std::string_view name);

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace flinklint

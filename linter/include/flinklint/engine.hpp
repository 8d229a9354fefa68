// The lint engine: the one entry point that turns sources into findings, for every front end (the
// command line, tests, fuzzers, benchmarks, an editor server). It runs ingest -> model -> rules, the
// project's rule selection, per-path settings and inline suppressions, and says which bytes are
// secrets; `fix` runs the fix loop over the same pipeline. Sources are in memory: an editor's
// unsaved buffer is a source like a file read from disk.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "flinklint/diagnostic.hpp"
#include "flinklint/document.hpp"
#include "flinklint/fix.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/profile_facts.hpp"
#include "flinklint/project_config.hpp"
#include "flinklint/version.hpp"

namespace flinklint {

class Model;
struct ModelOptions;

// What a caller knows beyond the project configuration (the command line's flags).
struct LintOptions {
    std::optional<FileFormat> forced_format;          // --format-of
    std::optional<FlinkVersion> flink_version;        // --flink-version: files without evidence
    std::optional<FlinkVersion> force_flink_version;  // --force-flink-version: every file
    // --target-version: also report what breaks when files of an older Flink move to this one.
    std::optional<FlinkVersion> target_version;
    std::optional<FlinkVersion> operator_version;  // --operator-version: the Kubernetes operator's release
    std::set<std::string> disabled;                // --disable, as rule ids (resolve_rule_names)
    std::optional<ProfileFacts> profile;           // --profile: declared hardware and workload
    IngestOptions ingest;                          // limits per file
};

// A file that was not read: it is reported (FL001) but has no text.
struct UnreadFile {
    std::string path;    // as shown in findings
    std::string reason;  // "file is N bytes, above the limit ..."
};

// The files of one group: checked together as one deployment (a directory, or the files given).
struct LintGroup {
    std::vector<SourcePtr> sources;
    std::vector<UnreadFile> unread;
};

// The Flink version one configuration was checked against, and why.
struct FileVersion {
    std::string path;
    std::string where;  // the configuration inside the file: "FlinkDeployment basic", or the path
    FlinkVersion version;
    std::string reason;  // "image flink:1.17.2 in docker-compose.yaml:4"
};

struct LintResult {
    std::vector<Diagnostic> diagnostics;  // sorted; suppressions, selection and severities applied
    // Byte ranges of secret values per source: output never prints them.
    std::map<const Source*, std::vector<Span>> secrets;
    std::vector<std::size_t> parse_errors;  // per source, in order: what makes a file unparsable
    std::vector<std::string> skipped;       // "PATH: skipped: why", for files that are not Flink's
    std::vector<std::string> skipped_said;  // the same, for files a user should hear were not checked
    std::vector<FileVersion> versions;      // per configuration, in file order: what it was checked against
};

class Linter {
public:
    Linter(ProjectConfig project, LintOptions options);

    [[nodiscard]] LintResult lint(const LintGroup& group) const;

    // The fix loop (flinklint/fix.hpp) over `lint`'s pipeline, starting from `initial` (a lint of
    // `group`). The outcome's sources are the fixed texts, in the order of `group.sources`.
    [[nodiscard]] FixOutcome fix(const LintGroup& group, const LintResult& initial,
                                 const FixOptions& options) const;

    [[nodiscard]] const ProjectConfig& project() const { return project_; }

private:
    std::vector<ParsedFile> parse(const LintGroup& group, LintResult* result) const;
    [[nodiscard]] ModelOptions model_options(const LintGroup& group) const;
    std::vector<Diagnostic> findings(const Model& model,
                                     std::map<const Source*, std::vector<Span>>* secrets) const;
    void add_upgrade_findings(const LintGroup& group, LintResult& result) const;

    ProjectConfig project_;
    LintOptions options_;
    RuleSettings rules_;  // the project's, plus the caller's disabled rules
};

}  // namespace flinklint

#include "flinklint/engine.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "flinklint/linter.hpp"
#include "flinklint/model.hpp"

namespace flinklint {
namespace {

bool breaks_parsing(const SyntaxIssue& issue) {
    return issue.kind == SyntaxIssue::Kind::yaml_error ||
           issue.kind == SyntaxIssue::Kind::yaml_root_not_map ||
           issue.kind == SyntaxIssue::Kind::resource_limit;
}

// What ingest found that makes a file unparsable (or no longer a Flink file): a fix must never add to it.
std::size_t parse_errors(const ParsedFile& file) {
    std::size_t count = file.skip_reason.empty() ? 0 : 1;
    count += static_cast<std::size_t>(std::count_if(file.issues.begin(), file.issues.end(), breaks_parsing));
    for (const ConfigDocument& doc : file.configs) {
        count +=
            static_cast<std::size_t>(std::count_if(doc.issues.begin(), doc.issues.end(), breaks_parsing));
    }
    return count;
}

ParsedFile unread_file(const UnreadFile& unread) {
    ParsedFile file;
    file.source = std::make_shared<const Source>(unread.path, "");
    file.format = FileFormat::unknown;
    file.issues.push_back(
        {SyntaxIssue::Kind::resource_limit, Span{0, 0}, fmt::format("not checked: {}", unread.reason)});
    return file;
}

}  // namespace

Linter::Linter(ProjectConfig project, LintOptions options)
    : project_(std::move(project)), options_(std::move(options)), rules_(project_.rules) {
    rules_.disabled.insert(options_.disabled.begin(), options_.disabled.end());
}

std::vector<ParsedFile> Linter::parse(const LintGroup& group, LintResult* result) const {
    IngestOptions ingest_options = options_.ingest;
    if (options_.forced_format) ingest_options.forced_format = options_.forced_format;
    std::vector<ParsedFile> parsed;
    for (const SourcePtr& source : group.sources) {
        ParsedFile file = ingest(source, ingest_options);
        if (result != nullptr) result->parse_errors.push_back(parse_errors(file));
        if (!file.skip_reason.empty()) {
            if (result != nullptr) {
                (file.skip_said ? result->skipped_said : result->skipped)
                    .push_back(fmt::format("{}: skipped: {}", source->path(), file.skip_reason));
            }
            continue;
        }
        parsed.push_back(std::move(file));
    }
    for (const UnreadFile& unread : group.unread) parsed.push_back(unread_file(unread));
    return parsed;
}

ModelOptions Linter::model_options(const LintGroup& group) const {
    ModelOptions model_options;
    model_options.forced_version = options_.force_flink_version;
    model_options.cli_version = options_.flink_version;
    model_options.config_version = project_.flink_version;
    for (const SourcePtr& source : group.sources) {
        if (auto version = project_.version_for(source->path()))
            model_options.path_versions.emplace(source->path(), std::move(*version));
    }
    model_options.profile = options_.profile;
    if (options_.operator_version) {
        model_options.operator_release = OperatorRelease{
            *options_.operator_version, true, "--operator-version " + options_.operator_version->str()};
    } else if (project_.operator_version) {
        model_options.operator_release =
            OperatorRelease{*project_.operator_version, true, "operator-version in .flinklint.yaml"};
    }
    return model_options;
}

std::vector<Diagnostic> Linter::findings(const Model& model,
                                         std::map<const Source*, std::vector<Span>>* secrets) const {
    std::vector<Diagnostic> kept;
    for (Diagnostic& diagnostic : run_rules(model, rules_, secrets)) {
        if (diagnostic.source && project_.disabled_for(diagnostic.source->path(), diagnostic.rule_id))
            continue;
        if (diagnostic.fix && diagnostic.source && diagnostic.source->encoding() != TextEncoding::utf8) {
            // Its edits are spans of the decoded text, not of the file (flinklint/source.hpp).
            diagnostic.fix.reset();
            diagnostic.help += diagnostic.help.empty() ? "" : "; ";
            diagnostic.help += "not fixed automatically in a UTF-16 or UTF-32 file";
        }
        kept.push_back(std::move(diagnostic));
    }
    return kept;
}

LintResult Linter::lint(const LintGroup& group) const {
    LintResult result;
    std::vector<ParsedFile> parsed = parse(group, &result);
    if (parsed.empty()) return result;
    const Model model(std::move(parsed), model_options(group));
    result.diagnostics = findings(model, &result.secrets);
    for (const FlinkConfig& config : model.configs())
        result.versions.push_back(
            {config.source()->path(), config.where(), config.version(), config.version_reason()});
    if (options_.target_version) add_upgrade_findings(group, result);
    return result;
}

// --target-version: the group checked again as if every file ran the target Flink; what only that
// check finds, in files whose own Flink is older, is what the upgrade breaks. It is said as such,
// never as "does not start" today, and without fixes (they would write keys the file's own Flink
// does not read; `flinklint migrate` moves a file whole).
void Linter::add_upgrade_findings(const LintGroup& group, LintResult& result) const {
    const FlinkVersion target = *options_.target_version;
    std::set<std::string> older;  // paths with a configuration older than the target
    for (const FileVersion& version : result.versions)
        if (version.version < target) older.insert(version.path);
    if (older.empty()) return;
    ModelOptions upgraded = model_options(group);
    upgraded.forced_version = target;
    upgraded.forced_reason = "--target-version";
    const Model model(parse(group, nullptr), upgraded);
    std::set<std::tuple<std::string, const Source*, std::size_t>> today;
    for (const Diagnostic& d : result.diagnostics) today.emplace(d.rule_id, d.source.get(), d.span.begin);
    std::map<const Source*, std::vector<Span>> secrets;
    for (Diagnostic& d : findings(model, &secrets)) {
        if (!d.source || !older.contains(d.source->path())) continue;
        if (today.contains({d.rule_id, d.source.get(), d.span.begin})) continue;
        d.message = fmt::format("after an upgrade to Flink {}: {}", target.str(), d.message);
        d.fix.reset();
        d.help += d.help.empty() ? "" : "; ";
        d.help += fmt::format("`flinklint migrate --to {}` moves the file", target.str());
        result.diagnostics.push_back(std::move(d));
    }
    for (auto& [source, spans] : secrets) {
        auto& known = result.secrets[source];
        known.insert(known.end(), spans.begin(), spans.end());
    }
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
}

FixOutcome Linter::fix(const LintGroup& group, const LintResult& initial, const FixOptions& options) const {
    const GroupLinter relint = [&](const std::vector<SourcePtr>& sources) {
        LintResult again = lint(LintGroup{sources, group.unread});
        return GroupLint{std::move(again.diagnostics), std::move(again.parse_errors)};
    };
    return fix_group(group.sources, GroupLint{initial.diagnostics, initial.parse_errors}, relint, options);
}

}  // namespace flinklint

#include "flinklint/engine.hpp"

#include <algorithm>

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

LintResult Linter::lint(const LintGroup& group) const {
    IngestOptions ingest_options = options_.ingest;
    if (options_.forced_format) ingest_options.forced_format = options_.forced_format;
    LintResult result;
    std::vector<ParsedFile> parsed;
    for (const SourcePtr& source : group.sources) {
        ParsedFile file = ingest(source, ingest_options);
        result.parse_errors.push_back(parse_errors(file));
        if (!file.skip_reason.empty()) {
            result.skipped.push_back(fmt::format("{}: skipped: {}", source->path(), file.skip_reason));
            continue;
        }
        parsed.push_back(std::move(file));
    }
    for (const UnreadFile& unread : group.unread) parsed.push_back(unread_file(unread));
    if (parsed.empty()) return result;

    ModelOptions model_options;
    model_options.forced_version = options_.force_flink_version;
    model_options.cli_version = options_.flink_version;
    model_options.config_version = project_.flink_version;
    for (const SourcePtr& source : group.sources) {
        if (auto version = project_.version_for(source->path()))
            model_options.path_versions.emplace(source->path(), std::move(*version));
    }
    model_options.profile = options_.profile;
    const Model model(std::move(parsed), model_options);
    for (Diagnostic& diagnostic : run_rules(model, rules_, &result.secrets)) {
        if (diagnostic.source && project_.disabled_for(diagnostic.source->path(), diagnostic.rule_id))
            continue;
        if (diagnostic.fix && diagnostic.source && diagnostic.source->encoding() != TextEncoding::utf8) {
            // Its edits are spans of the decoded text, not of the file (flinklint/source.hpp).
            diagnostic.fix.reset();
            diagnostic.help += diagnostic.help.empty() ? "" : "; ";
            diagnostic.help += "not fixed automatically in a UTF-16 or UTF-32 file";
        }
        result.diagnostics.push_back(std::move(diagnostic));
    }
    for (const FlinkConfig& config : model.configs())
        result.versions.push_back(
            {config.source()->path(), config.where(), config.version(), config.version_reason()});
    return result;
}

FixOutcome Linter::fix(const LintGroup& group, const LintResult& initial, const FixOptions& options) const {
    const GroupLinter relint = [&](const std::vector<SourcePtr>& sources) {
        LintResult again = lint(LintGroup{sources, group.unread});
        return GroupLint{std::move(again.diagnostics), std::move(again.parse_errors)};
    };
    return fix_group(group.sources, GroupLint{initial.diagnostics, initial.parse_errors}, relint, options);
}

}  // namespace flinklint

#include "cli/check_group.hpp"

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "cli/fix_files.hpp"
#include "flinklint/fix.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/model.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

// Reads a file whole, refusing files above the size limit before reading them.
std::optional<std::string> read_bytes(const fs::path& path, std::uintmax_t limit, std::string& error) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        error = ec.message();
        return std::nullopt;
    }
    if (size > limit) {
        error = fmt::format("file is {} bytes, above the limit of {} bytes (--max-file-size)", size, limit);
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the file for reading";
        return std::nullopt;
    }
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

ParsedFile too_large(SourcePtr source, const std::string& why) {
    ParsedFile file;
    file.source = std::move(source);
    file.format = FileFormat::unknown;
    file.issues.push_back(
        {SyntaxIssue::Kind::resource_limit, Span{0, 0}, fmt::format("not checked: {}", why)});
    return file;
}

// What ingest found that makes a file unparsable (or no longer a Flink file): a fix must never add to it.
std::size_t parse_errors(const ParsedFile& file) {
    const auto breaks = [](const SyntaxIssue& issue) {
        return issue.kind == SyntaxIssue::Kind::yaml_error ||
               issue.kind == SyntaxIssue::Kind::yaml_root_not_map ||
               issue.kind == SyntaxIssue::Kind::resource_limit;
    };
    std::size_t count = file.skip_reason.empty() ? 0 : 1;
    count += static_cast<std::size_t>(std::count_if(file.issues.begin(), file.issues.end(), breaks));
    for (const ConfigDocument& doc : file.configs) {
        count += static_cast<std::size_t>(std::count_if(doc.issues.begin(), doc.issues.end(), breaks));
    }
    return count;
}

// The files of one group as read: sources that may be fixed, and files too large to read.
struct GroupFiles {
    std::vector<Input> inputs;  // parallel to sources
    std::vector<SourcePtr> sources;
    std::vector<ParsedFile> unread;
};

GroupFiles read_group(const std::vector<Input>& inputs, const std::string* stdin_text,
                      const CheckOptions& options, GroupResult& result) {
    GroupFiles files;
    for (const Input& input : inputs) {
        std::string error;
        std::optional<std::string> bytes;
        if (input.path.empty()) {
            bytes = stdin_text != nullptr ? *stdin_text : std::string();
        } else {
            bytes = read_bytes(input.path, options.max_file_size, error);
        }
        if (!bytes) {
            if (error.find("limit") != std::string::npos) {
                files.unread.push_back(too_large(std::make_shared<Source>(input.display_path, ""), error));
                result.files.push_back(input.display_path);
            } else {
                result.errors.push_back(fmt::format("{}: {}", input.display_path, error));
            }
            continue;
        }
        files.inputs.push_back(input);
        files.sources.push_back(std::make_shared<const Source>(input.display_path, std::move(*bytes)));
        result.files.push_back(input.display_path);
    }
    return files;
}

// Ingest, model and rules over one group's `sources`; `masks` and `notes` are filled when given.
GroupLint lint_group(const GroupFiles& files, const std::vector<SourcePtr>& sources,
                     const CheckOptions& options, const ProjectConfig& project,
                     std::map<const Source*, std::vector<Span>>* masks, std::vector<std::string>* notes) {
    IngestOptions ingest_options;
    ingest_options.forced_format = options.format_of;
    GroupLint lint;
    std::vector<ParsedFile> parsed;
    for (const SourcePtr& source : sources) {
        ParsedFile file = ingest(source, ingest_options);
        lint.parse_errors.push_back(parse_errors(file));
        if (!file.skip_reason.empty()) {
            if (notes != nullptr)
                notes->push_back(fmt::format("{}: skipped: {}", source->path(), file.skip_reason));
            continue;
        }
        parsed.push_back(std::move(file));
    }
    for (const ParsedFile& file : files.unread) parsed.push_back(file);
    if (parsed.empty()) return lint;

    ModelOptions model_options;
    model_options.cli_version = options.flink_version;
    model_options.config_version = project.flink_version;
    model_options.thresholds = project.thresholds;
    model_options.profile = options.profile_facts;
    const Model model(std::move(parsed), model_options);
    RuleSettings settings = project.rules;
    resolve_rule_names(options.select_disable, settings.disabled);
    for (Diagnostic& diagnostic : run_rules(model, settings)) {
        if (diagnostic.source && project.disabled_for(diagnostic.source->path(), diagnostic.rule_id))
            continue;
        lint.diagnostics.push_back(std::move(diagnostic));
    }
    if (masks != nullptr) {
        auto spans = secret_spans(model);
        for (const Diagnostic& diagnostic : lint.diagnostics) {
            if (!diagnostic.source) continue;
            const auto it = spans.find(diagnostic.source.get());
            if (it != spans.end()) (*masks)[it->first] = it->second;
        }
    }
    return lint;
}

// --fix / --diff: the fix loop, then a diff, stdout (for `-`) or an atomic write per changed file.
// Returns the texts to report on: fixed where the fix was kept, as read where it was not.
std::vector<SourcePtr> fix_and_write(const GroupFiles& files, GroupLint lint, const CheckOptions& options,
                                     const ProjectConfig& project, const std::vector<fs::path>& trees,
                                     GroupResult& result) {
    const GroupLinter linter = [&](const std::vector<SourcePtr>& sources) {
        return lint_group(files, sources, options, project, nullptr, nullptr);
    };
    FixOutcome outcome =
        fix_group(files.sources, std::move(lint), linter, FixOptions{.unsafe = options.unsafe_fixes});
    for (auto& note : outcome.notes) result.notes.push_back(std::move(note));
    std::vector<SourcePtr> report_on = files.sources;
    for (std::size_t i = 0; i < files.sources.size(); ++i) {
        const std::string& before = files.sources[i]->text();
        const std::string& after = outcome.sources[i]->text();
        if (before == after) continue;  // never touch a file with nothing to fix
        if (options.diff) {
            const std::string path =
                fs::path(files.inputs[i].display_path).lexically_normal().generic_string();
            result.diffs.emplace_back(path, unified_diff(path, before, after));
        } else if (files.inputs[i].path.empty()) {
            result.fixed_stdin = after;
        } else {
            FixWrite write = write_fixed_file(files.inputs[i].path, before, after, trees);
            auto& said = write.status == FixWrite::Status::failed ? result.errors : result.warnings;
            if (!write.message.empty()) said.push_back(std::move(write.message));
            if (write.status == FixWrite::Status::already) report_on[i] = outcome.sources[i];
            if (write.status != FixWrite::Status::written) continue;
        }
        report_on[i] = outcome.sources[i];
        result.fixed_problems += outcome.fixed[i];
        ++result.fixed_files;
    }
    return report_on;
}

}  // namespace

void check_group(const std::vector<Input>& inputs, const std::string* stdin_text, const CheckOptions& options,
                 const ProjectConfig& project, const std::vector<fs::path>& trees, GroupResult& result) {
    const GroupFiles files = read_group(inputs, stdin_text, options, result);
    if (files.sources.empty() && files.unread.empty()) return;
    const bool fixing = (options.fix || options.diff) && !files.sources.empty();
    GroupLint lint =
        lint_group(files, files.sources, options, project, fixing ? nullptr : &result.masked, &result.notes);
    if (fixing) {
        const std::vector<SourcePtr> report_on =
            fix_and_write(files, std::move(lint), options, project, trees, result);
        lint = lint_group(files, report_on, options, project, &result.masked, nullptr);
    }
    result.diagnostics = std::move(lint.diagnostics);
}

}  // namespace flinklint::cli

#include "cli/check_group.hpp"

#include <set>
#include <string_view>

#include <fmt/format.h>

#include "cli/fix_files.hpp"
#include "flinklint/engine.hpp"
#include "flinklint/fix.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/read_file.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

// The files of one group as read: sources that may be fixed, and files too large to read.
struct GroupFiles {
    std::vector<Input> inputs;  // parallel to group.sources
    LintGroup group;
};

GroupFiles read_group(const std::vector<Input>& inputs, const std::string* stdin_text,
                      const CheckOptions& options, GroupResult& result) {
    GroupFiles files;
    for (const Input& input : inputs) {
        FileRead read;
        if (input.path.empty()) {
            read.bytes = stdin_text != nullptr ? *stdin_text : std::string();
            if (read.bytes->size() > options.max_file_size) {  // read_stdin stopped one byte past the limit
                read.bytes.reset();
                read.error = {
                    ReadError::Kind::too_large,
                    fmt::format("standard input is more than {0} bytes, above the limit of {0} bytes",
                                options.max_file_size)};
            }
        } else {
            read = read_file_limited(input.path, options.max_file_size);
        }
        if (!read.bytes && input.context) continue;  // context is a help, never an error of the run
        if (!read.bytes) {
            if (read.error.kind == ReadError::Kind::too_large) {
                files.group.unread.push_back({input.display_path, read.error.message + " (--max-file-size)"});
                result.files.push_back(input.display_path);
            } else {
                result.errors.push_back(fmt::format("{}: {}", input.display_path, read.error.message));
            }
            continue;
        }
        files.inputs.push_back(input);
        files.group.sources.push_back(
            std::make_shared<const Source>(input.display_path, std::move(*read.bytes)));
        if (!input.context) result.files.push_back(input.display_path);
    }
    return files;
}

// Keeps the secret spans of the sources that have findings: only their text is shown.
void keep_masks(const LintResult& lint, GroupResult& result) {
    for (const Diagnostic& diagnostic : lint.diagnostics) {
        if (!diagnostic.source) continue;
        const auto it = lint.secrets.find(diagnostic.source.get());
        if (it != lint.secrets.end()) result.masked[it->first] = it->second;
    }
}

// A diff that shows no secret value, in the changed lines or the context.
std::string masked_diff(const std::string& path, const SourcePtr& before, const SourcePtr& after,
                        const CheckOptions& options) {
    const IngestOptions ingest_options{.forced_format = options.format_of};
    return unified_diff(path, before->text(), after->text(), secret_spans(before, ingest_options),
                        secret_spans(after, ingest_options));
}

// --fix / --diff: the fix loop, then a diff, stdout (for `-`) or an atomic write per changed file.
// Returns the texts to report on: fixed where the fix was kept, as read where it was not.
std::vector<SourcePtr> fix_and_write(const GroupFiles& files, const LintResult& lint, const Linter& linter,
                                     const CheckOptions& options, const std::vector<fs::path>& trees,
                                     GroupResult& result) {
    FixOutcome outcome = linter.fix(files.group, lint, FixOptions{.unsafe = options.unsafe_fixes});
    for (auto& note : outcome.notes) result.notes.push_back(std::move(note));
    const std::vector<SourcePtr>& sources = files.group.sources;
    std::vector<SourcePtr> report_on = sources;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const std::string& before = sources[i]->text();
        const std::string& after = outcome.sources[i]->text();
        if (before == after || files.inputs[i].context) continue;  // never touch a file with nothing to fix
        if (options.diff) {
            const std::string path =
                fs::path(files.inputs[i].display_path).lexically_normal().generic_string();
            result.diffs.emplace_back(path, masked_diff(path, sources[i], outcome.sources[i], options));
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

// --siblings: what the lint says about context files is left out; their positions in the findings on
// the named files (related locations) stay.
void drop_context(const std::vector<Input>& inputs, LintResult& lint) {
    std::set<std::string_view> context;
    for (const Input& input : inputs)
        if (input.context) context.insert(input.display_path);
    if (context.empty()) return;
    const auto about_context = [&](std::string_view text) {
        const std::size_t colon = text.find(": ");
        return colon != std::string_view::npos && context.contains(text.substr(0, colon));
    };
    std::erase_if(lint.diagnostics,
                  [&](const Diagnostic& d) { return d.source && context.contains(d.source->path()); });
    std::erase_if(lint.skipped, about_context);
    std::erase_if(lint.skipped_said, about_context);
    std::erase_if(lint.versions, [&](const FileVersion& v) { return context.contains(v.path); });
}

}  // namespace

void check_group(const std::vector<Input>& inputs, const std::string* stdin_text, const CheckOptions& options,
                 const Linter& linter, const std::vector<fs::path>& trees, GroupResult& result) {
    GroupFiles files = read_group(inputs, stdin_text, options, result);
    if (files.group.sources.empty() && files.group.unread.empty()) return;
    LintResult lint = linter.lint(files.group);
    std::vector<std::string> skipped = std::move(lint.skipped);
    std::vector<std::string> skipped_said = std::move(lint.skipped_said);
    if ((options.fix || options.diff) && !files.group.sources.empty()) {
        files.group.sources = fix_and_write(files, lint, linter, options, trees, result);
        lint = linter.lint(files.group);
    }
    lint.skipped = std::move(skipped);
    lint.skipped_said = std::move(skipped_said);
    drop_context(inputs, lint);
    for (std::string& note : lint.skipped) result.notes.push_back(std::move(note));
    for (std::string& note : lint.skipped_said) result.warnings.push_back(std::move(note));
    keep_masks(lint, result);
    result.diagnostics = std::move(lint.diagnostics);
    for (FileVersion& v : lint.versions) {
        if (options.verbose)
            result.notes.push_back(fmt::format("{}: {} checked against Flink {} ({})", v.path, v.where,
                                               v.version.str(), v.reason));
        result.versions.push_back(
            {std::move(v.path), std::move(v.where), v.version.str(), std::move(v.reason)});
    }
}

}  // namespace flinklint::cli

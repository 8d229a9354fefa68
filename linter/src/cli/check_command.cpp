// `flinklint check`: files -> groups (one per directory) -> ingest -> model -> rules -> report.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/file_walk.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/model.hpp"
#include "flinklint/project_config.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

struct GroupResult {
    std::vector<Diagnostic> diagnostics;
    std::map<const Source*, std::vector<Span>> masked;
    std::vector<std::string> errors;   // unreadable files: exit 2
    std::vector<std::string> notes;    // --verbose
    std::vector<std::string> files;    // files read
};

struct Input {
    fs::path path;             // empty for stdin
    std::string display_path;  // as shown in output
};

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
    file.issues.push_back({SyntaxIssue::Kind::resource_limit, Span{0, 0}, fmt::format("not checked: {}", why)});
    return file;
}

void check_group(const std::vector<Input>& inputs, const std::string* stdin_text, const CheckOptions& options,
                 const ProjectConfig& project, GroupResult& result) {
    IngestOptions ingest_options;
    ingest_options.forced_format = options.format_of;
    std::vector<ParsedFile> parsed;
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
                parsed.push_back(too_large(std::make_shared<Source>(input.display_path, ""), error));
                result.files.push_back(input.display_path);
            } else {
                result.errors.push_back(fmt::format("{}: {}", input.display_path, error));
            }
            continue;
        }
        auto source = std::make_shared<const Source>(input.display_path, std::move(*bytes));
        ParsedFile file = ingest(source, ingest_options);
        result.files.push_back(input.display_path);
        if (!file.skip_reason.empty()) {
            result.notes.push_back(fmt::format("{}: skipped: {}", input.display_path, file.skip_reason));
            continue;
        }
        parsed.push_back(std::move(file));
    }
    if (parsed.empty()) return;

    ModelOptions model_options;
    model_options.cli_version = options.flink_version;
    model_options.config_version = project.flink_version;
    const Model model(std::move(parsed), model_options);
    RuleSettings settings = project.rules;
    resolve_rule_names(options.select_disable, settings.disabled);
    for (Diagnostic& diagnostic : run_rules(model, settings)) {
        if (diagnostic.source && project.disabled_for(diagnostic.source->path(), diagnostic.rule_id)) continue;
        result.diagnostics.push_back(std::move(diagnostic));
    }
    auto masks = secret_spans(model);
    for (const Diagnostic& diagnostic : result.diagnostics) {
        if (!diagnostic.source) continue;
        const auto it = masks.find(diagnostic.source.get());
        if (it != masks.end()) result.masked[it->first] = it->second;
    }
}

// Files of one directory form one deployment: cross-file rules see them together.
std::vector<std::vector<Input>> group_by_directory(const std::vector<fs::path>& files) {
    std::map<fs::path, std::vector<Input>> groups;
    for (const auto& file : files) groups[file.parent_path()].push_back({file, file.generic_string()});
    std::vector<std::vector<Input>> out;
    out.reserve(groups.size());
    for (auto& [dir, inputs] : groups) out.push_back(std::move(inputs));
    return out;
}

std::string read_stdin() {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
}

}  // namespace

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
    // Project configuration: --config, else the nearest .flinklint.yaml.
    ProjectConfig project;
    std::optional<fs::path> config_file;
    if (options.config_path) {
        config_file = fs::path(*options.config_path);
    } else {
        config_file = find_project_config(fs::current_path());
    }
    if (config_file) {
        auto loaded = load_project_config(*config_file);
        if (!loaded) {
            err << "flinklint: " << loaded.error() << "\n";
            return kExitUsage;
        }
        project = std::move(loaded.value());
    } else {
        project.root = fs::current_path();
    }

    const bool use_stdin = options.paths.size() == 1 && options.paths.front() == "-";
    std::vector<std::vector<Input>> groups;
    std::vector<std::string> errors;
    std::vector<std::string> notes;
    std::string stdin_text;
    if (use_stdin) {
        stdin_text = read_stdin();
        groups.push_back({Input{fs::path(), options.stdin_filename}});
    } else {
        WalkResult walked = collect_files(options.paths);
        errors = std::move(walked.errors);
        notes = std::move(walked.skipped);
        std::vector<fs::path> files;
        for (auto& file : walked.files) {
            if (project.ignored(file)) {
                notes.push_back(fmt::format("{}: ignored by {}", file.generic_string(), project.file->string()));
            } else {
                files.push_back(std::move(file));
            }
        }
        groups = group_by_directory(files);
    }

    // Groups are independent: check them on all cores.
    std::vector<GroupResult> results(groups.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < groups.size(); i = next++) {
            try {
                check_group(groups[i], use_stdin ? &stdin_text : nullptr, options, project, results[i]);
            } catch (const std::exception& e) {
                results[i].errors.push_back(fmt::format("{}: internal error: {}", groups[i].front().display_path,
                                                        e.what()));
            }
        }
    };
    unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(groups.size(), 1)));
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(worker);
    worker();
    for (auto& thread : threads) thread.join();

    Report report;
    for (GroupResult& result : results) {
        report.files_checked += result.files.size();
        for (auto& file : result.files) report.files.push_back(std::move(file));
        for (auto& diagnostic : result.diagnostics) report.diagnostics.push_back(std::move(diagnostic));
        for (auto& [source, spans] : result.masked) report.masked[source] = std::move(spans);
        for (auto& error : result.errors) errors.push_back(std::move(error));
        for (auto& note : result.notes) notes.push_back(std::move(note));
    }
    std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(), diagnostic_less);

    OutputOptions output_options;
    output_options.tool_version = FLINKLINT_VERSION;
    output_options.base_dir = project.root;
    std::ofstream file_out;
    std::ostream* sink = &out;
    if (options.output_file) {
        file_out.open(*options.output_file, std::ios::binary | std::ios::trunc);
        if (!file_out) {
            err << "flinklint: cannot write " << *options.output_file << "\n";
            return kExitUsage;
        }
        sink = &file_out;
    }
    output_options.color = options.color.value_or(!options.output_file && isatty(STDOUT_FILENO) != 0 &&
                                                   options.format == OutputFormat::text);
    write_report(options.format, *sink, report, output_options);

    if (options.verbose) {
        for (const auto& note : notes) err << "flinklint: " << note << "\n";
    }
    for (const auto& error : errors) err << "flinklint: error: " << error << "\n";
    if (!errors.empty()) return kExitUsage;
    if (options.exit_zero) return kExitClean;
    const Severity threshold = options.fail_on.value_or(project.fail_on.value_or(Severity::warning));
    const bool failing = std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                                     [&](const Diagnostic& d) { return d.severity >= threshold; });
    return failing ? kExitFindings : kExitClean;
}

}  // namespace flinklint::cli

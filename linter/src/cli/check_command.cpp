// `flinklint check`: files -> groups (one per directory) -> ingest -> model -> rules -> report.
// With --fix / --diff each group goes through the fix loop first (cli/check_group.cpp); with
// --baseline the findings a baseline records are left out of the report.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/baseline.hpp"
#include "cli/check_group.hpp"
#include "cli/commands.hpp"
#include "flinklint/tuner/profile.hpp"
#include "cli/file_walk.hpp"
#include "cli/fix_files.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/project_config.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

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

std::string count_of(std::size_t count, std::string_view word) {
    return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

struct Totals {
    std::size_t fixed_problems = 0;
    std::size_t fixed_files = 0;
    std::vector<std::pair<std::string, std::string>> diffs;
    std::optional<std::string> fixed_stdin;
    std::vector<std::string> errors;
    std::vector<std::string> notes;
    std::vector<std::string> warnings;
};

Report merge(std::vector<GroupResult>& results, Totals& totals) {
    Report report;
    for (GroupResult& result : results) {
        report.files_checked += result.files.size();
        for (auto& file : result.files) report.files.push_back(std::move(file));
        for (auto& diagnostic : result.diagnostics) report.diagnostics.push_back(std::move(diagnostic));
        for (auto& [source, spans] : result.masked) report.masked[source] = std::move(spans);
        for (auto& error : result.errors) totals.errors.push_back(std::move(error));
        for (auto& note : result.notes) totals.notes.push_back(std::move(note));
        for (auto& warning : result.warnings) totals.warnings.push_back(std::move(warning));
        for (auto& diff : result.diffs) totals.diffs.push_back(std::move(diff));
        if (result.fixed_stdin) totals.fixed_stdin = std::move(result.fixed_stdin);
        totals.fixed_problems += result.fixed_problems;
        totals.fixed_files += result.fixed_files;
    }
    std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(), diagnostic_less);
    std::sort(totals.diffs.begin(), totals.diffs.end());
    return report;
}

// --write-baseline and --baseline; false (with a message) when a baseline cannot be read or written.
bool apply_baseline(const CheckOptions& options, const ProjectConfig& project, Report& report,
                    std::ostream& err) {
    if (!options.baseline && !options.write_baseline) return true;
    const fs::path root = baseline_root(project.root, project.file.has_value());
    if (options.write_baseline) {
        const std::string error = write_baseline(
            *options.write_baseline, baseline_entries(report.diagnostics, root), FLINKLINT_VERSION);
        if (!error.empty()) {
            err << "flinklint: " << error << "\n";
            return false;
        }
        err << "flinklint: recorded " << count_of(report.diagnostics.size(), "finding") << " in "
            << *options.write_baseline << "\n";
    }
    if (options.baseline) {
        auto known = read_baseline(*options.baseline);
        if (!known) {
            err << "flinklint: " << known.error() << "\n";
            return false;
        }
        const std::size_t dropped = drop_baselined(report.diagnostics, std::move(known.value()), root);
        if (dropped > 0) {
            err << "flinklint: " << count_of(dropped, "finding") << " recorded in " << *options.baseline
                << " not shown\n";
        }
    }
    return true;
}

}  // namespace

int run_check(const CheckOptions& given, std::ostream& out, std::ostream& err) {
    CheckOptions options = given;
    if (options.profile) {
        // --profile: the tuner's profile declares state size and bandwidth for the rules that need them.
        const auto loaded = tuner::load_profile(*options.profile);
        if (const auto* errors = std::get_if<std::vector<tuner::ProfileError>>(&loaded)) {
            for (const auto& error : *errors) err << "flinklint: " << error.str() << "\n";
            return kExitUsage;
        }
        options.profile_facts = tuner::profile_facts(std::get<tuner::Profile>(loaded));
    }
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
    Totals totals;
    std::string stdin_text;
    if (use_stdin) {
        stdin_text = read_stdin();
        groups.push_back({Input{fs::path(), options.stdin_filename}});
    } else {
        WalkResult walked = collect_files(options.paths);
        totals.errors = std::move(walked.errors);
        totals.notes = std::move(walked.skipped);
        std::vector<fs::path> files;
        for (auto& file : walked.files) {
            if (project.ignored(file)) {
                totals.notes.push_back(
                    fmt::format("{}: ignored by {}", file.generic_string(), project.file->string()));
            } else {
                files.push_back(std::move(file));
            }
        }
        groups = group_by_directory(files);
    }
    const std::vector<fs::path> trees =
        options.fix ? fix_trees(project.root, options.paths) : std::vector<fs::path>{};

    // Groups are independent: check them on all cores.
    std::vector<GroupResult> results(groups.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < groups.size(); i = next++) {
            try {
                check_group(groups[i], use_stdin ? &stdin_text : nullptr, options, project, trees,
                            results[i]);
            } catch (const std::exception& e) {
                results[i].errors.push_back(
                    fmt::format("{}: internal error: {}", groups[i].front().display_path, e.what()));
            }
        }
    };
    unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(groups.size(), 1)));
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(worker);
    worker();
    for (auto& thread : threads) thread.join();

    Report report = merge(results, totals);
    const auto say_problems = [&] {
        if (options.verbose) {
            for (const auto& note : totals.notes) err << "flinklint: " << note << "\n";
        }
        for (const auto& warning : totals.warnings) err << "flinklint: warning: " << warning << "\n";
        for (const auto& error : totals.errors) err << "flinklint: error: " << error << "\n";
    };

    // --diff: the diffs only (like ruff); exit 1 when there is something to fix.
    if (options.diff) {
        for (const auto& [path, diff] : totals.diffs) out << diff;
        err << (totals.fixed_problems == 0
                    ? std::string("No fixes available.\n")
                    : fmt::format("Would fix {} in {}.\n", count_of(totals.fixed_problems, "problem"),
                                  count_of(totals.fixed_files, "file")));
        say_problems();
        if (!totals.errors.empty()) return kExitUsage;
        return totals.diffs.empty() || options.exit_zero ? kExitClean : kExitFindings;
    }
    // --fix on `-`: the fixed text goes to stdout, the report to stderr (like ruff).
    const bool text_to_stdout = use_stdin && options.fix;
    if (text_to_stdout) out << totals.fixed_stdin.value_or(stdin_text);
    if (!apply_baseline(options, project, report, err)) return kExitUsage;

    OutputOptions output_options;
    output_options.tool_version = FLINKLINT_VERSION;
    output_options.base_dir = project.root;
    std::ofstream file_out;
    std::ostream* sink = text_to_stdout ? &err : &out;
    if (options.output_file) {
        file_out.open(*options.output_file, std::ios::binary | std::ios::trunc);
        if (!file_out) {
            err << "flinklint: cannot write " << *options.output_file << "\n";
            return kExitUsage;
        }
        sink = &file_out;
    }
    output_options.color =
        options.color.value_or(!options.output_file && !text_to_stdout && isatty(STDOUT_FILENO) != 0 &&
                               options.format == OutputFormat::text);
    write_report(options.format, *sink, report, output_options);
    if (options.fix) {
        // Machine formats stay parseable: the fix summary goes to stderr for them.
        std::ostream& summary = options.format == OutputFormat::text ? *sink : err;
        summary << "Fixed " << count_of(totals.fixed_problems, "problem") << " in "
                << count_of(totals.fixed_files, "file") << ".\n";
    }

    say_problems();
    if (!totals.errors.empty()) return kExitUsage;
    if (options.exit_zero || options.write_baseline) return kExitClean;
    const Severity threshold = options.fail_on.value_or(project.fail_on.value_or(Severity::warning));
    const bool failing = std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                                     [&](const Diagnostic& d) { return d.severity >= threshold; });
    return failing ? kExitFindings : kExitClean;
}

}  // namespace flinklint::cli

// `flinklint check`: files -> groups (one per directory) -> ingest -> model -> rules -> report, the
// report written a group at a time as the groups finish (cli/group_stream.hpp). With --fix / --diff
// each group goes through the fix loop first (cli/check_group.cpp); with --baseline the findings a
// baseline records are left out of the report.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/baseline.hpp"
#include "cli/check_group.hpp"
#include "cli/check_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/file_walk.hpp"
#include "cli/fix_files.hpp"
#include "cli/group_stream.hpp"
#include "cli/output_file.hpp"
#include "cli/show_config.hpp"
#include "flinklint/engine.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/project_config.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/tuner/profile.hpp"

namespace flinklint::cli {
namespace fs = std::filesystem;
namespace {

// How far workers may run ahead of the report, in groups per worker: enough to keep them busy when
// groups take unequal times, few enough that memory does not depend on the number of files.
constexpr std::size_t kGroupsAheadPerJob = 4;

// What is said after the report, and what --diff prints: small, kept for the whole run.
struct Totals {
    std::size_t files = 0;
    std::size_t fixed_problems = 0;
    std::size_t fixed_files = 0;
    std::vector<std::pair<std::string, std::string>> diffs;
    std::optional<std::string> fixed_stdin;
    std::vector<std::string> errors;
    std::vector<std::string> notes;
    std::vector<std::string> warnings;
};

// --baseline and --write-baseline, a part of the report at a time.
class BaselineRun {
public:
    BaselineRun(const CheckOptions& options, const ProjectConfig& project)
        : options_(options), numbering_(baseline_root(project.root, project.file.has_value())) {}

    // Before the report starts: what would stop it must be known now. False when the baseline cannot
    // be read or written (finish() says why).
    bool prepare() {
        if (options_.write_baseline) {
            // Asked without creating it: finish() writes it whole, or leaves the old one.
            if (const auto problem = why_not_writable(*options_.write_baseline)) {
                read_error_ =
                    fmt::format("cannot write the baseline {}: {}", *options_.write_baseline, *problem);
                write_refused_ = true;
                return false;
            }
        }
        if (!options_.baseline) return true;
        if (options_.write_baseline && same_file(*options_.baseline, *options_.write_baseline)) {
            drop_all_ = true;  // it would be read after being written: it records every finding
            return true;
        }
        auto known = read_baseline(*options_.baseline);
        if (!known) {
            read_error_ = known.error();
            return false;
        }
        known_ = std::move(known.value());
        return true;
    }

    void apply(std::vector<Diagnostic>& diagnostics) {
        if (!options_.baseline && !options_.write_baseline) return;
        std::vector<BaselineEntry> entries = numbering_.entries(diagnostics);
        if (drop_all_) {
            dropped_ += diagnostics.size();
            diagnostics.clear();
        } else if (options_.baseline) {
            dropped_ += drop_baselined(diagnostics, entries, known_);
        }
        if (options_.write_baseline) {
            for (auto& entry : entries) recorded_.push_back(std::move(entry));
        }
    }

    // Writes the new baseline and says what was recorded and dropped; false (said) on failure.
    bool finish(std::ostream& err) const {
        if (options_.write_baseline && !write_refused_) {
            const std::string error = write_baseline(*options_.write_baseline, recorded_, FLINKLINT_VERSION);
            if (!error.empty()) {
                err << "flinklint: " << error << "\n";
                return false;
            }
            err << "flinklint: recorded " << count_of(recorded_.size(), "finding") << " in "
                << *options_.write_baseline << "\n";
        }
        if (!read_error_.empty()) {
            err << "flinklint: " << read_error_ << "\n";
            return false;
        }
        if (dropped_ > 0) {
            err << "flinklint: " << count_of(dropped_, "finding") << " recorded in " << *options_.baseline
                << " not shown\n";
        }
        return true;
    }

private:
    static bool same_file(const fs::path& a, const fs::path& b) {
        std::error_code ec_a;
        std::error_code ec_b;
        const fs::path canonical_a = fs::weakly_canonical(fs::absolute(a), ec_a);
        const fs::path canonical_b = fs::weakly_canonical(fs::absolute(b), ec_b);
        return !ec_a && !ec_b && canonical_a == canonical_b;
    }

    const CheckOptions& options_;
    BaselineNumbering numbering_;
    std::multiset<std::string> known_;
    bool drop_all_ = false;
    std::string read_error_;
    bool write_refused_ = false;  // --write-baseline names a file that cannot be written
    std::vector<BaselineEntry> recorded_;
    std::size_t dropped_ = 0;
};

// One block of groups: its messages to the totals, its findings (sorted, baseline applied) to the
// report writer. Everything else in the results is freed when the caller drops them.
class Emitter {
public:
    Emitter(const CheckOptions& options, ReportWriter* writer, BaselineRun& baseline, Severity threshold)
        : options_(options), writer_(writer), baseline_(baseline), threshold_(threshold) {}

    void operator()(std::vector<GroupResult>& block) {
        ReportPart part;
        for (GroupResult& result : block) {
            directories.count(result.files, result.notes, result.warnings);
            totals.files += result.files.size();
            move_into(part.files, result.files);
            move_into(part.versions, result.versions);
            move_into(part.diagnostics, result.diagnostics);
            for (auto& [source, spans] : result.masked) part.masked[source] = std::move(spans);
            move_into(totals.errors, result.errors);
            if (options_.verbose) {
                move_into(totals.notes, result.notes);
            } else {
                said_anyway(result.notes);
            }
            move_into(totals.warnings, result.warnings);
            move_into(totals.diffs, result.diffs);
            if (result.fixed_stdin) totals.fixed_stdin = std::move(result.fixed_stdin);
            totals.fixed_problems += result.fixed_problems;
            totals.fixed_files += result.fixed_files;
        }
        if (writer_ == nullptr) return;  // --diff
        // A group's diagnostics are sorted already; a block of several is sorted as one.
        if (!std::is_sorted(part.diagnostics.begin(), part.diagnostics.end(), diagnostic_less))
            std::stable_sort(part.diagnostics.begin(), part.diagnostics.end(), diagnostic_less);
        baseline_.apply(part.diagnostics);
        failing = failing || std::any_of(part.diagnostics.begin(), part.diagnostics.end(),
                                         [&](const Diagnostic& d) { return d.severity >= threshold_; });
        writer_->add(std::move(part));
    }

    Totals totals;
    bool failing = false;

    // Paths named on the command line: that one of them was skipped is said even without --verbose.
    std::set<std::string> named;
    NamedDirectories directories;

private:
    void said_anyway(std::vector<std::string>& notes) {
        for (std::string& note : notes) {
            const std::size_t colon = note.rfind(": skipped: ");
            if (colon != std::string::npos && named.count(note.substr(0, colon)) != 0)
                totals.warnings.push_back(std::move(note));
        }
    }

    template <typename T>
    static void move_into(std::vector<T>& to, std::vector<T>& from) {
        if (to.empty()) {
            to = std::move(from);
        } else {
            to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
        }
    }

    const CheckOptions& options_;
    ReportWriter* writer_;
    BaselineRun& baseline_;
    Severity threshold_;
};

// Where the report goes: stdout, an --output file replaced whole at the end (never a half report),
// held for stderr (a report on stderr comes after the baseline messages), or nowhere once the
// baseline or the output file cannot be written.
struct ReportDestination {
    explicit ReportDestination(std::ostream& out) : sink(&out) {}

    void open(const CheckOptions& options, BaselineRun& baseline, bool report_on_stderr) {
        const bool baseline_failed = !baseline.prepare();
        if (!baseline_failed && options.output_file) file = OutputFile::open(*options.output_file, error);
        if (baseline_failed || !error.empty()) {
            sink = &discard;
        } else if (file) {
            sink = &file->stream();
        } else if (report_on_stderr) {
            sink = &held;
        }
    }
    std::optional<std::string> commit() { return file ? file->commit() : std::nullopt; }

    std::ostream discard{nullptr};
    std::ostringstream held;
    std::unique_ptr<OutputFile> file;
    std::string error;
    std::ostream* sink;
};

// --diff: the diffs only (like ruff), and a line on stderr saying what a --fix would do.
void report_diffs(Totals& totals, std::ostream& out, std::ostream& err) {
    std::sort(totals.diffs.begin(), totals.diffs.end());
    for (const auto& [path, diff] : totals.diffs) out << diff;
    err << (totals.fixed_problems == 0
                ? std::string("No fixes available.\n")
                : fmt::format("Would fix {} in {}.\n", count_of(totals.fixed_problems, "problem"),
                              count_of(totals.fixed_files, "file")));
}

// What a run needs before it reads any file: the rules --disable names, the --profile's facts and the
// project configuration (--config, else the nearest .flinklint.yaml). nullopt after saying why not.
std::optional<ProjectConfig> prepare_run(CheckOptions& options, std::set<std::string>& disabled,
                                         std::ostream& err) {
    // A rule named wrongly in --select or --disable would silently stay on or off (ruff and
    // clang-tidy refuse it too).
    const auto refuse_unknown = [&](std::string_view flag, const std::vector<std::string>& unknown) {
        err << "flinklint: " << flag << ": no rule "
            << visible_text(fmt::format("{}", fmt::join(unknown, ", ")))
            << visible_text(did_you_mean_rule(unknown.front()))
            << " (`flinklint rules` lists every id and name)\n";
    };
    if (const auto unknown = resolve_rule_names(options.select_disable, disabled); !unknown.empty()) {
        refuse_unknown("--disable", unknown);
        return std::nullopt;
    }
    if (!options.select.empty()) {
        std::set<std::string> selected;
        if (const auto unknown = resolve_rule_names(options.select, selected); !unknown.empty()) {
            refuse_unknown("--select", unknown);
            return std::nullopt;
        }
        for (const Rule& rule : all_rules())
            if (!selected.contains(std::string(rule.info.id))) disabled.insert(std::string(rule.info.id));
    }
    if (options.statistics && options.format != OutputFormat::text && options.format != OutputFormat::json) {
        err << "flinklint: --statistics prints text or json, not the format --format names\n";
        return std::nullopt;
    }
    if (options.profile) {
        // --profile: the tuner's profile declares state size and bandwidth for the rules that need them.
        const auto loaded = tuner::load_profile(*options.profile);
        if (const auto* errors = std::get_if<std::vector<tuner::ProfileError>>(&loaded)) {
            for (const auto& error : *errors) err << "flinklint: " << error.str() << "\n";
            return std::nullopt;
        }
        options.profile_facts = tuner::profile_facts(std::get<tuner::Profile>(loaded));
    }
    const std::optional<fs::path> config_file =
        options.config_path ? fs::path(*options.config_path) : find_project_config(fs::current_path());
    if (!config_file) {
        ProjectConfig project;
        project.root = fs::current_path();
        return project;
    }
    auto loaded = load_project_config(*config_file);
    if (!loaded) {
        err << "flinklint: " << loaded.error() << "\n";
        return std::nullopt;
    }
    return std::move(loaded.value());
}

// How the report is written: colour only for text on a terminal, and NO_COLOR (no-color.org), when
// set and not empty, turns that default off; --color still wins.
OutputOptions output_options_for(const CheckOptions& options, const ProjectConfig& project,
                                 bool text_to_stdout) {
    OutputOptions output;
    output.tool_version = FLINKLINT_VERSION;
    output.base_dir = report_root(options, project);
    output.concise = options.concise;
    output.summary = !options.quiet;
    output.statistics = options.statistics;
    const char* no_color = std::getenv("NO_COLOR");
    output.color = options.color.value_or(
        !options.output_file && !text_to_stdout && isatty(STDOUT_FILENO) != 0 &&
        options.format == OutputFormat::text && (no_color == nullptr || *no_color == '\0'));
    return output;
}

LintOptions lint_options_for(const CheckOptions& options, std::set<std::string> disabled) {
    LintOptions lint;
    lint.forced_format = options.format_of;
    lint.flink_version = options.flink_version;
    lint.force_flink_version = options.force_flink_version;
    lint.target_version = options.target_version;
    lint.operator_version = options.operator_version;
    lint.profile = options.profile_facts;
    lint.disabled = std::move(disabled);
    return lint;
}

// After the report: the notes (with --verbose), warnings and errors of the run, on stderr.
void say_problems(const Totals& totals, bool verbose, std::ostream& err) {
    if (verbose) {
        for (const auto& note : totals.notes) err << "flinklint: " << note << "\n";
    }
    for (const auto& warning : totals.warnings) err << "flinklint: warning: " << warning << "\n";
    for (const auto& error : totals.errors) err << "flinklint: error: " << error << "\n";
}

// The worker threads: --jobs, else one per core, never more than there are groups.
unsigned jobs_for(const CheckOptions& options, std::size_t groups) {
    const unsigned jobs =
        options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(groups, 1)));
}

// --diff writes the diffs instead of a report; its exit status says whether a fix would change a file.
int finish_diff_run(const CheckOptions& options, Totals& totals, std::ostream& out, std::ostream& err) {
    report_diffs(totals, out, err);
    say_problems(totals, options.verbose, err);
    if (!totals.errors.empty()) return kExitUsage;
    return totals.diffs.empty() || options.exit_zero ? kExitClean : kExitFindings;
}

// The end of the report: the writer's closing, the file committed, the --fix summary. False when the
// report could not be written (said on `err`).
bool close_report(const CheckOptions& options, const Totals& totals, ReportDestination& destination,
                  ReportWriter& writer, std::ostream& err) {
    if (!destination.error.empty()) {
        err << "flinklint: cannot write " << *options.output_file << ": " << destination.error << "\n";
        return false;
    }
    // "No problems found in 0 files" after "no such file" would read as a pass; machine formats still
    // close their document.
    const bool nothing_read = totals.files == 0 && !totals.errors.empty();
    if (!(nothing_read && options.format == OutputFormat::text)) writer.finish(totals.files);
    if (const auto error = destination.commit()) {
        err << "flinklint: cannot write " << *options.output_file << ": " << *error << "\n";
        return false;
    }
    std::ostream& report_out = destination.sink == &destination.held ? err : *destination.sink;
    if (destination.sink == &destination.held) err << destination.held.str();
    if (options.fix) {
        // Machine formats stay parseable: the fix summary goes to stderr for them.
        std::ostream& summary = options.format == OutputFormat::text ? report_out : err;
        summary << "Fixed " << count_of(totals.fixed_problems, "problem") << " in "
                << count_of(totals.fixed_files, "file") << ".\n";
    }
    return true;
}

}  // namespace

int run_check(const CheckOptions& given, std::ostream& out, std::ostream& err) {
    CheckOptions options = given;
    std::set<std::string> disabled;
    std::optional<ProjectConfig> loaded_project = prepare_run(options, disabled, err);
    if (!loaded_project) return kExitUsage;
    ProjectConfig& project = *loaded_project;
    if (options.show_config) {
        show_config(options, project, disabled, out);
        return kExitClean;
    }

    auto gathered = gather_check_inputs(options, project);
    if (!gathered) {
        err << "flinklint: " << gathered.error() << "\n";
        return kExitUsage;
    }
    CheckInputs& inputs = gathered.value();
    const bool use_stdin = inputs.from_stdin;
    const FileGroups& groups = inputs.groups;
    const std::string& stdin_text = inputs.stdin_text;
#if defined(__GLIBC__)
    // The walk's paths are freed by now, in pieces too small for malloc to give back by itself: return
    // the pages before checking starts (measured on 10,000 files: 1 to 3 MB less peak with --jobs 2).
    malloc_trim(0);
#endif
    const std::vector<fs::path> trees =
        options.fix ? fix_trees(project.root, options.paths) : std::vector<fs::path>{};

    // The report is written as groups finish. Whatever would keep it from being written is found
    // first; then it goes nowhere, and the messages at the end are those of a run that wrote at the end.
    const bool text_to_stdout = use_stdin && options.fix;  // --fix on `-`: the report goes to stderr
    BaselineRun baseline(options, project);
    ReportDestination destination(out);
    if (!options.diff) destination.open(options, baseline, text_to_stdout);
    const OutputOptions output_options = output_options_for(options, project, text_to_stdout);
    const std::unique_ptr<ReportWriter> writer =
        options.diff ? nullptr : make_report_writer(options.format, *destination.sink, output_options);
    const Severity threshold = options.fail_on.value_or(project.fail_on.value_or(Severity::warning));
    const Linter linter(project, lint_options_for(options, std::move(disabled)));
    Emitter emitter(options, writer.get(), baseline, threshold);
    Totals& totals = emitter.totals;
    for (const std::string& path : options.paths) {
        emitter.named.insert(path == "-" ? options.stdin_filename : fs::path(path).generic_string());
        emitter.directories.add(path);  // `-` is none
    }
    totals.errors = std::move(inputs.errors);
    totals.notes = std::move(inputs.notes);

    // Groups are independent: check them on all cores, a few groups ahead of the report.
    const unsigned jobs = jobs_for(options, groups.size());
    const auto check = [&](std::size_t i, GroupResult& result) {
        const std::vector<Input> inputs = groups.group(i);
        try {
            check_group(inputs, use_stdin ? &stdin_text : nullptr, options, linter, trees, result);
        } catch (const std::exception& e) {
            result.errors.push_back(
                fmt::format("{}: internal error: {}", inputs.front().display_path, e.what()));
        }
    };
    if (writer) writer->begin();
    check_in_order(report_blocks(groups), jobs, kGroupsAheadPerJob * jobs, check, std::ref(emitter));

    if (options.diff) return finish_diff_run(options, totals, out, err);
    // --fix on `-`: the fixed text goes to stdout, the report to stderr (like ruff).
    if (text_to_stdout) out << totals.fixed_stdin.value_or(stdin_text);
    if (!baseline.finish(err)) return kExitUsage;
    if (!close_report(options, totals, destination, *writer, err)) return kExitUsage;

    for (std::string& line : emitter.directories.without_flink()) totals.warnings.push_back(std::move(line));
    say_problems(totals, options.verbose, err);
    if (!totals.errors.empty()) return kExitUsage;
    if (options.exit_zero || options.write_baseline) return kExitClean;
    return emitter.failing ? kExitFindings : kExitClean;
}

}  // namespace flinklint::cli

// What the log scan and the snapshot reader share: the recognised rows of one file, each with its
// first occurrence, and the diagnoses they become once linked and explained.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flinklint/diagnose/diagnose.hpp"
#include "jobmanager_kill.hpp"
#include "recognisers.hpp"

namespace flinklint::diagnose {

struct Hit {
    const Recogniser* row = nullptr;
    std::size_t line = 0;
    std::size_t count = 0;
    std::string evidence;
    Fields fields;
};

// The recognised rows of one log, each with its first occurrence.
class Scanner {
public:
    void line(std::size_t number, std::string_view text) {
        if (const std::size_t c = text.find(kCompletedCheckpoint); c != std::string_view::npos)
            return read_completed_checkpoint(text.substr(c), completed_);
        end_.line(number, text);
        std::size_t at = 0;
        const Recogniser* row = recognise(text, at);
        if (row == nullptr) return;
        // YARN's kill of the application master's container is the JobManager's (DG406).
        const Recogniser* yarn = row;
        if (row->info.id == "DG405" && is_application_master(text)) row = find_row("DG406");
        for (Hit& hit : hits_) {
            if (hit.row == row) {
                ++hit.count;
                return;
            }
        }
        Hit hit{row, number, 1, std::string(strip_log_prefixes(text).substr(0, kMaxEvidence)), {}};
        if (yarn->extract) yarn->extract(text.substr(at), hit.fields);
        hits_.push_back(std::move(hit));
    }
    // The hits; an expired checkpoint carries the durations of those the same log completed.
    std::vector<Hit> take() {
        for (Hit& hit : hits_) {
            if (hit.row->info.id != "DG201") continue;
            hit.fields.completed = completed_.completed;
            hit.fields.longest_ms = completed_.longest_ms;
            hit.fields.largest_bytes = completed_.largest_bytes;
        }
        return std::move(hits_);
    }

    [[nodiscard]] const JobManagerEnd& jobmanager_end() const { return end_; }

private:
    std::vector<Hit> hits_;
    JobManagerEnd end_;
    Fields completed_;  // the "Completed checkpoint" lines seen
};

struct Pending {
    Diagnosis diagnosis;
    Fields fields;
    const Recogniser* row = nullptr;
};

// The hits of one file become pending diagnoses at `path`, by first line.
void add_hits(const std::string& path, std::vector<Hit> hits, std::vector<Pending>& out);

// A diagnosis of `row` at `path`:`line` with `evidence` (the snapshot's findings, built from
// numbers rather than one line of text).
Pending pending_for(std::string_view id, const std::string& path, std::size_t line, std::string evidence,
                    Fields fields);

// Links consequences to their roots and explains each diagnosis.
Result finish(std::vector<LogSummary> logs, std::vector<Pending> pending, const Options& options);

// Reads a `flinklint observe` directory into `pending`; `summary` says what was read.
void scan_snapshot(const std::string& dir, LogSummary& summary, std::vector<Pending>& pending);

// A file holding what /jobs/:id/exceptions returns (saved by hand or by curl): its failure texts
// through the recognisers. False, with nothing read, when the file is not such JSON.
bool scan_exceptions_file(const std::string& path, LogSummary& summary, std::vector<Pending>& pending);

}  // namespace flinklint::diagnose

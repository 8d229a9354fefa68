// The table of Flink failure texts diagnose recognises: each row is a literal Flink writes (read in
// Flink's source for the versions listed), what it means, and which other rows it follows from.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "flinklint/diagnose/diagnose.hpp"

namespace flinklint::diagnose {

// Numbers and a word taken from the first occurrence's text.
struct Fields {
    std::optional<std::int64_t> required, available, total, segment_size;
    std::optional<std::int64_t> observed, limit;  // bytes or milliseconds, as the row says
    std::string word;  // the id of a heartbeat peer, the scheme of a file system, ...
    // Checkpoints the same log completed (CheckpointCoordinator's "Completed checkpoint" lines): how
    // many, the longest duration (ms) and the largest size (bytes).
    std::size_t completed = 0;
    std::optional<std::int64_t> longest_ms, largest_bytes;
};

// CheckpointCoordinator (1.15-2.2): "Completed checkpoint %d for job %s (%d bytes,
// checkpointDuration=%d ms, finalizationTime=%d ms)."; `rest` starts at "Completed checkpoint ".
void read_completed_checkpoint(std::string_view rest, Fields& fields);
inline constexpr std::string_view kCompletedCheckpoint = "Completed checkpoint ";

struct Recogniser {
    RecogniserInfo info;
    std::string_view anchor;  // searched in every line; empty: a row only snapshots produce
    std::string_view after;   // must follow the anchor on the same line (empty: nothing)
    // Rows whose presence anywhere in the evidence makes this one their consequence.
    std::span<const std::string_view> consequence_of;
    bool always_consequence = false;  // a consequence even when its root is not in the evidence
    void (*extract)(std::string_view rest, Fields& fields) = nullptr;  // rest: the line from the anchor
    std::string_view alt_anchor = {};  // another text of the same failure (another version, another layer)
};

std::span<const Recogniser> recogniser_table();

// The row of a diagnosis id ("DG204"); the id must be in the table.
const Recogniser* find_row(std::string_view id);

// The row whose text `line` holds, and where its anchor starts; nullptr when none.
const Recogniser* recognise(std::string_view line, std::size_t& at);

}  // namespace flinklint::diagnose

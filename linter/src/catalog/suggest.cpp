// Did-you-mean: real keys close to an unknown one, by whole-key edit distance and by the shape of
// the dotted segments (same segments reordered, one segment misspelled, one segment missing or extra).
#include <algorithm>
#include <array>
#include <span>
#include <tuple>

#include "catalog/catalog_index.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint::catalog_detail {
namespace {

constexpr std::size_t kMaxSuggestKeyLength = 256;
// Scores: lower is closer. Edit distances score 10 per edit.
constexpr int kCaseOnly = 1;
constexpr int kReordered = 12;
constexpr int kMissingOrExtraSegment = 25;
constexpr int kAliasPenalty = 3;  // a match through an alias ranks after an equally close real key
constexpr int kFar = 1 << 20;
constexpr int kSynonym = 2;  // a known other word for a segment: as close as a case slip

// Words writers use for a segment of a real key, which no edit distance connects: `taskmanager.hostname`
// for `taskmanager.host` (TaskManagerOptions.java), `...exponential-delay.multiplier` for
// `...backoff-multiplier` (RestartStrategyOptions.java), `state.backend.rocksdb.local-directories` for
// `...localdir` (RocksDBOptions.java), `rest.bind-host` for `rest.bind-address` (RestOptions.java),
// `execution.checkpointing.enabled` for `...interval`, whose setting is what enables checkpointing
// (CheckpointingOptions.java). A rewrite is suggested only when it yields a real key.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSegmentSynonyms = {{
    {"hostname", "host"},
    {"multiplier", "backoff-multiplier"},
    {"local-directories", "localdir"},
    {"bind-host", "bind-address"},
    {"enabled", "interval"},
}};

Histogram histogram(std::string_view text) {
    Histogram h{};
    for (char c : text) {
        auto& bucket = h[static_cast<unsigned char>(c) % h.size()];
        if (bucket < 255) ++bucket;
    }
    return h;
}

// A lower bound of the edit distance: each edit changes the character counts by at most two.
std::size_t histogram_bound(const Histogram& a, const Histogram& b) {
    std::size_t diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    return (diff + 1) / 2;
}

// Edits allowed over a whole key of this length.
std::size_t whole_key_limit(std::size_t length) {
    return std::min<std::size_t>(4, 1 + length / 10);
}

using Segments = std::span<const std::string_view>;

// `longer` is `shorter` with one segment added somewhere.
bool one_segment_apart(Segments longer, Segments shorter) {
    if (shorter.size() < 2 || longer.size() != shorter.size() + 1) return false;
    std::size_t i = 0;
    while (i < shorter.size() && longer[i] == shorter[i]) ++i;
    return std::equal(shorter.begin() + static_cast<std::ptrdiff_t>(i), shorter.end(),
                      longer.begin() + static_cast<std::ptrdiff_t>(i) + 1);
}

// Same number of segments, all equal but one, and that one a small edit away: its score.
int one_segment_misspelled(Segments a, Segments b) {
    if (a.size() != b.size()) return kFar;
    std::size_t differing = a.size();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) continue;
        if (differing != a.size()) return kFar;
        differing = i;
    }
    if (differing == a.size()) return kFar;
    const std::size_t limit =
        std::max<std::size_t>(1, std::min(a[differing].size(), b[differing].size()) / 3);
    const std::size_t d = edit_distance(a[differing], b[differing], limit);
    return d <= limit ? static_cast<int>(10 * d) : kFar;
}

}  // namespace

SuggestIndex::SuggestIndex(std::span<const OptionInfo> options) {
    struct Spelling {
        const OptionInfo* option;
        std::string_view text;
        int penalty;
    };
    std::vector<Spelling> spellings;
    std::size_t total = 0;
    for (const OptionInfo& option : options) {
        if (!option.documented || option.deprecated || option.is_pattern()) continue;
        spellings.push_back({&option, option.key, 0});
        // A key close to a retired spelling (`state.savepoint.dir`) gets the option that reads it now.
        for (const std::string_view alias : option.fallback_keys)
            spellings.push_back({&option, alias, kAliasPenalty});
        for (const std::string_view alias : option.deprecated_keys)
            spellings.push_back({&option, alias, kAliasPenalty});
    }
    for (const Spelling& spelling : spellings) total += spelling.text.size();
    text_.reserve(total);  // never grows below, so the views into it stay valid
    candidates_.reserve(spellings.size());
    for (const Spelling& spelling : spellings) {
        const std::size_t start = text_.size();
        text_.append(spelling.text);
        std::transform(text_.begin() + static_cast<std::ptrdiff_t>(start), text_.end(),
                       text_.begin() + static_cast<std::ptrdiff_t>(start),
                       [](char c) { return ascii_lower(c); });
        Candidate candidate;
        candidate.key = spelling.option->key;
        candidate.lowered = std::string_view(text_).substr(start);
        candidate.histogram = histogram(candidate.lowered);
        candidate.penalty = spelling.penalty;
        const std::size_t first = segments_.size();
        append_segments(candidate.lowered, segments_);
        candidate.segments = static_cast<std::uint32_t>(first);
        candidate.count = static_cast<std::uint32_t>(segments_.size() - first);
        candidates_.push_back(candidate);
    }
}

std::vector<std::string> SuggestIndex::suggest(std::string_view key, std::size_t limit) const {
    std::vector<std::string> out;
    if (key.empty() || key.size() > kMaxSuggestKeyLength || limit == 0) return out;
    const std::string lowered = ascii_lower(key);
    const std::vector<std::string_view> key_segments = split_segments(lowered);
    std::vector<std::string_view> sorted_segments = key_segments;
    std::sort(sorted_segments.begin(), sorted_segments.end());
    const Histogram key_histogram = histogram(lowered);
    const std::size_t edit_limit = whole_key_limit(lowered.size());

    std::vector<std::tuple<int, std::size_t, std::string_view>> scored;  // score, length gap, key
    for (const auto& [word, synonym] : kSegmentSynonyms) {
        for (std::size_t i = 0; i < key_segments.size(); ++i) {
            if (key_segments[i] != word) continue;
            std::string rewritten;
            for (std::size_t j = 0; j < key_segments.size(); ++j) {
                if (j > 0) rewritten += '.';
                rewritten += j == i ? synonym : key_segments[j];
            }
            for (const Candidate& candidate : candidates_) {
                if (candidate.penalty == 0 && candidate.lowered == rewritten)
                    scored.emplace_back(kSynonym, 0, candidate.key);
            }
        }
    }
    std::vector<std::string_view> sorted_candidate;  // sorted only when the reordering test needs it
    for (const Candidate& candidate : candidates_) {
        const Segments candidate_segments = segments(candidate);
        const std::size_t gap = lowered.size() > candidate.lowered.size()
                                    ? lowered.size() - candidate.lowered.size()
                                    : candidate.lowered.size() - lowered.size();
        int score = kFar;
        if (gap <= edit_limit && histogram_bound(key_histogram, candidate.histogram) <= edit_limit) {
            const std::size_t d = edit_distance(lowered, candidate.lowered, edit_limit);
            if (d == 0) {
                if (key == candidate.key || candidate.penalty > 0) continue;  // the key itself is known
                score = kCaseOnly;
            } else if (d <= edit_limit) {
                score = static_cast<int>(10 * d);
            }
        }
        if (key_segments.size() == candidate_segments.size()) {
            if (gap == 0 && score > kReordered) {
                sorted_candidate.assign(candidate_segments.begin(), candidate_segments.end());
                std::sort(sorted_candidate.begin(), sorted_candidate.end());
                if (sorted_candidate == sorted_segments) score = kReordered;
            }
            if (score > 10) score = std::min(score, one_segment_misspelled(key_segments, candidate_segments));
        } else if (score > kMissingOrExtraSegment && candidate.penalty == 0 &&
                   (one_segment_apart(key_segments, candidate_segments) ||
                    one_segment_apart(candidate_segments, key_segments))) {
            score = kMissingOrExtraSegment;
        }
        if (score < kFar) scored.emplace_back(score + candidate.penalty, gap, candidate.key);
    }
    std::sort(scored.begin(), scored.end());
    for (const auto& [score, gap, candidate] : scored) {
        if (out.size() == limit) break;
        if (std::find(out.begin(), out.end(), candidate) == out.end()) out.emplace_back(candidate);
    }
    return out;
}

}  // namespace flinklint::catalog_detail

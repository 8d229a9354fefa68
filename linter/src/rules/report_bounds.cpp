// A report stays proportional to what a person can read: findings per file and rule are capped,
// and text echoed from a file (a megabyte key) is cut.
#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "flinklint/linter.hpp"

namespace flinklint {
namespace {

bool utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Every `quoted` run of a message longer than kMaxEchoedBytes keeps its start and says how long it was.
void cut_echoed(std::string& text) {
    if (text.size() <= kMaxEchoedBytes) return;
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('`', at);
        const std::size_t close = open == std::string::npos ? open : text.find('`', open + 1);
        if (close == std::string::npos) break;  // what is left quotes nothing
        out.append(text, at, open + 1 - at);
        if (close - open - 1 > kMaxEchoedBytes) {
            std::size_t cut = open + 1 + kMaxEchoedBytes;
            while (cut > open + 1 && utf8_continuation(text[cut])) --cut;
            out.append(text, open + 1, cut - open - 1);
            out += fmt::format("... ({} bytes)", close - open - 1);
        } else {
            out.append(text, open + 1, close - open - 1);
        }
        out += '`';
        at = close + 1;
    }
    out.append(text, at);
    text = std::move(out);
}

}  // namespace

void bound_findings(std::vector<Diagnostic>& diagnostics,
                    const std::map<std::pair<const Source*, std::string>, std::size_t>& unshown) {
    // Counted per file and rule in report order; the findings past the cap become one summary,
    // placed after the last one shown.
    std::map<std::pair<const Source*, std::string>, std::pair<std::size_t, std::size_t>>
        seen;  // count, last kept
    std::vector<Diagnostic> kept;
    kept.reserve(diagnostics.size());
    for (Diagnostic& d : diagnostics) {
        auto& [count, last] = seen[{d.source.get(), d.rule_id}];
        if (++count > kMaxFindingsPerFileAndRule) continue;
        cut_echoed(d.message);
        cut_echoed(d.help);
        if (d.key.size() > kMaxEchoedBytes) {
            std::size_t cut = kMaxEchoedBytes;
            while (cut > 0 && utf8_continuation(d.key[cut])) --cut;
            d.key = fmt::format("{}... ({} bytes)", std::string_view(d.key).substr(0, cut), d.key.size());
        }
        last = kept.size();
        kept.push_back(std::move(d));
    }
    for (const auto& [where, count] : unshown) {
        const auto it = seen.find(where);
        if (it != seen.end()) it->second.first += count;  // the Reporter kept some: never none
    }
    std::vector<std::pair<std::size_t, Diagnostic>> summaries;
    for (const auto& [where, counts] : seen) {
        if (counts.first <= kMaxFindingsPerFileAndRule) continue;
        Diagnostic summary = kept[counts.second];
        summary.message = fmt::format("{} more findings of {} not shown (at most {} per file and rule)",
                                      counts.first - kMaxFindingsPerFileAndRule, summary.rule_id,
                                      kMaxFindingsPerFileAndRule);
        summary.help.clear();
        summary.fix.reset();
        summary.key.clear();
        summaries.emplace_back(counts.second, std::move(summary));
    }
    std::sort(summaries.begin(), summaries.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [after, summary] : summaries)
        kept.insert(kept.begin() + static_cast<std::ptrdiff_t>(after) + 1, std::move(summary));
    diagnostics = std::move(kept);
}

}  // namespace flinklint

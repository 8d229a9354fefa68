// Edit application: whole fixes, in order, never two that overlap.
#include <algorithm>

#include "flinklint/fix.hpp"

namespace flinklint {
namespace {

bool overlaps(const Edit& a, const Edit& b) {
    // Two insertions at one offset would land in an order neither fix chose.
    if (a.begin == a.end && b.begin == b.end) return a.begin == b.begin;
    return a.begin < b.end && b.begin < a.end;
}

}  // namespace

AppliedFixes apply_fixes(std::string_view text, const std::vector<const Fix*>& fixes) {
    AppliedFixes result;
    result.applied.assign(fixes.size(), false);
    std::vector<const Edit*> taken;
    for (std::size_t i = 0; i < fixes.size(); ++i) {
        const Fix* fix = fixes[i];
        if (fix == nullptr || fix->edits.empty()) continue;
        bool usable = true;
        bool changes = false;
        for (std::size_t e = 0; e < fix->edits.size() && usable; ++e) {
            const Edit& edit = fix->edits[e];
            if (edit.begin > edit.end || edit.end > text.size()) {
                usable = false;
                break;
            }
            if (text.substr(edit.begin, edit.end - edit.begin) != edit.replacement) changes = true;
            for (const Edit* other : taken) usable = usable && !overlaps(edit, *other);
            for (std::size_t o = 0; o < e; ++o) usable = usable && !overlaps(edit, fix->edits[o]);
        }
        if (!usable || !changes) continue;
        for (const Edit& edit : fix->edits) taken.push_back(&edit);
        result.applied[i] = true;
        ++result.count;
    }
    std::stable_sort(taken.begin(), taken.end(), [](const Edit* a, const Edit* b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    std::size_t growth = 0;
    for (const Edit* edit : taken) growth += edit->replacement.size();
    result.text.reserve(text.size() + growth);
    std::size_t at = 0;
    for (const Edit* edit : taken) {
        result.text.append(text.substr(at, edit->begin - at));
        result.text.append(edit->replacement);
        at = edit->end;
    }
    result.text.append(text.substr(at));
    return result;
}

}  // namespace flinklint

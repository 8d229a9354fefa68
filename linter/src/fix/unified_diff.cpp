// Unified diffs of a file before and after its fixes (Myers' O(ND) line diff, git's format).
#include <algorithm>

#include <fmt/format.h>

#include "flinklint/fix.hpp"
#include "flinklint/masking.hpp"

namespace flinklint {
namespace {

constexpr std::size_t kContext = 3;

// Lines with their own line break (`\r\n` stays whole: the `\r` belongs to the line).
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::size_t length = newline == std::string_view::npos ? text.size() : newline + 1;
        lines.push_back(text.substr(0, length));
        text.remove_prefix(length);
    }
    return lines;
}

enum class Op { keep, remove, insert };
struct Step {
    Op op;
    std::size_t a;  // line index in before (keep, remove)
    std::size_t b;  // line index in after (keep, insert)
};

// Myers' greedy shortest edit script; `a` and `b` are short after the common ends are trimmed.
std::vector<Step> shortest_edit(const std::vector<std::string_view>& a,
                                const std::vector<std::string_view>& b) {
    const auto n = static_cast<long>(a.size());
    const auto m = static_cast<long>(b.size());
    const long max = n + m;
    const long offset = max + 1;
    std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
    std::vector<std::vector<long>> trace;
    const auto at = [&](std::vector<long>& row, long k) -> long& {
        return row[static_cast<std::size_t>(k + offset)];
    };
    bool done = n == 0 && m == 0;
    for (long d = 0; d <= max && !done; ++d) {
        trace.push_back(v);
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && at(v, k - 1) < at(v, k + 1))) ? at(v, k + 1) : at(v, k - 1) + 1;
            long y = x - k;
            while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)])
                ++x, ++y;
            at(v, k) = x;
            if (x >= n && y >= m) {
                done = true;
                break;
            }
        }
    }
    std::vector<Step> steps;
    long x = n;
    long y = m;
    for (long d = static_cast<long>(trace.size()) - 1; d >= 0; --d) {
        std::vector<long>& row = trace[static_cast<std::size_t>(d)];
        const long k = x - y;
        const long prev_k = (k == -d || (k != d && at(row, k - 1) < at(row, k + 1))) ? k + 1 : k - 1;
        const long prev_x = at(row, prev_k);
        const long prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) {
            --x, --y;
            steps.push_back({Op::keep, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
        }
        if (d > 0) {
            if (x == prev_x) {
                steps.push_back({Op::insert, static_cast<std::size_t>(x), static_cast<std::size_t>(y - 1)});
            } else {
                steps.push_back({Op::remove, static_cast<std::size_t>(x - 1), static_cast<std::size_t>(y)});
            }
        }
        x = prev_x;
        y = prev_y;
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
}

std::string range(std::size_t first, std::size_t count) {
    // git: "-5" for one line, "-5,0" names the line before an empty range.
    if (count == 1) return std::to_string(first + 1);
    return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

// `line` starts at byte `offset` of its text; the `secrets` of that text are masked.
void put_line(std::string& out, char mark, std::string_view line, std::size_t offset,
              const std::vector<Span>& secrets) {
    out += mark;
    if (secrets.empty()) {
        out.append(line);
    } else {
        std::size_t content = line.size();
        while (content > 0 && (line[content - 1] == '\n' || line[content - 1] == '\r')) --content;
        out += mask_secrets(line.substr(0, content), offset, secrets);
        out.append(line.substr(content));
    }
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
    return unified_diff(path, before, after, {}, {});
}

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after,
                         const std::vector<Span>& before_secrets, const std::vector<Span>& after_secrets) {
    if (before == after) return {};
    const std::vector<std::string_view> a = split_lines(before);
    const std::vector<std::string_view> b = split_lines(after);
    // Trim the common ends so that the edit script works on the changed middle only.
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    std::vector<Step> steps;
    for (std::size_t i = 0; i < head; ++i) steps.push_back({Op::keep, i, i});
    const std::vector<std::string_view> mid_a(a.begin() + static_cast<long>(head),
                                              a.end() - static_cast<long>(tail));
    const std::vector<std::string_view> mid_b(b.begin() + static_cast<long>(head),
                                              b.end() - static_cast<long>(tail));
    for (Step step : shortest_edit(mid_a, mid_b)) steps.push_back({step.op, step.a + head, step.b + head});
    for (std::size_t i = 0; i < tail; ++i)
        steps.push_back({Op::keep, a.size() - tail + i, b.size() - tail + i});

    const std::string shown(path.size() > 0 && path.front() == '/' ? path.substr(1) : path);
    std::string out = fmt::format("diff --git a/{0} b/{0}\n--- a/{0}\n+++ b/{0}\n", shown);
    std::size_t i = 0;
    while (i < steps.size()) {
        while (i < steps.size() && steps[i].op == Op::keep) ++i;
        if (i == steps.size()) break;
        // A hunk: context before, changes, and runs of kept lines shorter than twice the context.
        const std::size_t start = i >= kContext ? i - kContext : 0;
        std::size_t end = i;
        while (end < steps.size()) {
            std::size_t kept = 0;
            while (end + kept < steps.size() && steps[end + kept].op == Op::keep) ++kept;
            if (end + kept == steps.size() || kept > 2 * kContext) {
                end += std::min(kept, kContext);
                break;
            }
            end += kept;
            while (end < steps.size() && steps[end].op != Op::keep) ++end;
        }
        std::size_t count_a = 0;
        std::size_t count_b = 0;
        for (std::size_t s = start; s < end; ++s) {
            count_a += steps[s].op != Op::insert ? 1 : 0;
            count_b += steps[s].op != Op::remove ? 1 : 0;
        }
        out += fmt::format("@@ -{} +{} @@\n", range(steps[start].a, count_a), range(steps[start].b, count_b));
        for (std::size_t s = start; s < end; ++s) {
            const Step& step = steps[s];
            const auto offset = [](std::string_view text, std::string_view line) {
                return static_cast<std::size_t>(line.data() - text.data());
            };
            if (step.op == Op::keep) put_line(out, ' ', a[step.a], offset(before, a[step.a]), before_secrets);
            if (step.op == Op::remove)
                put_line(out, '-', a[step.a], offset(before, a[step.a]), before_secrets);
            if (step.op == Op::insert) put_line(out, '+', b[step.b], offset(after, b[step.b]), after_secrets);
        }
        i = end;
    }
    return out;
}

}  // namespace flinklint

#include "flinklint/memory_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace flinklint {
namespace {

constexpr std::size_t kLineWidth = 100;
constexpr std::size_t kBarWidth = 80;

struct Component {
    std::string_view name;
    std::uint64_t bytes = 0;
};

// What the text renderer draws: the parts that make up the process, then the totals.
struct Layout {
    std::string_view title;
    std::vector<Component> parts;
    std::vector<Component> totals;
    std::uint64_t total_process = 0;
    std::string jvm_args;
};

// Distinct glyphs so the picture reads without colour; with colour every segment is a full block.
constexpr std::array<std::string_view, 8> kGlyphs = {"█", "▓", "▒", "░", "▆", "▄", "▂", "▌"};
constexpr std::array<std::string_view, 8> kColours = {"\x1b[34m", "\x1b[36m", "\x1b[32m", "\x1b[33m",
                                                      "\x1b[35m", "\x1b[31m", "\x1b[94m", "\x1b[90m"};
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[31m";

std::string paint(std::string_view text, std::string_view style, bool color) {
    if (!color) return std::string(text);
    return std::string(style) + std::string(text) + std::string(kReset);
}

std::string glyph(std::size_t index, bool color) {
    const std::size_t i = index % kGlyphs.size();
    return color ? paint("█", kColours[i], true) : std::string(kGlyphs[i]);
}

double mebibytes(std::uint64_t bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

double percent(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

// Cells per part, proportional to size (largest remainder), summing to `width`.
std::vector<std::size_t> allocate_cells(const std::vector<Component>& parts, std::size_t width) {
    __extension__ typedef unsigned __int128 u128;
    u128 total = 0;
    for (const auto& part : parts) total += part.bytes;
    std::vector<std::size_t> cells(parts.size(), 0);
    if (total == 0) return cells;
    std::vector<std::pair<u128, std::size_t>> remainders;
    std::size_t used = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const u128 scaled = static_cast<u128>(parts[i].bytes) * width;
        cells[i] = static_cast<std::size_t>(scaled / total);
        used += cells[i];
        remainders.emplace_back(scaled % total, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; used < width && k < remainders.size(); ++k, ++used) ++cells[remainders[k].second];
    return cells;
}

// Joins `words` into lines of at most kLineWidth columns, each starting with `indent`.
std::string wrap(const std::vector<std::string>& words, const std::vector<std::size_t>& widths,
                 std::string_view indent, std::string_view separator = " ") {
    std::string text;
    std::string line(indent);
    std::size_t column = indent.size();
    bool line_empty = true;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::size_t needed = widths[i] + (line_empty ? 0 : separator.size());
        if (!line_empty && column + needed > kLineWidth) {
            text += line + "\n";
            line = std::string(indent);
            column = indent.size();
            line_empty = true;
        }
        if (!line_empty) {
            line += separator;
            column += separator.size();
        }
        line += words[i];
        column += widths[i];
        line_empty = false;
    }
    if (!line_empty) text += line + "\n";
    return text;
}

std::string wrap_text(std::string_view text, std::string_view indent) {
    std::vector<std::string> words;
    std::vector<std::size_t> widths;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) {
            words.emplace_back(text.substr(start, end - start));
            widths.push_back(end - start);
        }
        start = end + 1;
    }
    return wrap(words, widths, indent);
}

std::string render_layout(const Layout& layout, bool color) {
    std::string text = paint(layout.title, kBold, color) + "\n";
    text += fmt::format("  {:<22}{:>18}{:>10}\n", "component", "MiB", "share");
    auto row = [&](const Component& component) {
        return fmt::format("  {:<22}{:>18.2f}{:>9.1f}%\n", component.name, mebibytes(component.bytes),
                           percent(component.bytes, layout.total_process));
    };
    for (const auto& part : layout.parts) text += row(part);
    text.append("  ").append(50, '-').append("\n");
    for (const auto& total : layout.totals) text += row(total);

    text += "\n  JVM flags:\n";
    text += wrap_text(layout.jvm_args, "    ");

    const auto cells = allocate_cells(layout.parts, kBarWidth);
    text += "\n  [";
    for (std::size_t i = 0; i < layout.parts.size(); ++i) {
        std::string segment;
        for (std::size_t c = 0; c < cells[i]; ++c)
            segment += color ? "█" : std::string(kGlyphs[i % kGlyphs.size()]);
        text += color ? paint(segment, kColours[i % kColours.size()], true) : segment;
    }
    text += "]\n";

    std::vector<std::string> legend;
    std::vector<std::size_t> widths;
    for (std::size_t i = 0; i < layout.parts.size(); ++i) {
        legend.push_back(glyph(i, color) + " " + std::string(layout.parts[i].name));
        widths.push_back(2 + layout.parts[i].name.size());  // the glyph is one column wide
    }
    text += wrap(legend, widths, "   ", "   ");
    return text;
}

std::string render_error(std::string_view title, const MemoryError& error, bool color) {
    std::string text = paint(title, kBold, color) + ": " + paint("Flink would refuse to start", kRed, color) +
                       " [" + error.category + "]\n";
    text += wrap_text(error.message, "  ");
    if (!error.keys.empty()) {
        std::string keys;
        for (const auto& key : error.keys) keys += (keys.empty() ? "" : ", ") + key;
        text += wrap_text("caused by: " + keys, "  ");
    }
    return text;
}

nlohmann::json error_json(std::string_view process, const MemoryError& error) {
    return {
        {"process", process}, {"error", error.category}, {"message", error.message}, {"keys", error.keys}};
}

}  // namespace

nlohmann::json memory_to_json(const TaskManagerResult& result) {
    if (const auto* error = std::get_if<MemoryError>(&result)) return error_json("taskmanager", *error);
    const auto& m = std::get<TaskManagerMemory>(result);
    return {{"process", "taskmanager"},
            {"framework_heap", m.framework_heap},
            {"task_heap", m.task_heap},
            {"framework_off_heap", m.framework_off_heap},
            {"task_off_heap", m.task_off_heap},
            {"network", m.network},
            {"managed", m.managed},
            {"jvm_metaspace", m.jvm_metaspace},
            {"jvm_overhead", m.jvm_overhead},
            {"total_flink", m.total_flink},
            {"total_process", m.total_process},
            {"jvm_heap", m.jvm_heap},
            {"jvm_direct", m.jvm_direct},
            {"jvm_args", m.jvm_args}};
}

nlohmann::json memory_to_json(const JobManagerResult& result) {
    if (const auto* error = std::get_if<MemoryError>(&result)) return error_json("jobmanager", *error);
    const auto& m = std::get<JobManagerMemory>(result);
    return {{"process", "jobmanager"},          {"jvm_heap", m.jvm_heap},
            {"off_heap", m.off_heap},           {"jvm_metaspace", m.jvm_metaspace},
            {"jvm_overhead", m.jvm_overhead},   {"total_flink", m.total_flink},
            {"total_process", m.total_process}, {"jvm_args", m.jvm_args}};
}

std::string render_memory_text(const TaskManagerResult& result, bool color) {
    constexpr std::string_view title = "TaskManager memory";
    if (const auto* error = std::get_if<MemoryError>(&result)) return render_error(title, *error, color);
    const auto& m = std::get<TaskManagerMemory>(result);
    Layout layout{title,
                  {{"framework heap", m.framework_heap},
                   {"task heap", m.task_heap},
                   {"framework off-heap", m.framework_off_heap},
                   {"task off-heap", m.task_off_heap},
                   {"network", m.network},
                   {"managed", m.managed},
                   {"JVM metaspace", m.jvm_metaspace},
                   {"JVM overhead", m.jvm_overhead}},
                  {{"total Flink", m.total_flink},
                   {"total process", m.total_process},
                   {"JVM heap (-Xmx)", m.jvm_heap},
                   {"JVM direct", m.jvm_direct}},
                  m.total_process,
                  m.jvm_args};
    return render_layout(layout, color);
}

std::string render_memory_text(const JobManagerResult& result, bool color) {
    constexpr std::string_view title = "JobManager memory";
    if (const auto* error = std::get_if<MemoryError>(&result)) return render_error(title, *error, color);
    const auto& m = std::get<JobManagerMemory>(result);
    Layout layout{title,
                  {{"JVM heap", m.jvm_heap},
                   {"off-heap", m.off_heap},
                   {"JVM metaspace", m.jvm_metaspace},
                   {"JVM overhead", m.jvm_overhead}},
                  {{"total Flink", m.total_flink}, {"total process", m.total_process}},
                  m.total_process,
                  m.jvm_args};
    return render_layout(layout, color);
}

}  // namespace flinklint

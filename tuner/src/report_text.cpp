// Text and Markdown reports, and the figures they share with the HTML and JSON reports.
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/tuner/output.hpp"
#include "flinklint/tuner/units.hpp"
#include "report_data.hpp"

namespace flinklint::tuner {
namespace detail {

std::vector<TrafficRow> traffic_rows(const Estimates& e) {
    return {
        {"source_in", "source in", e.source_in, true, "#4e79a7"},
        {"shuffle_in", "shuffle in", e.shuffle_in, true, "#f28e2b"},
        {"state_read", "state reads", e.state_read, true, "#59a14f"},
        {"shuffle_out", "shuffle out", e.shuffle_out, false, "#f28e2b"},
        {"window_emit", "window output", e.window_emit, false, "#b07aa1"},
        {"state_write", "state writes", e.state_write, false, "#59a14f"},
        {"checkpoint_out", "checkpoint upload", e.checkpoint_out, false, "#e15759"},
    };
}

std::vector<MemoryPart> memory_parts(const TaskManagerMemory& m) {
    return {
        {"framework heap", m.framework_heap, "#9c755f"},
        {"task heap", m.task_heap, "#4e79a7"},
        {"framework off-heap", m.framework_off_heap, "#bab0ac"},
        {"task off-heap", m.task_off_heap, "#d4a6c8"},
        {"network", m.network, "#f28e2b"},
        {"managed", m.managed, "#59a14f"},
        {"JVM metaspace", m.jvm_metaspace, "#edc948"},
        {"JVM overhead", m.jvm_overhead, "#e15759"},
    };
}

std::string inputs_summary(const Profile& p) {
    std::string text = fmt::format(
        "{} TaskManager{} × {} cores, {} each, {} NIC, {} disk; {} state; {} records/s of "
        "{} B",
        p.taskmanagers, p.taskmanagers == 1 ? "" : "s", plain_number(p.tm_cpu_cores),
        format_binary_bytes(p.tm_memory), format_rate(p.network_bandwidth), to_string(p.local_disk),
        to_string(p.backend), plain_number(p.records_per_second, 0), p.record_size);
    if (p.keys) text += fmt::format(", {} keys", plain_number(*p.keys, 0));
    if (p.window)
        text += fmt::format(", window {} sliding {}", human_duration(p.window->size_s),
                            human_duration(p.window->slide_s));
    return text + fmt::format("; checkpoints to {}", to_string(p.storage));
}

}  // namespace detail

namespace {

using detail::traffic_rows;

std::string pad(std::string_view text, std::size_t width) {
    // Columns count code points, so `×` and `≥` do not shift the table.
    std::size_t length = 0;
    for (const char c : text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return std::string(text) + std::string(width > length ? width - length : 1, ' ');
}

std::string md_cell(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += "<br>";
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string render_text(const Tuning& t) {
    const Profile& p = t.profile;
    const Estimates& e = t.estimates;
    std::string out = fmt::format("flinklint tune: {} (Flink {}, {})\n{}\n\n", p.path, p.version.str(),
                                  to_string(p.deployment), detail::inputs_summary(p));
    out += "Traffic per TaskManager (Metzger's model; 1 MB = 10^6 bytes)\n";
    for (const auto& row : traffic_rows(e)) {
        out += fmt::format("  {}{}{}\n", pad(row.label, 20), pad(row.inbound ? "in" : "out", 5),
                           format_rate(row.value));
    }
    out += fmt::format("  {}{}{}\n", pad("total", 20), pad("in", 5), format_rate(e.network_in));
    out += fmt::format("  {}{}{}\n", pad("total", 20), pad("out", 5), format_rate(e.network_out));
    out += fmt::format("  NIC utilisation {} of {}; state {} per TaskManager; checkpoint ~{}\n\n",
                       plain_number(e.nic_utilization), format_rate(e.nic_bytes_per_s),
                       format_decimal_bytes(e.state_bytes_per_taskmanager),
                       human_duration(e.checkpoint_duration_s));

    std::size_t key_width = 4;
    std::size_t value_width = 6;
    for (const Recommendation& r : t.recommendations) {
        key_width = std::max(key_width, r.key.size() + 2);
        value_width = std::max(value_width, r.value.size() + 2);
    }
    out += "Recommendations\n";
    out += "  " + pad("key", key_width) + pad("value", value_width) + "basis\n";
    std::string group;
    for (const Recommendation& r : t.recommendations) {
        if (r.group != group) out += fmt::format("  [{}]\n", r.group);
        group = r.group;
        out +=
            "  " + pad(r.key, key_width) + pad(r.value, value_width) + std::string(to_string(r.basis)) + "\n";
        out += "      " + r.reason + "\n";
    }
    out += "\nHow the figures were derived\n";
    for (const Derivation& d : t.derivations)
        out += fmt::format("  {} = {}: {}\n", d.name, d.value, d.formula);
    if (!t.warnings.empty()) {
        out += "\nWarnings\n";
        for (const std::string& warning : t.warnings) out += "  ! " + warning + "\n";
    }
    return out;
}

std::string render_markdown(const Tuning& t) {
    const Profile& p = t.profile;
    const Estimates& e = t.estimates;
    std::string out = fmt::format("# Flink configuration for `{}`\n\nFlink {}, {}. {}.\n\n", p.path,
                                  p.version.str(), to_string(p.deployment), detail::inputs_summary(p));
    if (!t.warnings.empty()) {
        out += "## Warnings\n\n";
        for (const std::string& warning : t.warnings) out += "- " + md_cell(warning) + "\n";
        out += "\n";
    }
    out +=
        "## Traffic per TaskManager\n\nMetzger's model, 1 MB = 10^6 bytes.\n\n| flow | direction | rate "
        "|\n|---|---|---:|\n";
    for (const auto& row : traffic_rows(e))
        out +=
            fmt::format("| {} | {} | {} |\n", row.label, row.inbound ? "in" : "out", format_rate(row.value));
    out += fmt::format("| **total** | in | **{}** |\n| **total** | out | **{}** |\n\n",
                       format_rate(e.network_in), format_rate(e.network_out));
    out += fmt::format(
        "NIC utilisation **{}** of {}; state {} per TaskManager; one checkpoint takes about {}.\n\n",
        plain_number(e.nic_utilization), format_rate(e.nic_bytes_per_s),
        format_decimal_bytes(e.state_bytes_per_taskmanager), human_duration(e.checkpoint_duration_s));
    out +=
        "## Recommendations\n\n`fact`: Flink's behaviour or your profile; `policy`: a judgement you can "
        "change in the "
        "profile's `policy:` section (docs/tuning.md).\n\n| key | value | basis | reason "
        "|\n|---|---|---|---|\n";
    for (const Recommendation& r : t.recommendations) {
        out += fmt::format("| `{}` | `{}` | {} | {} |\n", r.key, md_cell(r.value), to_string(r.basis),
                           md_cell(r.reason));
    }
    out += "\n## How the figures were derived\n\n| figure | value | formula |\n|---|---|---|\n";
    for (const Derivation& d : t.derivations)
        out += fmt::format("| {} | {} | {} |\n", md_cell(d.name), md_cell(d.value), md_cell(d.formula));
    out += "\n## TaskManager memory\n\n| component | size |\n|---|---:|\n";
    for (const auto& part : detail::memory_parts(t.taskmanager))
        out += fmt::format("| {} | {} |\n", part.label, format_binary_bytes(part.bytes));
    out += fmt::format("| **process** | **{}** |\n", format_binary_bytes(t.taskmanager.total_process));
    return out;
}

std::optional<ReportFormat> parse_report_format(std::string_view name) {
    if (name == "text") return ReportFormat::text;
    if (name == "markdown") return ReportFormat::markdown;
    if (name == "html") return ReportFormat::html;
    if (name == "json") return ReportFormat::json;
    return std::nullopt;
}

nlohmann::ordered_json to_json(const Tuning& t) {
    const Estimates& e = t.estimates;
    nlohmann::ordered_json json;
    json["flink_version"] = t.profile.version.str();
    nlohmann::ordered_json config = nlohmann::ordered_json::object();
    for (const auto& [key, value] : t.flink_config()) config[key] = value;
    json["config"] = config;
    nlohmann::ordered_json estimates = nlohmann::ordered_json::object();
    estimates["source_in"] = e.source_in;
    estimates["shuffle_in"] = e.shuffle_in;
    estimates["shuffle_out"] = e.shuffle_out;
    estimates["state_read"] = e.state_read;
    estimates["state_write"] = e.state_write;
    estimates["window_emit"] = e.window_emit;
    estimates["checkpoint_out"] = e.checkpoint_out;
    estimates["network_in"] = e.network_in;
    estimates["network_out"] = e.network_out;
    estimates["nic_utilization"] = e.nic_utilization;
    estimates["state_bytes_per_taskmanager"] = e.state_bytes_per_taskmanager;
    estimates["checkpoint_duration_s"] = e.checkpoint_duration_s;
    json["estimates"] = estimates;
    nlohmann::ordered_json recommendations = nlohmann::ordered_json::array();
    for (const Recommendation& r : t.recommendations) {
        recommendations.push_back({{"key", r.key},
                                   {"value", r.value},
                                   {"reason", r.reason},
                                   {"basis", std::string(to_string(r.basis))}});
    }
    json["recommendations"] = recommendations;
    // Only with `tune --observed`: the values measured on the job in place of the profile's.
    if (!t.profile.measurements.empty()) {
        nlohmann::ordered_json measured = nlohmann::ordered_json::array();
        for (const Profile::Measurement& m : t.profile.measurements)
            measured.push_back({{"name", m.name}, {"value", m.value}, {"source", m.source}});
        json["measured"] = measured;
    }
    json["warnings"] = t.warnings;
    return json;
}

std::string render(const Tuning& tuning, ReportFormat format) {
    switch (format) {
        case ReportFormat::text:
            return render_text(tuning);
        case ReportFormat::markdown:
            return render_markdown(tuning);
        case ReportFormat::html:
            return render_html(tuning);
        case ReportFormat::json:
            // Profile text is echoed as written: invalid UTF-8 becomes U+FFFD instead of an exception.
            return to_json(tuning).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
                   "\n";
    }
    return render_text(tuning);
}

}  // namespace flinklint::tuner

// The HTML report: one self-contained page with inline CSS and SVG (nothing is fetched).
#include <fmt/format.h>

#include <algorithm>

#include "flinklint/tuner/output.hpp"
#include "flinklint/tuner/units.hpp"
#include "report_data.hpp"

namespace flinklint::tuner {
namespace {

std::string esc(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

constexpr double kChartWidth = 1000;

// The TaskManager process as one stacked bar, with a legend below.
std::string memory_svg(const TaskManagerMemory& memory) {
    const auto parts = detail::memory_parts(memory);
    const double total = static_cast<double>(std::max<std::uint64_t>(memory.total_process, 1));
    std::string svg = fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="150" viewBox="0 0 {0} 150" role="img" aria-label="TaskManager memory layout">)",
        kChartWidth);
    double x = 0;
    for (const auto& part : parts) {
        const double width = kChartWidth * static_cast<double>(part.bytes) / total;
        if (width <= 0) continue;
        svg += fmt::format(
            R"(<rect x="{:.2f}" y="10" width="{:.2f}" height="50" fill="{}"><title>{}: {}</title></rect>)", x,
            width, part.color, esc(part.label), format_binary_bytes(part.bytes));
        if (width > 70) {
            svg += fmt::format(R"(<text x="{:.2f}" y="40" font-size="12" fill="#fff">{}</text>)", x + 4,
                               esc(format_binary_bytes(part.bytes)));
        }
        x += width;
    }
    int index = 0;
    for (const auto& part : parts) {
        const double lx = 10 + (index % 4) * 245.0;
        const double ly = 85 + (index / 4) * 28.0;
        svg += fmt::format(
            R"(<rect x="{}" y="{}" width="14" height="14" fill="{}"/><text x="{}" y="{}" font-size="13">{} {}</text>)",
            lx, ly, part.color, lx + 20, ly + 12, esc(part.label), esc(format_binary_bytes(part.bytes)));
        ++index;
    }
    return svg + "</svg>";
}

// Inbound and outbound traffic per TaskManager as stacked bars against the NIC and the policy limit.
std::string traffic_svg(const Estimates& e, double limit) {
    const auto rows = detail::traffic_rows(e);
    const double scale_max = std::max({e.nic_bytes_per_s, e.network_in, e.network_out}) * 1.05;
    const double left = 60;
    const double width = kChartWidth - left - 20;
    const auto px = [&](double bytes) { return width * bytes / scale_max; };
    std::string svg = fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="230" viewBox="0 0 {0} 230" role="img" aria-label="Traffic per TaskManager against NIC capacity">)",
        kChartWidth);
    for (const bool inbound : {true, false}) {
        const double y = inbound ? 20 : 80;
        svg += fmt::format(R"(<text x="0" y="{}" font-size="14">{}</text>)", y + 28, inbound ? "in" : "out");
        double x = left;
        for (const auto& row : rows) {
            if (row.inbound != inbound || row.value <= 0) continue;
            const double w = px(row.value);
            svg += fmt::format(
                R"(<rect x="{:.2f}" y="{}" width="{:.2f}" height="44" fill="{}"><title>{}: {}</title></rect>)",
                x, y, w, row.color, esc(row.label), format_rate(row.value));
            if (w > 80) {
                svg += fmt::format(R"(<text x="{:.2f}" y="{}" font-size="12" fill="#fff">{}</text>)", x + 4,
                                   y + 27, esc(format_rate(row.value)));
            }
            x += w;
        }
    }
    const double nic = left + px(e.nic_bytes_per_s);
    const double policy = left + px(e.nic_bytes_per_s * limit);
    svg += fmt::format(
        R"(<line x1="{0:.2f}" y1="10" x2="{0:.2f}" y2="135" stroke="#000" stroke-width="3"/><text x="{1:.2f}" y="152" font-size="12">NIC {2}</text>)",
        nic, std::max(left, nic - 120), esc(format_rate(e.nic_bytes_per_s)));
    svg += fmt::format(
        R"(<line x1="{0:.2f}" y1="10" x2="{0:.2f}" y2="135" stroke="#555" stroke-width="2" stroke-dasharray="6 4"/><text x="{1:.2f}" y="168" font-size="12">policy limit {2}%</text>)",
        policy, std::max(left, policy - 120), plain_number(limit * 100, 1));
    int index = 0;
    for (const auto& row : rows) {
        if (!row.inbound && row.json_name == "shuffle_out") continue;  // same colour as shuffle in
        if (row.json_name == "state_write") continue;                  // same colour as state reads
        const double lx = 10 + index * 190.0;
        svg += fmt::format(
            R"(<rect x="{}" y="190" width="14" height="14" fill="{}"/><text x="{}" y="202" font-size="13">{}</text>)",
            lx, row.color, lx + 20,
            esc(row.json_name == "shuffle_in"   ? "shuffle"
                : row.json_name == "state_read" ? "state access"
                                                : row.label));
        ++index;
    }
    return svg + "</svg>";
}

}  // namespace

std::string render_html(const Tuning& t) {
    const Profile& p = t.profile;
    const Estimates& e = t.estimates;
    std::string html = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)" + esc("Flink configuration for " + p.path) +
                       R"(</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1060px;color:#1d1d1f;background:#fff}
h1{font-size:24px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ddd;padding:5px 7px;text-align:left;vertical-align:top}
th{background:#f2f2f2}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.fact{color:#1f6f3f;font-weight:600}.policy{color:#8a5300;font-weight:600}
.warn{background:#fff4e5;border-left:4px solid #e08a00;padding:8px 12px;margin:6px 0}
.num{text-align:right;white-space:nowrap}svg{max-width:100%;height:auto}
</style></head><body>
)";
    html += fmt::format("<h1>Flink configuration for <code>{}</code></h1>\n<p>Flink {}, {}. {}.</p>\n",
                        esc(p.path), esc(p.version.str()), esc(to_string(p.deployment)),
                        esc(detail::inputs_summary(p)));
    for (const std::string& warning : t.warnings) html += "<div class=\"warn\">" + esc(warning) + "</div>\n";

    html +=
        "<h2>Traffic per TaskManager</h2>\n<p>Metzger's model (1 MB = 10<sup>6</sup> bytes): NIC utilisation "
        "<b>" +
        plain_number(e.nic_utilization) + "</b>, in " + esc(format_rate(e.network_in)) + ", out " +
        esc(format_rate(e.network_out)) + " of " + esc(format_rate(e.nic_bytes_per_s)) + ".</p>\n";
    html += traffic_svg(e, p.policy.max_nic_utilization) + "\n";
    html += "<table><tr><th>flow</th><th>direction</th><th class=\"num\">rate</th></tr>\n";
    for (const auto& row : detail::traffic_rows(e)) {
        html += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n", esc(row.label),
                            row.inbound ? "in" : "out", esc(format_rate(row.value)));
    }
    html += "</table>\n";

    html += fmt::format("<h2>TaskManager memory</h2>\n<p>Process {} as Flink derives it, {} slots.</p>\n",
                        esc(format_binary_bytes(t.taskmanager.total_process)), t.slots);
    html += memory_svg(t.taskmanager) + "\n";

    html +=
        "<h2>Recommendations</h2>\n<p><span class=\"fact\">fact</span>: Flink's behaviour or the profile; "
        "<span class=\"policy\">policy</span>: a judgement the profile's <code>policy:</code> section can "
        "change.</p>\n<table><tr><th>key</th><th>value</th><th>basis</th><th>reason</th></tr>\n";
    for (const Recommendation& r : t.recommendations) {
        const std::string basis(to_string(r.basis));
        html += fmt::format(
            "<tr><td><code>{}</code></td><td><code>{}</code></td><td class=\"{}\">{}</td><td>{}</td></tr>\n",
            esc(r.key), esc(r.value), basis, basis, esc(r.reason));
    }
    html +=
        "</table>\n<h2>How the figures were "
        "derived</h2>\n<table><tr><th>figure</th><th>value</th><th>formula</th></tr>\n";
    for (const Derivation& d : t.derivations) {
        html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n", esc(d.name),
                            esc(d.value), esc(d.formula));
    }
    html += "</table>\n<h2>Inputs</h2>\n<table><tr><th>field</th><th>as written</th></tr>\n";
    for (const auto& [field, value] : p.inputs) {
        html += fmt::format("<tr><td><code>{}</code></td><td><code>{}</code></td></tr>\n", esc(field),
                            esc(value));
    }
    html += "</table>\n</body></html>\n";
    return html;
}

}  // namespace flinklint::tuner

// What `flinklint tune` writes: reports (text, Markdown, HTML, JSON) and the recommended configuration
// as a flink-conf.yaml, a config.yaml or a FlinkDeployment.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "flinklint/expected.hpp"
#include "flinklint/tuner/tuner.hpp"

namespace flinklint::tuner {

enum class ReportFormat { text, markdown, html, json };
enum class EmitFormat { flink_conf, config_yaml, flinkdeployment };

std::optional<ReportFormat> parse_report_format(std::string_view name);
std::optional<EmitFormat> parse_emit_format(std::string_view name);

std::string render_text(const Tuning& tuning);
std::string render_markdown(const Tuning& tuning);
// One self-contained page: inline CSS and SVG, no scripts, nothing fetched.
std::string render_html(const Tuning& tuning);
// {"flink_version", "config", "estimates", "recommendations", "warnings"}.
nlohmann::ordered_json to_json(const Tuning& tuning);
std::string render(const Tuning& tuning, ReportFormat format);

// The recommended configuration in `format`; an error when the target Flink version does not read that
// file (flink-conf.yaml from 2.0, config.yaml before 1.19).
Expected<std::string> emit_config(const Tuning& tuning, EmitFormat format);

// A YAML scalar for `value`: plain when YAML reads it back as the same text or number, else
// double-quoted (flinklint::yaml_double_quoted, also where flinkConfiguration needs strings).
std::string yaml_scalar(std::string_view value);

}  // namespace flinklint::tuner

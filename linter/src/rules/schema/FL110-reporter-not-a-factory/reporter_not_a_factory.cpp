// FL110 reporter-not-a-factory: a metric, trace or event reporter configured so that Flink creates no
// reporter. flink-runtime's ReporterSetup#loadViaFactory looks the `<prefix>.<name>.factory.class` value up
// among the MetricReporterFactory implementations it found by their class name; a reporter class such as
// PrometheusReporter is no factory, so it logs "The reporter factory (...) could not be found" and the
// reporter is skipped. Since Flink 1.16 ReporterSetup#loadReporter no longer instantiates the
// `metrics.reporter.<name>.class` value: it logs that the approach is no longer supported and skips it.
// Flink's own reporters (flink-metrics-*) are all named <Name>Reporter with a <Name>ReporterFactory beside.
#include <fmt/format.h>

#include "flinklint/ingest.hpp"
#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr FlinkVersion kClassKeyIgnoredSince{1, 16};

std::string_view simple_name(std::string_view class_name) {
    const auto dot = class_name.rfind('.');
    return dot == std::string_view::npos ? class_name : class_name.substr(dot + 1);
}

// The factory to name instead: Flink's reporters have `<class>Factory` beside them.
std::string factory_hint(std::string_view reporter_class) {
    if (reporter_class.starts_with("org.apache.flink.metrics.") && reporter_class.ends_with("Reporter"))
        return fmt::format("`{}Factory`", reporter_class);
    return "the reporter's MetricReporterFactory class";
}

bool reporter_key(std::string_view key, std::string_view suffix) {
    if (!key.ends_with(suffix)) return false;
    const auto at = key.find("reporter.");
    return at != std::string_view::npos && (at == 0 || key[at - 1] == '.') &&
           at + std::string_view("reporter.").size() < key.size() - suffix.size();
}

void check_factory_value(const FlinkConfig& config, const ConfigEntry& entry, Reporter& reporter) {
    const std::string value(trim(entry.value));
    if (!simple_name(value).ends_with("Reporter")) return;
    Finding f{.source = config.source(), .span = entry.value_span, .key = entry.key};
    f.message = fmt::format(
        "{} names the reporter class {}, not a factory: Flink looks the value up among the reporter "
        "factories by class name, finds none, and creates no reporter (\"The reporter factory ... could not "
        "be found\"), so nothing is reported",
        quoted(entry.key), quoted(value));
    f.help = fmt::format("name {}", factory_hint(value));
    reporter.report(std::move(f));
}

// A file named config.yaml is read only by Flink 1.19 and later (GlobalConfiguration#loadConfiguration
// looks for it from 1.19 on): its version is at least that even when nothing states it.
// A ConfigMap key or a plain file of that name, not any YAML flinklint reads as Flink's.
bool read_as_config_yaml(const FlinkConfig& config) {
    if (config.doc().format != ConfigFormat::yaml) return false;
    return config.doc().owner_object ? is_yaml_file_name(config.doc().file_name)
                                     : is_yaml_file_name(flink_file_name(config.source()->path())) &&
                                           !in_build_resources(config.source()->path());
}

void check_class_key(const FlinkConfig& config, const ConfigEntry& entry, Reporter& reporter) {
    // Old files still use `.class` widely: judge it only when something states the Flink version.
    const bool stated = config.version_source() != VersionSource::default_version;
    if (!entry.key.starts_with("metrics.reporter.") || (!stated && !read_as_config_yaml(config)) ||
        (stated && config.version() < kClassKeyIgnoredSince))
        return;
    const std::string read_by = stated ? fmt::format("Flink {}", config.version().str())
                                       : "Flink 1.19+ (the only versions that read config.yaml)";
    const std::string prefix = entry.key.substr(0, entry.key.size() - std::string_view("class").size());
    if (config.get(prefix + "factory.class") != nullptr) return;  // the factory wins; `.class` is unused
    const std::string value(trim(entry.value));
    Finding f{.source = config.source(), .span = entry.key_span, .key = entry.key};
    f.message = fmt::format(
        "{} is no longer read in {}: since 1.16 reporters are created only from "
        "`{}factory.class`, so Flink logs that the reporter class is no longer supported and creates no "
        "reporter",
        quoted(entry.key), read_by, prefix);
    f.help = fmt::format("write `{}factory.class: {}`", prefix,
                         factory_hint(value).starts_with("`") ? value + "Factory" : "<its factory class>");
    reporter.report(std::move(f));
}

}  // namespace

void check_reporter_not_a_factory(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const ConfigEntry& entry : config.entries()) {
            if (reporter_key(entry.key, ".factory.class"))
                check_factory_value(config, entry, reporter);
            else if (reporter_key(entry.key, ".class"))
                check_class_key(config, entry, reporter);
        }
    }
}

}  // namespace flinklint::rules

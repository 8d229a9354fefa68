// FL107 reporter-option-unknown: a `metrics.reporter.<name>.<property>` of one of Flink's own reporters
// that nothing reads. flink-runtime's ReporterSetup hands every property under the reporter's prefix to
// the reporter's factory as its MetricConfig, after reading its own (MetricOptions: factory.class, class,
// interval, scope.delimiter, scope.variables.excludes/.additional, filter.includes/.excludes); the
// factory reads only its own names (flink-metrics-*: PrometheusReporterFactory ARG_PORT,
// PrometheusPushGatewayReporterOptions, JMXReporterFactory ARG_PORT, ScheduledDropwizardReporter
// ARG_HOST/ARG_PORT/ARG_PREFIX/..., GraphiteReporter ARG_PROTOCOL, StatsDReporter,
// DatadogHttpReporterFactory, InfluxdbReporterOptions). Any other property is silently unused. A reporter of
// another vendor reads what it likes, so only Flink's reporters are judged.
#include <array>

#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

constexpr std::string_view kPrefix = "metrics.reporter.";

// What ReporterSetup reads itself under `metrics.reporter.<name>.` (MetricOptions, 1.x and 2.x).
constexpr std::array<std::string_view, 8> kSetupProperties = {"factory.class",
                                                              "class",
                                                              "interval",
                                                              "scope.delimiter",
                                                              "scope.variables.excludes",
                                                              "scope.variables.additional",
                                                              "filter.includes",
                                                              "filter.excludes"};

// One of Flink's reporters: the simple class names of the reporter and of its factory, and every
// property name that any release of the factory (or of the reporter's open()) reads.
struct FlinkReporter {
    std::string_view reporter;
    std::string_view factory;
    std::string_view properties;  // separated by spaces
};

constexpr std::array<FlinkReporter, 8> kReporters = {{
    {"PrometheusReporter", "PrometheusReporterFactory", "port filterLabelValueCharacters"},
    {"PrometheusPushGatewayReporter", "PrometheusPushGatewayReporterFactory",
     "hostUrl host port jobName randomJobNameSuffix deleteOnShutdown groupingKey filterLabelValueCharacters"},
    {"JMXReporter", "JMXReporterFactory", "port"},
    {"Slf4jReporter", "Slf4jReporterFactory", ""},
    {"GraphiteReporter", "GraphiteReporterFactory",
     "host port prefix rateConversion durationConversion protocol"},
    {"StatsDReporter", "StatsDReporterFactory", "host port"},
    {"DatadogHttpReporter", "DatadogHttpReporterFactory",
     "apikey proxyHost proxyPort dataCenter tags maxMetricsPerRequest useLogicalIdentifier"},
    {"InfluxdbReporter", "InfluxdbReporterFactory",
     "host port scheme protocol db username password retentionPolicy consistency connectTimeout "
     "writeTimeout"},
}};

// Calls `f` with each property the reporter's factory reads.
template <typename F>
void for_each_property(const FlinkReporter& r, F&& f) {
    std::string_view rest = r.properties;
    while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        f(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
}

std::string_view unquote(std::string_view value) {
    value = trim(value);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
        value = trim(value.substr(1, value.size() - 2));
    return value;
}

// The Flink reporter a `factory.class` (or, before 1.16, `class`) value names; nullptr for any other.
const FlinkReporter* flink_reporter(std::string_view class_name) {
    class_name = unquote(class_name);
    if (!class_name.starts_with("org.apache.flink.metrics.")) return nullptr;
    const std::string_view simple = class_name.substr(class_name.rfind('.') + 1);
    for (const FlinkReporter& r : kReporters)
        if (simple == r.reporter || simple == r.factory) return &r;
    return nullptr;
}

bool known_property(const FlinkReporter& r, std::string_view property) {
    for (std::string_view p : kSetupProperties)
        if (p == property) return true;
    bool found = false;
    for_each_property(r, [&](std::string_view p) { found = found || p == property; });
    return found;
}

std::string closest(const FlinkReporter& r, std::string_view property) {
    std::string best;
    std::size_t best_distance = property.size() < 6 ? 2 : 3;
    auto consider = [&](std::string_view candidate) {
        // `factory.port` for `port`: the property written under another one's prefix.
        const std::size_t d = property.ends_with(fmt::format(".{}", candidate))
                                  ? 0
                                  : edit_distance(property, candidate, best_distance + 1);
        if (d <= best_distance) best = candidate, best_distance = d;
    };
    for_each_property(r, consider);
    for (std::string_view p : kSetupProperties) consider(p);
    return best;
}

void check_reporter(const FlinkConfig& config, std::string_view name, const FlinkReporter& reporter,
                    std::string_view factory_key, Reporter& out) {
    const std::string prefix = fmt::format("{}{}.", kPrefix, name);
    for (const ConfigEntry& entry : config.entries()) {
        if (!entry.key.starts_with(prefix) || entry.key.size() == prefix.size()) continue;
        const std::string_view property = std::string_view(entry.key).substr(prefix.size());
        if (known_property(reporter, property)) continue;
        Finding f{.source = config.source(), .span = entry.key_span, .key = entry.key};
        f.message = fmt::format(
            "`{}` is no property of reporter `{}` (Flink's {}, named by {}): neither Flink's reporter setup "
            "nor the factory reads it, so the line has no effect",
            property, name, reporter.factory, quoted(factory_key));
        const std::string suggestion = closest(reporter, property);
        if (!suggestion.empty())
            f.help = fmt::format("did you mean `{}{}`?", prefix, suggestion);
        else if (reporter.properties.empty())
            f.help = fmt::format("remove it: {} reads no property of its own", reporter.factory);
        else {
            std::string names;
            for_each_property(reporter, [&](std::string_view p) {
                names += fmt::format("{}`{}`", names.empty() ? "" : ", ", p);
            });
            f.help = fmt::format("remove it; {} reads {}", reporter.factory, names);
        }
        out.report(std::move(f));
    }
}

}  // namespace

void check_reporter_option_unknown(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        for (const ConfigEntry& entry : config.entries()) {
            if (!entry.key.starts_with(kPrefix)) continue;
            const std::string_view rest = std::string_view(entry.key).substr(kPrefix.size());
            const std::size_t dot = rest.find('.');
            if (dot == 0 || dot == std::string_view::npos) continue;
            const std::string_view property = rest.substr(dot + 1);
            // The factory names the reporter; `class` only when no factory.class is set beside it.
            if (property != "factory.class" && property != "class") continue;
            const std::string_view name = rest.substr(0, dot);
            if (property == "class" &&
                config.get(fmt::format("{}{}.factory.class", kPrefix, name)) != nullptr)
                continue;
            if (const FlinkReporter* r = flink_reporter(entry.value))
                check_reporter(config, name, *r, entry.key, reporter);
        }
    }
}

}  // namespace flinklint::rules

// FL847 log4j1-config-with-log4j2: a ConfigMap's log4j*.properties written in Log4j 1 syntax
// (`log4j.rootLogger=`, `log4j.appender.*`) for a Flink that logs through Log4j 2 (1.11 onward). The start
// scripts (flink-dist bin/flink-daemon.sh, flink-console.sh) pass -Dlog4j.configurationFile=<that file>, and
// Log4j 2's properties reader (PropertiesConfigurationBuilder) takes only `rootLogger`, `appender.*`,
// `logger.*` and a few root keys: it finds no logger, and AbstractConfiguration#doConfigure falls back to an
// ERROR-level root logger on the console. The log file the file meant to write is never written, and INFO
// and WARN messages go nowhere.
#include <fmt/format.h>

#include "flinklint/deployment.hpp"
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {
namespace {

// FLINK-15672 moved flink-dist to Log4j 2 (its conf/log4j*.properties in Log4j 2 syntax) in 1.11.
constexpr FlinkVersion kFirstLog4j2{1, 11};

struct Reader {
    FlinkVersion version;
    std::string why;  // "read by Deployment flink-jobmanager, image flink:1.19"
};

// Who reads the file: a pod that mounts the key into its conf directory, else the Flink configuration the
// ConfigMap holds beside it (a conf directory as a whole). nullopt: nothing says which Flink reads it.
std::optional<Reader> reader_of(const Model& model, const K8sObject& map, const std::string& key) {
    for (const PodView& pod : model.pods()) {
        for (const MountedConfigFile& mounted : pod.conf_files) {
            if (mounted.config_map != &map || mounted.key != key) continue;
            if (pod.image_version)
                return Reader{*pod.image_version,
                              fmt::format("read by {}, image {}", pod.describe(), pod.main->image.value)};
        }
    }
    // Only a stated version: this syntax is what Flink's own Kubernetes examples used up to 1.10, so a
    // file with no version evidence is as likely for one of those.
    for (const FlinkConfig& config : model.configs())
        if (config.owner() == &map && config.version_source() != VersionSource::default_version)
            return Reader{config.version(), "the version of the Flink configuration beside it"};
    return std::nullopt;
}

}  // namespace

void check_log4j1_config_with_log4j2(const Model& model, Reporter& reporter) {
    for (const ParsedFile& file : model.files()) {
        for (const K8sObject& object : file.objects) {
            for (const LoggingFile& logging : object.logging_files) {
                if (logging.log4j2) continue;  // written for both, or half converted: Log4j 2 reads its part
                const auto reader = reader_of(model, object, logging.key.value);
                if (!reader || reader->version < kFirstLog4j2) continue;
                Finding f{.source = file.source, .span = logging.log4j1_line, .key = logging.key.value};
                f.message = fmt::format(
                    "{} of ConfigMap {} is Log4j 1 syntax (`log4j.rootLogger`, `log4j.appender.*`), but "
                    "Flink {} "
                    "({}) logs through Log4j 2, whose properties reader takes only `rootLogger`, "
                    "`appender.*` and "
                    "`logger.*`: no appender is set up, Log4j 2 falls back to errors on the console, and the "
                    "log file is never written",
                    logging.key.value, object.name.value, reader->version.str(), reader->why);
                f.help =
                    "rewrite it in Log4j 2 properties syntax (`rootLogger.level`, `appender.<name>.type`; "
                    "the "
                    "Flink distribution's conf/log4j*.properties are the model)";
                reporter.report(std::move(f));
            }
        }
    }
}

}  // namespace flinklint::rules

// ingest(): detect the format of a file and run its reader. Nothing escapes as an exception.
#include "flinklint/ingest.hpp"

#include <new>

#include "ingest/readers.hpp"

namespace flinklint {
namespace {

std::string base_name(const std::string& path, std::string_view fallback) {
    const std::size_t slash = path.find_last_of("/\\");
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    return name.empty() || name == "-" ? std::string(fallback) : name;
}

void read(ParsedFile& file, const IngestOptions& options) {
    const ingestion::Detection detection = ingestion::detect_format(*file.source, options);
    file.format = detection.format;
    if (detection.format == FileFormat::unknown) {
        file.skip_reason = detection.skip_reason.empty() ? "not a Flink file" : detection.skip_reason;
        return;
    }
    if (detection.binary_at) {
        const std::size_t at = *detection.binary_at;
        file.issues.push_back({SyntaxIssue::Kind::yaml_error, Span{at, at + 1},
                               "not checked: a NUL byte (binary content) in a file named as a Flink "
                               "configuration"});
        return;
    }
    const ingestion::YamlLimits limits{options.max_nodes, options.max_depth};
    const std::string& text = file.source->text();
    switch (detection.format) {
        case FileFormat::legacy: {
            LegacyParse parse = parse_legacy_config(text);
            ConfigDocument doc;
            doc.format = ConfigFormat::legacy;
            doc.origin = base_name(file.source->path(), "flink-conf.yaml");
            doc.file_name = "flink-conf.yaml";
            doc.entries = std::move(parse.entries);
            doc.issues = std::move(parse.issues);
            file.configs.push_back(std::move(doc));
            break;
        }
        case FileFormat::yaml: {
            ingestion::ConfigRead read = ingestion::read_yaml_config(text, limits);
            ConfigDocument doc;
            doc.format = ConfigFormat::yaml;
            doc.origin = base_name(file.source->path(), "config.yaml");
            doc.file_name = "config.yaml";
            doc.entries = std::move(read.entries);
            doc.issues = std::move(read.issues);
            file.configs.push_back(std::move(doc));
            break;
        }
        case FileFormat::kubernetes:
            ingestion::read_kubernetes(file, limits);
            break;
        case FileFormat::compose:
            ingestion::read_compose(file, limits);
            break;
        case FileFormat::unknown:
            break;
    }
}

}  // namespace

ParsedFile ingest(SourcePtr source, const IngestOptions& options) {
    ParsedFile file;
    file.source = std::move(source);
    if (!file.source) {
        file.skip_reason = "no input";
        return file;
    }
    try {
        read(file, options);
    } catch (const std::bad_alloc&) {
        file.configs.clear();
        file.objects.clear();
        file.issues.push_back(
            {SyntaxIssue::Kind::resource_limit, {0, 0}, "out of memory while reading this file"});
    } catch (const std::exception& e) {
        file.issues.push_back(
            {SyntaxIssue::Kind::yaml_error, {0, 0}, std::string("could not read this file: ") + e.what()});
    }
    return file;
}

std::optional<FileFormat> parse_file_format(std::string_view name) {
    if (name == "legacy" || name == "flink-conf" || name == "flink-conf.yaml") return FileFormat::legacy;
    if (name == "yaml" || name == "config" || name == "config.yaml") return FileFormat::yaml;
    if (name == "k8s" || name == "kubernetes") return FileFormat::kubernetes;
    if (name == "compose" || name == "docker-compose") return FileFormat::compose;
    return std::nullopt;
}

}  // namespace flinklint

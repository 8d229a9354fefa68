// ingest(): detect the format of a file and run its reader. Nothing escapes as an exception.
#include "flinklint/ingest.hpp"

#include <algorithm>
#include <iterator>
#include <new>
#include <utility>

#include <fmt/format.h>

#include "flinklint/text_util.hpp"
#include "ingest/readers.hpp"

namespace flinklint {
namespace {

std::string base_name(const std::string& path, std::string_view fallback) {
    const std::size_t slash = path.find_last_of("/\\");
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    return name.empty() || name == "-" ? std::string(fallback) : name;
}

// A file that starts with a UTF-16 or UTF-32 byte order mark is decoded (byte_order_mark in
// flinklint/text_util.hpp), then read as its reader would: SnakeYAML (config.yaml), kubectl and
// Compose decode UTF-16; Flink's flink-conf.yaml line parser (GlobalConfiguration) decodes the bytes
// in the JVM's default charset and finds no `key: value` in UTF-16; no reader takes UTF-32. Returns
// false when the file is not to be read further.
bool decode_marked_text(ParsedFile& file, const IngestOptions& options) {
    const std::string& bytes = file.source->text();
    const ByteOrderMark mark = byte_order_mark(bytes);
    if (mark == ByteOrderMark::none || mark == ByteOrderMark::utf8) return true;
    constexpr std::pair<ByteOrderMark, std::pair<TextEncoding, const char*>> kEncodings[] = {
        {ByteOrderMark::utf16le, {TextEncoding::utf16le, "UTF-16LE"}},
        {ByteOrderMark::utf16be, {TextEncoding::utf16be, "UTF-16BE"}},
        {ByteOrderMark::utf32le, {TextEncoding::utf32le, "UTF-32LE"}},
        {ByteOrderMark::utf32be, {TextEncoding::utf32be, "UTF-32BE"}}};
    const auto& [encoding, encoding_name] =
        std::find_if(std::begin(kEncodings), std::end(kEncodings), [mark](const auto& e) {
            return e.first == mark;
        })->second;
    // Decoded for every reader, so that a window shows the text and secret spans find its keys.
    file.source =
        std::make_shared<const Source>(file.source->path(), decode_marked_text(bytes, mark), encoding);
    const std::string_view name = flink_file_name(file.source->path());
    const bool legacy =
        options.forced_format ? *options.forced_format == FileFormat::legacy : is_legacy_file_name(name);
    const bool utf16 = mark == ByteOrderMark::utf16le || mark == ByteOrderMark::utf16be;
    if (utf16 && !legacy) return true;
    if (!legacy && !is_yaml_file_name(name) && !options.forced_format) {
        file.format = FileFormat::unknown;
        file.skip_reason = fmt::format("{} text, which no Flink reader decodes", encoding_name);
        return false;
    }
    file.format = legacy ? FileFormat::legacy : FileFormat::yaml;
    file.issues.push_back(
        {SyntaxIssue::Kind::yaml_error, Span{0, 0},
         legacy ? fmt::format("{} text: Flink reads flink-conf.yaml in the JVM's default charset, finds no "
                              "`key: value` line and ignores the whole file; save it as UTF-8",
                              encoding_name)
                : fmt::format("{} text: Flink's YAML reader (SnakeYAML) decodes UTF-8 and UTF-16 only and "
                              "fails on the first character; save it as UTF-8",
                              encoding_name)});
    return false;
}

void read(ParsedFile& file, const IngestOptions& options) {
    if (!decode_marked_text(file, options)) return;
    if (!options.forced_format && is_dockerfile_name(file.source->path())) {
        file.format = FileFormat::dockerfile;
        ingestion::read_dockerfile(file, ingestion::YamlLimits{options.max_nodes, options.max_depth});
        return;
    }
    const ingestion::Detection detection = ingestion::detect_format(*file.source, options);
    file.format = detection.format;
    if (detection.format == FileFormat::unknown) {
        file.skip_reason = detection.skip_reason.empty() ? "not a Flink file" : detection.skip_reason;
        file.skip_said = detection.skip_said;
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
        case FileFormat::dockerfile:
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

// FLINK_PROPERTIES as the official image's docker-entrypoint.sh reads it from the 1.19 images on
// (apache/flink-docker, branches dev-1.19 to dev-2.2, `process_flink_properties`): for each line,
// `tr -d '[:space:]'` removes every whitespace character, `IFS=':' read -r key value` splits at the
// first `:`, and the pair goes to bin/config-parser-utils.sh as `-Dkey=value`. So `key:value` is read
// there, and `-XX:+UseG1GC -Dfoo=bar` becomes `-XX:+UseG1GC-Dfoo=bar`. Up to 1.18 the entrypoint appended
// the text to flink-conf.yaml, which the legacy reader (legacy_lines.cpp) reads. Values are kept as
// Flink gets them; the spans cover the text as written, where FL007 finds the whitespace that went.
#include <cctype>

#include "flinklint/version.hpp"
#include "ingest/readers.hpp"

namespace flinklint::ingestion {
namespace {

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string without_space(std::string_view s) {
    std::string out;
    for (const char c : s)
        if (!is_space(c)) out += c;
    return out;
}

Span trimmed(std::string_view text, std::size_t begin, std::size_t end) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    return {begin, end};
}

void read_line(ConfigDocument& doc, std::string_view text, std::size_t begin, std::size_t end) {
    const Span line = trimmed(text, begin, end);
    if (line.empty() || text[line.begin] == '#') return;  // `#x` is set as a key nothing reads
    const std::string_view written = text.substr(line.begin, line.size());
    const std::size_t colon = written.find(':');
    const std::size_t key_end = colon == std::string_view::npos ? line.end : line.begin + colon;
    ConfigEntry entry;
    entry.key_span = trimmed(text, line.begin, key_end);
    entry.value_span =
        colon == std::string_view::npos ? Span{line.end, line.end} : trimmed(text, key_end + 1, line.end);
    entry.key = without_space(text.substr(entry.key_span.begin, entry.key_span.size()));
    const std::string_view value = text.substr(entry.value_span.begin, entry.value_span.size());
    entry.value = without_space(value);
    entry.quoted = entry.value.size() >= 2 && (entry.value.front() == '"' || entry.value.front() == '\'') &&
                   entry.value.back() == entry.value.front();
    entry.entry_span = line;
    entry.path_spans = {entry.key_span};
    doc.entries.push_back(std::move(entry));
}

}  // namespace

bool image_strips_properties(std::string_view image) {
    const std::optional<FlinkVersion> version = image_flink_version(image);
    return version && *version >= FlinkVersion{1, 19};
}

ConfigDocument read_entrypoint_properties(const EmbeddedText& embedded) {
    ConfigDocument doc;
    doc.format = ConfigFormat::compose_properties;
    doc.spans_exact = embedded.exact;
    const std::string_view text = embedded.text;
    for (std::size_t begin = 0; begin <= text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        read_line(doc, text, begin, end);
        begin = end + 1;
    }
    for (ConfigEntry& e : doc.entries) {
        e.key_span = embedded.map(e.key_span);
        e.value_span = embedded.map(e.value_span);
        e.entry_span = embedded.map(e.entry_span);
        for (Span& s : e.path_spans) s = embedded.map(s);
    }
    return doc;
}

}  // namespace flinklint::ingestion

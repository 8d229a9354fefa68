// Flink configuration text inside a YAML scalar (ConfigMap data, FLINK_PROPERTIES), read with the
// legacy or YAML reader, every span mapped back to the bytes of the manifest.
#include <algorithm>

#include "ingest/readers.hpp"
#include "ingest/yaml_spans.hpp"

namespace flinklint::ingestion {
namespace {

std::string_view trim_trailing_newlines(std::string_view s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// A literal block scalar: each content line is a manifest line after the block indentation.
bool literal_pieces(EmbeddedText& out, const YNode& node, std::string_view src) {
    const std::vector<Span> lines = scan::block_lines(src, node.span, node.block_indent);
    std::string built;
    std::vector<EmbeddedText::Piece> pieces;
    for (const Span line : lines) {
        if (!pieces.empty()) built += '\n';
        pieces.push_back({built.size(), line.begin, line.size()});
        built.append(src.substr(line.begin, line.size()));
    }
    if (trim_trailing_newlines(built) != trim_trailing_newlines(node.value)) return false;
    out.pieces = std::move(pieces);
    return true;
}

// A one-line scalar whose decoded text is exactly its bytes (no escapes, no folding).
bool verbatim_piece(EmbeddedText& out, const YNode& node, std::string_view src) {
    if (node.span.end > src.size() || node.span.empty()) return false;
    std::string_view raw = src.substr(node.span.begin, node.span.size());
    std::size_t begin = node.span.begin;
    if (raw.front() == '\'' || raw.front() == '"') {
        if (raw.size() < 2) return false;
        raw = raw.substr(1, raw.size() - 2);
        ++begin;
    }
    if (raw != node.value || raw.find_first_of("\r\n") != std::string_view::npos) return false;
    out.pieces.push_back({0, begin, raw.size()});
    return true;
}

void remap(Span& span, const EmbeddedText& embedded) {
    span = embedded.map(span);
}

}  // namespace

std::size_t EmbeddedText::map(std::size_t offset) const {
    if (!exact || pieces.empty()) return scalar_span.begin;
    auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                               [](std::size_t o, const Piece& p) { return o < p.text_begin; });
    if (it != pieces.begin()) --it;
    const std::size_t within = offset > it->text_begin ? offset - it->text_begin : 0;
    return it->source_begin + std::min(within, it->length);
}

Span EmbeddedText::map(Span span) const {
    if (!exact) return scalar_span;
    const std::size_t begin = map(span.begin);
    return {begin, std::max(begin, map(span.end))};
}

EmbeddedText EmbeddedText::drop_prefix(std::size_t n) const {
    EmbeddedText out;
    n = std::min(n, text.size());
    out.text = text.substr(n);
    out.exact = exact;
    out.scalar_span = scalar_span;
    for (const Piece& p : pieces) {
        if (p.text_begin + p.length < n) continue;
        Piece q = p;
        if (q.text_begin < n) {
            const std::size_t cut = n - q.text_begin;
            q.source_begin += cut;
            q.length -= cut;
            q.text_begin = 0;
        } else {
            q.text_begin -= n;
        }
        out.pieces.push_back(q);
    }
    return out;
}

EmbeddedText embedded_text(const YDoc& doc, std::size_t scalar, std::string_view source_text) {
    EmbeddedText out;
    const std::size_t r = resolve(doc, scalar);
    if (r == npos) return out;
    const YNode& node = doc.nodes[r];
    out.scalar_span = node.span;
    if (node.kind != YNode::Kind::scalar) return out;
    out.text = node.value;
    if (node.literal && node.block_indent >= 0)
        out.exact = literal_pieces(out, node, source_text);
    else if (node.block_indent < 0)
        out.exact = verbatim_piece(out, node, source_text);
    return out;
}

std::optional<ConfigFormat> embedded_format(std::string_view name, std::string_view text) {
    if (is_legacy_file_name(name)) return ConfigFormat::legacy;
    // Other tools ship a config.yaml too (JMX exporter, ...): only Flink-looking ones are read.
    if (!looks_like_flink_config(text)) return std::nullopt;
    if (is_yaml_file_name(name)) return ConfigFormat::yaml;
    return is_flat_key_value_lines(text) ? ConfigFormat::legacy : ConfigFormat::yaml;
}

ConfigDocument read_embedded_config(const EmbeddedText& embedded, ConfigFormat format,
                                    const YamlLimits& limits) {
    ConfigDocument doc;
    doc.format = format;
    doc.spans_exact = embedded.exact;
    if (format == ConfigFormat::yaml) {
        ConfigRead read = read_yaml_config(embedded.text, limits);
        doc.entries = std::move(read.entries);
        doc.issues = std::move(read.issues);
    } else {
        LegacyParse read = parse_legacy_config(embedded.text);
        doc.entries = std::move(read.entries);
        doc.issues = std::move(read.issues);
    }
    for (ConfigEntry& e : doc.entries) {
        remap(e.key_span, embedded);
        remap(e.value_span, embedded);
        remap(e.entry_span, embedded);
        for (Span& s : e.path_spans) remap(s, embedded);
    }
    for (SyntaxIssue& issue : doc.issues) remap(issue.span, embedded);
    return doc;
}

}  // namespace flinklint::ingestion

// A YAML stream as a small tree with exact byte spans, built from yaml-cpp's parser events.
// Aliases stay references (an alias bomb costs one node per alias), nesting is bounded while
// parsing, and every yaml-cpp exception becomes a located SyntaxIssue.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flinklint/document.hpp"

namespace flinklint::ingestion {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

struct YNode {
    enum class Kind : std::uint8_t { null, scalar, sequence, map, alias };
    Kind kind = Kind::null;
    bool flow = false;                  // flow collection `[...]` / `{...}`
    bool plain = false;                 // plain scalar: no quotes, no block indicator, no explicit tag
    bool literal = false;               // literal block scalar `|`
    int block_indent = -1;              // block scalars: indentation of their content lines
    std::string tag;                    // explicit tag (`!!str` as `tag:yaml.org,2002:str`), else empty
    std::string value;                  // scalar text as YAML decodes it
    std::size_t mark = 0;               // where the parser says the node starts (anchors and tags included)
    Span span;                          // the node as written: properties excluded, quotes included
    std::vector<std::size_t> children;  // map: key, value, key, value, ...; sequence: items
    std::size_t target = npos;          // alias: the anchored node
};

struct YDoc {
    std::vector<YNode> nodes;
    std::size_t root = npos;
    Span range;  // bytes of the document, `---` line included
};

struct YamlLimits {
    std::size_t max_nodes = 1'000'000;
    int max_depth = 64;
    // Bytes of flattened keys and values, aliases expanded (a 10 MiB file without aliases stays below).
    std::size_t max_expanded_bytes = std::size_t{64} << 20;
};

struct YamlStream {
    std::vector<YDoc> docs;  // documents that parsed; empty documents are kept with root == npos
    std::vector<SyntaxIssue> issues;
    bool limit_hit = false;  // a resource limit stopped parsing
};

// Parses every document of `text`; spans are offsets into `text`. Never throws.
YamlStream parse_yaml(std::string_view text, const YamlLimits& limits);

// The node an alias chain ends at (the index itself for other nodes); npos if broken or cyclic.
std::size_t resolve(const YDoc& doc, std::size_t index);

// Mapping lookups (on resolved nodes). The last occurrence of a duplicated key wins; keys
// brought in by a merge key (`<<: *base`) are found too (manifests and compose files, not Flink).
std::size_t map_get(const YDoc& doc, std::size_t map, std::string_view key);
// Text of a scalar node (after alias resolution), empty for anything else.
std::string scalar_text(const YDoc& doc, std::size_t index);
bool is_kind(const YDoc& doc, std::size_t index, YNode::Kind kind);

// The key of a mapping entry as Flink's flattening sees it (scalar text, or the source text of
// a complex key).
std::string key_text(const YDoc& doc, std::size_t key, std::string_view text);

// Calls f(key_index, value_index) for every entry of a mapping (after alias resolution).
template <class F>
void for_each_pair(const YDoc& doc, std::size_t map, F&& f) {
    const std::size_t m = resolve(doc, map);
    if (m == npos || doc.nodes[m].kind != YNode::Kind::map) return;
    const auto& children = doc.nodes[m].children;
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) f(children[i], children[i + 1]);
}

// Calls f(item_index) for every item of a sequence (after alias resolution).
template <class F>
void for_each_item(const YDoc& doc, std::size_t seq, F&& f) {
    const std::size_t s = resolve(doc, seq);
    if (s == npos || doc.nodes[s].kind != YNode::Kind::sequence) return;
    for (const std::size_t item : doc.nodes[s].children) f(item);
}

}  // namespace flinklint::ingestion

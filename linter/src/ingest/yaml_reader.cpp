// Standard YAML configs (config.yaml) and flinkConfiguration maps, flattened to Flink keys.
#include <algorithm>
#include <unordered_set>

#include "flinklint/text_util.hpp"
#include "ingest/readers.hpp"
#include "ingest/yaml_spans.hpp"
#include "ingest/yaml_values.hpp"

namespace flinklint::ingestion {
namespace {

// No real configuration comes close; an alias bomb of maps would otherwise produce millions.
constexpr std::size_t kMaxEntries = 100'000;

class Flattener {
public:
    Flattener(const YDoc& doc, std::string_view text, FlattenStyle style, const YamlLimits& limits)
        : doc_(doc), t_(text), style_(style), max_depth_(limits.max_depth) {
        budget_.left = limits.max_nodes;
        budget_.bytes_left = limits.max_expanded_bytes;
        max_bytes_ = limits.max_expanded_bytes;
    }

    ConfigRead run(std::size_t map) {
        std::vector<Span> path;
        flatten(map, "", path, 1);
        return std::move(out_);
    }

private:
    void flatten(std::size_t map, const std::string& prefix, std::vector<Span>& path, int depth) {
        const auto& children = doc_.nodes[map].children;
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
            const YNode& key = doc_.nodes[children[i]];
            if (!budget_.take()) return limit(key.span, "more than the node budget visited (aliases?)");
            const std::string name = key_text(doc_, children[i], t_);
            if (!seen.insert(name).second) duplicate(key.span, prefix + name);
            path.push_back(key.span);
            const std::size_t value = resolve(doc_, children[i + 1]);
            if (value != npos && doc_.nodes[value].kind == YNode::Kind::map &&
                !doc_.nodes[value].children.empty()) {
                if (style_ == FlattenStyle::operator_config) out_.nested = true;
                if (depth >= max_depth_) {
                    limit(key.span, "mapping nested deeper than " + std::to_string(max_depth_) + " levels");
                } else {
                    flatten(value, prefix + name + ".", path, depth + 1);
                }
            } else {
                entry(children[i], children[i + 1], value, prefix + name, path);
            }
            path.pop_back();
            if (budget_.exhausted) return limit(key.span, "more than the node budget visited (aliases?)");
            if (out_.entries.size() >= kMaxEntries)
                return limit(key.span, "more than " + std::to_string(kMaxEntries) + " keys");
        }
    }

    void entry(std::size_t key_index, std::size_t value_index, std::size_t value, std::string key,
               const std::vector<Span>& path) {
        const YNode& key_node = doc_.nodes[key_index];
        const YNode& written = doc_.nodes[value_index];
        ConfigEntry e;
        e.key = std::move(key);
        e.key_span = key_node.span;
        e.path_spans = path;
        e.value_span = written.span;
        std::size_t colon = key_node.span.end;
        while (colon < t_.size() && scan::is_blank(t_[colon])) ++colon;
        colon = colon < t_.size() && t_[colon] == ':' ? colon + 1 : key_node.span.end;
        e.entry_span = {key_node.span.begin,
                        scan::trailing_comment_end(t_, std::max(written.span.end, colon))};
        e.quoted = written.kind == YNode::Kind::scalar && written.span.begin < t_.size() &&
                   (t_[written.span.begin] == '\'' || t_[written.span.begin] == '"');

        const bool operator_style = style_ == FlattenStyle::operator_config;
        const YNode* node = value == npos ? nullptr : &doc_.nodes[value];
        const ValueKind kind = node == nullptr                       ? ValueKind::null
                               : node->kind == YNode::Kind::scalar   ? scalar_kind(*node)
                               : node->kind == YNode::Kind::sequence ? ValueKind::list
                               : node->kind == YNode::Kind::map      ? ValueKind::map
                                                                     : ValueKind::null;
        e.kind = kind;
        if (!operator_style && node != nullptr && !constructible_tag(node->tag)) {
            constexpr std::string_view prefix = "tag:yaml.org,2002:";
            const std::string tag =
                node->tag.starts_with(prefix) ? "!!" + node->tag.substr(prefix.size()) : node->tag;
            out_.issues.push_back({SyntaxIssue::Kind::yaml_error, e.value_span,
                                   "tag `" + tag + "` of `" + e.key +
                                       "`: Flink's YAML loader (snakeyaml-engine, core schema) "
                                       "has no constructor for it and refuses the file"});
        }
        if (operator_style && kind != ValueKind::string) out_.nested = true;
        switch (kind) {
            case ValueKind::null:
                // The operator turns a null into the text "null"; Flink's loader refuses the file.
                e.value = operator_style ? "null" : "";
                out_.issues.push_back({SyntaxIssue::Kind::yaml_null_value,
                                       e.value_span.empty() ? e.key_span : e.value_span,
                                       "`" + e.key + "` has no value"});
                break;
            case ValueKind::list:
                e.value = operator_style ? joined(value) : flow(value);
                break;
            case ValueKind::map:
                e.value = "{}";
                break;
            default:
                e.value = java_text(kind, node->value);
                break;
        }
        if (!budget_.take_bytes(e.key.size() + e.value.size())) {
            return limit(key_node.span, "more than " + std::to_string(max_bytes_) +
                                            " bytes of keys and values once aliases are expanded (aliases?)");
        }
        out_.entries.push_back(std::move(e));
    }

    std::string flow(std::size_t index) { return flow_text(doc_, index, budget_, max_depth_); }

    // The operator joins array elements (asText) with `;`.
    std::string joined(std::size_t seq) {
        std::string out;
        const auto& items = doc_.nodes[seq].children;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) out += ';';
            const std::size_t item = resolve(doc_, items[i]);
            if (item != npos && doc_.nodes[item].kind == YNode::Kind::scalar)
                out += java_text(scalar_kind(doc_.nodes[item]), doc_.nodes[item].value);
            else if (item != npos && doc_.nodes[item].kind == YNode::Kind::null)
                out += "null";
            else
                out += flow(items[i]);
        }
        return out;
    }

    void duplicate(Span span, const std::string& key) {
        out_.issues.push_back(
            {SyntaxIssue::Kind::yaml_duplicate_key, span,
             style_ == FlattenStyle::flink_yaml
                 ? "duplicate key `" + key + "` in one mapping: Flink's YAML loader refuses the file"
                 : "duplicate key `" + key + "` in flinkConfiguration: kubectl refuses the manifest"});
    }

    void limit(Span span, const std::string& what) {
        if (limit_reported_) return;
        limit_reported_ = true;
        out_.issues.push_back(
            {SyntaxIssue::Kind::resource_limit, span, what + ": flinklint stops flattening here"});
    }

    const YDoc& doc_;
    std::string_view t_;
    std::size_t max_bytes_ = 0;
    FlattenStyle style_;
    int max_depth_;
    Budget budget_;
    ConfigRead out_;
    bool limit_reported_ = false;
};

}  // namespace

ConfigRead flatten_map(const YDoc& doc, std::size_t map, std::string_view text, FlattenStyle style,
                       const YamlLimits& limits) {
    const std::size_t m = resolve(doc, map);
    if (m == npos || doc.nodes[m].kind != YNode::Kind::map) return {};
    return Flattener(doc, text, style, limits).run(m);
}

ConfigRead read_yaml_config(std::string_view text, const YamlLimits& limits) {
    ConfigRead out;
    if (const std::size_t bad = first_invalid_utf8(text); bad != npos) {
        out.issues.push_back({SyntaxIssue::Kind::yaml_error,
                              {bad, bad + 1},
                              "byte that is not valid UTF-8: Flink's YAML loader refuses the file"});
    }
    YamlStream stream = parse_yaml(text, limits);
    out.issues.insert(out.issues.end(), stream.issues.begin(), stream.issues.end());
    if (stream.docs.empty()) return out;
    if (stream.docs.size() > 1) {
        const std::size_t at = stream.docs[1].range.begin;
        out.issues.push_back({SyntaxIssue::Kind::yaml_error,
                              {at, at},
                              "more than one YAML document: Flink's YAML loader expects a single document"});
    }
    const YDoc& doc = stream.docs.front();
    std::size_t collection_aliases = 0;
    for (const YNode& node : doc.nodes) {
        if (node.kind != YNode::Kind::alias || node.target >= doc.nodes.size()) continue;
        const YNode::Kind target = doc.nodes[node.target].kind;
        if ((target == YNode::Kind::map || target == YNode::Kind::sequence) && ++collection_aliases == 51) {
            out.issues.push_back(
                {SyntaxIssue::Kind::yaml_error, node.span,
                 "more than 50 aliases of collections: Flink's YAML loader refuses the file"});
        }
    }
    const std::size_t root = resolve(doc, doc.root);
    if (root == npos || doc.nodes[root].kind == YNode::Kind::null) return out;
    if (doc.nodes[root].kind != YNode::Kind::map) {
        out.issues.push_back({SyntaxIssue::Kind::yaml_root_not_map, doc.nodes[root].span,
                              "the YAML root is not a mapping of keys: Flink cannot read this config.yaml"});
        return out;
    }
    ConfigRead flat = flatten_map(doc, root, text, FlattenStyle::flink_yaml, limits);
    out.entries = std::move(flat.entries);
    out.issues.insert(out.issues.end(), flat.issues.begin(), flat.issues.end());
    return out;
}

}  // namespace flinklint::ingestion

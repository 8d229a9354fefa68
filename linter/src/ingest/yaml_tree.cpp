#include "ingest/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <climits>
#include <sstream>

#include "ingest/yaml_spans.hpp"

namespace flinklint::ingestion {
namespace {

// Thrown by the event handler to stop yaml-cpp when a flinklint bound is reached.
struct LimitExceeded {
    std::size_t offset;
    std::string message;
};

class TreeBuilder final : public YAML::EventHandler {
public:
    TreeBuilder(YDoc& doc, std::size_t base, const YamlLimits& limits, std::size_t& node_count)
        : doc_(doc), base_(base), limits_(limits), node_count_(node_count) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        add(YNode::Kind::null, mark, anchor);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const std::size_t index = add(YNode::Kind::alias, mark, 0);
        if (anchor < anchors_.size()) doc_.nodes[index].target = anchors_[anchor];
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        const std::size_t index = add(YNode::Kind::scalar, mark, anchor);
        YNode& node = doc_.nodes[index];
        node.plain = tag == "?";
        if (tag != "?" && tag != "!") node.tag = tag;
        node.value = value;
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open(YNode::Kind::sequence, mark, tag, anchor, style);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open(YNode::Kind::map, mark, tag, anchor, style);
    }
    void OnMapEnd() override { close(); }

private:
    std::size_t offset(const YAML::Mark& mark) const {
        return base_ + static_cast<std::size_t>(std::max(mark.pos, 0));
    }

    std::size_t add(YNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (++node_count_ > limits_.max_nodes)
            throw LimitExceeded{offset(mark), "more than " + std::to_string(limits_.max_nodes) +
                                                  " YAML nodes: flinklint stops reading this file"};
        const std::size_t index = doc_.nodes.size();
        YNode& node = doc_.nodes.emplace_back();
        node.kind = kind;
        node.mark = offset(mark);
        if (stack_.empty()) {
            if (doc_.root == npos) doc_.root = index;
        } else {
            doc_.nodes[stack_.back()].children.push_back(index);
        }
        if (anchor != 0) {
            if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, npos);
            anchors_[anchor] = index;
        }
        return index;
    }

    void open(YNode::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
              YAML::EmitterStyle::value style) {
        const std::size_t index = add(kind, mark, anchor);
        doc_.nodes[index].flow = style == YAML::EmitterStyle::Flow;
        if (tag != "?" && tag != "!") doc_.nodes[index].tag = tag;
        stack_.push_back(index);
        if (static_cast<int>(stack_.size()) > limits_.max_depth)
            throw LimitExceeded{offset(mark), "YAML nested deeper than " + std::to_string(limits_.max_depth) +
                                                  " levels: flinklint stops reading this file"};
    }

    void close() {
        if (!stack_.empty()) stack_.pop_back();
    }

    YDoc& doc_;
    std::size_t base_;
    const YamlLimits& limits_;
    std::size_t& node_count_;
    std::vector<std::size_t> stack_;
    std::vector<std::size_t> anchors_;
};

// Fills YNode::span for every node of a document, from the marks and the original bytes.
class SpanPass {
public:
    SpanPass(YDoc& doc, std::string_view text) : doc_(doc), t_(text) {}

    void run() {
        // yaml-cpp counts marks in code units of the encoding it guessed (a file that starts with a
        // NUL byte is read as UTF-16): a mark can lie past the bytes. Spans never do.
        for (YNode& n : doc_.nodes) n.mark = std::min(n.mark, t_.size());
        if (doc_.root != npos) node(doc_.root, false, -1);
        for (YNode& n : doc_.nodes) {
            n.span.end = std::min(n.span.end, t_.size());
            n.span.begin = std::min(n.span.begin, n.span.end);
        }
    }

private:
    void node(std::size_t index, bool flow, int parent_indent) {
        YNode& n = doc_.nodes[index];
        const std::size_t start = scan::skip_properties(t_, n.mark);
        switch (n.kind) {
            case YNode::Kind::scalar:
                scalar(n, start, flow, parent_indent);
                break;
            case YNode::Kind::alias:
                n.span = {start, scan::alias_end(t_, start)};
                break;
            case YNode::Kind::null:
                n.span = {start, start + scan::null_word(t_, start, flow)};
                break;
            case YNode::Kind::sequence:
            case YNode::Kind::map:
                collection(index, start, flow);
                break;
        }
    }

    void scalar(YNode& n, std::size_t start, bool flow, int parent_indent) {
        const char c = start < t_.size() ? t_[start] : '\0';
        if (c == '\'' || c == '"') {
            n.span = {start, scan::quoted_end(t_, start)};
        } else if (!n.plain && (c == '|' || c == '>')) {
            const scan::BlockScalar block = scan::block_scalar(t_, start, parent_indent);
            n.span = block.span;
            n.literal = block.literal;
            n.block_indent = block.content_indent;
        } else {
            n.span = {start, scan::plain_end(t_, start, flow, n.value)};
        }
    }

    void collection(std::size_t index, std::size_t start, bool flow) {
        const bool bracketed = start < t_.size() && (t_[start] == '[' || t_[start] == '{');
        const bool child_flow = flow || doc_.nodes[index].flow;
        const int indent = scan::column(t_, start);
        const std::vector<std::size_t> children = doc_.nodes[index].children;
        const bool is_map = doc_.nodes[index].kind == YNode::Kind::map;
        std::size_t end = start;
        for (std::size_t i = 0; i < children.size(); ++i) {
            node(children[i], child_flow, indent);
            if (is_map && i % 2 == 1) fix_null_value(children[i - 1], children[i]);
            end = std::max(end, doc_.nodes[children[i]].span.end);
        }
        doc_.nodes[index].span = {start, bracketed ? scan::flow_end(t_, start) : end};
    }

    // `key:` with nothing after it: an empty span right after the key, not the next line's token.
    void fix_null_value(std::size_t key, std::size_t value) {
        YNode& v = doc_.nodes[value];
        if (v.kind != YNode::Kind::null) return;
        const std::size_t key_end = doc_.nodes[key].span.end;
        std::size_t p = key_end;
        while (p < t_.size() && scan::is_blank(t_[p])) ++p;
        if (p < t_.size() && t_[p] == ':') ++p;
        const bool on_key_line = v.span.begin >= p && v.span.begin <= scan::line_end(t_, p);
        if (v.span.empty() || !on_key_line) v.span = {key_end, key_end};
    }

    YDoc& doc_;
    std::string_view t_;
};

bool is_marker(std::string_view t, std::size_t line, std::string_view marker) {
    if (t.substr(line, 3) != marker) return false;
    const std::size_t after = line + 3;
    return after >= t.size() || scan::is_blank(t[after]) || scan::is_break(t[after]);
}

// Document boundaries: `---` and `...` at column 0 end a document wherever they appear.
std::vector<Span> split_documents(std::string_view t, std::size_t start) {
    std::vector<Span> segments;
    for (std::size_t line = start; line < t.size(); line = scan::next_line(t, line)) {
        if (is_marker(t, line, "---")) {
            if (line > start) segments.push_back({start, line});
            start = line;
        } else if (is_marker(t, line, "...")) {
            const std::size_t after = scan::next_line(t, line);
            segments.push_back({start, after});
            start = after;
        }
        if (scan::line_end(t, line) >= t.size()) break;
    }
    if (start < t.size()) segments.push_back({start, t.size()});
    return segments;
}

std::size_t mark_offset(const YAML::Mark& mark, Span segment) {
    if (mark.is_null() || mark.pos < 0) return segment.begin;
    return std::min(segment.begin + static_cast<std::size_t>(mark.pos), segment.end);
}

}  // namespace

YamlStream parse_yaml(std::string_view text, const YamlLimits& limits) {
    YamlStream stream;
    if (text.size() > static_cast<std::size_t>(INT_MAX / 2)) {
        stream.issues.push_back(
            {SyntaxIssue::Kind::resource_limit, {0, 0}, "file too large to read as YAML"});
        stream.limit_hit = true;
        return stream;
    }
    const std::size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    std::size_t node_count = 0;
    for (const Span segment : split_documents(text, bom)) {
        // yaml-cpp breaks lines only at \n and \r\n; a lone \r becomes \n (same length, same offsets).
        std::string copy(text.substr(segment.begin, segment.size()));
        for (std::size_t i = 0; i < copy.size(); ++i)
            if (copy[i] == '\r' && (i + 1 >= copy.size() || copy[i + 1] != '\n')) copy[i] = '\n';
        std::istringstream input(copy);
        try {
            YAML::Parser parser(input);
            std::size_t previous_root = npos;
            while (true) {
                YDoc doc;
                TreeBuilder builder(doc, segment.begin, limits, node_count);
                if (!parser.HandleNextDocument(builder)) break;
                // yaml-cpp 0.7 returns the same empty document forever at a stray `,` (or `]`, `}`)
                // outside a flow collection; the YAML spec and Flink's loader refuse it.
                const std::size_t root = doc.root == npos ? npos : doc.nodes[doc.root].mark;
                if (root != npos && root == previous_root) {
                    const std::string at = root < text.size() ? " `" + std::string(1, text[root]) + "`" : "";
                    stream.issues.push_back({SyntaxIssue::Kind::yaml_error,
                                             {root, root},
                                             "invalid YAML: unexpected character" + at});
                    break;
                }
                previous_root = root;
                doc.range = segment;
                SpanPass(doc, text).run();
                stream.docs.push_back(std::move(doc));
            }
        } catch (const LimitExceeded& e) {
            stream.issues.push_back({SyntaxIssue::Kind::resource_limit, {e.offset, e.offset}, e.message});
            stream.limit_hit = true;
            return stream;
        } catch (const YAML::Exception& e) {
            const std::size_t at = mark_offset(e.mark, segment);
            stream.issues.push_back({SyntaxIssue::Kind::yaml_error, {at, at}, "invalid YAML: " + e.msg});
        } catch (const std::exception& e) {
            stream.issues.push_back({SyntaxIssue::Kind::yaml_error,
                                     {segment.begin, segment.begin},
                                     std::string("invalid YAML: ") + e.what()});
        }
    }
    return stream;
}

std::size_t resolve(const YDoc& doc, std::size_t index) {
    for (int hops = 0; hops < 64; ++hops) {
        if (index >= doc.nodes.size()) return npos;
        if (doc.nodes[index].kind != YNode::Kind::alias) return index;
        index = doc.nodes[index].target;
    }
    return npos;
}

bool is_kind(const YDoc& doc, std::size_t index, YNode::Kind kind) {
    const std::size_t r = resolve(doc, index);
    return r != npos && doc.nodes[r].kind == kind;
}

namespace {

std::size_t map_get_merged(const YDoc& doc, std::size_t map, std::string_view key, int depth) {
    const std::size_t m = resolve(doc, map);
    if (m == npos || doc.nodes[m].kind != YNode::Kind::map || depth > 8) return npos;
    const auto& children = doc.nodes[m].children;
    std::size_t found = npos;
    std::size_t merge = npos;
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
        const std::size_t k = resolve(doc, children[i]);
        if (k == npos || doc.nodes[k].kind != YNode::Kind::scalar) continue;
        if (doc.nodes[k].value == key) found = children[i + 1];
        if (doc.nodes[k].value == "<<" && doc.nodes[k].plain) merge = children[i + 1];
    }
    if (found != npos || merge == npos) return found;
    // Merge keys (`<<: *base`, `<<: [*a, *b]`), as compose files and many manifests use them.
    const std::size_t source = resolve(doc, merge);
    if (source != npos && doc.nodes[source].kind == YNode::Kind::sequence) {
        for (const std::size_t item : doc.nodes[source].children)
            if (const std::size_t v = map_get_merged(doc, item, key, depth + 1); v != npos) return v;
        return npos;
    }
    return map_get_merged(doc, merge, key, depth + 1);
}

}  // namespace

std::size_t map_get(const YDoc& doc, std::size_t map, std::string_view key) {
    return map_get_merged(doc, map, key, 0);
}

std::string scalar_text(const YDoc& doc, std::size_t index) {
    const std::size_t r = resolve(doc, index);
    if (r == npos || doc.nodes[r].kind != YNode::Kind::scalar) return {};
    return doc.nodes[r].value;
}

std::string key_text(const YDoc& doc, std::size_t key, std::string_view text) {
    const std::size_t r = resolve(doc, key);
    if (r == npos) return {};
    const YNode& node = doc.nodes[r];
    if (node.kind == YNode::Kind::scalar) return node.value;
    if (node.kind == YNode::Kind::null) return "null";
    const Span span = node.span;
    if (span.begin >= text.size()) return {};
    return std::string(text.substr(span.begin, std::min(span.end, text.size()) - span.begin));
}

}  // namespace flinklint::ingestion

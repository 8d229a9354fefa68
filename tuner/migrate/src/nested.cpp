#include "nested.hpp"

#include <memory>
#include <vector>

namespace flinklint::migrate {
namespace {

struct Node {
    std::string name;
    std::vector<std::unique_ptr<Node>> children;
    bool leaf = false;
    std::string value;                  // the text after `key:`, comment included
    std::vector<std::string> comments;  // lines above the key
    std::string raw;                    // an entry kept as written (flat)
};

std::vector<std::string> segments(std::string_view key) {
    std::vector<std::string> parts;
    std::size_t at = 0;
    while (true) {
        const std::size_t dot = key.find('.', at);
        parts.emplace_back(key.substr(at, dot - at));
        if (dot == std::string_view::npos) break;
        at = dot + 1;
    }
    return parts;
}

Node* child(Node& parent, const std::string& name, bool& created) {
    for (auto& c : parent.children)
        if (c->raw.empty() && c->name == name) return c.get();
    parent.children.push_back(std::make_unique<Node>(Node{.name = name}));
    created = true;
    return parent.children.back().get();
}

// Places the entry in the tree; false when it collides with a key that is a prefix of it or has it
// as a prefix.
bool place(Node& root, std::string_view key, std::string value, std::vector<std::string>& comments) {
    const std::vector<std::string> parts = segments(key);
    Node* node = &root;
    Node* first_new = nullptr;  // the comments above the entry go above the first line it adds
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].empty()) return false;
        Node* next = nullptr;
        for (auto& c : node->children)
            if (c->raw.empty() && c->name == parts[i]) next = c.get();
        const bool last = i + 1 == parts.size();
        if (next != nullptr && (next->leaf || (last && !next->children.empty()))) return false;
        bool created = false;
        node = child(*node, parts[i], created);
        if (created && first_new == nullptr) first_new = node;
    }
    node->leaf = true;
    node->value = std::move(value);
    (first_new != nullptr ? first_new : node)->comments = std::move(comments);
    comments.clear();
    return true;
}

void emit(const Node& node, int depth, std::string& out) {
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    for (const auto& c : node.children) {
        for (const std::string& comment : c->comments)
            out += (comment.empty() ? "" : indent) + comment + "\n";
        if (!c->raw.empty()) {
            out += indent + c->raw + "\n";
        } else if (c->leaf) {
            out += indent + c->name + ":" + c->value + "\n";
        } else {
            out += indent + c->name + ":\n";
            emit(*c, depth + 1, out);
        }
    }
}

}  // namespace

std::string nest_flat_yaml(std::string_view text) {
    Node root;
    std::vector<std::string> pending;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(at, end - at));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        at = end + 1;
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') {
            pending.push_back(first == std::string::npos ? std::string() : line.substr(first));
            continue;
        }
        const std::size_t colon = line.find(':');
        const bool simple = first == 0 && colon != std::string::npos && line[0] != '\'' && line[0] != '"';
        if (!simple ||
            !place(root, std::string_view(line).substr(0, colon), line.substr(colon + 1), pending)) {
            root.children.push_back(
                std::make_unique<Node>(Node{.comments = std::move(pending), .raw = line}));
            pending.clear();
        }
    }
    std::string out;
    emit(root, 0, out);
    for (const std::string& comment : pending) out += comment + "\n";
    return out;
}

}  // namespace flinklint::migrate

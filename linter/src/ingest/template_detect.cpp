// Helm chart templates: Go-template text that becomes YAML only once `helm template` renders it.
// Parsing one as YAML gives a syntax error on the first `{{ ... }}` outside a string, which would
// block a commit for a file that is fine; the file is skipped and the rendered output is to be linted.
#include <optional>
#include <string_view>

#include "ingest/readers.hpp"
#include "ingest/yaml_spans.hpp"

namespace flinklint::ingestion {
namespace {

// Objects only Helm gives a template (helm.sh/docs/chart_template_guide/builtin_objects).
bool names_helm_object(std::string_view action) {
    for (const std::string_view object : {".Values", ".Release.", ".Chart.", ".Capabilities.", ".Files."})
        if (action.find(object) != std::string_view::npos) return true;
    return false;
}

// The value of a `key: value` or `- value` line: where YAML starts reading a scalar.
std::string_view value_of(std::string_view content) {
    while (content.starts_with("- ")) {
        content.remove_prefix(2);
        while (!content.empty() && scan::is_blank(content.front())) content.remove_prefix(1);
    }
    std::size_t colon = 0;
    while ((colon = content.find(':', colon)) != std::string_view::npos) {
        if (colon + 1 == content.size() || scan::is_blank(content[colon + 1])) break;
        ++colon;
    }
    if (colon == std::string_view::npos) return content;
    std::string_view value = content.substr(colon + 1);
    while (!value.empty() && scan::is_blank(value.front())) value.remove_prefix(1);
    return value;
}

bool opens_block_scalar(std::string_view value) {
    return !value.empty() && (value.front() == '|' || value.front() == '>') &&
           value.find_first_not_of("|>+-0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<std::size_t> helm_template_line(std::string_view text, bool yaml_reader) {
    if (text.find("{{") == std::string_view::npos) return std::nullopt;  // most files: one pass of memchr
    std::size_t line_number = 0;
    int block_indent = -1;  // inside a block scalar opened at this indentation; -1: not in one
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t end = scan::line_end(text, pos);
        ++line_number;
        std::size_t k = pos;
        while (k < end && scan::is_blank(text[k])) ++k;
        const int indent = static_cast<int>(k - pos);
        const std::string_view content = text.substr(k, end - k);
        if (!content.empty() && content.front() != '#') {
            if (block_indent >= 0 && indent <= block_indent) block_indent = -1;
            // Whitespace trimming (`{{-`, `-}}`) and Helm's own objects are Helm wherever they are.
            for (std::size_t open = content.find("{{"); open != std::string_view::npos;
                 open = content.find("{{", open + 2)) {
                const std::size_t close = content.find("}}", open);
                const std::string_view action = content.substr(
                    open, close == std::string_view::npos ? std::string_view::npos : close + 2 - open);
                if (action.starts_with("{{-") || action.ends_with("-}}") || names_helm_object(action))
                    return line_number;
            }
            // An action outside a string: a control line (`{{ if }}`, `{{ include }}`) or a plain value
            // that YAML reads as a flow mapping. Inside a block scalar it is text (a placeholder).
            if (block_indent < 0) {
                const std::string_view value = value_of(content);
                if (content.starts_with("{{") || (yaml_reader && value.starts_with("{{"))) return line_number;
                if (opens_block_scalar(value)) block_indent = indent;
            }
        }
        if (end >= text.size()) break;
        pos = scan::next_line(text, end);
    }
    return std::nullopt;
}

}  // namespace flinklint::ingestion

// `textDocument/completion`: option keys where a key is written, enum values where a value is.
#include <algorithm>

#include <fmt/format.h>

#include "cli/lsp/features.hpp"
#include "cli/lsp/positions.hpp"
#include "flinklint/catalog.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint::cli::lsp {
namespace {

using nlohmann::json;

// At most this many items per answer (marked incomplete): the client asks again as the user types.
constexpr std::size_t kMaxItems = 200;
constexpr int kPropertyKind = 10;
constexpr int kEnumMemberKind = 20;
constexpr int kDeprecatedTag = 1;

bool key_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_';
}

std::size_t indent_of(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && (line[n] == ' ' || line[n] == '-')) ++n;  // a list item indents too
    return n;
}

// The key of a line that opens a mapping (`key:`, maybe a comment after it), else empty.
std::string_view opened_key(std::string_view line) {
    std::string_view text = trim(line.substr(indent_of(line)));
    if (const std::size_t hash = text.find(" #"); hash != std::string_view::npos)
        text = trim(text.substr(0, hash));
    if (!text.ends_with(':')) return {};
    return strip_quotes(trim(text.substr(0, text.size() - 1)));
}

// The mapping keys line `line` is nested in, outermost first (the lines above with less indentation).
std::vector<std::string> enclosing_keys(const Source& source, int line, std::size_t indent) {
    std::vector<std::string> keys;
    for (int above = line - 1; above >= 1 && indent > 0; --above) {
        const std::string_view text = source.line_text(above);
        const std::string_view content = trim(text);
        if (content.empty() || content.front() == '#') continue;
        const std::size_t its_indent = indent_of(text);
        if (its_indent >= indent) continue;
        const std::string_view key = opened_key(text);
        if (key.empty()) break;  // a value line: not a mapping the cursor is in
        keys.emplace(keys.begin(), key);
        indent = its_indent;
    }
    return keys;
}

// Where keys go: the dotted prefix the cursor is below, or nullopt where no Flink key is written.
std::optional<std::string> key_prefix(FileFormat format, std::vector<std::string> keys) {
    if (format == FileFormat::legacy) return keys.empty() ? std::optional<std::string>("") : std::nullopt;
    if (format == FileFormat::kubernetes) {
        const auto it = std::find(keys.begin(), keys.end(), "flinkConfiguration");
        if (it == keys.end()) return std::nullopt;
        keys.erase(keys.begin(), it + 1);
    } else if (format != FileFormat::yaml) {
        return std::nullopt;
    }
    std::string prefix;
    for (const std::string& key : keys) prefix += key + ".";
    return prefix;
}

json item(std::string label, int kind, const std::string& detail, const Source& source, Span token,
          std::string insert) {
    return {{"label", label},
            {"kind", kind},
            {"detail", detail},
            {"filterText", label},
            {"textEdit", {{"range", range_json(source, token)}, {"newText", std::move(insert)}}}};
}

json key_items(const Catalog& catalog, const std::string& prefix, std::string_view token, bool colon_after,
               const Source& source, Span span, bool& incomplete) {
    json items = json::array();
    const std::string lower_token = ascii_lower(token);
    for (const OptionInfo& option : catalog.options()) {
        if (option.is_pattern() || !option.documented || !option.key.starts_with(prefix)) continue;
        const std::string rest(option.key.substr(prefix.size()));
        if (!ascii_lower(rest).starts_with(lower_token)) continue;
        if (items.size() == kMaxItems) {
            incomplete = true;
            break;
        }
        std::string detail(to_string(option.type));
        if (!option.default_value.empty()) detail += fmt::format(" = {}", option.default_value);
        json entry = item(rest, kPropertyKind, detail, source, span, colon_after ? rest : rest + ": ");
        entry["documentation"] = {{"kind", "markdown"},
                                  {"value", option_markdown(option, catalog.version())}};
        if (option.deprecated) entry["tags"] = {kDeprecatedTag};
        items.push_back(std::move(entry));
    }
    return items;
}

json value_items(const Catalog& catalog, const std::string& key, const Source& source, Span span) {
    json items = json::array();
    const OptionInfo* option = catalog.lookup(key).option;
    if (option == nullptr) return items;
    static constexpr std::string_view kBooleans[] = {"true", "false"};
    const std::span<const std::string_view> values = option->type == OptionType::boolean
                                                         ? std::span<const std::string_view>(kBooleans)
                                                         : option->enum_values;
    for (const std::string_view value : values)
        items.push_back(item(std::string(value), kEnumMemberKind,
                             fmt::format("{} of {}", to_string(option->type), key), source, span,
                             std::string(value)));
    return items;
}

FileFormat format_of(const SourcePtr& source) {
    const FileFormat format = ingest(source).format;
    if (format != FileFormat::unknown) return format;
    // A buffer that does not parse while it is typed: its name still says what it is.
    const std::string& path = source->path();
    if (path.ends_with("flink-conf.yaml")) return FileFormat::legacy;
    if (path.ends_with("config.yaml")) return FileFormat::yaml;
    return FileFormat::unknown;
}

}  // namespace

json completion_at(const SourcePtr& source, FlinkVersion version, std::size_t at) {
    const Source& text = *source;
    const int line = text.position(at).line;
    const std::size_t line_begin = text.line_start(line);
    const std::string_view before = text.line_text(line).substr(0, at - line_begin);
    std::size_t token_begin = before.size();
    while (token_begin > 0 && key_char(before[token_begin - 1])) --token_begin;
    const Span span{line_begin + token_begin, at};
    const std::string_view token = before.substr(token_begin);
    const std::string_view rest_of_line = text.line_text(line).substr(at - line_begin);
    const auto prefix =
        key_prefix(format_of(source), enclosing_keys(text, line, indent_of(text.line_text(line))));
    json result = {{"isIncomplete", false}, {"items", json::array()}};
    if (!prefix) return result;
    const Catalog& catalog = Catalog::for_version(version);
    const std::string_view lead = trim(before.substr(0, token_begin));
    if (lead.empty() || lead == "-") {
        bool incomplete = false;
        result["items"] = key_items(catalog, *prefix, token, rest_of_line.find(':') != std::string_view::npos,
                                    text, span, incomplete);
        result["isIncomplete"] = incomplete;
    } else if (lead.ends_with(':')) {
        const std::string_view key = trim(lead.substr(indent_of(lead), lead.size() - 1 - indent_of(lead)));
        result["items"] = value_items(catalog, *prefix + std::string(key), text, span);
    }
    return result;
}

}  // namespace flinklint::cli::lsp

// `textDocument/hover`: the option of the key under the cursor, and the rules of the findings there.
#include "cli/lsp/features.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "cli/lsp/positions.hpp"
#include "flinklint/catalog.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/option_descriptions.hpp"
#include "flinklint/rule.hpp"

namespace flinklint::cli::lsp {
namespace {

using nlohmann::json;

std::string code(std::string_view text) {
    return fmt::format("`{}`", text);
}

std::string joined_codes(std::span<const std::string_view> values) {
    std::string out;
    for (const std::string_view value : values) out += (out.empty() ? "" : ", ") + code(value);
    return out;
}

const ConfigEntry* entry_at(const ParsedFile& file, std::size_t at, std::size_t& config_index) {
    for (std::size_t i = 0; i < file.configs.size(); ++i) {
        for (const ConfigEntry& entry : file.configs[i].entries) {
            if (!entry.key_span.empty() && entry.key_span.begin <= at && at <= entry.key_span.end) {
                config_index = i;
                return &entry;
            }
        }
    }
    return nullptr;
}

// Descriptions are text with one paragraph or list item a line; Markdown needs a blank line between
// paragraphs, and would read `<name>` as an HTML tag and `*.job.*` as emphasis.
std::string description_markdown(std::string_view about) {
    std::string out;
    while (!about.empty()) {
        const std::size_t end = std::min(about.find('\n'), about.size());
        const std::string_view line = about.substr(0, end);
        about.remove_prefix(std::min(end + 1, about.size()));
        if (!out.empty()) out += line.starts_with("- ") ? "\n" : "\n\n";
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '<' || line[i] == '*' || line[i] == '\\') out += '\\';
            out += line[i];
        }
    }
    return out;
}

// The first block of a page's "What it checks" section (with the next one when it ends in ':', as a
// lead-in to a list does), each line joined to the one before unless it is a list item: Markdown
// renders it the same, and a client that shows hover text as it is can wrap it itself.
std::string first_paragraph(std::string_view page) {
    const std::size_t section = page.find("\n## ");
    const std::size_t body = section == std::string_view::npos ? section : page.find('\n', section + 1);
    if (body == std::string_view::npos) return {};
    const std::string_view rest = page.substr(body + 1);
    std::size_t end = std::min(rest.find("\n\n"), rest.size());
    if (end > 0 && end < rest.size() && rest[end - 1] == ':')
        end = std::min(rest.find("\n\n", end + 2), rest.size());
    std::string paragraph;
    std::string_view block = rest.substr(0, end);
    while (!block.empty()) {
        const std::size_t line_end = std::min(block.find('\n'), block.size());
        std::string_view line = block.substr(0, line_end);
        block.remove_prefix(std::min(line_end + 1, block.size()));
        const bool joined =
            !paragraph.empty() && paragraph.back() != '\n' && !line.empty() && !line.starts_with("- ");
        if (joined) line.remove_prefix(std::min(line.find_first_not_of(' '), line.size()));
        if (!paragraph.empty()) paragraph += joined ? ' ' : '\n';
        paragraph += line;
    }
    return paragraph;
}

// A finding's rule in a few lines: its page's title and first paragraph, and where the page is.
std::string rule_summary(const RuleInfo& info, std::string_view page) {
    std::string text = page.empty() ? fmt::format("**{} {}**", info.id, info.name)
                                    : std::string(page.substr(0, page.find('\n')));
    if (const std::string paragraph = first_paragraph(page); !paragraph.empty())
        text += "\n\n" + paragraph;
    else if (!info.summary.empty())
        text += "\n\n" + std::string(info.summary);
    text += fmt::format("\n\nThe whole page: `docs/rules/{}-{}.md`, or `flinklint explain {}`.", info.id,
                        info.name, info.id);
    return text;
}

}  // namespace

std::string option_markdown(const OptionInfo& option, FlinkVersion version) {
    std::string text = fmt::format("**{}** (Flink {})\n\n", code(option.key), version.str());
    if (const std::string_view about = option_description(option.key, version); !about.empty())
        text += description_markdown(about) + "\n\n";
    text += fmt::format("Type: {}", code(to_string(option.type)));
    text += option.default_value.empty() ? " · no default" : " · default " + code(option.default_value);
    if (!option.enum_values.empty()) text += "\n\nValues: " + joined_codes(option.enum_values);
    if (option.deprecated) text += "\n\nDeprecated.";
    if (!option.deprecated_keys.empty())
        text += "\n\nDeprecated keys it still reads: " + joined_codes(option.deprecated_keys);
    if (!option.fallback_keys.empty()) text += "\n\nFallback keys: " + joined_codes(option.fallback_keys);
    return text;
}

std::string rule_pages_at(const std::vector<Diagnostic>& findings, std::size_t at) {
    std::string text;
    std::set<std::string> shown;
    for (const Diagnostic& d : findings) {
        if (d.span.begin > at || std::max(d.span.begin, d.span.end) < at || !shown.insert(d.rule_id).second)
            continue;
        const Rule* rule = find_rule(d.rule_id);
        if (rule == nullptr) continue;
        text += (text.empty() ? "" : "\n\n---\n\n") + rule_summary(rule->info, rule_doc(rule->info));
    }
    return text;
}

json hover_at(const SourcePtr& source, const std::vector<FlinkVersion>& versions, FlinkVersion fallback,
              std::size_t at) {
    const ParsedFile file = ingest(source);
    std::size_t config_index = 0;
    const ConfigEntry* entry = entry_at(file, at, config_index);
    if (entry == nullptr) return nullptr;
    const FlinkVersion version = config_index < versions.size() ? versions[config_index] : fallback;
    const KeyLookup lookup = Catalog::for_version(version).lookup(entry->key);
    if (lookup.option == nullptr) return nullptr;
    std::string text;
    if (lookup.kind == KeyLookup::Kind::deprecated_alias || lookup.kind == KeyLookup::Kind::fallback_alias) {
        text = fmt::format("{} is a {} key of {}: write {}.\n\n", code(entry->key),
                           lookup.kind == KeyLookup::Kind::deprecated_alias ? "deprecated" : "fallback",
                           code(lookup.option->key), code(lookup.option->key));
    }
    text += option_markdown(*lookup.option, version);
    return {{"contents", {{"kind", "markdown"}, {"value", text}}},
            {"range", range_json(*source, entry->key_span)}};
}

}  // namespace flinklint::cli::lsp

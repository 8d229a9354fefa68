// `textDocument/hover`: the option of the key under the cursor.
#include "cli/lsp/features.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "cli/lsp/positions.hpp"
#include "flinklint/catalog.hpp"
#include "flinklint/ingest.hpp"
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

}  // namespace

std::string option_markdown(const OptionInfo& option, FlinkVersion version) {
    std::string text = fmt::format("**{}** (Flink {})\n\n", code(option.key), version.str());
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
        const std::string_view page = rule != nullptr ? rule_doc(rule->info) : std::string_view();
        if (page.empty()) continue;
        // The title, the rule's facts and "What it checks"; `flinklint explain` prints the rest.
        const std::size_t first = page.find("\n## ");
        const std::size_t second = first == std::string_view::npos ? first : page.find("\n## ", first + 1);
        text += (text.empty() ? "" : "\n\n---\n\n") + std::string(page.substr(0, second));
        text += fmt::format("\n\n`flinklint explain {}` shows the whole page.", d.rule_id);
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

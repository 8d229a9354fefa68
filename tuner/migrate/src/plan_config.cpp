// One configuration: every entry planned (kept, renamed, replaced, removed), legacy values written
// as YAML, duplicates resolved as the legacy parser did (last wins), lines it skipped commented out.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "flinklint/entry_edits.hpp"
#include "key_plan.hpp"
#include "plan.hpp"
#include "yaml_value.hpp"

namespace flinklint::migrate {
namespace {

constexpr std::string_view kCommentMark = "# ";

struct Context {
    const FlinkConfig& config;
    const Catalog& from;
    const Catalog& to;
    FilePlan& plan;
    bool legacy_syntax = false;  // values are legacy text that must become YAML
    std::unordered_map<std::string, std::size_t> last;  // key -> index of its last entry
};

std::size_t line_of(const Source& source, std::size_t offset) {
    return static_cast<std::size_t>(source.position(offset).line);
}

// The first non-blank byte of the line that holds `offset`.
std::size_t content_start(const Source& source, std::size_t offset) {
    std::size_t at = source.line_start(source.position(offset).line);
    while (at < offset && (source.text()[at] == ' ' || source.text()[at] == '\t')) ++at;
    return at;
}

// Comments the entry out: its text stays for the reader, Flink no longer reads it.
Fix comment_out(const Source& source, const ConfigEntry& entry) {
    const std::size_t at = content_start(source, entry.entry_span.begin);
    return Fix{.description = "comment out", .edits = {{at, at, std::string(kCommentMark)}}};
}

OptionType type_in(const Catalog& catalog, std::string_view key) {
    const KeyLookup lookup = catalog.lookup(key);
    return lookup.option != nullptr ? lookup.option->type : OptionType::unknown;
}

// The value edit a legacy entry needs to read the same as YAML (and a space before a `#` comment
// that the legacy parser cut without one).
std::optional<Edit> value_edit(Context& ctx, const ConfigEntry& entry, std::string_view key,
                               const std::string& value, bool force) {
    const Source& source = *ctx.config.source();
    std::optional<ValueRewrite> rewrite;
    if (ctx.legacy_syntax) rewrite = legacy_value_as_yaml(value, type_in(ctx.to, key));
    if (!ctx.legacy_syntax && ctx.config.doc().format == ConfigFormat::flink_deployment && !entry.quoted) {
        const OptionType type = type_in(ctx.to, key);
        const bool structured = type == OptionType::list_string || type == OptionType::list_enum ||
                                type == OptionType::map || type == OptionType::list_map;
        if (structured && (value.find(';') != std::string::npos || type == OptionType::map))
            if (auto r = legacy_value_as_yaml(value, type))
                rewrite = ValueRewrite{yaml_scalar_quoted(r->text), r->reason};
    }
    std::string text = rewrite ? rewrite->text : (force ? yaml_scalar(value) : std::string());
    const std::size_t end = entry.value_span.end;
    const bool hash_follows = end < source.text().size() && source.text()[end] == '#';
    if (!rewrite && !force && !hash_follows) return std::nullopt;
    if (text.empty()) text = std::string(source.view(entry.value_span));
    if (rewrite && !ctx.config.doc().spans_exact) return std::nullopt;
    if (rewrite)
        ctx.plan.report.rewritten.push_back({std::string(key), line_of(source, entry.key_span.begin),
                                             is_secret_key(key) ? "******" : std::string(source.view(entry.value_span)),
                                             is_secret_key(key) ? "******" : text, rewrite->reason});
    if (hash_follows) text += ' ';
    return Edit{entry.value_span.begin, entry.value_span.end, std::move(text)};
}

// Renames the key as written (the innermost segment of a nested key only when the others match).
std::optional<Edit> key_edit(Context& ctx, const ConfigEntry& entry, std::string_view new_key) {
    const auto fix = rename_key_fix(entry, ctx.config.doc(), *ctx.config.source(), new_key, FixSafety::safe);
    if (!fix || fix->edits.size() != 1) return std::nullopt;
    return fix->edits.front();
}

void add_fix(Context& ctx, std::string description, std::vector<Edit> edits) {
    if (!edits.empty()) ctx.plan.fixes.push_back(Fix{.description = std::move(description), .edits = std::move(edits)});
}

void remove_entry(Context& ctx, const ConfigEntry& entry, std::string replacement, std::string reason) {
    ctx.plan.report.removed.push_back({entry.key, line_of(*ctx.config.source(), entry.key_span.begin),
                                       std::move(replacement), std::move(reason)});
    ctx.plan.fixes.push_back(comment_out(*ctx.config.source(), entry));
}

// The entry's line up to its key: what a line added after it is indented with.
std::string indent_of(const Source& source, const ConfigEntry& entry) {
    const Position at = source.position(entry.entry_span.begin);
    const std::size_t start = source.line_start(at.line);
    return std::string(source.text().substr(start, entry.entry_span.begin - start));
}

std::string joined(const std::vector<std::string>& keys) { return fmt::format("{}", fmt::join(keys, ", ")); }

void replace_entry(Context& ctx, const ConfigEntry& entry, const KeyPlan& plan) {
    for (const std::string& key : plan.keys) {
        if (ctx.config.get(key) != nullptr) {
            remove_entry(ctx, entry, "",
                         fmt::format("{}; {} is set too, which Flink read instead", plan.reason, key));
            return;
        }
    }
    const std::string value = entry.value + std::string(plan.unit_suffix);
    auto key = key_edit(ctx, entry, plan.keys.front());
    if (!key || !ctx.config.doc().spans_exact) {
        remove_entry(ctx, entry, joined(plan.keys), plan.reason + "; set it by hand (no exact edit here)");
        return;
    }
    std::vector<Edit> edits{*key};
    const auto value_change = value_edit(ctx, entry, plan.keys.front(), value, !plan.unit_suffix.empty());
    if (value_change) edits.push_back(*value_change);
    const Source& source = *ctx.config.source();
    std::string added;
    for (std::size_t i = 1; i < plan.keys.size(); ++i) {
        const std::string_view written = value_change ? std::string_view(value_change->replacement)
                                                      : source.view(entry.value_span);
        added += fmt::format("{}{}{}: {}", line_break(source), indent_of(source, entry), plan.keys[i], written);
    }
    if (!added.empty()) edits.push_back({entry.entry_span.end, entry.entry_span.end, added});
    ctx.plan.report.removed.push_back(
        {entry.key, line_of(source, entry.key_span.begin), joined(plan.keys), plan.reason});
    add_fix(ctx, "replace " + entry.key, std::move(edits));
}

void plan_entry(Context& ctx, std::size_t index) {
    const ConfigEntry& entry = ctx.config.entries()[index];
    const Source& source = *ctx.config.source();
    const std::size_t line = line_of(source, entry.key_span.begin);
    const std::size_t last = ctx.last.at(entry.key);
    if (last != index) {
        const std::size_t last_line = line_of(source, ctx.config.entries()[last].key_span.begin);
        remove_entry(ctx, entry, "",
                     fmt::format("set again on line {}: Flink read the last one", last_line));
        return;
    }
    const KeyPlan plan = plan_key(entry.key, ctx.from, ctx.to, ctx.config.mode());
    switch (plan.kind) {
        case KeyPlan::Kind::remove:
            remove_entry(ctx, entry, "", plan.reason);
            return;
        case KeyPlan::Kind::replace:
            replace_entry(ctx, entry, plan);
            return;
        case KeyPlan::Kind::rename: {
            const std::string& target = plan.keys.front();
            if (const ConfigEntry* other = ctx.config.get(target); other != nullptr && other != &entry) {
                remove_entry(ctx, entry, "",
                             fmt::format("{} is set too (line {}), which Flink read instead", target,
                                         line_of(source, other->key_span.begin)));
                return;
            }
            auto key = key_edit(ctx, entry, target);
            if (!key) {
                remove_entry(ctx, entry, target, plan.reason + "; rename it by hand (no exact edit here)");
                return;
            }
            ctx.plan.report.renamed.push_back({entry.key, target, line});
            std::vector<Edit> edits{*key};
            if (auto value = value_edit(ctx, entry, target, entry.value, false)) edits.push_back(*value);
            add_fix(ctx, "rename " + entry.key, std::move(edits));
            return;
        }
        case KeyPlan::Kind::keep:
            if (auto value = value_edit(ctx, entry, entry.key, entry.value, false))
                add_fix(ctx, "rewrite " + entry.key, {*value});
            return;
    }
}

// Lines the legacy parser skipped (no `: `, empty key or value): YAML would read them differently
// or refuse the file.
void comment_skipped_lines(Context& ctx) {
    for (const SyntaxIssue& issue : ctx.config.doc().issues) {
        if (issue.kind != SyntaxIssue::Kind::legacy_no_separator && issue.kind != SyntaxIssue::Kind::legacy_empty_key &&
            issue.kind != SyntaxIssue::Kind::legacy_empty_value)
            continue;
        const std::size_t line = line_of(*ctx.config.source(), issue.span.begin);
        ctx.plan.report.notes.push_back(
            fmt::format("line {}: the legacy parser skipped this line ({}); commented out", line, issue.message));
        const std::size_t at = content_start(*ctx.config.source(), issue.span.begin);
        add_fix(ctx, "comment out", {{at, at, std::string(kCommentMark)}});
    }
}

}  // namespace

std::string_view line_break(const Source& source) { return source.uses_crlf() ? "\r\n" : "\n"; }

void plan_config(const FlinkConfig& config, FlinkVersion to, FilePlan& plan) {
    Context ctx{config, Catalog::for_version(config.version()), Catalog::for_version(to), plan};
    ctx.legacy_syntax = config.is_legacy() && to >= FlinkVersion{2, 0};
    const auto& entries = config.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) ctx.last[entries[i].key] = i;
    for (std::size_t i = 0; i < entries.size(); ++i) plan_entry(ctx, i);
    if (ctx.legacy_syntax) comment_skipped_lines(ctx);
}

}  // namespace flinklint::migrate

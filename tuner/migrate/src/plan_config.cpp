// One configuration: every entry planned (kept, renamed, replaced, removed), legacy values written
// as YAML, duplicates resolved as the legacy parser did (last wins), lines it skipped commented out.
#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "flinklint/entry_edits.hpp"
#include "flinklint/ingest.hpp"
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
    bool legacy_syntax = false;      // values are legacy text that must become YAML
    bool standalone_legacy = false;  // a flink-conf.yaml of its own: its lines start at column 1
    // A file read as legacy for its flat lines, not for its name: whether Flink reads it with the line
    // parser (quotes kept) or as YAML (quotes dropped) depends on the name it is deployed under.
    bool legacy_by_content = false;
    bool kept_quotes = false;  // a quoted value was left as written for that reason (one note)
    std::unordered_map<std::string, std::size_t> last;    // key -> index of its last entry
    std::vector<KeyPlan> plans;                           // by entry index (effective entries)
    std::unordered_map<std::string, std::size_t> writer;  // key written -> the entry Flink read it from
    std::vector<bool> removed;                            // by entry index
    std::set<std::size_t> commented;                      // offsets a `# ` was inserted at
    std::string appended;                                 // flat lines added at the end of the file
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

// Comments a line out: its text stays for the reader, Flink no longer reads it.
void comment_out(Context& ctx, std::size_t offset) {
    const std::size_t at = content_start(*ctx.config.source(), offset);
    if (ctx.commented.insert(at).second)
        ctx.plan.fixes.push_back(
            Fix{.description = "comment out", .edits = {{at, at, std::string(kCommentMark)}}});
}

std::size_t index_of(const Context& ctx, const ConfigEntry& entry) {
    return static_cast<std::size_t>(&entry - ctx.config.entries().data());
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
    const bool quoted =
        value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front();
    if (ctx.legacy_syntax && quoted && ctx.legacy_by_content) {
        // Both readings agree once the file is YAML, so a second run must not strip them either.
        ctx.kept_quotes = true;
    } else if (ctx.legacy_syntax) {
        rewrite = legacy_value_as_yaml(value, type_in(ctx.to, key));
    }
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
        ctx.plan.report.rewritten.push_back(
            {std::string(key), line_of(source, entry.key_span.begin),
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
    if (!edits.empty())
        ctx.plan.fixes.push_back(Fix{.description = std::move(description), .edits = std::move(edits)});
}

void remove_entry(Context& ctx, const ConfigEntry& entry, std::string replacement, std::string reason) {
    ctx.plan.report.removed.push_back({entry.key, line_of(*ctx.config.source(), entry.key_span.begin),
                                       std::move(replacement), std::move(reason)});
    ctx.removed[index_of(ctx, entry)] = true;
    comment_out(ctx, entry.entry_span.begin);
}

// A key of a nested mapping that cannot be renamed in place (its enclosing keys change): commented
// out there and written flat at the end of a config.yaml, where a flat key is as good as nested.
bool move_to_end(Context& ctx, const ConfigEntry& entry, std::string_view key) {
    const ConfigDocument& doc = ctx.config.doc();
    const std::string_view value = ctx.config.source()->view(entry.value_span);
    if (doc.format != ConfigFormat::yaml || doc.owner_object || !doc.spans_exact || value.empty() ||
        value.find_first_of("\r\n") != std::string_view::npos)
        return false;
    ctx.removed[index_of(ctx, entry)] = true;
    comment_out(ctx, entry.entry_span.begin);
    ctx.appended += fmt::format("{}: {}{}", key, value, line_break(*ctx.config.source()));
    return true;
}

// Indentation the legacy parser ignored: YAML would read an indented line as nested.
std::optional<Edit> dedent(const Context& ctx, const ConfigEntry& entry) {
    if (!ctx.standalone_legacy) return std::nullopt;
    const Source& source = *ctx.config.source();
    const std::size_t start = source.line_start(source.position(entry.entry_span.begin).line);
    const std::size_t content = content_start(source, entry.entry_span.begin);
    if (content == start) return std::nullopt;
    return Edit{start, content, ""};
}

// The entry's line up to its key: what a line added after it is indented with.
std::string indent_of(const Source& source, const ConfigEntry& entry) {
    const Position at = source.position(entry.entry_span.begin);
    const std::size_t start = source.line_start(at.line);
    return std::string(source.text().substr(start, entry.entry_span.begin - start));
}

std::string joined(const std::vector<std::string>& keys) {
    return fmt::format("{}", fmt::join(keys, ", "));
}

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
        if (plan.keys.size() == 1 && plan.unit_suffix.empty() && move_to_end(ctx, entry, plan.keys.front())) {
            ctx.plan.report.removed.push_back({entry.key, line_of(*ctx.config.source(), entry.key_span.begin),
                                               joined(plan.keys), plan.reason});
            return;
        }
        remove_entry(ctx, entry, joined(plan.keys), plan.reason + "; set it by hand (no exact edit here)");
        return;
    }
    std::vector<Edit> edits{*key};
    if (auto d = dedent(ctx, entry)) edits.push_back(*d);
    const auto value_change = value_edit(ctx, entry, plan.keys.front(), value, !plan.unit_suffix.empty());
    if (value_change) edits.push_back(*value_change);
    const Source& source = *ctx.config.source();
    std::string added;
    for (std::size_t i = 1; i < plan.keys.size(); ++i) {
        const std::string_view written =
            value_change ? std::string_view(value_change->replacement) : source.view(entry.value_span);
        added +=
            fmt::format("{}{}{}: {}", line_break(source), indent_of(source, entry), plan.keys[i], written);
    }
    if (!added.empty()) edits.push_back({entry.entry_span.end, entry.entry_span.end, added});
    ctx.plan.report.removed.push_back(
        {entry.key, line_of(source, entry.key_span.begin), joined(plan.keys), plan.reason});
    add_fix(ctx, "replace " + entry.key, std::move(edits));
}

// The entry Flink read a key from when several entries end up under one key: the key itself,
// else its fallback keys, else its deprecated keys, in the option's lookup order.
int read_order(const Context& ctx, std::string_view written, std::string_view target) {
    if (written == target) return 0;
    const OptionInfo* option = ctx.from.find(target);
    if (option == nullptr) option = ctx.to.find(target);
    if (option == nullptr) return 1000;
    const auto position = [&](std::span<const std::string_view> keys, int base) {
        const auto it = std::find(keys.begin(), keys.end(), written);
        return it == keys.end() ? -1 : base + static_cast<int>(it - keys.begin());
    };
    if (const int at = position(option->fallback_keys, 1); at >= 0) return at;
    if (const int at = position(option->deprecated_keys, 100); at >= 0) return at;
    return 1000;
}

void choose_writers(Context& ctx) {
    const auto& entries = ctx.config.entries();
    ctx.plans.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (ctx.last.at(entries[i].key) != i) continue;
        ctx.plans[i] = plan_key(entries[i].key, ctx.from, ctx.to, ctx.config.mode());
        const KeyPlan& plan = ctx.plans[i];
        if (plan.kind != KeyPlan::Kind::keep && plan.kind != KeyPlan::Kind::rename) continue;
        const std::string target = plan.kind == KeyPlan::Kind::rename ? plan.keys.front() : entries[i].key;
        const auto [it, fresh] = ctx.writer.emplace(target, i);
        if (!fresh &&
            read_order(ctx, entries[i].key, target) < read_order(ctx, entries[it->second].key, target))
            it->second = i;
    }
}

void rename_entry(Context& ctx, const ConfigEntry& entry, const KeyPlan& plan) {
    const Source& source = *ctx.config.source();
    const std::string& target = plan.keys.front();
    auto key = key_edit(ctx, entry, target);
    if (!key) {
        if (move_to_end(ctx, entry, target)) {
            ctx.plan.report.renamed.push_back({entry.key, target, line_of(source, entry.key_span.begin)});
            return;
        }
        remove_entry(ctx, entry, target, plan.reason + "; rename it by hand (no exact edit here)");
        return;
    }
    ctx.plan.report.renamed.push_back({entry.key, target, line_of(source, entry.key_span.begin)});
    std::vector<Edit> edits{*key};
    if (auto value = value_edit(ctx, entry, target, entry.value, false)) edits.push_back(*value);
    if (auto d = dedent(ctx, entry)) edits.push_back(*d);
    add_fix(ctx, "rename " + entry.key, std::move(edits));
}

void plan_entry(Context& ctx, std::size_t index) {
    const ConfigEntry& entry = ctx.config.entries()[index];
    const Source& source = *ctx.config.source();
    const std::size_t last = ctx.last.at(entry.key);
    if (last != index) {
        const std::size_t last_line = line_of(source, ctx.config.entries()[last].key_span.begin);
        remove_entry(ctx, entry, "", fmt::format("set again on line {}: Flink read the last one", last_line));
        return;
    }
    const KeyPlan& plan = ctx.plans[index];
    if (plan.kind == KeyPlan::Kind::remove) return remove_entry(ctx, entry, "", plan.reason);
    if (plan.kind == KeyPlan::Kind::replace) return replace_entry(ctx, entry, plan);
    const std::string target = plan.kind == KeyPlan::Kind::rename ? plan.keys.front() : entry.key;
    if (const std::size_t writer = ctx.writer.at(target); writer != index) {
        const ConfigEntry& other = ctx.config.entries()[writer];
        return remove_entry(
            ctx, entry, "",
            fmt::format("Flink read {} (line {}) instead{}", other.key, line_of(source, other.key_span.begin),
                        other.key == target ? "" : ", first in the option's lookup order"));
    }
    if (plan.kind == KeyPlan::Kind::rename) return rename_entry(ctx, entry, plan);
    std::vector<Edit> edits;
    if (auto value = value_edit(ctx, entry, entry.key, entry.value, false)) edits.push_back(*value);
    if (auto d = dedent(ctx, entry)) edits.push_back(*d);
    add_fix(ctx, "rewrite " + entry.key, std::move(edits));
}

// A nested mapping whose every key was commented out would be left as `key:` with no value,
// which Flink's YAML loader refuses: its own line is commented out too.
void comment_emptied_parents(Context& ctx) {
    std::unordered_map<std::size_t, std::pair<std::size_t, std::size_t>> parents;  // offset -> (all, removed)
    const auto& entries = ctx.config.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& path = entries[i].path_spans;
        for (std::size_t k = 0; k + 1 < path.size(); ++k) {
            auto& [all, removed] = parents[path[k].begin];
            ++all;
            removed += ctx.removed[i] ? 1 : 0;
        }
    }
    for (const auto& [offset, counts] : parents)
        if (counts.first == counts.second) comment_out(ctx, offset);
}

// Lines the legacy parser skipped (no `: `, empty key or value): YAML would read them differently
// or refuse the file.
void comment_skipped_lines(Context& ctx) {
    for (const SyntaxIssue& issue : ctx.config.doc().issues) {
        if (issue.kind != SyntaxIssue::Kind::legacy_no_separator &&
            issue.kind != SyntaxIssue::Kind::legacy_empty_key &&
            issue.kind != SyntaxIssue::Kind::legacy_empty_value)
            continue;
        const std::size_t line = line_of(*ctx.config.source(), issue.span.begin);
        ctx.plan.report.notes.push_back(fmt::format(
            "line {}: the legacy parser skipped this line ({}); commented out", line, issue.message));
        comment_out(ctx, issue.span.begin);
    }
}

// `# flinklint: flink-version=1.17` says which Flink reads the file: after the move, the target.
void update_version_comments(Context& ctx, FlinkVersion to) {
    constexpr std::string_view kMarker = "flinklint: flink-version=";
    const Source& source = *ctx.config.source();
    const std::string& text = source.text();
    for (std::size_t at = text.find(kMarker); at != std::string::npos; at = text.find(kMarker, at + 1)) {
        const std::size_t begin = at + kMarker.size();
        std::size_t end = begin;
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '.' || text[end] == '_'))
            ++end;
        const std::string old = text.substr(begin, end - begin);
        // Several configurations of one manifest share the comment: it is edited once.
        const bool planned = std::any_of(ctx.plan.fixes.begin(), ctx.plan.fixes.end(), [&](const Fix& fix) {
            return !fix.edits.empty() && fix.edits.front().begin == begin;
        });
        if (old == to.str() || planned) continue;
        ctx.plan.report.rewritten.push_back({"# flinklint: flink-version", line_of(source, at), old, to.str(),
                                             "the file is now for the new version"});
        add_fix(ctx, "version comment", {{begin, end, to.str()}});
    }
}

}  // namespace

std::string_view line_break(const Source& source) {
    return source.uses_crlf() ? "\r\n" : "\n";
}

void plan_config(const FlinkConfig& config, FlinkVersion to, FilePlan& plan) {
    if (!config.doc().spans_exact) {
        // Folded or escaped text inside a manifest: its bytes are not the text Flink reads, so no
        // edit can be placed exactly.
        plan.report.notes.push_back(
            fmt::format("{}: not migrated: the configuration is a folded or escaped YAML "
                        "scalar; write it as a literal block (|) and run migrate again",
                        config.where()));
        return;
    }
    Context ctx{config, Catalog::for_version(config.version()), Catalog::for_version(to), plan};
    ctx.legacy_syntax = config.is_legacy() && to >= FlinkVersion{2, 0};
    ctx.standalone_legacy =
        ctx.legacy_syntax && config.doc().format == ConfigFormat::legacy && !config.doc().owner_object;
    ctx.legacy_by_content =
        ctx.standalone_legacy && !is_legacy_file_name(flink_file_name(config.source()->path()));
    const auto& entries = config.entries();
    ctx.removed.assign(entries.size(), false);
    for (std::size_t i = 0; i < entries.size(); ++i) ctx.last[entries[i].key] = i;
    choose_writers(ctx);
    for (std::size_t i = 0; i < entries.size(); ++i) plan_entry(ctx, i);
    if (ctx.legacy_syntax) comment_skipped_lines(ctx);
    if (ctx.kept_quotes) {
        plan.report.notes.push_back(fmt::format(
            "{}: quoted values kept as written: Flink's line parser keeps the quotes as part of the value "
            "and YAML drops them, and the file's name does not say which reads it (name it "
            "flink-conf.yaml or config.yaml, or remove the quotes yourself)",
            config.where()));
    }
    comment_emptied_parents(ctx);
    update_version_comments(ctx, to);
    if (!ctx.appended.empty()) {
        const Source& source = *config.source();
        const std::size_t end = source.text().size();
        const bool newline = end == 0 || source.text().back() == '\n' || source.text().back() == '\r';
        add_fix(ctx, "keys moved out of nested mappings",
                {{end, end,
                  fmt::format("{}# renamed by flinklint migrate (moved out of nested mappings){}{}",
                              newline ? "" : std::string(line_break(source)), line_break(source),
                              ctx.appended)}});
    }
}

}  // namespace flinklint::migrate

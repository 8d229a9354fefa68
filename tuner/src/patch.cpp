// Plans the edits that bring an existing configuration to the recommended values.
#include "flinklint/tuner/patch.hpp"
#include "flinklint/fix.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "flinklint/catalog.hpp"
#include "flinklint/entry_edits.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/operator_memory.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/tuner/output.hpp"
#include "flinklint/values.hpp"

namespace flinklint::tuner {
namespace {

// In a FlinkDeployment these come from spec fields (the operator writes them over flinkConfiguration).
bool written_by_operator(std::string_view key) {
    return key == "taskmanager.memory.process.size" || key == "jobmanager.memory.process.size" ||
           key == "parallelism.default" || key.starts_with("kubernetes.taskmanager.cpu") ||
           key.starts_with("kubernetes.jobmanager.cpu");
}

const ConfigDocument* pick(const ParsedFile& file) {
    for (const ConfigDocument& doc : file.configs) {
        if (doc.owner_object && file.objects[*doc.owner_object].kind == "FlinkDeployment") return &doc;
    }
    return file.configs.empty() ? nullptr : &file.configs.front();
}

// Keys that size the same thing another way: the recommended key replaces them.
std::vector<std::string_view> superseded_by(std::string_view key) {
    if (key == "taskmanager.memory.process.size" || key == "taskmanager.memory.flink.size" ||
        key == "spec.taskManager.resource.memory") {
        return {"taskmanager.memory.process.size", "taskmanager.memory.flink.size",
                "taskmanager.memory.task.heap.size", "taskmanager.heap.size", "taskmanager.heap.mb"};
    }
    if (key == "jobmanager.memory.process.size" || key == "jobmanager.memory.flink.size" ||
        key == "spec.jobManager.resource.memory") {
        return {"jobmanager.memory.process.size", "jobmanager.memory.flink.size",
                "jobmanager.memory.heap.size", "jobmanager.heap.size", "jobmanager.heap.mb"};
    }
    if (key == "taskmanager.memory.network.min") {
        return {"taskmanager.memory.network.fraction", "taskmanager.network.memory.fraction",
                "taskmanager.network.numberOfBuffers"};
    }
    return {};
}

// Equal as Flink reads them: `60 s` and `1 min`, `1g` and `1024m`, `TRUE` and `true`.
bool same_value(FlinkVersion version, std::string_view key, std::string_view a, std::string_view b) {
    if (a == b) return true;
    const OptionInfo* option = Catalog::for_version(version).find(key);
    if (option == nullptr) return false;
    switch (option->type) {
        case OptionType::duration: {
            const auto x = parse_duration(a, version);
            const auto y = parse_duration(b, version);
            return x && y && *x == *y;
        }
        case OptionType::memory_size: {
            const auto x = parse_memory_size(a);
            const auto y = parse_memory_size(b);
            return x && y && *x == *y;
        }
        case OptionType::boolean:
            return ascii_lower(a) == ascii_lower(b);
        default:
            return false;
    }
}

class Planner {
public:
    // `added_by`: the comment above appended keys; `spec`: whether the FlinkDeployment's spec fields are
    // the tuning's too (a diagnosis changes Flink options only).
    Planner(const Source& source, const ParsedFile& file, const ConfigDocument& doc, const Tuning& tuning,
            std::string added_by, bool spec)
        : added_by_(std::move(added_by)),
          spec_(spec),
          source_(source),
          file_(file),
          doc_(doc),
          tuning_(tuning),
          legacy_(doc.format == ConfigFormat::legacy || doc.format == ConfigFormat::compose_properties),
          deployment_(doc.format == ConfigFormat::flink_deployment),
          newline_(source.uses_crlf() ? "\r\n" : "\n") {
        for (std::size_t i = 0; i < doc.entries.size(); ++i) last_[doc.entries[i].key] = i;
    }

    Patch run() {
        std::vector<const Recommendation*> missing;
        for (const Recommendation& r : tuning_.recommendations) {
            if (!r.is_flink_option() || (deployment_ && written_by_operator(r.key))) continue;
            if (!update(r)) missing.push_back(&r);
        }
        if (deployment_ && spec_) update_spec();
        append(missing);
        std::sort(patch_.edits.begin(), patch_.edits.end(), [](const Edit& a, const Edit& b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
        });
        // Two plans for the same bytes (a line removed and edited): keep the first.
        std::vector<Edit> edits;
        for (Edit& edit : patch_.edits) {
            if (!edits.empty() && edit.begin < edits.back().end) continue;
            edits.push_back(std::move(edit));
        }
        patch_.edits = std::move(edits);
        return std::move(patch_);
    }

private:
    // The value as this file writes it.
    std::string written(const std::string& value, std::string_view original) const {
        if (legacy_) return value;
        if (is_quoted(original) || (deployment_ && original.empty())) return yaml_double_quoted(value);
        return yaml_scalar(value);
    }

    const ConfigEntry* find(std::string_view key) const {
        const auto found = last_.find(key);
        return found == last_.end() ? nullptr : &doc_.entries[found->second];
    }

    // The entry that sets `key` itself, else one of its fallback or deprecated keys.
    const ConfigEntry* find_option(const std::string& key) const {
        if (const ConfigEntry* entry = find(key)) return entry;
        if (const OptionInfo* option = Catalog::for_version(tuning_.profile.version).find(key)) {
            for (const auto* keys : {&option->fallback_keys, &option->deprecated_keys}) {
                for (const std::string_view alias : *keys) {
                    if (const ConfigEntry* entry = find(alias)) return entry;
                }
            }
        }
        return nullptr;
    }

    // Renames `entry` to `key` (flinklint/entry_edits.hpp): the innermost segment as written, when
    // the nesting above it still fits.
    bool rename(const ConfigEntry& entry, const std::string& key) {
        auto fix = rename_key_fix(entry, doc_, source_, key, FixSafety::safe);
        if (!fix) return false;
        take(std::move(*fix));
        patch_.notes.push_back(fmt::format("renamed `{}` to `{}`", entry.key, key));
        return true;
    }

    // Deletes the whole line of an entry alone on its line; others are left with a note (a nested
    // entry's parent could end up empty).
    void remove(const ConfigEntry& entry, std::string_view because) {
        auto fix = delete_entry_fix(entry, doc_, source_, FixSafety::safe);
        if (!fix) {
            patch_.notes.push_back(fmt::format("remove `{}` by hand: {}", entry.key, because));
            return;
        }
        take(std::move(*fix));
        patch_.notes.push_back(fmt::format("removed `{}`: {}", entry.key, because));
    }

    void take(Fix fix) {
        for (Edit& edit : fix.edits) patch_.edits.push_back(std::move(edit));
    }

    // Entries of keys `key` replaces, except `keep`.
    std::vector<const ConfigEntry*> rivals(std::string_view key, const ConfigEntry* keep) const {
        std::vector<const ConfigEntry*> found;
        for (const std::string_view other : superseded_by(key)) {
            const ConfigEntry* entry = find(other);
            if (entry != nullptr && entry != keep && other != key) found.push_back(entry);
        }
        return found;
    }

    void set_value(const ConfigEntry& entry, const Recommendation& r) {
        if (entry.value_span.empty()) {
            patch_.notes.push_back(fmt::format("left `{}` alone: it has no value to replace", entry.key));
            return;
        }
        if (same_value(tuning_.profile.version, r.key, entry.value, r.value)) return;
        const std::string_view original = source_.view(entry.value_span);
        patch_.edits.push_back(
            Edit{entry.value_span.begin, entry.value_span.end, written(r.value, original)});
        patch_.notes.push_back(fmt::format("changed `{}`: {} -> {}", r.key, entry.value, r.value));
    }

    // Brings `r` into the file in place; false when nothing sets it yet (the caller appends it).
    bool update(const Recommendation& r) {
        const ConfigEntry* entry = find_option(r.key);
        auto others = rivals(r.key, entry);
        if (entry == nullptr && !others.empty()) {
            // Another way of sizing the same thing becomes the recommended key.
            entry = others.front();
            others.erase(others.begin());
        }
        if (entry == nullptr) return false;
        if (entry->key != r.key && !rename(*entry, r.key)) {
            patch_.notes.push_back(
                fmt::format("`{}` stays as written; it now holds the value for `{}`", entry->key, r.key));
        }
        set_value(*entry, r);
        for (const ConfigEntry* other : others) remove(*other, fmt::format("`{}` sizes it now", r.key));
        return true;
    }

    void spec_field(const Located& field, std::string_view path, const std::string& value) {
        if (!field) {
            patch_.notes.push_back(fmt::format("not set: `{}` (recommended {})", path, value));
            return;
        }
        const std::string_view original = source_.view(field.span);
        if (field.value == value) return;
        if (path.ends_with(".memory")) {
            const auto before = parse_operator_memory(field.value);
            const auto after = parse_operator_memory(value);
            if (before && after && *before == *after) return;
        }
        const std::string replacement = is_quoted(original) ? yaml_double_quoted(value) : yaml_scalar(value);
        patch_.edits.push_back(Edit{field.span.begin, field.span.end, replacement});
        patch_.notes.push_back(fmt::format("changed `{}`: {} -> {}", path, field.value, value));
    }

    void update_spec() {
        const K8sObject& owner = file_.objects[*doc_.owner_object];
        if (!owner.flink) return;
        const FlinkResourceFacts& spec = *owner.flink;
        for (const auto& [field, path] : {std::pair{&spec.tm_memory, "spec.taskManager.resource.memory"},
                                          std::pair{&spec.tm_cpu, "spec.taskManager.resource.cpu"},
                                          std::pair{&spec.jm_memory, "spec.jobManager.resource.memory"},
                                          std::pair{&spec.jm_cpu, "spec.jobManager.resource.cpu"}}) {
            const Recommendation* r = tuning_.find(path);
            if (r == nullptr) continue;
            spec_field(*field, path, r->value);
            // The operator writes the spec memory over these; in flinkConfiguration they only mislead.
            for (const ConfigEntry* other : rivals(path, nullptr))
                remove(*other, fmt::format("`{}` sizes the process", path));
        }
        if (tuning_.local_storage)
            spec_field(spec.ephemeral_tm, "spec.taskManager.resource.ephemeralStorage",
                       fmt::format("{}Gi", *tuning_.local_storage >> 30));
        if (!spec.has_job) return;
        spec_field(spec.job_parallelism, "spec.job.parallelism", std::to_string(tuning_.parallelism));
        // The operator's default is stateless, which drops the state of a stateful job on every upgrade.
        if (tuning_.upgrade_mode != "stateless")
            spec_field(spec.job_upgrade_mode, "spec.job.upgradeMode", tuning_.upgrade_mode);
    }

    void append(const std::vector<const Recommendation*>& missing) {
        if (missing.empty()) return;
        std::size_t at = source_.text().size();
        std::string indent;
        std::string text;
        if (doc_.owner_object) {
            // Inside a manifest: after the last entry, with the entries' indentation.
            if (doc_.entries.empty()) {
                patch_.notes.push_back(
                    "no entry to add the missing keys beside: add them to the configuration by hand");
                return;
            }
            const auto last = std::max_element(
                doc_.entries.begin(), doc_.entries.end(),
                [](const auto& a, const auto& b) { return a.entry_span.end < b.entry_span.end; });
            const std::size_t key_start = doc_.entries.front().path_spans.empty()
                                              ? doc_.entries.front().key_span.begin
                                              : doc_.entries.front().path_spans.front().begin;
            const std::string& all = source_.text();
            const std::size_t line_start = all.rfind('\n', key_start == 0 ? 0 : key_start - 1);
            indent.assign(key_start - (line_start == std::string::npos ? 0 : line_start + 1), ' ');
            const std::size_t break_at = all.find('\n', last->entry_span.end);
            at = break_at == std::string::npos ? all.size() : break_at + 1;
            if (break_at == std::string::npos) text += newline_;
        } else {
            const std::string& all = source_.text();
            if (!all.empty() && all.back() != '\n') text += newline_;
            text += fmt::format("{}# added by {}{}", all.empty() ? "" : newline_, added_by_, newline_);
        }
        for (const Recommendation* r : missing) {
            text += fmt::format("{}{}: {}{}", indent, r->key, written(r->value, ""), newline_);
            patch_.notes.push_back(fmt::format("added `{}: {}`", r->key, r->value));
            if (legacy_ && r->value.find('#') != std::string::npos)
                patch_.notes.push_back(
                    fmt::format("`{}` holds `#`, which the legacy parser reads as a comment", r->key));
        }
        patch_.edits.push_back(Edit{at, at, text});
    }

    std::string added_by_;
    bool spec_;
    const Source& source_;
    const ParsedFile& file_;
    const ConfigDocument& doc_;
    const Tuning& tuning_;
    bool legacy_;
    bool deployment_;
    std::string newline_;
    std::map<std::string, std::size_t, std::less<>> last_;
    Patch patch_;
};

}  // namespace

namespace {

Expected<Patch> plan(const SourcePtr& source, const Tuning& tuning, std::string added_by, bool spec) {
    const ParsedFile file = ingest(source);
    if (!file.skip_reason.empty()) return Error{file.skip_reason};
    for (const SyntaxIssue& issue : file.issues) {
        if (issue.kind == SyntaxIssue::Kind::yaml_error)
            return Error{"the file does not parse: " + issue.message};
    }
    const ConfigDocument* doc = pick(file);
    if (doc == nullptr) return Error{"no Flink configuration in the file"};
    if (!doc->spans_exact)
        return Error{fmt::format("the configuration of {} is not stored as literal text", doc->origin)};
    for (const SyntaxIssue& issue : doc->issues) {
        if (issue.kind == SyntaxIssue::Kind::yaml_error ||
            issue.kind == SyntaxIssue::Kind::yaml_duplicate_key)
            return Error{"the configuration does not parse: " + issue.message};
    }
    return Planner(*source, file, *doc, tuning, std::move(added_by), spec).run();
}

}  // namespace

Expected<Patch> plan_patch(const SourcePtr& source, const Tuning& tuning) {
    return plan(source, tuning, "flinklint tune --profile " + tuning.profile.path, true);
}

Expected<Patch> plan_changes(const SourcePtr& source, std::vector<Recommendation> changes,
                             FlinkVersion version, std::string added_by) {
    Tuning tuning;
    tuning.profile.version = version;
    tuning.recommendations = std::move(changes);
    return plan(source, tuning, std::move(added_by), false);
}

std::string apply_patch(std::string_view text, const Patch& patch) {
    Fix fix;
    fix.edits = patch.edits;
    return apply_fixes(text, {&fix}).text;
}

}  // namespace flinklint::tuner

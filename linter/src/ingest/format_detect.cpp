// Which reader a file needs: by name where Flink decides by name, otherwise by content.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "flinklint/catalog.hpp"
#include "flinklint/ingest.hpp"
#include "flinklint/text_util.hpp"
#include "ingest/readers.hpp"
#include "ingest/yaml_spans.hpp"

namespace flinklint {

std::string_view flink_file_name(std::string_view path) {
    if (const std::size_t slash = path.find_last_of("/\\"); slash != std::string_view::npos)
        path.remove_prefix(slash + 1);
    if (const std::size_t flat = path.rfind("__"); flat != std::string_view::npos)
        path.remove_prefix(flat + 2);
    return path;
}

bool in_build_resources(std::string_view path) {
    for (std::string_view folder :
         {"src/main/resources/", "src/test/resources/", "src__main__resources__", "src__test__resources__"})
        if (path.find(folder) != std::string_view::npos) return true;
    return false;
}

bool is_legacy_file_name(std::string_view name) {
    return name == "flink-conf.yaml" || name == "flink-conf.yml";
}
bool is_yaml_file_name(std::string_view name) {
    return name == "config.yaml" || name == "config.yml";
}

}  // namespace flinklint

namespace flinklint::ingestion {
namespace {

constexpr std::array<std::string_view, 22> kStrongPrefixes = {
    "jobmanager.",
    "taskmanager.",
    "high-availability",
    "parallelism.default",
    "heartbeat.",
    "blob.",
    "akka.",
    "pekko.",
    "state.backend",
    "state.checkpoint",
    "state.savepoints",
    "execution.checkpointing.",
    "restart-strategy",
    "env.java.",
    "classloader.",
    "slotmanager.",
    "queryable-state.",
    "rest.port",
    "rest.address",
    "rest.bind-port",
    "metrics.reporter",
    "execution.runtime-mode",
};
constexpr std::array<std::string_view, 22> kWeakPrefixes = {
    "state.",      "execution.",
    "rest.",       "metrics.",
    "kubernetes.", "pipeline.",
    "web.",        "security.",
    "env.",        "fs.",
    "s3.",         "table.",
    "io.tmp.",     "cluster.",
    "process.",    "historyserver.",
    "yarn.",       "resourcemanager.",
    "python.",     "client.",
    "jobstore.",   "sql-gateway.",
};

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

struct Line {
    int indent = 0;
    std::string_view content;  // without indentation; empty for blank and comment lines
};

// Calls `fn` with each line that is neither blank nor a comment, until it returns true; returns
// whether it did (so a search stops at its first match).
template <class Fn>
bool any_content_line(std::string_view t, Fn&& fn) {
    for (std::size_t pos = 0; pos < t.size();) {
        const std::size_t end = scan::line_end(t, pos);
        std::size_t k = pos;
        while (k < end && scan::is_blank(t[k])) ++k;
        if (k < end && t[k] != '#' && fn(Line{static_cast<int>(k - pos), t.substr(k, end - k)})) return true;
        if (end >= t.size()) break;
        pos = scan::next_line(t, end);
    }
    return false;
}

std::vector<Line> content_lines(std::string_view t) {
    std::vector<Line> lines;
    any_content_line(t, [&lines](const Line& line) {
        lines.push_back(line);
        return false;
    });
    return lines;
}

// `key: value` / `key:` split; nullopt when the line has no `: ` (or final `:`).
struct KeyValue {
    std::string_view key;
    std::string_view value;
};
std::optional<KeyValue> split_key_value(std::string_view content) {
    std::size_t colon = 0;
    while ((colon = content.find(':', colon)) != std::string_view::npos) {
        if (colon + 1 == content.size() || scan::is_blank(content[colon + 1])) break;
        ++colon;
    }
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    std::string_view key = content.substr(0, colon);
    while (!key.empty() && scan::is_blank(key.back())) key.remove_suffix(1);
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
        key = key.substr(1, key.size() - 2);
    std::string_view value = content.substr(colon + 1);
    if (const std::size_t hash = value.find(" #"); hash != std::string_view::npos)
        value = value.substr(0, hash);
    if (!value.empty() && value.front() == '#') value = {};
    while (!value.empty() && scan::is_blank(value.front())) value.remove_prefix(1);
    while (!value.empty() && scan::is_blank(value.back())) value.remove_suffix(1);
    return KeyValue{key, value};
}

// Stops at the first match: `apiVersion` and `kind` usually open a manifest.
bool has_top_level_key(std::string_view t, std::string_view key) {
    return any_content_line(t, [key](const Line& line) {
        if (line.indent != 0) return false;
        const auto kv = split_key_value(line.content);
        return kv && kv->key == key;
    });
}

bool mentions_flink(std::string_view t) {
    return ascii_lower(t).find("flink") != std::string::npos;
}

bool is_kubernetes(std::string_view t) {
    return has_top_level_key(t, "apiVersion") && has_top_level_key(t, "kind");
}

bool is_compose(std::string_view t) {
    if (!has_top_level_key(t, "services")) return false;
    if (t.find("FLINK_PROPERTIES") != std::string_view::npos) return true;
    for (const Line& line : content_lines(t)) {
        const auto kv = split_key_value(line.content);
        if (!kv || kv->key != "image") continue;
        if (ascii_lower(kv->value).find("flink") != std::string::npos) return true;
    }
    return false;
}

// Keys of a compose service (the Compose Specification's service attributes) that no Flink option
// has as the segment after `jobmanager.`, `taskmanager.` or any other first segment.
constexpr std::array<std::string_view, 24> kComposeServiceFields = {
    "image",    "build",    "container_name", "command",     "entrypoint", "environment",
    "env_file", "ports",    "expose",         "volumes",     "depends_on", "healthcheck",
    "deploy",   "networks", "restart",        "working_dir", "extends",    "stdin_open",
    "tty",      "profiles", "extra_hosts",    "mem_limit",   "ulimits",    "links"};

// Service definitions without the `services:` around them: a fragment that `docker compose -f a -f b`
// or another file's `extends`/`include` merges (`jobmanager:` / `  build: ...` / `  command: ...`).
// Read as Flink's nested YAML its service names would look like Flink namespaces and every attribute
// like an unknown option. A top-level key with two or more service attributes as its children makes
// the file a fragment; Flink's own `jobmanager:` block has none of them.
bool is_compose_fragment(std::string_view t) {
    // Every fragment names an image or a build, a command or an environment: a cheap search first,
    // since most files are Flink configurations that have none of them.
    const auto has = [t](std::string_view word) { return t.find(word) != std::string_view::npos; };
    if (!has("image:") && !has("build:") && !has("command:") && !has("environment:")) return false;
    if (has_top_level_key(t, "services")) return false;
    // A fragment meant to be pasted under `services:` is often indented as a whole.
    int top_indent = -1;
    any_content_line(t, [&](const Line& line) {
        if (top_indent < 0 || line.indent < top_indent) top_indent = line.indent;
        return false;
    });
    std::string_view top;
    int child_indent = -1;
    std::set<std::string_view> fields;
    bool found = false;
    any_content_line(t, [&](const Line& line) {
        const auto kv = split_key_value(line.content);
        if (line.indent <= top_indent) {
            top = kv ? kv->key : std::string_view();
            child_indent = -1;
            fields.clear();
            return false;
        }
        if (top.empty() || !kv) return false;
        if (child_indent < 0) child_indent = line.indent;
        if (line.indent != child_indent) return false;
        if (std::find(kComposeServiceFields.begin(), kComposeServiceFields.end(), kv->key) !=
            kComposeServiceFields.end())
            fields.insert(kv->key);
        found = fields.size() >= 2;
        return found;
    });
    return found;
}

}  // namespace

// Keys with a value, and how many of them are under a namespace only Flink uses (strong) or Flink and
// others use (weak).
struct KeyCounts {
    int keys = 0, strong = 0, weak = 0;
};

// Calls `fn` with every key that has a value, flattened the way Flink flattens nested YAML
// (`taskmanager:` / `  memory.process.size: 4g` is `taskmanager.memory.process.size`).
template <class Fn>
void for_each_flat_key(std::string_view text, Fn&& fn) {
    std::vector<std::pair<int, std::string>> parents;  // indentation, flattened key
    for (const Line& line : content_lines(text)) {
        if (line.content.front() == '-' || line.content.front() == '[' || line.content.front() == '{')
            continue;
        const auto kv = split_key_value(line.content);
        if (!kv || kv->key.find_first_of(" \t") != std::string_view::npos) continue;
        while (!parents.empty() && parents.back().first >= line.indent) parents.pop_back();
        std::string key =
            (parents.empty() ? std::string() : parents.back().second + ".") + std::string(kv->key);
        if (kv->value.empty()) {
            parents.emplace_back(line.indent, std::move(key));
            continue;
        }
        fn(key);
    }
}

KeyCounts count_flink_keys(std::string_view text) {
    KeyCounts counts;
    for_each_flat_key(text, [&counts](const std::string& key) {
        ++counts.keys;
        const auto has = [&](std::string_view prefix) { return starts_with(key, prefix); };
        if (std::any_of(kStrongPrefixes.begin(), kStrongPrefixes.end(), has))
            ++counts.strong;
        else if (std::any_of(kWeakPrefixes.begin(), kWeakPrefixes.end(), has))
            ++counts.weak;
    });
    return counts;
}

// A key that is an option (or an alias of one) in some Flink version's catalog: `pipeline.object-reuse`
// alone makes a config.yaml Flink's, where a namespace count would not (`metrics.enabled` of another
// program is no Flink option). Families handed on to plugins (`s3.*`) and patterns do not count.
bool has_flink_option(std::string_view text) {
    bool found = false;
    for_each_flat_key(text, [&found](const std::string& key) {
        if (found) return;
        for (const FlinkVersion version : kCatalogVersions) {
            const KeyLookup::Kind kind = Catalog::for_version(version).lookup(key).kind;
            if (kind == KeyLookup::Kind::option || kind == KeyLookup::Kind::deprecated_alias ||
                kind == KeyLookup::Kind::fallback_alias) {
                found = true;
                return;
            }
        }
    });
    return found;
}

bool looks_like_flink_config(std::string_view text) {
    const KeyCounts counts = count_flink_keys(text);
    return counts.strong >= 1 || counts.weak >= 3;
}

// Whether a key's first segment is a Flink namespace misspelled (`taskmanger`, `paralelism`, `stat`):
// one edit for short words, two for longer ones; words under three letters only exactly.
bool near_flink_namespace(std::string_view key) {
    const std::string_view first = key.substr(0, key.find('.'));
    if (first.size() < 3) return false;
    const std::size_t limit = first.size() <= 5 ? 1 : 2;
    const auto near = [&](std::string_view prefix) {
        return edit_distance(first, prefix.substr(0, prefix.find('.')), limit) <= limit;
    };
    return std::any_of(kStrongPrefixes.begin(), kStrongPrefixes.end(), near) ||
           std::any_of(kWeakPrefixes.begin(), kWeakPrefixes.end(), near);
}

// Three keys or more and not one under a Flink namespace, nor a misspelling of one: an application's
// own settings under Flink's file name (a job's src/main/resources/flink-conf.yaml), which no Flink
// process is given to read. A file of misspelled Flink keys is a Flink file gone wrong, and checked.
bool foreign_settings(std::string_view text) {
    const KeyCounts counts = count_flink_keys(text);
    if (counts.keys < 3 || counts.strong != 0 || counts.weak != 0) return false;
    for (const Line& line : content_lines(text)) {
        const auto kv = split_key_value(line.content);
        if (kv && near_flink_namespace(kv->key)) return false;
    }
    return true;
}

bool is_flat_key_value_lines(std::string_view text) {
    bool dotted = false;
    bool previous_open = false;
    int previous_indent = 0;
    for (const Line& line : content_lines(text)) {
        if (line.content.front() == '-' && (line.content.size() == 1 || scan::is_blank(line.content[1])))
            return false;
        if (previous_open && line.indent > previous_indent) return false;
        const auto kv = split_key_value(line.content);
        if (!kv) continue;
        if (!kv->value.empty() && std::string_view("[{|>").find(kv->value.front()) != std::string_view::npos)
            return false;
        previous_open = kv->value.empty();
        previous_indent = line.indent;
        if (kv->key.find('.') != std::string_view::npos) dotted = true;
    }
    return dotted;
}

Detection detect_format(const Source& source, const IngestOptions& options) {
    if (options.forced_format) return {*options.forced_format, {}};
    std::string_view text = source.text();
    const std::string_view name = flink_file_name(source.path());
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        // Named as Flink's own file, it is a configuration gone wrong, not some other file to skip.
        if (is_legacy_file_name(name)) return {FileFormat::legacy, {}, nul};
        if (is_yaml_file_name(name)) return {FileFormat::yaml, {}, nul};
        return {FileFormat::unknown, "binary content (NUL bytes)"};
    }
    if (source.has_bom()) text.remove_prefix(3);
    if (const auto line = helm_template_line(text, !is_legacy_file_name(name))) {
        // Said without --verbose when the template may hold Flink settings, so the user knows it was
        // not checked; a chart of other software is skipped quietly like other YAML.
        return {FileFormat::unknown,
                fmt::format("a Helm chart template (line {}: `{{{{ ... }}}}` is YAML only once rendered); "
                            "lint the rendered output: `helm template CHART | flinklint check "
                            "--stdin-filename {} -`",
                            *line, name.empty() ? std::string_view("NAME.yaml") : name),
                std::nullopt, mentions_flink(text) || is_legacy_file_name(name) || is_yaml_file_name(name)};
    }
    // Flink reads conf/flink-conf.yaml with its line parser whatever it holds, but a file of that name
    // whose every key is foreign configures no Flink (config.yaml below is judged the same way), and one
    // with a top-level `apiVersion` and `kind` is a manifest for kubectl (a ConfigMap that carries the
    // file), which no Flink option is named like: read as the manifest, as config.yaml is.
    if (is_legacy_file_name(name) && is_kubernetes(text)) return {FileFormat::kubernetes, {}};
    if (is_legacy_file_name(name)) {
        if (foreign_settings(text)) return {FileFormat::unknown, "flink-conf.yaml without Flink options"};
        return {FileFormat::legacy, {}};
    }
    if (first_invalid_utf8(text) != npos) {
        if (is_yaml_file_name(name)) return {FileFormat::yaml, {}};  // the reader reports the bad byte
        return {FileFormat::unknown, "not valid UTF-8 text"};
    }
    if (is_kubernetes(text)) return {FileFormat::kubernetes, {}};
    if (is_compose_fragment(text)) {
        if (mentions_flink(text)) return {FileFormat::compose, {}};
        return {FileFormat::unknown, "docker-compose service definitions without Flink"};
    }
    if (is_yaml_file_name(name)) {
        if (looks_like_flink_config(text) || has_flink_option(text)) return {FileFormat::yaml, {}};
        return {FileFormat::unknown, "config.yaml without Flink options"};
    }
    if (is_compose(text)) return {FileFormat::compose, {}};
    if (looks_like_flink_config(text))
        return {is_flat_key_value_lines(text) ? FileFormat::legacy : FileFormat::yaml, {}};
    return {FileFormat::unknown,
            "no Flink configuration keys, no Kubernetes objects, no Flink compose services"};
}

}  // namespace flinklint::ingestion

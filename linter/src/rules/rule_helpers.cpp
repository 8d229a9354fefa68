#include "rules/rule_helpers.hpp"

#include <algorithm>

#include "flinklint/entry_edits.hpp"

#include <fmt/format.h>

#include "flinklint/masking.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint::rules {

std::string shown_value(std::string_view key, std::string_view value) {
    if (is_secret_key(key)) return std::string(kSecretMask);
    constexpr std::size_t kMaxShown = 80;
    if (value.size() > kMaxShown) return std::string(value.substr(0, kMaxShown)) + "...";
    return std::string(value);
}

namespace {
// `%name%` (batch scripts, sed templates), `@name@` (Maven resource filtering): one name between the marks.
bool delimited_name(std::string_view value, char mark) {
    if (value.size() < 3 || value.front() != mark || value.back() != mark) return false;
    const std::string_view name = value.substr(1, value.size() - 2);
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
    });
}

// `$NAME` where a shell or envsubst expands it: at the start or after a character no name holds
// (`/opt/$USER`), never inside a word (a password such as `pa$word` is a literal).
bool has_shell_variable(std::string_view value) {
    for (std::size_t at = value.find('$'); at != std::string_view::npos; at = value.find('$', at + 1)) {
        const bool starts = at == 0 || std::isalnum(static_cast<unsigned char>(value[at - 1])) == 0;
        const bool name =
            at + 1 < value.size() &&
            (std::isalpha(static_cast<unsigned char>(value[at + 1])) != 0 || value[at + 1] == '_');
        if (starts && name) return true;
    }
    return false;
}
}  // namespace

bool is_template_placeholder(std::string_view value) {
    value = trim(strip_quotes(trim(value)));
    if (value.find("${") != std::string_view::npos || value.find("$(") != std::string_view::npos ||
        value.find("{{") != std::string_view::npos || value.find("{%") != std::string_view::npos)
        return true;
    if (has_shell_variable(value)) return true;
    if (delimited_name(value, '%') || delimited_name(value, '@')) return true;
    return value.size() > 2 && value.front() == '<' && value.back() == '>';
}

bool is_obvious_placeholder_secret(std::string_view value) {
    value = trim(strip_quotes(trim(value)));
    if (value.empty() || is_template_placeholder(value)) return true;
    // One character repeated (`xxxxxx`, `******`): a mask or a blank to fill, never a real credential.
    if ((value.size() >= 3 || value.front() == '*') &&
        value.find_first_not_of(value.front()) == std::string_view::npos &&
        std::string_view("xX*").find(value.front()) != std::string_view::npos)
        return true;
    // `your-access-key`: a blank to fill. Default passwords such as `changeit` work, so they stay findings.
    const std::string lower = ascii_lower(value);
    return lower.starts_with("your-") || lower.starts_with("your_") || lower.starts_with("<your");
}

std::string quoted(std::string_view text) {
    return fmt::format("`{}`", text);
}

std::string unread_by(const FlinkConfig& config, std::string_view key) {
    for (const VersionEvidence& evidence : config.version_evidence()) {
        const Catalog& catalog = Catalog::for_version(catalog_version_for(evidence.version));
        if (!catalog.lookup(key).known())
            return fmt::format("Flink {} ({}) does not read {}", evidence.version.str(), evidence.reason,
                               quoted(key));
    }
    return {};
}

namespace {

// The Kubernetes operator reads some options of a FlinkDeployment itself, with the option classes of
// the Flink it is built on (flinklint/operator_release.hpp): a key that Flink does not know yet is
// invisible to it, whatever the Flink in the image reads.
std::string unread_by_operator(const FlinkConfig& config, std::string_view key) {
    const std::optional<OperatorRelease>& release = config.operator_release();
    if (!release) return {};
    const OptionInfo* option = config.catalog().lookup(key).option;
    if (option == nullptr || !operator_reads_option(option->key)) return {};
    const FlinkVersion built_on = operator_built_on(release->release);
    if (Catalog::for_version(catalog_version_for(built_on)).lookup(key).known()) return {};
    std::string reason = fmt::format(
        "the Kubernetes operator reads {} itself, and operator {} ({}) is built on Flink {}, "
        "which does not know {}",
        quoted(option->key), release->release.str(), release->reason, built_on.str(), quoted(key));
    if (!release->declared) {
        for (const FlinkVersion version : kCatalogVersions) {
            if (!Catalog::for_version(version).lookup(key).known()) continue;
            if (const auto first = first_operator_built_on(version)) {
                reason += fmt::format(
                    "; if yours is {} or later, say so (operator-version in .flinklint.yaml, "
                    "--operator-version)",
                    first->str());
            }
            break;
        }
    }
    return reason;
}

}  // namespace

std::optional<Fix> rename_key_fix(const ConfigEntry& entry, const FlinkConfig& config,
                                  std::string_view new_key, FixSafety safety) {
    auto fix = flinklint::rename_key_fix(entry, config.doc(), *config.source(), new_key, safety);
    // A rename is safe only for a Flink that reads the new key: every version the file may run on,
    // and the operator that reads a FlinkDeployment's options.
    if (fix) {
        std::string reason = unread_by(config, new_key);
        if (reason.empty()) reason = unread_by_operator(config, new_key);
        if (!reason.empty()) {
            fix->safety = FixSafety::unsafe;
            fix->description += fmt::format(" (unsafe: {})", reason);
        }
    }
    return fix;
}

std::optional<Fix> delete_entry_fix(const ConfigEntry& entry, const FlinkConfig& config, FixSafety safety) {
    return flinklint::delete_entry_fix(entry, config.doc(), *config.source(), safety);
}

std::optional<Fix> replace_value_fix(const ConfigEntry& entry, const FlinkConfig& config,
                                     std::string replacement, FixSafety safety) {
    return flinklint::replace_value_fix(entry, config.doc(), std::move(replacement), safety);
}

Span first_line_span(const Source& source) {
    const std::string_view line = source.line_text(1);
    return {0, line.size()};
}

std::string checked_version(const FlinkConfig& config) {
    if (config.version_source() == VersionSource::sibling_dockerfile)
        return fmt::format("Flink {} ({})", config.version().str(), config.version_evidence().front().reason);
    if (config.version_source() == VersionSource::file_keys)
        return fmt::format("Flink {} or older (inferred from the file's keys: {})", config.version().str(),
                           config.version_reason());
    if (config.version_source() != VersionSource::default_version) return "Flink " + config.version().str();
    return fmt::format("Flink {} (assumed: nothing gives this file's Flink version)", config.version().str());
}

std::string state_version_help(const FlinkConfig& config) {
    if (config.version_source() != VersionSource::default_version &&
        config.version_source() != VersionSource::file_keys)
        return {};
    return "; if the file is for an older Flink, say so (`# flinklint: flink-version=1.17`, --flink-version)";
}

Span word_span(const Source& source, const Located& part, std::string_view word) {
    const std::string_view written = source.view(part.span);
    const std::string_view value = part.value;
    // A plain scalar: the word's offset in the value is its offset in the file.
    if (written == value && word.data() >= value.data() &&
        word.data() + word.size() <= value.data() + value.size()) {
        const auto at = static_cast<std::size_t>(word.data() - value.data());
        return Span{part.span.begin + at, part.span.begin + at + word.size()};
    }
    const std::size_t at = written.find(word);
    if (at == std::string_view::npos) return part.span;
    return Span{part.span.begin + at, part.span.begin + at + word.size()};
}

bool opens_nested_block(const Source& source, Span line_content) {
    std::string_view text = source.view(line_content);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty() || text.back() != ':' || text.find(' ') != std::string_view::npos) return false;
    const auto indent_of = [](std::string_view line) {
        return line.find_first_not_of(" \t") == std::string_view::npos ? std::string_view::npos
                                                                       : line.find_first_not_of(" \t");
    };
    const int line = source.position(line_content.begin).line;
    const std::size_t own_indent = indent_of(source.line_text(line));
    for (int next = line + 1; next <= static_cast<int>(source.line_count()); ++next) {
        const std::string_view next_text = source.line_text(next);
        const std::size_t indent = indent_of(next_text);
        if (indent == std::string_view::npos || next_text[indent] == '#') continue;
        return indent > own_indent;
    }
    return false;
}

bool under_nested_block(const FlinkConfig& config, Span span) {
    if (!config.is_legacy()) return false;
    const Source& source = *config.source();
    if (source.position(span.begin).column == 1) return false;
    for (const SyntaxIssue& issue : config.doc().issues) {
        if (issue.span.begin < span.begin && opens_nested_block(source, issue.span)) return true;
    }
    return false;
}

std::string where(const FlinkConfig& config) {
    return config.where();
}

}  // namespace flinklint::rules

namespace flinklint::rules {

bool same_value(const OptionInfo* option, std::string_view a, std::string_view b, FlinkVersion version) {
    if (a == b) return true;
    if (option == nullptr) return false;
    if (option->type == OptionType::memory_size) {
        const auto x = parse_memory_size(a);
        const auto y = parse_memory_size(b);
        return x && y && *x == *y;
    }
    if (option->type == OptionType::duration) {
        const auto x = parse_duration(a, version);
        const auto y = parse_duration(b, version);
        return x && y && *x == *y;
    }
    return false;
}

const OptionInfo* preferred_replacement(const Catalog& catalog, std::string_view alias,
                                        const OptionInfo* fallback) {
    const std::vector<const OptionInfo*> readers = catalog.options_reading(alias);
    for (const OptionInfo* candidate : readers) {
        for (const OptionInfo* other : readers) {
            const auto& keys = other->fallback_keys;
            if (other != candidate && std::find(keys.begin(), keys.end(), candidate->key) != keys.end())
                return candidate;
        }
    }
    return fallback;
}

}  // namespace flinklint::rules

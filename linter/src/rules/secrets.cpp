// Which bytes of a file are secret, and the one pass that keeps them out of every finding: all
// output (each report format, the baseline, diffs) prints messages that went through
// mask_secret_values and source lines through these spans.
#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "flinklint/ingest.hpp"
#include "flinklint/linter.hpp"
#include "flinklint/masking.hpp"
#include "flinklint/text_util.hpp"

namespace flinklint {
namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// The value part of one line that looks like `KEY: value`, `KEY=value`, `- "KEY": value` or a
// malformed `KEY:value` when KEY is a secret key; whole lines that do not parse (FL001, FL002) and
// embedded configurations are covered this way too. The rest of the line is masked: in a legacy
// file the part after `#` may be the secret's own tail.
std::optional<Span> secret_on_line(std::string_view line, std::size_t line_begin) {
    std::size_t at = 0;
    while (at < line.size() && is_blank(line[at])) ++at;
    if (at + 1 < line.size() && line[at] == '-' && is_blank(line[at + 1])) {
        at += 2;
        while (at < line.size() && is_blank(line[at])) ++at;
    }
    if (at == line.size() || line[at] == '#') return std::nullopt;
    std::size_t key_begin = at;
    std::size_t key_end = 0;
    if (line[at] == '"' || line[at] == '\'') {
        key_begin = at + 1;
        key_end = std::min(line.find(line[at], key_begin), line.size());
        at = std::min(key_end + 1, line.size());
    } else {
        key_end = std::min(line.find_first_of(":= \t", at), line.size());
        at = key_end;
    }
    if (!is_secret_key(line.substr(key_begin, key_end - key_begin))) return std::nullopt;
    while (at < line.size() && is_blank(line[at])) ++at;
    if (at < line.size() && (line[at] == ':' || line[at] == '=')) ++at;
    while (at < line.size() && is_blank(line[at])) ++at;
    std::size_t end = line.size();
    while (end > at && (line[end - 1] == '\r' || is_blank(line[end - 1]))) --end;
    if (at < end) return Span{line_begin + at, line_begin + end};
    // No separator at all (`s3.secret-keyVALUE`): the whole word may be the secret.
    if (key_end == line.size() && key_end > key_begin)
        return Span{line_begin + key_begin, line_begin + key_end};
    return std::nullopt;
}

void add_line_spans(const Source& source, std::vector<Span>& spans) {
    const std::string_view text = source.text();
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = line_break_at_or_after(text, begin);
        if (const auto span = secret_on_line(text.substr(begin, end - begin), begin)) spans.push_back(*span);
        begin = end + 1;
    }
}

void add_entry_spans(const Source& source, const std::vector<ConfigEntry>& entries,
                     std::vector<Span>& spans) {
    const std::string_view text = source.text();
    for (const ConfigEntry& entry : entries) {
        if (entry.value_span.empty() || !is_secret_key(entry.key)) continue;
        spans.push_back(entry.value_span);
        // And to the end of the value's last line: a comment after it may hold the secret's tail.
        const std::size_t end = line_break_at_or_after(text, entry.value_span.end);
        if (end > entry.value_span.end) spans.push_back({entry.value_span.end, end});
    }
}

void normalise(std::vector<Span>& spans) {
    std::ranges::sort(spans, [](const Span& a, const Span& b) { return a.begin < b.begin; });
}

void replace_all(std::string& text, std::string_view secret) {
    secret = trim(secret);
    if (secret.empty() || text.size() < secret.size()) return;
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + kSecretMask.size()))
        text.replace(at, secret.size(), kSecretMask);
}

// The first span (sorted by start) that ends after `offset`, looking back over a few spans that start
// before it (a secret value is one line, or a block scalar of a few).
std::vector<Span>::const_iterator first_ending_after(const std::vector<Span>& spans, std::size_t offset) {
    auto it = std::ranges::lower_bound(spans, offset, {}, [](const Span& s) { return s.begin; });
    for (int back = 0; back < 4 && it != spans.begin() && std::prev(it)->end > offset; ++back) --it;
    return it;
}

bool word_break(char c) {
    return std::string_view(" \t\r\n`'\",;()[]{}").find(c) != std::string_view::npos;
}

std::unordered_set<std::string_view> secret_words(const Source& source, const std::vector<Span>& spans) {
    std::unordered_set<std::string_view> words;
    for (const Span& span : spans) {
        const std::string_view word = strip_quotes(trim(source.view(span)));
        if (word.size() >= 4 && std::none_of(word.begin(), word.end(), word_break)) words.insert(word);
    }
    return words;
}

// Replaces every word of `text` (split at blanks, quotes, brackets and `,;`) that is a secret.
void mask_words(std::string& text, const std::unordered_set<std::string_view>& secrets) {
    if (secrets.empty()) return;
    std::string out;
    std::size_t at = 0;
    bool changed = false;
    while (at < text.size()) {
        std::size_t end = at;
        while (end < text.size() && !word_break(text[end])) ++end;
        // A word may end in `:` (`key: value` quoted whole): try it with and without.
        std::string_view word(text.data() + at, end - at);
        const bool colon = !word.empty() && word.back() == ':';
        if (secrets.count(word) != 0 || (colon && secrets.count(word.substr(0, word.size() - 1)) != 0)) {
            out += kSecretMask;
            if (colon && secrets.count(word) == 0) out += ':';
            changed = true;
        } else {
            out += word;
        }
        if (end < text.size()) out += text[end];
        at = end + 1;
    }
    if (changed) text = std::move(out);
}

}  // namespace

std::vector<Span> secret_spans(const ParsedFile& file) {
    std::vector<Span> spans;
    if (!file.source) return spans;
    for (const ConfigDocument& doc : file.configs) add_entry_spans(*file.source, doc.entries, spans);
    add_line_spans(*file.source, spans);
    normalise(spans);
    return spans;
}

std::vector<Span> secret_spans(const SourcePtr& source, const IngestOptions& options) {
    return secret_spans(ingest(source, options));
}

std::map<const Source*, std::vector<Span>> secret_spans(const Model& model) {
    std::map<const Source*, std::vector<Span>> spans;
    for (const ParsedFile& file : model.files()) {
        std::vector<Span> found = secret_spans(file);
        if (!found.empty()) spans[file.source.get()] = std::move(found);
    }
    return spans;
}

void mask_secret_values(std::vector<Diagnostic>& diagnostics,
                        const std::map<const Source*, std::vector<Span>>& secrets) {
    std::map<const Source*, std::unordered_set<std::string_view>> words;  // per source, built once
    for (Diagnostic& d : diagnostics) {
        if (!d.source) continue;
        const auto found = secrets.find(d.source.get());
        if (found == secrets.end()) continue;
        const Source& source = *d.source;
        const std::vector<Span>& spans = found->second;
        // Secrets on the finding's lines: the values its message most likely quotes, in any form.
        const std::size_t from = source.line_start(d.start.line);
        const std::size_t to = source.line_start(d.end.line) + source.line_text(d.end.line).size();
        for (auto it = first_ending_after(spans, from); it != spans.end() && it->begin <= to; ++it) {
            const std::string_view secret = source.view(*it);
            for (const std::string_view shown : {secret, strip_quotes(trim(secret))}) {
                replace_all(d.message, shown);
                replace_all(d.help, shown);
                if (d.fix) replace_all(d.fix->description, shown);
            }
        }
        // Secrets elsewhere in the file that the message quotes as a word (FL826 names two entries).
        auto [known, fresh] = words.try_emplace(&source);
        if (fresh) known->second = secret_words(source, spans);
        mask_words(d.message, known->second);
        mask_words(d.help, known->second);
        if (d.fix) {
            mask_words(d.fix->description, known->second);
            for (const Edit& edit : d.fix->edits) {
                const auto it = first_ending_after(spans, edit.begin);
                d.fix->shows_secret = d.fix->shows_secret || (it != spans.end() && it->begin <= edit.end);
            }
        }
    }
}

}  // namespace flinklint

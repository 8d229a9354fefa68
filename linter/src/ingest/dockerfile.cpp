// A Dockerfile or Containerfile read for two facts: the image its final stage is built FROM, which
// says the Flink of the configurations beside it and of the compose services built from it
// (linter/src/model/dockerfile_evidence.cpp), and whether that stage sets an ENTRYPOINT of its own
// (FL850: only the official image's docker-entrypoint.sh is known to read FLINK_PROPERTIES). `ARG
// NAME=default` is substituted as the builder does when no --build-arg is given; a final `FROM <stage>` is
// followed to that stage's image. On the official image with its entrypoint kept, `ENV FLINK_PROPERTIES`
// is a configuration document of the file, read as the entrypoint of the FROM tag's version reads it.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "flinklint/ingest.hpp"
#include "flinklint/text_util.hpp"
#include "flinklint/version.hpp"
#include "ingest/readers.hpp"

namespace flinklint {

bool is_dockerfile_name(std::string_view path) {
    const std::string_view name = flink_file_name(path);  // `docker__Dockerfile` in flattened corpora too
    // Every YAML file of a walk asks: answer the common case before anything else.
    if (name.ends_with(".yaml") || name.ends_with(".yml") || name.size() < 10) return false;
    const auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == y; });
    };
    for (const std::string_view base : {std::string_view("dockerfile"), std::string_view("containerfile")}) {
        if (name.size() < base.size()) continue;
        if (same(name, base)) return true;
        if (name.size() > base.size() && same(name.substr(0, base.size()), base) && name[base.size()] == '.')
            return true;
        if (name.size() > base.size() && same(name.substr(name.size() - base.size()), base) &&
            name[name.size() - base.size() - 1] == '.')
            return true;
    }
    return false;
}

namespace ingestion {
namespace {

struct Line {
    std::string text;  // continuation lines joined, comments dropped
    std::size_t begin = 0;
    std::vector<EmbeddedText::Piece> pieces;  // where each joined part of `text` is in the file
};

// `${NAME}`, `${NAME:-default}` and `$NAME`, from the ARG defaults seen so far; unknown names stay.
std::string substitute(std::string_view word, const std::map<std::string, std::string, std::less<>>& args) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        if (word[i] != '$' || i + 1 == word.size()) {
            out += word[i++];
            continue;
        }
        const bool braced = word[i + 1] == '{';
        const std::size_t start = i + (braced ? 2 : 1);
        std::size_t end = start;
        while (end < word.size() && (std::isalnum(static_cast<unsigned char>(word[end])) || word[end] == '_'))
            ++end;
        const std::string_view name = word.substr(start, end - start);
        std::string_view fallback;
        std::size_t next = end;
        if (braced) {
            const std::size_t close = word.find('}', end);
            if (close == std::string_view::npos) return std::string(word);
            if (word.substr(end).starts_with(":-")) fallback = word.substr(end + 2, close - end - 2);
            next = close + 1;
        }
        if (const auto it = args.find(name); it != args.end() && !it->second.empty())
            out += it->second;
        else if (!fallback.empty())
            out += fallback;
        else
            out += word.substr(i, next - i);
        i = next;
    }
    return out;
}

// One instruction per entry, with its offset: `\` at a line's end continues it.
std::vector<Line> instructions(std::string_view text) {
    std::vector<Line> out;
    Line current;
    bool open = false;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string_view trimmed = trim(line);
        if (!trimmed.starts_with('#')) {
            if (!open) current = Line{"", at + (trimmed.data() - line.data())};
            const bool continues = trimmed.ends_with('\\');
            const std::size_t length = trimmed.size() - (continues ? 1 : 0);
            current.pieces.push_back({current.text.size(), at + (trimmed.data() - line.data()), length});
            current.text += trimmed.substr(0, length);
            current.text += ' ';
            open = continues;
            if (!open && !trim(current.text).empty()) out.push_back(current);
        }
        at = end + 1;
    }
    if (open && !trim(current.text).empty()) out.push_back(current);
    return out;
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at < text.size();) {
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
        std::size_t end = at;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
        if (end > at) out.push_back(text.substr(at, end - at));
        at = end;
    }
    return out;
}

// The file offset of position `pos` of an instruction's joined text.
std::size_t source_at(const Line& line, std::size_t pos) {
    auto it = std::upper_bound(line.pieces.begin(), line.pieces.end(), pos,
                               [](std::size_t o, const EmbeddedText::Piece& p) { return o < p.text_begin; });
    if (it != line.pieces.begin()) --it;
    return it->source_begin + std::min(pos - it->text_begin, it->length);
}

struct EnvWord {
    EmbeddedText value;
    std::size_t end = 0;  // where the word ends in the joined text
};

// One value of an ENV instruction from `at`, as the builder's shell lexer reads it (BuildKit
// frontend/dockerfile/shell/lex.go; moby/moby#32140): inside `"..."` a backslash escapes only `"`, `\` and
// `$` (so `\n` stays a backslash and an `n`: no ENV value holds a line break), `'...'` keeps everything, and
// an unquoted backslash escapes the next character. `spaces`: white space belongs to the value (the older
// `ENV NAME value` form takes the rest of the line), else it ends it.
EnvWord env_word(const Line& line, std::size_t at, bool spaces) {
    const std::string& t = line.text;
    EnvWord out;
    out.value.exact = true;
    const auto put = [&](std::size_t pos) {
        const std::size_t src = source_at(line, pos);
        auto& pieces = out.value.pieces;
        if (!pieces.empty() && pieces.back().source_begin + pieces.back().length == src)
            ++pieces.back().length;
        else
            pieces.push_back({out.value.text.size(), src, 1});
        out.value.text += t[pos];
    };
    const std::size_t last = t.find_last_not_of(" \t");
    const std::size_t limit = spaces && last != std::string::npos ? last + 1 : t.size();
    char quote = 0;
    std::size_t i = at;
    for (; i < limit; ++i) {
        const char c = t[i];
        const char next = i + 1 < limit ? t[i + 1] : '\0';
        if (quote == '\'' && c != '\'') {
            put(i);
        } else if (quote != 0 && c == quote) {
            quote = 0;
        } else if (quote == '"') {
            put(c == '\\' && (next == '"' || next == '\\' || next == '$') ? ++i : i);
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '\\' && next != '\0') {
            put(++i);
        } else if (!spaces && (c == ' ' || c == '\t')) {
            break;
        } else {
            put(i);
        }
    }
    out.end = i;
    out.value.scalar_span = {source_at(line, at), source_at(line, i)};
    return out;
}

// FLINK_PROPERTIES as an ENV instruction sets it (`at`: after `ENV`): `ENV FLINK_PROPERTIES="..." A=b`,
// or the older form `ENV FLINK_PROPERTIES <the rest of the line>`.
std::optional<EmbeddedText> env_flink_properties(const Line& line, std::size_t at) {
    constexpr std::string_view kName = "FLINK_PROPERTIES";
    const std::string& t = line.text;
    std::optional<EmbeddedText> found;
    for (;;) {
        at = t.find_first_not_of(" \t", at);
        if (at == std::string::npos) break;
        const std::size_t end = std::min(t.find_first_of(" \t=", at), t.size());
        const std::string_view name = std::string_view(t).substr(at, end - at);
        if (end == t.size() || t[end] != '=') {  // `ENV NAME value`: one variable
            const std::size_t value = t.find_first_not_of(" \t", end);
            if (name == kName && value != std::string::npos) found = env_word(line, value, true).value;
            break;
        }
        EnvWord word = env_word(line, end + 1, false);
        if (name == kName) found = std::move(word.value);
        at = word.end;
    }
    return found;
}

// ENV FLINK_PROPERTIES of the final stage, read by the official image's docker-entrypoint.sh exactly like
// the variable set by compose or Kubernetes (compose.cpp): kept where that entrypoint runs.
void add_properties(ParsedFile& file, const std::optional<EmbeddedText>& properties,
                    const YamlLimits& limits) {
    std::optional<FlinkVersion> version;
    if (!properties || file.dockerfile_entrypoint || !official_image(file.dockerfile_image.value, version))
        return;
    ConfigDocument cd = image_strips_properties(file.dockerfile_image.value)
                            ? read_entrypoint_properties(*properties)
                            : read_embedded_config(*properties, ConfigFormat::legacy, limits);
    cd.format = ConfigFormat::compose_properties;
    cd.origin = "Dockerfile ENV FLINK_PROPERTIES";
    cd.image = file.dockerfile_image;
    file.configs.push_back(std::move(cd));
}

}  // namespace

void read_dockerfile(ParsedFile& file, const YamlLimits& limits) {
    const std::string& text = file.source->text();
    std::map<std::string, std::string, std::less<>> args;       // ARG defaults in scope
    std::map<std::string, Located, std::less<>> stages;         // `AS name` -> its base image
    std::map<std::string, bool, std::less<>> stage_entrypoint;  // `AS name` -> it sets its own ENTRYPOINT
    std::string stage;                                          // the current stage's name, if any
    std::optional<EmbeddedText> properties;                     // the stage's ENV FLINK_PROPERTIES
    std::map<std::string, std::optional<EmbeddedText>, std::less<>> stage_properties;
    for (const Line& line : instructions(text)) {
        const std::vector<std::string_view> w = words(line.text);
        if (w.empty()) continue;  // only other white space (\f, \v)
        const std::string instruction = ascii_lower(w.front());
        if (instruction == "entrypoint") {
            // `ENTRYPOINT ["/docker-entrypoint.sh"]` restates the official image's own.
            const bool own = line.text.find("docker-entrypoint") == std::string::npos;
            file.dockerfile_entrypoint = own;
            if (!stage.empty()) stage_entrypoint.insert_or_assign(stage, own);
            continue;
        }
        if (instruction == "arg" && w.size() >= 2) {
            const std::size_t eq = w[1].find('=');
            // `ARG NAME` in a stage brings the global default into it: it keeps the value.
            if (eq == std::string_view::npos) {
                args.try_emplace(std::string(w[1]));
                continue;
            }
            std::string value(w[1].substr(eq + 1));
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
                value.back() == value.front())
                value = value.substr(1, value.size() - 2);
            args.insert_or_assign(std::string(w[1].substr(0, eq)), std::move(value));
            continue;
        }
        if (instruction == "env") {
            if (auto value =
                    env_flink_properties(line, w.front().data() - line.text.data() + w.front().size())) {
                properties = std::move(value);
                if (!stage.empty()) stage_properties.insert_or_assign(stage, properties);
            }
            continue;
        }
        if (instruction != "from") continue;
        std::size_t i = 1;
        while (i < w.size() && w[i].starts_with("--")) ++i;  // --platform=...
        if (i >= w.size()) continue;
        Located image{substitute(w[i], args), Span{line.begin, std::min(text.size(), line.begin + 4)}, true};
        const auto entry = stage_entrypoint.find(image.value);
        file.dockerfile_entrypoint = entry != stage_entrypoint.end() && entry->second;
        const auto inherited = stage_properties.find(image.value);  // a stage keeps its base's ENV
        properties = inherited != stage_properties.end() ? inherited->second : std::nullopt;
        if (const auto base = stages.find(image.value); base != stages.end())
            image.value = base->second.value;
        stage = i + 2 < w.size() && ascii_lower(w[i + 1]) == "as" ? std::string(w[i + 2]) : std::string();
        if (!stage.empty()) {
            stages.insert_or_assign(stage, image);
            stage_entrypoint.insert_or_assign(stage, file.dockerfile_entrypoint);
            stage_properties.insert_or_assign(stage, properties);
        }
        file.dockerfile_image = std::move(image);
    }
    if (!file.dockerfile_image || !image_flink_version(file.dockerfile_image.value)) {
        file.skip_reason = "a Dockerfile whose final image is not a versioned Flink image";
        return;
    }
    add_properties(file, properties, limits);
}

}  // namespace ingestion
}  // namespace flinklint

// A Dockerfile or Containerfile read for two facts: the image its final stage is built FROM, which
// says the Flink of the configurations beside it and of the compose services built from it
// (linter/src/model/dockerfile_evidence.cpp), and whether that stage sets an ENTRYPOINT of its own
// (FL850: only the official image's docker-entrypoint.sh is known to read FLINK_PROPERTIES). `ARG
// NAME=default` is substituted as the builder does when no --build-arg is given; a final `FROM <stage>` is
// followed to that stage's image.
#include <algorithm>
#include <cctype>
#include <map>
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
            current.text += trimmed.substr(0, trimmed.size() - (continues ? 1 : 0));
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

}  // namespace

void read_dockerfile(ParsedFile& file) {
    const std::string& text = file.source->text();
    std::map<std::string, std::string, std::less<>> args;       // ARG defaults in scope
    std::map<std::string, Located, std::less<>> stages;         // `AS name` -> its base image
    std::map<std::string, bool, std::less<>> stage_entrypoint;  // `AS name` -> it sets its own ENTRYPOINT
    std::string stage;                                          // the current stage's name, if any
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
        if (instruction != "from") continue;
        std::size_t i = 1;
        while (i < w.size() && w[i].starts_with("--")) ++i;  // --platform=...
        if (i >= w.size()) continue;
        Located image{substitute(w[i], args), Span{line.begin, std::min(text.size(), line.begin + 4)}, true};
        const auto entry = stage_entrypoint.find(image.value);
        file.dockerfile_entrypoint = entry != stage_entrypoint.end() && entry->second;
        if (const auto base = stages.find(image.value); base != stages.end())
            image.value = base->second.value;
        stage = i + 2 < w.size() && ascii_lower(w[i + 1]) == "as" ? std::string(w[i + 2]) : std::string();
        if (!stage.empty()) {
            stages.insert_or_assign(stage, image);
            stage_entrypoint.insert_or_assign(stage, file.dockerfile_entrypoint);
        }
        file.dockerfile_image = std::move(image);
    }
    if (!file.dockerfile_image || !image_flink_version(file.dockerfile_image.value))
        file.skip_reason = "a Dockerfile whose final image is not a versioned Flink image";
}

}  // namespace ingestion
}  // namespace flinklint

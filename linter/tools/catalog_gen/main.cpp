// flinklint_catalog_gen OUTPUT.cpp FILE.tsv...  (or --descriptions OUTPUT.cpp schemas/descriptions.tsv)
//
// Turns the option catalogs (schemas/flink-X.Y.tsv and schemas/operator.tsv) into the sorted lookup
// tables of linter/src/catalog/catalog_index.hpp, as constant C++ arrays. The build runs it, so the
// TSV files stay the only source of the facts, and a check never parses or sorts a catalog (that
// cost a one-file check 1.6 to 2.1 M instructions, about a sixth of its run).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "catalog/catalog_internal.hpp"
#include "flinklint/catalog.hpp"
#include "flinklint/version.hpp"
#include "tsv.hpp"

namespace {

using flinklint::FlinkVersion;
using flinklint::KeyLookup;
using flinklint::OptionType;
using flinklint::catalog_gen::TsvRow;
namespace detail = flinklint::catalog_detail;

bool by_key(const TsvRow& a, const TsvRow& b) {
    return a.key < b.key;
}

// A version's rows sorted by key, stably: its own file plus the operator's keys the file lacks
// (the operator reads them from the same configuration, whatever the Flink version).
std::vector<TsvRow> catalog_rows(std::string_view flink_tsv, const std::vector<TsvRow>& operator_rows) {
    std::vector<TsvRow> rows = flinklint::catalog_gen::scan_catalog_tsv(flink_tsv);
    std::stable_sort(rows.begin(), rows.end(), by_key);
    const auto flink_rows = static_cast<std::ptrdiff_t>(rows.size());
    for (const TsvRow& row : operator_rows) {
        if (!std::binary_search(rows.begin(), rows.begin() + flink_rows, row, by_key)) rows.push_back(row);
    }
    std::stable_sort(rows.begin() + flink_rows, rows.end(), by_key);
    std::inplace_merge(rows.begin(), rows.begin() + flink_rows, rows.end(), by_key);
    return rows;
}

struct Alias {
    std::string_view alias;
    std::size_t id = 0;
    KeyLookup::Kind kind = KeyLookup::Kind::deprecated_alias;
    bool map = false;
    bool live = false;
};
struct Pattern {
    std::vector<std::string_view> segments;
    std::size_t id = 0;
    std::size_t literals = 0;
    bool open = false;
};
struct MapKey {
    std::string_view key;
    std::size_t id = 0;
};
struct Tables {
    FlinkVersion version;
    std::vector<TsvRow> rows;
    std::vector<Alias> aliases;
    std::vector<Pattern> patterns, leading_placeholder_patterns;
    std::vector<MapKey> map_keys;
};

bool is_map(const TsvRow& row) {
    return flinklint::parse_option_type(row.type) == OptionType::map;
}
bool is_live(const TsvRow& row) {
    return row.documented && !row.deprecated;
}

// The pattern of a placeholder key, or nothing when it could never match sensibly.
std::optional<Pattern> make_pattern(std::string_view key, std::size_t id) {
    Pattern pattern;
    pattern.id = id;
    pattern.segments = detail::split_segments(key);
    for (std::size_t i = 0; i < pattern.segments.size(); ++i) {
        const std::string_view segment = pattern.segments[i];
        if (detail::is_open_placeholder(segment)) {
            pattern.open = i + 1 == pattern.segments.size();
            if (!pattern.open) return std::nullopt;  // an open placeholder only makes sense at the end
        } else if (!detail::is_placeholder(segment)) {
            ++pattern.literals;
        }
    }
    if (pattern.literals == 0) return std::nullopt;  // `<parameter>` alone would match everything
    return pattern;
}

Tables build_tables(FlinkVersion version, std::vector<TsvRow> rows) {
    Tables t{version, std::move(rows), {}, {}, {}, {}};
    std::vector<Alias> aliases;  // in the order rows list them: fallback keys before deprecated keys
    for (std::size_t id = 0; id < t.rows.size(); ++id) {
        const TsvRow& row = t.rows[id];
        const auto add = [&](KeyLookup::Kind kind) {
            return [&, kind](std::string_view alias) {
                if (alias != row.key) aliases.push_back({alias, id, kind, is_map(row), is_live(row)});
            };
        };
        detail::for_each_listed(row.fallback_keys, add(KeyLookup::Kind::fallback_alias));
        detail::for_each_listed(row.deprecated_keys, add(KeyLookup::Kind::deprecated_alias));
        if (detail::key_is_pattern(row.key)) {
            if (auto pattern = make_pattern(row.key, id)) {
                auto& into = detail::is_placeholder(pattern->segments.front())
                                 ? t.leading_placeholder_patterns
                                 : t.patterns;
                into.push_back(std::move(*pattern));
            }
        } else if (is_map(row)) {
            t.map_keys.push_back({row.key, id});
        }
    }
    for (const Alias& alias : aliases) {
        if (alias.map) t.map_keys.push_back({alias.alias, alias.id});
    }
    // An alias names the first row that declares it, unless a live row declares it too.
    std::stable_sort(aliases.begin(), aliases.end(),
                     [](const Alias& a, const Alias& b) { return a.alias < b.alias; });
    for (const Alias& alias : aliases) {
        if (!t.aliases.empty() && t.aliases.back().alias == alias.alias) {
            if (alias.live && !t.aliases.back().live) t.aliases.back() = alias;
        } else {
            t.aliases.push_back(alias);
        }
    }
    std::stable_sort(t.map_keys.begin(), t.map_keys.end(),
                     [](const MapKey& a, const MapKey& b) { return a.key < b.key; });
    t.map_keys.erase(std::unique(t.map_keys.begin(), t.map_keys.end(),
                                 [](const MapKey& a, const MapKey& b) { return a.key == b.key; }),
                     t.map_keys.end());
    return t;
}

std::string_view enumerator(OptionType type) {
    switch (type) {
        case OptionType::string_:
            return "string_";
        case OptionType::boolean:
            return "boolean";
        case OptionType::integer:
            return "integer";
        case OptionType::long_:
            return "long_";
        case OptionType::float_:
            return "float_";
        case OptionType::double_:
            return "double_";
        case OptionType::duration:
            return "duration";
        case OptionType::memory_size:
            return "memory_size";
        case OptionType::enumeration:
            return "enumeration";
        case OptionType::map:
            return "map";
        case OptionType::list_string:
            return "list_string";
        case OptionType::list_map:
            return "list_map";
        case OptionType::list_enum:
            return "list_enum";
        case OptionType::unknown:
            return "unknown";
    }
    return "unknown";
}

std::string_view enumerator(KeyLookup::Kind kind) {
    return kind == KeyLookup::Kind::fallback_alias ? "K::fallback_alias" : "K::deprecated_alias";
}

// Every string of every table, each distinct one once, and the list entries as offsets into it.
class TextPool {
public:
    // `{offset, size}` of `text` in the text array.
    std::string ref(std::string_view text) {
        const auto [it, added] = offsets_.try_emplace(std::string(text), text_.size());
        if (added) text_.append(text);
        return fmt::format("{{{}, {}}}", it->second, text.size());
    }
    template <class Range>
    std::string list(const Range& entries) {
        const std::size_t first = std::empty(entries) ? 0 : list_.size();
        for (std::string_view entry : entries) list_.push_back(ref(entry));
        return fmt::format("{{{}, {}}}", first, std::size(entries));
    }
    std::string list_cell(std::string_view cell) {
        std::vector<std::string_view> entries;
        detail::for_each_listed(cell, [&](std::string_view entry) { entries.push_back(entry); });
        return list(entries);
    }
    void write(std::ostream& out) const {
        // One literal per 96 bytes; adjacent literals concatenate, and the array holds no pointer.
        out << "constexpr char kText[] =\n";
        for (std::size_t at = 0; at < text_.size(); at += 96)
            out << "    " << flinklint::catalog_gen::cpp_literal(std::string_view(text_).substr(at, 96))
                << '\n';
        if (text_.empty()) out << "    \"\"\n";
        out << "    ;\n\nconstexpr TextRef kListEntries[] = {\n";
        for (const std::string& entry : list_) out << "    " << entry << ",\n";
        if (list_.empty()) out << "    {},\n";
        out << "};\n\n";
    }

private:
    std::string text_;
    std::map<std::string, std::size_t, std::less<>> offsets_;
    std::vector<std::string> list_;
};

// Writes one version's arrays; returns its CatalogTables initializer.
std::string write_tables(std::ostream& out, const Tables& t, std::size_t n, TextPool& pool) {
    const std::string suffix = std::to_string(n);
    const auto array = [&](std::string_view type, std::string_view name, const auto& items, auto&& item) {
        if (items.empty()) return std::string("{}");
        const std::string full = std::string(name) + suffix;
        out << "constexpr " << type << ' ' << full << "[] = {\n";
        for (const auto& x : items) out << "    {" << item(x) << "},\n";
        out << "};\n";
        return full;
    };
    const auto flag = [](bool value) { return value ? "true" : "false"; };
    const auto scope = [](std::string_view cell) -> std::string_view {
        if (cell.empty()) return "false, S::none";
        return cell == "operator" ? "true, S::operator_wide" : "true, S::resource";
    };
    out << "// Flink " << t.version.str() << ": " << t.rows.size() << " options\n";
    const std::string options = array("OptionRow", "kOptions", t.rows, [&](const TsvRow& r) {
        std::ostringstream s;
        s << pool.ref(r.key) << ", "
          << pool.ref(r.default_value == "(none)" ? std::string_view() : r.default_value) << ", "
          << pool.list_cell(r.enum_values) << ", " << pool.list_cell(r.deprecated_keys) << ", "
          << pool.list_cell(r.fallback_keys) << ", T::" << enumerator(flinklint::parse_option_type(r.type))
          << ", " << flag(r.documented) << ", " << flag(r.deprecated) << ", " << scope(r.scope);
        return s.str();
    });
    const std::string aliases = array("AliasRow", "kAliases", t.aliases, [&](const Alias& a) {
        return pool.ref(a.alias) + ", " + std::to_string(a.id) + ", " + std::string(enumerator(a.kind)) +
               ", " + flag(a.map) + ", " + flag(a.live);
    });
    const auto pattern = [&](const Pattern& p) {
        return pool.list(p.segments) + ", " + std::to_string(p.id) + ", " + std::to_string(p.literals) +
               ", " + flag(p.open);
    };
    const std::string patterns = array("Pattern", "kPatterns", t.patterns, pattern);
    const std::string leading =
        array("Pattern", "kLeadingPlaceholderPatterns", t.leading_placeholder_patterns, pattern);
    const std::string map_keys = array("MapKey", "kMapKeys", t.map_keys, [&](const MapKey& m) {
        return pool.ref(m.key) + ", " + std::to_string(m.id);
    });
    out << '\n';
    return "{{" + std::to_string(t.version.major) + ", " + std::to_string(t.version.minor) + "}, " + options +
           ", " + aliases + ", " + patterns + ", " + leading + ", " + map_keys + "}";
}

// The first segments of every key and alias of every table: a key outside them belongs to no Flink or
// operator option (CompiledCatalogs::namespaces, foreign_namespace).
void write_namespaces(std::ostream& out, const std::vector<Tables>& tables, TextPool& pool) {
    std::set<std::string, std::less<>> first;
    const auto add = [&](std::string_view key) {
        const std::vector<std::string_view> segments = detail::split_segments(key);
        if (segments.front().empty() || detail::is_placeholder(segments.front())) return;
        first.insert(std::string(segments.front()));
    };
    for (const Tables& t : tables) {
        for (const TsvRow& row : t.rows) {
            add(row.key);
            detail::for_each_listed(row.deprecated_keys, add);
            detail::for_each_listed(row.fallback_keys, add);
        }
    }
    out << "// Namespaces of every version: " << first.size()
        << " first segments\nconstexpr TextRef kNamespaces[] = {\n";
    for (const std::string& name : first) out << "    " << pool.ref(name) << ",\n";
    out << "};\n\n";
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int fail(const std::string& message) {
    std::cerr << "flinklint_catalog_gen: " << message << '\n';
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string_view(argv[1]) == "--descriptions") {
        const auto text = read_file(argv[3]);
        if (!text) return fail(std::string("cannot read ") + argv[3]);
        const auto error = flinklint::catalog_gen::write_descriptions(argv[2], *text);
        return error ? fail(*error) : 0;
    }
    if (argc < 3)
        return fail(
            "usage: flinklint_catalog_gen OUTPUT.cpp FILE.tsv... | --descriptions OUTPUT.cpp FILE.tsv");
    const std::filesystem::path output = argv[1];
    std::vector<std::string> texts;  // kept alive: the rows are views into them
    texts.reserve(static_cast<std::size_t>(argc));
    std::optional<std::string_view> operator_tsv;
    std::vector<std::pair<FlinkVersion, std::string_view>> flink_tsvs;
    for (int i = 2; i < argc; ++i) {
        const std::filesystem::path path = argv[i];
        auto text = read_file(path);
        if (!text) return fail("cannot read " + path.string());
        texts.push_back(std::move(*text));
        const std::string name = path.filename().string();
        if (name == "operator.tsv") {
            operator_tsv = texts.back();
        } else if (name.starts_with("flink-") && name.ends_with(".tsv")) {
            const auto version = FlinkVersion::parse(name.substr(6, name.size() - 10));
            if (!version) return fail("no Flink version in the file name " + name);
            flink_tsvs.emplace_back(*version, texts.back());
        } else {
            return fail("unexpected catalog file " + name);
        }
    }
    if (!operator_tsv) return fail("operator.tsv is missing");
    std::vector<Tables> tables;
    const auto operator_rows = flinklint::catalog_gen::scan_catalog_tsv(*operator_tsv);
    for (const FlinkVersion version : flinklint::kCatalogVersions) {
        const auto file = std::find_if(flink_tsvs.begin(), flink_tsvs.end(),
                                       [&](const auto& entry) { return entry.first == version; });
        if (file == flink_tsvs.end()) return fail("no catalog file for Flink " + version.str());
        tables.push_back(build_tables(version, catalog_rows(file->second, operator_rows)));
        if (tables.back().rows.empty()) return fail("the catalog of Flink " + version.str() + " has no rows");
    }
    if (flink_tsvs.size() != tables.size())
        return fail("a catalog file names a version kCatalogVersions lacks");

    std::ostringstream arrays;
    TextPool pool;
    std::vector<std::string> initializers;
    for (std::size_t n = 0; n < tables.size(); ++n)
        initializers.push_back(write_tables(arrays, tables[n], n, pool));
    write_namespaces(arrays, tables, pool);

    std::ostringstream out;
    out << "// Generated by flinklint_catalog_gen (linter/tools/catalog_gen) from schemas/*.tsv: do not "
           "edit.\n"
           "#include <iterator>\n\n#include \"catalog/catalog_index.hpp\"\n\n"
           "namespace flinklint::catalog_detail {\nnamespace {\n\n"
           "using T = OptionType;\nusing S = OperatorScope;\nusing K = KeyLookup::Kind;\n\n";
    pool.write(out);
    out << arrays.str() << "constexpr CatalogTables kCatalogs[] = {\n";
    for (const std::string& initializer : initializers) out << "    " << initializer << ",\n";
    out << "};\nstatic_assert(std::size(kCatalogs) == std::size(kCatalogVersions));\n";
    for (std::size_t n = 0; n < tables.size(); ++n)
        out << "static_assert(kCatalogs[" << n << "].version == kCatalogVersions[" << n << "]);\n";
    out << "\nconstexpr CompiledCatalogs kCompiled{{kText, sizeof kText - 1}, kListEntries, kCatalogs, "
           "kNamespaces};\n\n"
           "}  // namespace\n\nconst CompiledCatalogs& compiled_catalogs() {\n    return kCompiled;\n}\n\n"
           "}  // namespace flinklint::catalog_detail\n";

    // Written to a temporary name and renamed: an interrupted build never leaves half a table.
    const std::filesystem::path temporary = output.string() + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file << out.str();
        if (!file.flush()) return fail("cannot write " + temporary.string());
    }
    std::error_code error;
    std::filesystem::rename(temporary, output, error);
    if (error) return fail("cannot rename " + temporary.string() + ": " + error.message());
    return 0;
}

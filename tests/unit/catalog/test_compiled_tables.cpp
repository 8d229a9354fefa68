// The tables the build compiles from schemas/*.tsv: shaped as lookup needs them (sorted, in range)
// and saying what the TSV files say, row by row.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/catalog_index.hpp"
#include "test_paths.hpp"

namespace flinklint {
namespace {

using catalog_detail::compiled_catalogs;
using catalog_detail::list_of;
using catalog_detail::text_of;

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, separator)) cells.push_back(cell);
    if (!line.empty() && line.back() == separator) cells.emplace_back();
    return cells;
}

std::string joined(std::span<const std::string_view> entries) {
    std::string out;
    for (const std::string_view entry : entries) out += (out.empty() ? "" : "|") + std::string(entry);
    return out;
}

TEST(CompiledCatalogs, OneTableSetPerCatalogVersion) {
    const auto versions = compiled_catalogs().versions;
    ASSERT_EQ(versions.size(), std::size(kCatalogVersions));
    for (std::size_t i = 0; i < versions.size(); ++i) {
        EXPECT_EQ(versions[i].version, kCatalogVersions[i]);
        EXPECT_GT(versions[i].options.size(), 700u) << versions[i].version.str();
    }
}

TEST(CompiledCatalogs, TablesAreSortedAndInRange) {
    const auto& compiled = compiled_catalogs();
    const auto in_text = [&](catalog_detail::TextRef ref) {
        return std::size_t{ref.offset} + ref.size <= compiled.text.size();
    };
    const auto in_lists = [&](catalog_detail::ListRef ref) {
        return std::size_t{ref.first} + ref.count <= compiled.list_entries.size();
    };
    for (const catalog_detail::TextRef entry : compiled.list_entries) EXPECT_TRUE(in_text(entry));
    for (const catalog_detail::CatalogTables& tables : compiled.versions) {
        const std::string version = tables.version.str();
        const auto options = tables.options;
        for (std::size_t i = 0; i < options.size(); ++i) {
            ASSERT_TRUE(in_text(options[i].key) && in_text(options[i].default_value)) << version;
            ASSERT_TRUE(in_lists(options[i].enum_values) && in_lists(options[i].deprecated_keys) &&
                        in_lists(options[i].fallback_keys))
                << version;
            EXPECT_FALSE(text_of(options[i].key).empty()) << version;
            if (i > 0) {
                EXPECT_LE(text_of(options[i - 1].key), text_of(options[i].key)) << version;
            }
        }
        for (std::size_t i = 0; i < tables.aliases.size(); ++i) {
            ASSERT_TRUE(in_text(tables.aliases[i].alias)) << version;
            EXPECT_LT(tables.aliases[i].id, options.size()) << version;
            if (i > 0) {
                EXPECT_LT(text_of(tables.aliases[i - 1].alias), text_of(tables.aliases[i].alias)) << version;
            }
        }
        for (std::size_t i = 0; i < tables.map_keys.size(); ++i) {
            ASSERT_TRUE(in_text(tables.map_keys[i].key)) << version;
            EXPECT_LT(tables.map_keys[i].id, options.size()) << version;
            EXPECT_EQ(options[tables.map_keys[i].id].type, OptionType::map) << version;
            if (i > 0) {
                EXPECT_LT(text_of(tables.map_keys[i - 1].key), text_of(tables.map_keys[i].key)) << version;
            }
        }
        for (const auto patterns : {tables.patterns, tables.leading_placeholder_patterns}) {
            for (const catalog_detail::Pattern& pattern : patterns) {
                ASSERT_TRUE(in_lists(pattern.segments)) << version;
                EXPECT_FALSE(list_of(pattern.segments).empty()) << version;
                EXPECT_GT(pattern.literals, 0u) << version;
                EXPECT_LT(pattern.id, options.size()) << version;
            }
        }
    }
}

// Every row of every schemas/flink-*.tsv is in its version's catalog with the same cells.
TEST(CompiledCatalogs, SayWhatTheTsvFilesSay) {
    for (const FlinkVersion version : kCatalogVersions) {
        const std::string text =
            testing::read_file(testing::source_dir() / "schemas" / ("flink-" + version.str() + ".tsv"));
        std::istringstream lines(text);
        std::map<std::string, std::size_t> column;
        std::size_t rows = 0;
        const Catalog& catalog = Catalog::for_version(version);
        for (std::string line; std::getline(lines, line);) {
            if (line.empty() || line.front() == '#') continue;
            const auto cells = split(line, '\t');
            if (column.empty()) {
                for (std::size_t i = 0; i < cells.size(); ++i) column[cells[i]] = i;
                continue;
            }
            const auto cell = [&](const std::string& name) { return cells.at(column.at(name)); };
            const OptionInfo* option = catalog.find(cell("key"));
            ASSERT_NE(option, nullptr) << version.str() << ": " << cell("key");
            ++rows;
            EXPECT_EQ(to_string(option->type), cell("type")) << cell("key");
            EXPECT_EQ(option->default_value, cell("default") == "(none)" ? "" : cell("default"))
                << cell("key");
            EXPECT_EQ(joined(option->enum_values), cell("enum_values")) << cell("key");
            EXPECT_EQ(joined(option->deprecated_keys), cell("deprecated_keys")) << cell("key");
            EXPECT_EQ(joined(option->fallback_keys), cell("fallback_keys")) << cell("key");
            EXPECT_EQ(option->documented, cell("documented") == "y") << cell("key");
            EXPECT_EQ(option->deprecated, cell("deprecated") == "y") << cell("key");
            EXPECT_FALSE(option->operator_option) << cell("key");
        }
        EXPECT_GT(rows, 700u) << version.str();
    }
}

}  // namespace
}  // namespace flinklint

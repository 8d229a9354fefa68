// Every key of the reference tables (../shared) and of our own schemas/ is known to its version.
#include <gtest/gtest.h>

#include <set>

#include "catalog_test_support.hpp"

namespace flinklint {
namespace {

using testing::catalog_versions;
using testing::instantiate;
using testing::read_table;

// Documented rows the generator leaves out on purpose: relative suffixes of reporter, endpoint
// and hint tables (no dot: `host`, `port`, `async`), connector options and WITH options.
bool dropped_on_purpose(const std::string& key) {
    return key.find('.') == std::string::npos || key.starts_with("pulsar.") ||
           key == "partition.fields.#.date-formatter";
}

TEST(CatalogTables, SharedDocumentedKeysAreKnown) {
    FLINKLINT_REQUIRE_SHARED(shared);
    for (const FlinkVersion version : catalog_versions()) {
        const auto table = read_table(shared / "reference" / "flink-options" / (version.str() + ".tsv"));
        ASSERT_FALSE(table.rows.empty()) << version.str();
        const Catalog& catalog = Catalog::for_version(version);
        EXPECT_EQ(catalog.version(), version);
        std::size_t checked = 0;
        for (const auto& row : table.rows) {
            if (table.cell(row, "documented") != "yes" || dropped_on_purpose(row.key)) continue;
            const std::string written = instantiate(row.key);
            EXPECT_TRUE(catalog.lookup(written).known()) << version.str() << ": " << written;
            ++checked;
        }
        EXPECT_GT(checked, 600u) << version.str();
    }
}

TEST(CatalogTables, SharedAliasesAreKnown) {
    FLINKLINT_REQUIRE_SHARED(shared);
    for (const FlinkVersion version : catalog_versions()) {
        const auto table = read_table(shared / "reference" / "flink-options" / (version.str() + ".tsv"));
        const Catalog& catalog = Catalog::for_version(version);
        for (const auto& row : table.rows) {
            if (table.cell(row, "documented") != "yes" || dropped_on_purpose(row.key)) continue;
            for (const std::string column : {"deprecated_keys", "fallback_keys"}) {
                std::string cell = table.cell(row, column);
                for (std::size_t start = 0; start < cell.size();) {
                    std::size_t bar = cell.find('|', start);
                    if (bar == std::string::npos) bar = cell.size();
                    const std::string alias = cell.substr(start, bar - start);
                    EXPECT_TRUE(catalog.lookup(alias).known()) << version.str() << ": " << alias;
                    start = bar + 1;
                }
            }
        }
    }
}

TEST(CatalogTables, OwnSchemasAreKnownAndEmbedded) {
    for (const FlinkVersion version : catalog_versions()) {
        const auto path = testing::source_dir() / "schemas" / ("flink-" + version.str() + ".tsv");
        const auto table = read_table(path);
        ASSERT_GT(table.rows.size(), 600u) << path;
        const Catalog& catalog = Catalog::for_version(version);
        std::set<std::string> keys;
        for (const auto& row : table.rows) {
            keys.insert(row.key);
            ASSERT_NE(catalog.find(row.key), nullptr) << version.str() << ": " << row.key;
            const std::string written = instantiate(row.key);
            EXPECT_TRUE(catalog.lookup(written).known()) << version.str() << ": " << written;
        }
        // Flink's rows plus the operator's, nothing else.
        std::size_t flink_rows = 0;
        for (const OptionInfo& option : catalog.options()) flink_rows += option.operator_option ? 0 : 1;
        EXPECT_EQ(flink_rows, keys.size()) << version.str();
        EXPECT_TRUE(std::is_sorted(table.rows.begin(), table.rows.end(), [](const auto& a, const auto& b) {
            return a.key < b.key;
        })) << path;
    }
}

TEST(CatalogTables, OperatorKeysAreKnownInEveryVersion) {
    const auto table = read_table(testing::source_dir() / "schemas" / "operator.tsv");
    ASSERT_GT(table.rows.size(), 100u);
    for (const FlinkVersion version : catalog_versions()) {
        const Catalog& catalog = Catalog::for_version(version);
        for (const auto& row : table.rows) {
            const KeyLookup lookup = catalog.lookup(instantiate(row.key));
            ASSERT_TRUE(lookup.known()) << version.str() << ": " << row.key;
            ASSERT_NE(lookup.option, nullptr) << row.key;
            EXPECT_TRUE(lookup.option->operator_option) << row.key;
            const std::string scope = table.cell(row, "scope");
            EXPECT_TRUE(scope == "resource" || scope == "operator") << row.key;
        }
    }
}

TEST(CatalogTables, ColumnsAreWellFormed) {
    for (const FlinkVersion version : catalog_versions()) {
        const Catalog& catalog = Catalog::for_version(version);
        for (const OptionInfo& option : catalog.options()) {
            EXPECT_FALSE(option.key.empty());
            EXPECT_NE(option.key.find_first_of(" \t"), 0u) << option.key;
            // The reference table lacks the constants of this one (its docs cell lists none).
            const bool known_gap = option.key == "traces.checkpoint.span-detail-level";
            if (option.type == OptionType::enumeration && option.documented && !known_gap) {
                EXPECT_FALSE(option.enum_values.empty()) << version.str() << ": " << option.key;
            }
            EXPECT_EQ(parse_option_type(to_string(option.type)), option.type) << option.key;
        }
    }
}

}  // namespace
}  // namespace flinklint

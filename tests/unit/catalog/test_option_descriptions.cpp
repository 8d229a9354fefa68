// option_description: the table compiled from schemas/descriptions.tsv answers for exactly the keys
// and releases the file lists, with the file's text.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "catalog_test_support.hpp"
#include "flinklint/catalog.hpp"
#include "flinklint/option_descriptions.hpp"

namespace flinklint {
namespace {

// The two escapes scripts/gen_descriptions.py writes: `\n` and `\\`.
std::string unescape(const std::string& cell) {
    std::string out;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] == '\\' && i + 1 < cell.size())
            out += cell[++i] == 'n' ? '\n' : cell[i];
        else
            out += cell[i];
    }
    return out;
}

// `operator`: the operator's keys, in every catalog version.
std::vector<std::string> releases_of(const std::string& cell) {
    std::vector<std::string> out;
    if (cell == "operator") {
        for (const FlinkVersion version : kCatalogVersions) out.push_back(version.str());
        return out;
    }
    std::stringstream in(cell);
    for (std::string release; std::getline(in, release, ',');) out.push_back(release);
    return out;
}

TEST(OptionDescriptions, EveryRowIsAKeyOfTheCatalogsOfItsReleasesWithItsText) {
    const auto table = testing::read_table(testing::source_dir() / "schemas" / "descriptions.tsv");
    ASSERT_GT(table.rows.size(), 500U);
    for (const auto& row : table.rows) {
        const std::string text = unescape(table.cell(row, "description"));
        ASSERT_FALSE(text.empty()) << row.key;
        for (const std::string& release : releases_of(table.cell(row, "releases"))) {
            const auto version = FlinkVersion::parse(release);
            ASSERT_TRUE(version) << row.key << ": " << release;
            const OptionInfo* option = Catalog::for_version(*version).find(row.key);
            ASSERT_NE(option, nullptr) << row.key << " in " << release;
            EXPECT_EQ(option->operator_option, table.cell(row, "releases") == "operator") << row.key;
            EXPECT_EQ(option_description(row.key, *version), text) << row.key << " in " << release;
        }
    }
}

TEST(OptionDescriptions, AreTextWithoutMarkup) {
    // Tags of Flink's docs tables and entities; placeholders such as `<name>` are text.
    const std::regex markup(
        R"(</?(a|b|br|code|p|ul|ol|li|span|td|tr|h5|strong|em|div|pre|table)( [^>]*)?/?>|&(lt|gt|amp|quot|#[0-9]+);)");
    const auto table = testing::read_table(testing::source_dir() / "schemas" / "descriptions.tsv");
    for (const auto& row : table.rows) {
        const std::string text = unescape(table.cell(row, "description"));
        EXPECT_FALSE(std::regex_search(text, markup)) << row.key << ": " << text;
        EXPECT_EQ(text.find('\t'), std::string::npos) << row.key;
        EXPECT_NE(text.front(), ' ') << row.key;
        EXPECT_NE(text.back(), ' ') << row.key;
    }
}

TEST(OptionDescriptions, FollowTheReleaseOfTheCatalog) {
    const std::string heartbeat{option_description("heartbeat.interval", {1, 18})};
    EXPECT_TRUE(heartbeat.starts_with("Time interval between heartbeat RPC requests")) << heartbeat;
    // 1.16 has no catalog of its own: 1.15's, as Catalog::for_version picks it.
    EXPECT_EQ(option_description("state.backend", {1, 16}), option_description("state.backend", {1, 15}));
    EXPECT_FALSE(option_description("state.backend", {1, 15}).empty());
    // From 1.17 `state.backend` is a deprecated key of `state.backend.type`, not documented.
    EXPECT_TRUE(option_description("state.backend", {1, 17}).empty());
    EXPECT_FALSE(option_description("state.backend.type", {1, 17}).empty());
    // A placeholder key is described under its catalog spelling.
    EXPECT_FALSE(option_description("metrics.reporter.<name>.factory.class", {1, 20}).empty());
    // The operator's keys have the text of the operator's docs whatever the Flink version.
    const std::string autoscaler{option_description("job.autoscaler.enabled", {1, 15})};
    EXPECT_TRUE(autoscaler.starts_with("Enable job autoscaler module.")) << autoscaler;
    EXPECT_EQ(option_description("job.autoscaler.enabled", {2, 2}), autoscaler);
    EXPECT_TRUE(option_description("no.such.option", {1, 20}).empty());
    EXPECT_TRUE(option_description("", {1, 20}).empty());
}

}  // namespace
}  // namespace flinklint

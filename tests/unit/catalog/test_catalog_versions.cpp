// Which versions know a key: last_version_knowing / first_version_knowing answer from per-version key
// indexes without building other versions' catalogs, and must say what those catalogs say.
#include <gtest/gtest.h>

#include <set>

#include "catalog_test_support.hpp"

namespace flinklint {
namespace {

using testing::catalog_versions;
using testing::read_table;

bool catalog_knows(FlinkVersion version, const std::string& key) {
    return Catalog::for_version(version).lookup(key).known();
}

// Every key and alias of every schema file, as written and slightly changed.
std::set<std::string> probe_keys() {
    std::vector<std::string> files = {"operator.tsv"};
    for (FlinkVersion version : catalog_versions()) files.push_back("flink-" + version.str() + ".tsv");
    std::set<std::string> keys = {"", ".", "made.up.key", "s3.access-key", "metrics.reporter..port"};
    for (const std::string& file : files) {
        const auto table = read_table(testing::source_dir() / "schemas" / file);
        for (const auto& row : table.rows) {
            std::vector<std::string> written = {row.key, testing::instantiate(row.key)};
            for (const char* column : {"deprecated_keys", "fallback_keys"}) {
                std::string list = table.cell(row, column);
                for (std::size_t bar; !list.empty();
                     list = bar == std::string::npos ? "" : list.substr(bar + 1)) {
                    bar = list.find('|');
                    written.push_back(list.substr(0, bar));
                }
            }
            for (const std::string& key : written) {
                keys.insert(key);
                keys.insert(key + ".extra");
                if (key.size() > 1) keys.insert(key.substr(0, key.size() - 1));
            }
        }
    }
    return keys;
}

TEST(CatalogVersions, KeyIndexesAgreeWithCatalogs) {
    const std::set<std::string> keys = probe_keys();
    ASSERT_GT(keys.size(), 3000u);
    const std::vector<FlinkVersion> versions = catalog_versions();
    for (const std::string& key : keys) {
        std::vector<bool> known;
        for (FlinkVersion version : versions) known.push_back(catalog_knows(version, key));
        for (std::size_t target = 0; target < versions.size(); ++target) {
            std::optional<FlinkVersion> last, first;
            if (!known[target]) {
                for (std::size_t i = 0; i < target; ++i) last = known[i] ? std::optional(versions[i]) : last;
            }
            for (std::size_t i = versions.size(); i-- > target + 1;)
                first = known[i] ? std::optional(versions[i]) : first;
            ASSERT_EQ(last_version_knowing(key, versions[target]), last)
                << key << " @" << versions[target].str();
            ASSERT_EQ(first_version_knowing(key, versions[target]), first)
                << key << " @" << versions[target].str();
        }
    }
}

TEST(CatalogVersions, FirstVersionKnowing) {
    EXPECT_EQ(first_version_knowing("execution.async-state.active-buffer-size", {1, 20}),
              (FlinkVersion{2, 0}));
    EXPECT_EQ(first_version_knowing("kubernetes.rest-service.labels", {1, 20}), (FlinkVersion{2, 2}));
    EXPECT_EQ(first_version_knowing("kubernetes.rest-service.labels", {2, 2}), std::nullopt);
    EXPECT_EQ(first_version_knowing("made.up.key", {1, 15}), std::nullopt);
}

}  // namespace
}  // namespace flinklint

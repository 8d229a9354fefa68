// The namespaces compiled with the catalogs (CompiledCatalogs::namespaces) and foreign_namespace,
// which FL111 foreign-namespace-key and FL101 unknown-key split unknown keys by.
#include <gtest/gtest.h>

#include <string>

#include "catalog/catalog_index.hpp"

namespace flinklint {
namespace {

using catalog_detail::compiled_catalogs;
using catalog_detail::text_of;

TEST(Namespaces, SortedDistinctAndCoverEveryOptionOfEveryVersion) {
    const auto& compiled = compiled_catalogs();
    ASSERT_GT(compiled.namespaces.size(), 50u);
    for (std::size_t i = 1; i < compiled.namespaces.size(); ++i)
        EXPECT_LT(text_of(compiled.namespaces[i - 1]), text_of(compiled.namespaces[i]));
    for (const catalog_detail::CatalogTables& tables : compiled.versions) {
        for (const catalog_detail::OptionRow& row : tables.options) {
            const std::string key(text_of(row.key));
            if (key.front() == '<') continue;  // `<name>.x`: no namespace of its own
            EXPECT_EQ(foreign_namespace(key), "") << tables.version.str() << ": " << key;
            if (key.find('.') != std::string::npos) {
                EXPECT_EQ(foreign_namespace(key + ".extra.segment"), "") << key;
            }
        }
        for (const catalog_detail::AliasRow& alias : tables.aliases)
            EXPECT_EQ(foreign_namespace(text_of(alias.alias)), "") << text_of(alias.alias);
    }
}

TEST(Namespaces, ForeignFirstSegments) {
    EXPECT_EQ(foreign_namespace("iceberg.catalog.type"), "iceberg.");
    EXPECT_EQ(foreign_namespace("paimon.warehouse"), "paimon.");
    EXPECT_EQ(foreign_namespace("myapp.input"), "myapp.");
    // Only the first segment counts: an unknown second one under Flink's is an unknown key (FL101).
    EXPECT_EQ(foreign_namespace("table.acme.retention-days"), "");
    EXPECT_EQ(foreign_namespace("taskmanager.vendor.feature.enabled"), "");
}

TEST(Namespaces, FlinkAndOperatorNamespacesAreNotForeign) {
    for (const char* key : {"table.exec.some-new-option", "taskmanager.memory.anything",
                            "state.backend.rocksdb.x.y", "job.autoscaler.my-fork.enabled",
                            "kubernetes.operator.my-fork.mode", "external-resource.gpu.amount",
                            "metrics.reporter.acme.factory.class", "recovery.zookeeper.quorum"}) {
        EXPECT_EQ(foreign_namespace(key), "") << key;
    }
    // Two segments are judged by the first only; one segment, or none before a dot, by nothing.
    EXPECT_EQ(foreign_namespace("taskmanager.vendor-feature"), "");
    EXPECT_EQ(foreign_namespace("lakesoul"), "");
    EXPECT_EQ(foreign_namespace(".hidden"), "");
}

}  // namespace
}  // namespace flinklint

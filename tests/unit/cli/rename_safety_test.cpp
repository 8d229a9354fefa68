// A key rename is safe only when every Flink the file's evidence names reads the new key.
#include <gtest/gtest.h>

#include "flinklint/ingest.hpp"
#include "flinklint/model.hpp"
#include "flinklint/reporter.hpp"
#include "flinklint/rule.hpp"

using namespace flinklint;

namespace {

std::vector<Diagnostic> deprecated_keys(std::string path, std::string text, const ModelOptions& options) {
    std::vector<ParsedFile> files;
    files.push_back(ingest(std::make_shared<const Source>(std::move(path), std::move(text))));
    const Model model(std::move(files), options);
    std::vector<Diagnostic> out;
    const Rule* rule = find_rule("FL201");
    EXPECT_NE(rule, nullptr);
    if (rule == nullptr) return out;
    Reporter reporter(out, Thresholds{});
    reporter.set_rule(rule->info);
    rule->check(model, reporter);
    return out;
}

const char* const kCompose = R"(services:
  taskmanager:
    image: flink:1.17.2-scala_2.12-java11
    environment:
      FLINK_PROPERTIES: |
        akka.ask.timeout: 30 s
)";

}  // namespace

// Flink 1.18 renamed the RPC options to pekko.* (schemas/flink-1.18.tsv); 1.17 reads only akka.*.
TEST(RenameSafety, PekkoRenameUnderA117ImageIsUnsafe) {
    const auto found =
        deprecated_keys("docker-compose.yaml", kCompose, {.forced_version = FlinkVersion{1, 20}});
    ASSERT_EQ(found.size(), 1U);
    ASSERT_TRUE(found[0].fix.has_value());
    EXPECT_EQ(found[0].fix->safety, FixSafety::unsafe);
    EXPECT_NE(found[0].fix->description.find("Flink 1.17 (image flink:1.17.2-scala_2.12-java11 in "
                                             "docker-compose.yaml:3) does not read `pekko.ask.timeout`"),
              std::string::npos)
        << found[0].fix->description;
}

TEST(RenameSafety, TheImagesOwnVersionHasNoDeprecatedKey) {
    EXPECT_TRUE(
        deprecated_keys("docker-compose.yaml", kCompose, {.cli_version = FlinkVersion{1, 20}}).empty());
}

TEST(RenameSafety, SafeWhenTheFilesFlinkReadsTheNewKey) {
    std::string text = kCompose;
    text.replace(text.find("1.17.2"), 6, "1.19.1");
    const auto found = deprecated_keys("docker-compose.yaml", text, {});
    ASSERT_EQ(found.size(), 1U);
    ASSERT_TRUE(found[0].fix.has_value());
    EXPECT_EQ(found[0].fix->safety, FixSafety::safe);
}

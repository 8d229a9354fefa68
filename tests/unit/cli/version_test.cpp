// `flinklint --version`: the version of CMakeLists.txt's project(VERSION), the commit, the build facts
// and the Flink catalogs the binary contains, as text and as JSON.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "dist_support.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

nlohmann::json version_json() {
    const auto result = run_flinklint({"--version", "--format", "json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return nlohmann::json::parse(result.out);
}

}  // namespace

TEST(Version, JsonCarriesTheBuildFacts) {
    const auto info = version_json();
    const std::string version = info.at("version");
    ASSERT_FALSE(project_version().empty());
    // 0.1.0, or 0.1.0+<commits>.g<hash>[.dirty] / 0.1.0+dirty between releases.
    EXPECT_TRUE(std::regex_match(
        version, std::regex(std::regex_replace(project_version(), std::regex(R"(\.)"), R"(\.)") +
                            R"((\+[0-9a-z.]+)?)")))
        << version;
    const std::string commit = info.at("commit");
    EXPECT_TRUE(commit == "unknown" || std::regex_match(commit, std::regex("[0-9a-f]{7,40}"))) << commit;
    if (commit != "unknown") {
        std::string output;
        EXPECT_EQ(run_shell("git cat-file -e " + commit + "^{commit}", source_dir(), output), 0)
            << "the commit printed is not in this repository: " << commit;
    }
    EXPECT_TRUE(std::regex_match(info.at("build_date").get<std::string>(),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    EXPECT_FALSE(info.at("compiler").get<std::string>().empty());
    EXPECT_TRUE(info.at("linkage") == "static" || info.at("linkage") == "dynamic");
}

TEST(Version, CatalogsAreTheSchemaFiles) {
    const auto info = version_json();
    std::set<std::string> files;
    for (const auto& entry : fs::directory_iterator(source_dir() / "schemas")) {
        std::smatch match;
        const std::string name = entry.path().filename().string();
        if (std::regex_match(name, match, std::regex(R"(flink-([0-9.]+)\.tsv)"))) files.insert(match[1]);
    }
    const auto flink = info.at("catalogs").at("flink").get<std::vector<std::string>>();
    EXPECT_EQ(std::set<std::string>(flink.begin(), flink.end()), files);
    const std::string operator_header = read_file(source_dir() / "schemas" / "operator.tsv").substr(0, 200);
    const std::string operator_release = info.at("catalogs").at("kubernetes_operator");
    EXPECT_NE(operator_header.find("release-" + operator_release + ";"), std::string::npos)
        << operator_release;
}

TEST(Version, TextStartsWithNameAndVersionAndAgreesWithJson) {
    const auto info = version_json();
    const auto text = run_flinklint({"--version"});
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_EQ(text.out.substr(0, text.out.find('\n')), "flinklint " + info.at("version").get<std::string>());
    for (const char* field : {"commit", "build_date", "compiler"}) {
        EXPECT_NE(text.out.find(info.at(field).get<std::string>()), std::string::npos) << field << "\n"
                                                                                       << text.out;
    }
    EXPECT_NE(text.out.find("Flink 1.15, 1.17"), std::string::npos) << text.out;
}

TEST(Version, FormatIsForVersionOnly) {
    auto result = run_flinklint({"--format", "json", "rules"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--format requires --version"), std::string::npos) << result.err;
    result = run_flinklint({"--version", "--format", "xml"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(result.out.empty());
}

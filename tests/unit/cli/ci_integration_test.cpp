// The CI integrations at the repository root and in examples/ci: action.yml validated against the
// GitHub Actions metadata schema (@action-validator/cli, scripts/install-action-validator.sh), its
// check step and the GitLab template's script run with the built flinklint; and the docs name no
// placeholder repository or nonexistent release tag.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "dist_support.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

// A scratch project holding examples/standalone, with the built flinklint first on PATH.
struct Project {
    TempDir dir;
    Project() {
        fs::copy(source_dir() / "examples" / "standalone", dir.path() / "conf", fs::copy_options::recursive);
        fs::create_directories(dir.path() / "bin");
        fs::create_symlink(flinklint_binary(), dir.path() / "bin" / "flinklint");
    }
    [[nodiscard]] std::string env() const {
        return "export PATH='" + (dir.path() / "bin").string() + "':\"$PATH\"; ";
    }
};

YAML::Node action() {
    return YAML::LoadFile((source_dir() / "action.yml").string());
}

}  // namespace

TEST(GitHubAction, MetadataIsValidAgainstTheSchema) {
    const fs::path validator =
        source_dir() / "tests" / "action" / "node_modules" / ".bin" / "action-validator";
    FLINKLINT_NEED(fs::exists(validator),
                   "@action-validator/cli is not installed (scripts/install-action-validator.sh)");
    const auto valid = run_split("'" + validator.string() + "' action.yml", source_dir());
    EXPECT_EQ(valid.code, 0) << valid.out << valid.err;
    // The validator does reject a broken action: the same file without its description.
    const TempDir scratch;
    const auto broken = scratch.write(
        "action.yml",
        std::regex_replace(read_file(source_dir() / "action.yml"), std::regex("\ndescription: [^\n]*"), ""));
    EXPECT_NE(run_split("'" + validator.string() + "' '" + broken.string() + "'", scratch.path()).code, 0);
}

TEST(GitHubAction, HasTheInputsAndUploadsSarif) {
    const YAML::Node root = action();
    for (const char* input : {"paths", "flink-version", "fail-on", "args", "version", "image"}) {
        EXPECT_TRUE(root["inputs"][input]) << input;
    }
    EXPECT_EQ(root["runs"]["using"].as<std::string>(), "composite");
    bool uploads = false;
    for (const auto& step : root["runs"]["steps"]) {
        if (step["uses"] &&
            step["uses"].as<std::string>().starts_with("github/codeql-action/upload-sarif@")) {
            uploads = step["with"]["sarif_file"].as<std::string>() == "flinklint.sarif";
        }
    }
    EXPECT_TRUE(uploads);
}

TEST(GitHubAction, CheckStepWritesSarifAndReportsTheExitCode) {
    std::string script;
    for (const auto& step : action()["runs"]["steps"]) {
        if (step["id"] && step["id"].as<std::string>() == "check") script = step["run"].as<std::string>();
    }
    ASSERT_FALSE(script.empty());
    const Project project;
    project.dir.write("check.sh", script);
    const auto run = [&](const std::string& inputs) {
        fs::remove(project.dir.path() / "outputs");
        const auto result =
            run_split(project.env() + "export FLINKLINT_IMAGE= INPUT_ARGS= GITHUB_OUTPUT=outputs " + inputs +
                          "; bash check.sh",
                      project.dir.path());
        EXPECT_EQ(result.code, 0) << result.out << result.err;  // the step itself passes; a later one fails
        return read_file(project.dir.path() / "outputs");
    };
    EXPECT_EQ(run("INPUT_PATHS=conf INPUT_FLINK_VERSION=1.19 INPUT_FAIL_ON="),
              "sarif-file=flinklint.sarif\nexit-code=1\n");
    const auto sarif = nlohmann::json::parse(read_file(project.dir.path() / "flinklint.sarif"));
    EXPECT_FALSE(sarif.at("runs").at(0).at("results").empty());
    EXPECT_EQ(
        run("INPUT_PATHS=conf INPUT_FLINK_VERSION= INPUT_FAIL_ON=error INPUT_ARGS='--disable FL301,FL103'"),
        "sarif-file=flinklint.sarif\nexit-code=0\n");
}

TEST(GitLabTemplate, ScriptWritesTheCodeQualityReport) {
    const YAML::Node root =
        YAML::LoadFile((source_dir() / "examples" / "ci" / "flinklint.gitlab-ci.yml").string());
    const YAML::Node job = root["flinklint"];
    ASSERT_TRUE(job);
    const std::string report = job["artifacts"]["reports"]["codequality"].as<std::string>();
    EXPECT_EQ(job["artifacts"]["when"].as<std::string>(), "always");
    std::string script = "set -e\n";
    for (const auto& variable : root["variables"]) {
        script +=
            "export " + variable.first.as<std::string>() + "='" + variable.second.as<std::string>() + "'\n";
    }
    for (const auto& line : job["script"]) script += line.as<std::string>() + "\n";
    const Project project;
    project.dir.write("job.sh", script);
    const auto result = run_split(project.env() + "bash job.sh", project.dir.path());
    EXPECT_EQ(result.code, 1) << "findings fail the job\n" << result.out << result.err;
    const auto issues = nlohmann::json::parse(read_file(project.dir.path() / report));
    ASSERT_TRUE(issues.is_array());
    ASSERT_FALSE(issues.empty());
    EXPECT_TRUE(issues.at(0).contains("fingerprint"));
    EXPECT_EQ(issues.at(0).at("location").at("path").get<std::string>().rfind("conf/", 0), 0u);
}

TEST(PreCommitManifest, ContainerHookRunsTheImageOfThisVersion) {
    // The hook repository at a rev must name the image built from that rev (docs/install.md tags it
    // flinklint:VERSION).
    bool found = false;
    for (const auto& hook : YAML::LoadFile((source_dir() / ".pre-commit-hooks.yaml").string())) {
        if (hook["language"].as<std::string>() != "docker_image") continue;
        found = true;
        EXPECT_EQ(hook["entry"].as<std::string>(), "flinklint:" + project_version() + " check --siblings");
        EXPECT_TRUE(hook["require_serial"].as<bool>());
    }
    EXPECT_TRUE(found);
}

TEST(Docs, NameNoPlaceholderRepositoryOrNonexistentTag) {
    std::string tags;
    run_shell("git tag -l", source_dir(), tags);
    std::vector<fs::path> files = {source_dir() / "README.md", source_dir() / "action.yml",
                                   source_dir() / ".pre-commit-hooks.yaml",
                                   source_dir() / "pre-commit-hooks" / "README.md",
                                   source_dir() / "examples" / "ci" / "flinklint.gitlab-ci.yml"};
    for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "docs")) {
        if (entry.path().extension() == ".md") files.push_back(entry.path());
    }
    // flinklint has no public home to link to: a URL of a flinklint repository is a made-up one.
    const std::regex placeholder(
        R"(your-org|your_org|YOUR_ORG|<owner>|OWNER/|<your|FLINKLINT_REF\b|(github|gitlab)\.com/[^/\s]+/flinklint)");
    // A release tag named in a snippet (rev: v0.1.0, flinklint@v0.1.0, --branch v0.1.0) must exist.
    const std::regex tag(R"((?:rev:\s*|flinklint@|--branch\s+)(v\d+(?:\.\d+)*))");
    for (const auto& file : files) {
        const std::string text = read_file(file);
        std::smatch match;
        EXPECT_FALSE(std::regex_search(text, match, placeholder)) << file << ": " << match.str();
        for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator();
             ++it) {
            EXPECT_NE(tags.find((*it)[1].str() + "\n"), std::string::npos)
                << file << " names the tag " << (*it)[1] << ", which this repository does not have";
        }
    }
}

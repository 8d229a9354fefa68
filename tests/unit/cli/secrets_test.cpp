// Values of keys Flink treats as sensitive never leave flinklint: one table of secret fixtures, run
// through every report format, the baseline, `check --diff` and `tune --patch --diff`.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fix_test_support.hpp"
#include "lsp_session.hpp"
#include "run_binary.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

struct SecretFixture {
    std::string name;    // what the row is about
    std::string file;    // path inside the scratch directory
    std::string text;    // its content
    std::string secret;  // must appear in no output
};

// Each row has findings that print the secret's line or quote its value, were it not masked.
const std::vector<SecretFixture>& fixtures() {
    static const std::vector<SecretFixture> rows = {
        {"invalid Map value of kubernetes.secrets", "a/flink-conf.yaml",
         "kubernetes.secrets: Zq8alpha\ntaskmanager.numberOfTaskSlot: 4\n", "Zq8alpha"},
        {"invalid Map value of user.artifacts.http-headers", "b/flink-conf.yaml",
         "user.artifacts.http-headers: Zq8bravo\n", "Zq8bravo"},
        {"invalid boolean of security.delegation.tokens.enabled", "c/config.yaml",
         "parallelism.default: 2\nsecurity:\n  delegation:\n    tokens:\n      enabled: Zq8charlie\n",
         "Zq8charlie"},
        {"FL826 quoting a numeric password", "d/deployment.yaml",
         "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: x\nspec:\n"
         "  flinkVersion: v1_20\n  flinkConfiguration:\n    security.ssl.keystore-password: 86421357\n",
         "86421357"},
        {"FL002 window of a malformed secret line", "e/flink-conf.yaml", "s3.secret-key:Zq8echo\n",
         "Zq8echo"},
        {"FL001 window of a YAML error on a secret line", "f/config.yaml",
         "parallelism.default: 2\ns3.secret-key: [Zq8foxtrot\n", "Zq8foxtrot"},
        {"the part after # of a legacy secret", "g/flink-conf.yaml", "s3.secret-key: abc#Zq8golf\n",
         "Zq8golf"},
        {"a misspelled sensitive key", "h/flink-conf.yaml", "security.ssl.keystore-pasword: Zq8hotel\n",
         "Zq8hotel"},
        {"a malformed secret line in a ConfigMap", "i/configmap.yaml",
         "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flink-config\ndata:\n  flink-conf.yaml: |\n"
         "    taskmanager.numberOfTaskSlot: 2\n    s3.secret-key:Zq8india\n",
         "Zq8india"},
        {"a malformed secret line in FLINK_PROPERTIES", "j/docker-compose.yaml",
         "services:\n  jobmanager:\n    image: flink:1.20\n    environment:\n      FLINK_PROPERTIES: |\n"
         "        jobmanager.rpc.address: jobmanager\n        s3.secret-key:Zq8juliet\n",
         "Zq8juliet"},
        {"context of a fix next to a secret", "k/flink-conf.yaml",
         "s3.secret-key: Zq8kilo\ntaskmanager.numberOfTaskSlot: 4\n", "Zq8kilo"},
    };
    return rows;
}

class Secrets : public ::testing::Test {
protected:
    void SetUp() override {
        for (const SecretFixture& row : fixtures()) dir_.write(row.file, row.text);
    }
    // Fails for every secret that `text` holds.
    static void expect_no_secret(const std::string& text, const std::string& what) {
        for (const SecretFixture& row : fixtures()) {
            EXPECT_EQ(text.find(row.secret), std::string::npos)
                << row.name << ": the secret is in " << what << ":\n"
                << text;
        }
    }
    TempDir dir_;
};

}  // namespace

TEST_F(Secrets, EveryFixtureHasAFindingThatShowsItsLine) {
    for (const SecretFixture& row : fixtures()) {
        const RunResult result = run_flinklint({"check", "--format", "json", row.file}, dir_.path().string());
        EXPECT_EQ(result.exit_code, 1) << row.name << "\n" << result.out << result.err;
    }
}

TEST_F(Secrets, NoReportFormatPrintsASecret) {
    for (const std::string format : {"text", "json", "sarif", "github", "junit", "gitlab"}) {
        const RunResult result = run_flinklint({"check", "--format", format, "."}, dir_.path().string());
        EXPECT_EQ(result.exit_code, 1) << format << "\n" << result.err;
        expect_no_secret(result.out, format + " report");
        expect_no_secret(result.err, format + " stderr");
    }
}

TEST_F(Secrets, TheBaselineRecordsNoSecret) {
    const RunResult result =
        run_flinklint({"check", "--write-baseline", "baseline.json", "."}, dir_.path().string());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    expect_no_secret(read_file(dir_.path() / "baseline.json"), "the baseline");
}

TEST_F(Secrets, DiffsMaskSecretsInContextAndChangedLines) {
    const RunResult result = run_flinklint({"check", "--diff", "--unsafe-fixes", "."}, dir_.path().string());
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.out.find("diff --git"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("s3.secret-key: ******"), std::string::npos) << result.out;
    expect_no_secret(result.out, "--diff");
    expect_no_secret(result.err, "--diff stderr");
}

TEST_F(Secrets, TunePatchDiffMasksSecrets) {
    const fs::path profile = fs::path(FLINKLINT_SOURCE_DIR) / "profiles/small-standalone-hashmap.yaml";
    dir_.write("tune/flink-conf.yaml", "s3.secret-key: Zq8kilo\ntaskmanager.numberOfTaskSlots: 1\n");
    const RunResult result =
        run_flinklint({"tune", "--profile", profile.string(), "--patch", "tune/flink-conf.yaml", "--diff"},
                      dir_.path().string());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("diff --git"), std::string::npos) << result.out;
    expect_no_secret(result.out, "tune --patch --diff");
}

// The language server shows what `check` shows: every diagnostic, related message and code action
// title masked. A fix's edit keeps the buffer's own text (applying it needs that, as --fix does).
TEST_F(Secrets, TheLanguageServerShowsNoSecret) {
    for (const SecretFixture& row : fixtures()) {
        const std::string uri = flinklint::cli::lsp::uri_of_path((dir_.path() / row.file).string());
        const nlohmann::json whole = {{"start", {{"line", 0}, {"character", 0}}},
                                      {"end", {{"line", 99}, {"character", 0}}}};
        const LspSession session =
            run_lsp_session({lsp_did_open(uri, row.text),
                             {{"jsonrpc", "2.0"},
                              {"id", 1},
                              {"method", "textDocument/codeAction"},
                              {"params", {{"textDocument", {{"uri", uri}}}, {"range", whole}}}}});
        ASSERT_NE(session.diagnostics(uri), nullptr) << row.name;
        EXPECT_FALSE((*session.diagnostics(uri))["diagnostics"].empty()) << row.name;
        expect_no_secret(session.diagnostics(uri)->dump(), row.name + ": published diagnostics");
        for (const nlohmann::json& action : (*session.response(1))["result"]) {
            expect_no_secret(action["title"].dump() + action["diagnostics"].dump(),
                             row.name + ": code action");
        }
    }
}

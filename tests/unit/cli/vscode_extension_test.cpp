// The VS Code extension (cli/lsp/vscode): compiled with tsc and packaged with @vscode/vsce (both
// pinned in its package-lock.json, installed by scripts/install-vscode-tooling.sh) into a .vsix
// that holds the manifest, the entry point and the runtime library, and whose entry point starts
// `flinklint lsp` (tests/lsp/vscode_extension.js).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "dist_support.hpp"
#include "fix_test_support.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

// Lists and unzips a .vsix (a zip) with Python, which the build already needs.
constexpr const char* kUnzip =
    "python3 -c 'import json, sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1]); z.extractall(sys.argv[2])\n"
    "print(json.dumps(z.namelist()))' ";

bool holds(const nlohmann::json& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool holds_under(const nlohmann::json& names, const std::string& prefix) {
    return std::any_of(names.begin(), names.end(), [&](const auto& name) {
        return name.template get<std::string>().starts_with(prefix);
    });
}

}  // namespace

TEST(VsCodeExtension, SlowPackagesIntoAVsixThatStartsTheServer) {
    const fs::path extension = source_dir() / "cli" / "lsp" / "vscode";
    FLINKLINT_NEED(
        have_tool("node") && have_tool("python3") && fs::exists(extension / "node_modules" / ".bin" / "vsce"),
        "node or the VS Code extension tooling is missing (scripts/install-vscode-tooling.sh)");
    const TempDir scratch;
    const fs::path vsix = scratch.path() / "flinklint.vsix";
    // The repository has no public address yet, which vsce would otherwise ask for.
    const auto package = run_split(
        "npx --no-install vsce package --allow-missing-repository --out '" + vsix.string() + "' </dev/null",
        extension);
    ASSERT_EQ(package.code, 0) << package.out << package.err;

    const auto listed =
        run_split(kUnzip + ("'" + vsix.string() + "' '" + scratch.path().string() + "/x'"), scratch.path());
    ASSERT_EQ(listed.code, 0) << listed.err;
    const auto names = nlohmann::json::parse(listed.out, nullptr, false);
    ASSERT_TRUE(names.is_array()) << listed.out;
    EXPECT_TRUE(holds(names, "extension.vsixmanifest")) << names.dump(1);
    ASSERT_TRUE(holds(names, "extension/package.json")) << names.dump(1);
    EXPECT_TRUE(holds(names, "extension/LICENSE.txt")) << names.dump(1);
    EXPECT_TRUE(holds(names, "extension/readme.md")) << names.dump(1);

    const auto manifest =
        nlohmann::json::parse(read_file(scratch.path() / "x" / "extension" / "package.json"));
    EXPECT_EQ(manifest.at("name"), "flinklint");
    EXPECT_EQ(manifest.at("version"), project_version());
    EXPECT_FALSE(manifest.at("publisher").get<std::string>().empty());
    EXPECT_TRUE(manifest.at("engines").contains("vscode"));
    EXPECT_EQ(manifest.at("activationEvents"), nlohmann::json::array({"onLanguage:yaml"}));
    const auto& setting =
        manifest.at("contributes").at("configuration").at("properties").at("flinklint.path");
    EXPECT_EQ(setting.at("type"), "string");
    EXPECT_EQ(setting.at("default"), "flinklint");

    // The compiled entry point and the runtime library ship; sources and build tools do not.
    std::string main = manifest.at("main");
    if (main.starts_with("./")) main.erase(0, 2);
    EXPECT_TRUE(holds(names, "extension/" + main)) << main;
    EXPECT_TRUE(holds(names, "extension/node_modules/vscode-languageclient/package.json"));
    EXPECT_FALSE(holds_under(names, "extension/src/"));
    EXPECT_FALSE(holds_under(names, "extension/node_modules/typescript/"));
    EXPECT_FALSE(holds_under(names, "extension/node_modules/@vscode/vsce/"));

    const auto started =
        run_split("node '" + (source_dir() / "tests" / "lsp" / "vscode_extension.js").string() + "' '" +
                      (scratch.path() / "x").string() + "'",
                  scratch.path());
    EXPECT_EQ(started.code, 0) << started.out << started.err;
    EXPECT_EQ(started.out, "ok\n") << started.err;
}

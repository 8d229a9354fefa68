// `flinklint lsp` driven by Neovim's built-in LSP client, headless (tests/lsp/nvim_client.lua):
// what Neovim stores as the buffer's diagnostics and shows as a hover.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "dist_support.hpp"
#include "fix_test_support.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

namespace {

std::string in_quotes(const fs::path& path) {
    return "'" + path.string() + "'";
}

}  // namespace

TEST(NvimClient, StoresTheDiagnosticOfATypoAndShowsTheHoverOfAKey) {
    FLINKLINT_NEED(have_tool("nvim"), "nvim is not installed (Debian: neovim)");
    const TempDir scratch;
    const std::string typo = "taskmanager.numberOfTaskSlot";
    const fs::path file = scratch.write("conf/flink-conf.yaml",
                                        "# flinklint: flink-version=1.18\n"
                                        "taskmanager.memory.process.size: 2g\n" +
                                            typo + ": 4\n");
    const fs::path out = scratch.path() / "result.json";
    // Hover on line 1 (0-based), inside `taskmanager.memory.process.size`.
    const auto run = run_split(
        "FLINKLINT=" + in_quotes(flinklint_binary()) + " FLINKLINT_FILE=" + in_quotes(file) +
            " FLINKLINT_OUT=" + in_quotes(out) + " FLINKLINT_HOVER=1:5 HOME=" + in_quotes(scratch.path()) +
            " nvim --headless --clean -u NONE -i NONE -c " +
            in_quotes("luafile " + (source_dir() / "tests" / "lsp" / "nvim_client.lua").string()) +
            " </dev/null",
        scratch.path());
    ASSERT_EQ(run.code, 0) << run.out << run.err;
    const auto result = nlohmann::json::parse(read_file(out), nullptr, false);
    ASSERT_FALSE(result.is_discarded()) << read_file(out);

    // One finding, as `flinklint check` reports it, at the typo's range (0-based, end exclusive).
    const auto& diagnostics = result.at("diagnostics");
    ASSERT_EQ(diagnostics.size(), 1U) << diagnostics.dump(2);
    const auto& diagnostic = diagnostics[0];
    EXPECT_EQ(diagnostic.at("code"), "FL101");
    EXPECT_EQ(diagnostic.at("source"), "flinklint");
    EXPECT_EQ(diagnostic.at("severity"), "WARN");
    EXPECT_EQ(diagnostic.at("lnum"), 2);
    EXPECT_EQ(diagnostic.at("col"), 0);
    EXPECT_EQ(diagnostic.at("end_lnum"), 2);
    EXPECT_EQ(diagnostic.at("end_col"), typo.size());
    const std::string message = diagnostic.at("message");
    EXPECT_NE(message.find("unknown key `" + typo + "`"), std::string::npos) << message;
    EXPECT_NE(message.find("did you mean `taskmanager.numberOfTaskSlots`?"), std::string::npos) << message;

    // The hover window's lines: the option and its type for the file's Flink version.
    const auto& hover = result.at("hover");
    EXPECT_EQ(hover.at("kind"), "markdown");
    std::string lines;
    for (const auto& line : hover.at("lines")) lines += line.get<std::string>() + "\n";
    EXPECT_NE(lines.find("**`taskmanager.memory.process.size`** (Flink 1.18)"), std::string::npos) << lines;
    EXPECT_NE(lines.find("Type: `MemorySize`"), std::string::npos) << lines;
}

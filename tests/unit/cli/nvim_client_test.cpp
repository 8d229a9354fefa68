// `flinklint lsp` driven by Neovim's built-in LSP client, headless (tests/lsp/nvim_client.lua), set up
// by the Lua snippets of docs/editors.md as they are written there: what Neovim stores as the
// buffer's diagnostics and shows as a hover.
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

// The ```lua block of docs/editors.md that holds `marker`; empty when none does.
std::string documented_lua(std::string_view marker) {
    const std::string page = read_file(source_dir() / "docs" / "editors.md");
    for (std::size_t start = page.find("```lua\n"); start != std::string::npos;
         start = page.find("```lua\n", start + 1)) {
        const std::size_t body = start + 7;
        const std::size_t end = page.find("```", body);
        if (end == std::string::npos) break;
        const std::string block = page.substr(body, end - body);
        if (block.find(marker) != std::string::npos) return block;
    }
    return {};
}

// Runs tests/lsp/nvim_client.lua with `init` as the set-up, on a flink-conf.yaml with a typo and a
// hover on its first key; the binary under test is `flinklint` on PATH, as the set-ups expect.
void check_client(const std::string& init);

}  // namespace

TEST(NvimClient, TheDocumentedSetUpShowsTheDiagnosticOfATypoAndTheHoverOfAKey) {
    FLINKLINT_NEED(have_tool("nvim"), "nvim is not installed (Debian: neovim)");
    const std::string setup = documented_lua("vim.lsp.start_client(");
    ASSERT_FALSE(setup.empty()) << "docs/editors.md has no Neovim 0.7 set-up";
    check_client(setup);
}

// nvim-lspconfig is neither a Debian package nor on npm: its documented snippet runs against a
// stand-in of the three functions it calls (tests/lsp/lspconfig/), which starts and attaches the
// client as nvim-lspconfig does, from the snippet's cmd, filetypes and root_dir.
TEST(NvimClient, TheDocumentedLspconfigSnippetStartsTheServer) {
    FLINKLINT_NEED(have_tool("nvim"), "nvim is not installed (Debian: neovim)");
    const std::string setup = documented_lua("require(\"lspconfig\")");
    ASSERT_FALSE(setup.empty()) << "docs/editors.md has no nvim-lspconfig snippet";
    check_client("vim.opt.runtimepath:prepend(" +
                 nlohmann::json((source_dir() / "tests" / "lsp").string()).dump() + ")\n" + setup);
}

namespace {

void check_client(const std::string& init) {
    const TempDir scratch;
    const fs::path init_file = scratch.write("init.lua", init);
    const std::string typo = "taskmanager.numberOfTaskSlot";
    const fs::path file = scratch.write("conf/flink-conf.yaml",
                                        "# flinklint: flink-version=1.18\n"
                                        "taskmanager.memory.process.size: 2g\n" +
                                            typo + ": 4\n");
    const fs::path out = scratch.path() / "result.json";
    // Hover on line 1 (0-based), inside `taskmanager.memory.process.size`.
    const auto run = run_split(
        "PATH=" + in_quotes(flinklint_binary().parent_path()) +
            ":\"$PATH\" FLINKLINT_INIT=" + in_quotes(init_file) + " FLINKLINT_FILE=" + in_quotes(file) +
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

    // The hover window's lines: the option, its description and type for the file's Flink version.
    const auto& hover = result.at("hover");
    EXPECT_EQ(hover.at("kind"), "markdown");
    std::string lines;
    for (const auto& line : hover.at("lines")) lines += line.get<std::string>() + "\n";
    EXPECT_NE(lines.find("**`taskmanager.memory.process.size`** (Flink 1.18)"), std::string::npos) << lines;
    EXPECT_NE(lines.find("Type: `MemorySize`"), std::string::npos) << lines;
    // Flink 1.18's description of the option (schemas/descriptions.tsv).
    EXPECT_NE(lines.find("Total Process Memory size for the TaskExecutors."), std::string::npos) << lines;
}

}  // namespace

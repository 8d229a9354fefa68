// `flinklint lsp` driven by a real LSP client: tests/lsp/client.js, on VS Code's client libraries
// (installed by scripts/install-lsp-client.sh, pinned by tests/lsp/package-lock.json).
#include <gtest/gtest.h>

#include <filesystem>

#include "dist_support.hpp"
#include "fix_test_support.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace flinklint::testing;

TEST(LspClient, GetsDiagnosticsAppliesAFixAndHoversAndCompletes) {
    const fs::path client = source_dir() / "tests" / "lsp";
    if (!have_tool("node") || !fs::exists(client / "node_modules" / "vscode-languageserver-protocol"))
        FLINKLINT_SKIP_OR_FAIL(
            "FLINKLINT_REQUIRE_TOOLS",
            "node or the LSP client libraries are missing (scripts/install-lsp-client.sh)");
    const TempDir scratch;
    const auto run = run_split("node '" + (client / "client.js").string() + "' '" +
                                   flinklint_binary().string() + "' '" + scratch.path().string() + "'",
                               source_dir());
    EXPECT_EQ(run.code, 0) << run.out << run.err;
    EXPECT_EQ(run.out, "ok\n") << run.err;
}

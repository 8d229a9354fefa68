#!/usr/bin/env bash
# Installs vscode-languageserver-protocol and vscode-jsonrpc (versions pinned in
# tests/lsp/package-lock.json) into tests/lsp/node_modules for the test that drives `flinklint lsp`
# with a real LSP client (tests/unit/cli/lsp_client_test.cpp).
# Idempotent: does nothing when the pinned versions are already installed.
set -euo pipefail
cd "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/lsp"

command -v npm > /dev/null || { echo "install-lsp-client: npm not found (Debian: npm)" >&2; exit 1; }
installed() { node -p "try { require('./node_modules/$1/package.json').version } catch { '' }"; }
wanted() { node -p "require('./package-lock.json').packages['node_modules/$1'].version"; }
if [[ "$(installed vscode-languageserver-protocol)" != "$(wanted vscode-languageserver-protocol)" ||
      "$(installed vscode-jsonrpc)" != "$(wanted vscode-jsonrpc)" ]]; then
    npm ci --no-audit --no-fund
fi
echo "vscode-languageserver-protocol $(wanted vscode-languageserver-protocol) and vscode-jsonrpc $(wanted vscode-jsonrpc) installed in $PWD/node_modules"

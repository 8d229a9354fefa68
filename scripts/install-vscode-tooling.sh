#!/usr/bin/env bash
# Installs the VS Code extension's dependencies (cli/lsp/vscode: vscode-languageclient, and TypeScript
# and @vscode/vsce to compile and package it; versions pinned in its package-lock.json) into
# cli/lsp/vscode/node_modules, for the test that packages the .vsix
# (tests/unit/cli/vscode_extension_test.cpp). Install scripts are not run: none is needed to compile
# and package, and @vscode/vsce-sign's would download a signing tool from outside the npm registry.
# Idempotent: does nothing when the pinned versions are already installed.
set -euo pipefail
cd "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/cli/lsp/vscode"

command -v npm > /dev/null || { echo "install-vscode-tooling: npm not found (Debian: npm)" >&2; exit 1; }
installed() { node -p "try { require('./node_modules/$1/package.json').version } catch { '' }"; }
wanted() { node -p "require('./package-lock.json').packages['node_modules/$1'].version"; }
direct=(vscode-languageclient typescript @vscode/vsce @types/vscode @types/node)
for package in "${direct[@]}"; do
    if [[ "$(installed "$package")" != "$(wanted "$package")" ]]; then
        npm ci --no-audit --no-fund --ignore-scripts
        break
    fi
done
for package in "${direct[@]}"; do printf '%s %s, ' "$package" "$(wanted "$package")"; done
echo "installed in $PWD/node_modules"

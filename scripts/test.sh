#!/usr/bin/env bash
# Builds flinklint with warnings as errors and runs every test under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
scripts/install-sarif-validator.sh || echo "SARIF validator not installed: its test will be skipped" >&2
scripts/install-action-validator.sh || echo "action validator not installed: its test will be skipped" >&2
scripts/install-schema-validator.sh || echo "ajv not installed: the schema validation tests will be skipped" >&2
scripts/install-lsp-client.sh || echo "LSP client libraries not installed: the language server client test will be skipped" >&2
scripts/install-vscode-tooling.sh || echo "VS Code extension tooling not installed: the .vsix packaging test will be skipped" >&2
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFLINKLINT_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"

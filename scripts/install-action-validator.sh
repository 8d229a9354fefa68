#!/usr/bin/env bash
# Installs the GitHub Actions metadata validator (@action-validator/cli, version pinned in
# tests/action/package-lock.json) into tests/action/node_modules for the action.yml test.
# Idempotent: does nothing when the pinned version is already installed.
set -euo pipefail
cd "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/action"

command -v npm > /dev/null || { echo "install-action-validator: npm not found (Debian: npm)" >&2; exit 1; }
wanted="$(node -p "require('./package.json').dependencies['@action-validator/cli']")"
installed="$(node -p "try { require('./node_modules/@action-validator/cli/package.json').version } catch { '' }")"
if [[ "$installed" != "$wanted" || ! -e node_modules/.bin/action-validator ]]; then
    npm ci --no-audit --no-fund
fi
echo "@action-validator/cli $wanted installed in $PWD/node_modules"

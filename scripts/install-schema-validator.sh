#!/usr/bin/env bash
# Installs ajv and yaml (versions pinned in tests/schema/package-lock.json) into
# tests/schema/node_modules for the tests of schemas/json/ (tests/unit/cli/json_schema_test.cpp).
# Idempotent: does nothing when the pinned versions are already installed.
set -euo pipefail
cd "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/schema"

command -v npm > /dev/null || { echo "install-schema-validator: npm not found (Debian: npm)" >&2; exit 1; }
installed() { node -p "try { require('./node_modules/$1/package.json').version } catch { '' }"; }
wanted() { node -p "require('./package.json').dependencies['$1']"; }
if [[ "$(installed ajv)" != "$(wanted ajv)" || "$(installed yaml)" != "$(wanted yaml)" ]]; then
    npm ci --no-audit --no-fund
fi
echo "ajv $(wanted ajv) and yaml $(wanted yaml) installed in $PWD/node_modules"

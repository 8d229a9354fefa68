#!/usr/bin/env bash
# Installs the official SARIF validator (@microsoft/sarif-multitool, version pinned in
# tests/sarif/package-lock.json) into tests/sarif/node_modules for the SARIF output test.
# Idempotent: does nothing when the pinned version is already installed.
set -euo pipefail

dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/sarif"
cd "$dir"

if ! command -v npm > /dev/null; then
    echo "install-sarif-validator: npm not found (install Node.js 18 or later)" >&2
    exit 1
fi

wanted="$(node -p "require('./package.json').dependencies['@microsoft/sarif-multitool']")"
installed="$(node -p "try { require('./node_modules/@microsoft/sarif-multitool/package.json').version } catch { '' }")"
if [[ "$installed" != "$wanted" || ! -e node_modules/.bin/sarif-multitool ]]; then
    npm ci --no-audit --no-fund
fi

# The platform package marks its binary executable in a postinstall script that npm may skip.
for binary in node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool; do
    [[ -f "$binary" ]] && chmod u+x "$binary"
done

npx --no-install sarif-multitool --version > /dev/null 2>&1
echo "sarif-multitool $wanted installed in $dir/node_modules"

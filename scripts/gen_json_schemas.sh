#!/usr/bin/env bash
# Writes schemas/json/: the JSON Schemas of config.yaml (Flink 1.19+) and flink-conf.yaml (up to
# 1.20) for every catalog version, with `flinklint schema` (docs/editors.md). The operator kinds
# embed a whole configuration schema each, so they are generated on demand, not checked in.
# Usage: scripts/gen_json_schemas.sh [path/to/flinklint]   (default build/flinklint)
set -euo pipefail
cd "$(dirname "$0")/.."
flinklint="${1:-build/flinklint}"
mkdir -p schemas/json
rm -f schemas/json/*.json
versions="$("$flinklint" --version --format json | python3 -c 'import json,sys; print(*json.load(sys.stdin)["catalogs"]["flink"])')"
for version in $versions; do
    for kind in config-yaml flink-conf; do
        # A version without this kind of file says so (exit 2, "reads ..."); anything else fails.
        if ! error="$("$flinklint" schema --flink-version "$version" --kind "$kind" \
                --output "schemas/json/flink-$version-$kind.json" 2>&1)"; then
            [[ "$error" == *" reads "* ]] || { echo "$error" >&2; exit 1; }
        fi
    done
done
ls schemas/json

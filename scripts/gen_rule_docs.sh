#!/usr/bin/env bash
# Writes docs/rules/: the index (from the rule registry) and one page per rule (the page in the
# rule's folder, linter/src/rules/<category>/<ID>-<name>/<name>.md, as `flinklint explain` prints
# it). A test checks they are in sync.
# Usage: scripts/gen_rule_docs.sh [path/to/flinklint]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/flinklint}"
out=docs/rules
mkdir -p "$out"
rm -f "$out"/FL*.md
"$bin" rules --format markdown > "$out/README.md"
"$bin" rules --format json | python3 -c '
import json, sys
for rule in json.load(sys.stdin)["rules"]:
    print(rule["id"], rule["name"])
' | while read -r id name; do
  "$bin" explain "$id" > "$out/$id-$name.md"
done

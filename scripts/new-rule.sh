#!/usr/bin/env bash
# Creates the skeleton of a new rule in its one folder, linter/src/rules/<category>/<ID>-<name>/ (its
# check, its page and its fixtures), and adds its one line to the registry (linter/src/rules/rules.def).
# Then fill in the check, the page and the fixtures, build, and run scripts/gen_rule_docs.sh; the
# registry tests (tests/unit/cli/rule_fixtures_test.cpp, rule_docs_sync_test.cpp) say what is still
# missing.
# Usage: scripts/new-rule.sh ID NAME CATEGORY [SEVERITY]
#   scripts/new-rule.sh FL614 checkpoint-storage-unset checkpoint warning
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 3 || $# -gt 4 ]]; then
  sed -n '7,8p' "$0" >&2
  exit 2
fi
id=$1 name=$2 category=$3 severity=${4:-warning}
categories=(syntax schema deprecated memory network heartbeat checkpoint state ports kubernetes security)
[[ $id =~ ^FL[0-9]{3}$ ]] || { echo "new-rule.sh: the id must look like FL123" >&2; exit 2; }
[[ $name =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]] || { echo "new-rule.sh: the name must be kebab-case" >&2; exit 2; }
[[ " ${categories[*]} " == *" $category "* ]] || {
  echo "new-rule.sh: the category must be one of: ${categories[*]}" >&2; exit 2; }
[[ $severity =~ ^(error|warning|info)$ ]] || { echo "new-rule.sh: severity is error, warning or info" >&2; exit 2; }
if grep -q "FLINKLINT_RULE($id," linter/src/rules/*.def || grep -q "\"$name\"" linter/src/rules/*.def; then
  echo "new-rule.sh: $id or $name is taken (ids and names are stable forever)" >&2
  exit 2
fi

dir=linter/src/rules/$category/$id-$name
function=check_${name//-/_}
mkdir -p "$dir/hit" "$dir/no-hit" "$dir/suppressed"

cat > "$dir/${name//-/_}.cpp" <<CPP
// $id $name: TODO one or two lines on what goes wrong in production, and why.
#include "rules/rule_helpers.hpp"

namespace flinklint::rules {

void $function(const Model& model, Reporter& reporter) {
    for (const FlinkConfig& config : model.configs()) {
        // TODO: early returns for what does not apply, then one Finding on the narrowest span.
        (void)config;
        (void)reporter;
    }
}

}  // namespace flinklint::rules
CPP

cat > "$dir/$name.md" <<MD
# $id $name

**Category:** $category · **Default severity:** $severity · **Fix:** none

## What it checks
TODO

## Why it matters in production
TODO: what Flink does with it, with a pointer into Flink's source.

## Example
\`\`\`yaml
TODO
\`\`\`

## Fix
TODO

## Flink versions
TODO
MD

printf 'TODO: a line the rule reports  # expect: %s\n' "$id" > "$dir/hit/flink-conf.yaml"
printf 'TODO: a correct line the rule must leave alone\n' > "$dir/no-hit/flink-conf.yaml"
printf 'TODO: a line the rule reports  # flinklint: disable=%s  expect-suppressed: %s\n' "$id" "$id" \
  > "$dir/suppressed/flink-conf.yaml"

cat >> linter/src/rules/rules.def <<DEF
FLINKLINT_RULE($id, "$name", $category, $severity, false, $function, "TODO: one line for \`flinklint rules\` and SARIF")
DEF

cat <<DONE
Created $dir/:
  ${name//-/_}.cpp   the check ($function)
  $name.md           its page (embedded into the binary; \`flinklint explain $id\`)
  hit/ no-hit/ suppressed/   fixtures annotated with \`# expect: $id\`
and added its line to linter/src/rules/rules.def (mark it fixable there once it offers a fix, and
add a .fixed golden beside a fixture). Then: cmake --build build && scripts/gen_rule_docs.sh &&
FLINKLINT_UPDATE_SNAPSHOTS=1 build/tests/test_cli --gtest_filter='RuleFixtures.Snapshot*' (its
findings.txt, review it) && ctest --test-dir build -R 'Rule'
DONE

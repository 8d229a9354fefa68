#!/usr/bin/env bash
# clang-tidy with the repository's .clang-tidy over the given files, or over the C++ files changed
# since main (or since REV with --since REV). About 10 s a file on one core, so it runs on what a
# change touches rather than on the whole tree in CI. Needs build/compile_commands.json
# (scripts/build.sh). Exit code 1 when a check fires.
set -euo pipefail
cd "$(dirname "$0")/.."
since=main
if [[ "${1:-}" == "--since" ]]; then
  since=$2
  shift 2
fi
if [[ $# -gt 0 ]]; then
  files=("$@")
else
  mapfile -t files < <(git diff --name-only --diff-filter=AM "$since" -- '*.cpp' | grep -v '^tests/fuzz/' || true)
fi
[[ ${#files[@]} -gt 0 ]] || { echo "tidy: no C++ files to check"; exit 0; }
[[ -f build/compile_commands.json ]] || { echo "tidy: run scripts/build.sh first" >&2; exit 2; }
# GCC-only warning flags in the compile commands are unknown to clang.
clang-tidy -p build --quiet --extra-arg=-Wno-unknown-warning-option "${files[@]}"

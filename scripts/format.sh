#!/usr/bin/env bash
# clang-format (.clang-format at the root) over every tracked C++ file, or the files given.
#   scripts/format.sh            rewrites the files in place
#   scripts/format.sh --check    changes nothing; lists each unformatted file and exits 1 (.ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [[ ${1:-} == --check ]]; then
  check=1
  shift
fi
formatter=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z $formatter ]]; then
  echo "format.sh: clang-format not found (apt-get install clang-format)" >&2
  exit 2
fi
if [[ $# -gt 0 ]]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
fi
if [[ $check -eq 0 ]]; then
  "$formatter" -i "${files[@]}"
  exit 0
fi
unformatted=()
for file in "${files[@]}"; do
  "$formatter" --dry-run -Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if [[ ${#unformatted[@]} -gt 0 ]]; then
  printf 'not formatted (run scripts/format.sh FILE...):\n' >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "format.sh: ${#files[@]} files formatted as .clang-format says"

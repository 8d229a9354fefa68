#!/usr/bin/env bash
# pre-commit entry for the *-build hooks: builds flinklint from the hook repository (the clone
# pre-commit keeps per revision) on first use, then runs it with the hook's arguments and files.
#
# Needs cmake, a C++20 compiler and the Debian -dev packages listed in scripts/install-deps.sh.
# FLINKLINT_BUILD_DIR overrides where the build goes (default: <hook repository>/.flinklint-build).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLINKLINT_BUILD_DIR:-$repo/.flinklint-build}"
binary="$build/flinklint"

if [[ ! -x "$binary" ]]; then
  for tool in cmake c++; do
    if ! command -v "$tool" >/dev/null; then
      echo "flinklint-build: '$tool' is not installed; run scripts/install-deps.sh from the flinklint" \
           "repository, or use the 'flinklint' hook with flinklint on PATH" >&2
      exit 2
    fi
  done
  mkdir -p "$build"
  # One build at a time, even when several hooks start together.
  exec 9>"$build/.lock"
  flock 9
  if [[ ! -x "$binary" ]]; then
    echo "flinklint-build: building flinklint in $build (first run only; takes a few minutes)" >&2
    log="$build/build.log"
    if ! { cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DFLINKLINT_BUILD_TESTS=OFF &&
           cmake --build "$build" --target flinklint -j"$(nproc 2>/dev/null || echo 2)"; } >"$log" 2>&1; then
      tail -n 30 "$log" >&2
      echo "flinklint-build: the build failed (full log: $log)" >&2
      exit 2
    fi
  fi
  exec 9>&-
fi

exec "$binary" "$@"

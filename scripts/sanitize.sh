#!/usr/bin/env bash
# Builds flinklint and its tests with AddressSanitizer + UndefinedBehaviorSanitizer (RelWithDebInfo,
# build-asan/) and runs the whole ctest suite. Any sanitizer report fails the run: UBSan does not
# recover (-fno-sanitize-recover), and both abort, so a report in the flinklint binary that a test
# runs shows up as a signal, never as one of the exit codes the test expects. The VS Code extension's
# packaging test is left out (below).
# Warnings are not errors here: GCC 12 reports false maybe-uninitialized warnings under ASan, and
# scripts/test.sh already builds with -Werror. Extra arguments go to ctest (e.g. -LE slow).
# -O1 with line tables only, as the ASan documentation advises: GCC builds the heaviest test file in
# 21 s instead of 54 s at RelWithDebInfo's -O2 -g, and reports still carry file:line.
#
# --fuzz-build: build and test in build-fuzz instead, with clang-14 as scripts/fuzz.sh configures it
# (ASan+UBSan, plus libFuzzer's coverage hooks, which the sanitizer runtime answers when no fuzzer is
# linked). One build then serves both the suite and the fuzz targets: .ci/run uses it, so its fuzz
# smoke pass builds nothing, which saves a third build from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
if [[ ${1:-} == --fuzz-build ]]; then
  shift
  build=build-fuzz
  scripts/fuzz.sh --configure
else
  build=${FLINKLINT_ASAN_BUILD:-build-asan}
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    -DFLINKLINT_SANITIZE=ON -DFLINKLINT_WERROR=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
# The .vsix test is npm and tsc work (packaging the extension, running its entry point under Node);
# the server it starts is the one the LSP tests drive under the sanitizers anyway.
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" -E '^VsCodeExtension\.' "$@"

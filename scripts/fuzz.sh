#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan+UBSan) in build-fuzz and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); targets default to all
#   scripts/fuzz.sh --configure               only install clang and configure build-fuzz (what
#                                             scripts/sanitize.sh --fuzz-build builds and tests in)
#
# Seeds are copied at run time from ../shared/corpus (when present), the fixtures in the rule folders
# (linter/src/rules/<category>/<ID>-<name>/) and tests/fuzz/seeds; what the fuzzer learns stays in
# build-fuzz/corpus/<target>. A crash, leak, timeout or out-of-memory input is saved under
# build-fuzz/crashes/<target>/ and fails the run.
# Environment: FUZZ_JOBS (build parallelism, default nproc), FUZZ_PARALLEL (targets run at once,
# default 1), FUZZ_TIMEOUT (seconds per input, default 10, 30 for fix and pipeline; raise it when the
# cores are shared, since the limit is wall time), FLINKLINT_SHARED (default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=60
configure_only=0
if [[ ${1:-} == --configure ]]; then
  configure_only=1
  shift
elif [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
all_targets=(legacy yaml_ingest k8s values project_config pipeline fix profile migrate lsp)
build=build-fuzz
shared=${FLINKLINT_SHARED:-$root/../shared}

scripts/install-deps.sh --fuzz
if [[ ! -f $build/CMakeCache.txt ]]; then
  # -O1 with line tables, as for scripts/sanitize.sh: about half the build time of -O2 -g, and
  # crash stacks still carry file:line.
  CC=${CC:-clang-14} CXX=${CXX:-clang++-14} cmake -S . -B $build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" -DFLINKLINT_FUZZ=ON >/dev/null
fi
cmake $build >/dev/null  # picks up targets whose sources appeared since the last configure
[[ $configure_only == 1 ]] && exit 0

# Only the targets that exist (fix and profile wait for their headers; see tests/fuzz/CMakeLists.txt).
available=$(cmake --build $build --target help | sed -n 's/^\.\.\. fuzz_\([a-z0-9_]*\)$/\1/p' | grep -vx all || true)
targets=()
for target in "${@:-${all_targets[@]}}"; do
  if grep -qx "$target" <<<"$available"; then
    targets+=("$target")
  elif [[ $# -gt 0 ]]; then
    echo "fuzz.sh: no fuzz target '$target' (have: $(echo $available))" >&2
    exit 2
  fi
done
cmake --build $build -j"${FUZZ_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

# Where each target's seeds come from, and the largest input it is given.
seed_sources() {
  local rules="$root/linter/src/rules"  # the fixtures of every rule folder (.yaml, .txt, .fixed)
  case $1 in
    legacy | yaml_ingest) echo "$shared/corpus/conf $rules" ;;
    k8s) echo "$shared/corpus/k8s $rules" ;;
    pipeline | fix | migrate) echo "$shared/corpus/conf $shared/corpus/k8s $rules" ;;
    values | project_config) echo "" ;;
    profile) echo "$root/profiles" ;;
    lsp) echo "" ;;  # framed sessions in tests/fuzz/seeds/lsp
  esac
}
max_len() {
  case $1 in
    values) echo 4096 ;;
    project_config | profile) echo 16384 ;;
    pipeline | fix | migrate | lsp) echo 32768 ;;
    *) echo 65536 ;;
  esac
}

# Seconds one input may take. The fixer re-lints a group once per round and once per fix it has to
# try alone, which under ASan on a shared core can take a few seconds for a large file.
timeout_of() {
  [[ -n ${FUZZ_TIMEOUT:-} ]] && { echo "$FUZZ_TIMEOUT"; return; }
  case $1 in
    fix | pipeline | migrate | lsp) echo 30 ;;
    *) echo 10 ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# Runs one target; its summary line goes to $build/summary-<target>, its log to $build/fuzz-<target>.log.
run_target() {
  local target=$1 corpus=$build/corpus/$1 seeds=$build/seeds/$1 crashes=$build/crashes/$1
  rm -rf "$seeds"
  mkdir -p "$corpus" "$seeds" "$crashes"
  for dir in $(seed_sources "$target") "$root/tests/fuzz/seeds/$target" "$root/tests/fuzz/regressions/$target"; do
    [[ -d $dir ]] || continue
    find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.txt' -o -name '*.conf' -o -name 'crash-*' \
      -o -name '*.fixed' \) -print0 | while IFS= read -r -d '' file; do
      cp "$file" "$seeds/$(echo "${file#$root/}" | tr '/' '_')"
    done
  done
  local dict=()
  [[ -f tests/fuzz/dicts/$target.dict ]] && dict=(-dict="tests/fuzz/dicts/$target.dict")
  local log=$build/fuzz-$target.log
  echo "== fuzz_$target: ${seconds}s, $(find "$seeds" -type f | wc -l) seeds, $(find "$corpus" -type f | wc -l) in corpus"
  local start status=0
  start=$(date +%s)
  # `time` gives the CPU seconds the target really had when several share the cores.
  { TIMEFORMAT='%U %S'; time "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" \
      -max_len="$(max_len "$target")" -rss_limit_mb=2048 -timeout="$(timeout_of "$target")" -print_final_stats=1 "${dict[@]}" \
      -artifact_prefix="$crashes/" "$corpus" "$seeds" >"$log" 2>&1; } 2>"$build/cpu-$target" || status=$?
  local elapsed=$(($(date +%s) - start)) execs cpu
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cpu=$(awk '{printf "%.0f", $1 + $2}' "$build/cpu-$target" 2>/dev/null || echo '?')
  printf '%-16s %6ss wall %6ss cpu %12s execs  exit %s\n' "$target" "$elapsed" "$cpu" "${execs:-?}" "$status" \
    >"$build/summary-$target"
  if [[ $status -ne 0 ]]; then
    echo "fuzz_$target failed (exit $status); input saved in $crashes/, log $log:" >&2
    grep -m1 -A30 -E '^==[0-9]+==ERROR|runtime error|fuzz invariant failed|ALARM|out-of-memory|deadly signal' \
      "$log" >&2 || tail -40 "$log" >&2
  fi
  return "$status"
}

# FUZZ_PARALLEL targets run at once (default 1); each is a single-threaded libFuzzer process.
parallel=${FUZZ_PARALLEL:-1}
failed=()
declare -A pid_target=()
for target in "${targets[@]}"; do
  rm -f "$build/summary-$target"
  while [[ ${#pid_target[@]} -ge $parallel ]]; do
    wait -n || true
    for pid in "${!pid_target[@]}"; do kill -0 "$pid" 2>/dev/null || unset "pid_target[$pid]"; done
  done
  run_target "$target" &
  pid_target[$!]=$target
done
wait || true
# Judged by each target's own summary line, not by `wait`: a target reaped early by `wait -n` above
# would otherwise lose its exit status, and its crash would pass unnoticed.
for target in "${targets[@]}"; do
  if [[ ! -f $build/summary-$target ]] || ! grep -q ' exit 0$' "$build/summary-$target"; then
    failed+=("$target")
  fi
done
summary=()
for target in "${targets[@]}"; do summary+=("$(cat "$build/summary-$target" 2>/dev/null || echo "$target: no result")"); done

echo "== fuzz summary (target, wall time, CPU time, executions, exit status)"
printf '%s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz.sh: findings in: ${failed[*]}" >&2
  exit 1
fi

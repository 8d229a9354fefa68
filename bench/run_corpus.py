#!/usr/bin/env python3
"""Times flinklint against a yaml-cpp floor, yamllint and Spectral; prints docs/performance.md tables.

    bench/run_corpus.py                       # everything: build, corpora, peers, tables (~40 min)
    bench/run_corpus.py --sizes 100,1000 --parts corpus --tools floor,flinklint   # a quick look

Steps (each idempotent, so a re-run only measures):
  1. builds build-bench/ (Release, FLINKLINT_BUILD_BENCH=ON): flinklint, bench/yaml_floor, bench/flinklint_micro;
  2. generates missing corpora with ../shared/bench/gen_corpus.py --n N --seed 42 into CORPUS_ROOT/cN;
  3. installs missing peers: yamllint (apt-get), Spectral (npm, into ~/.cache/flinklint-bench/spectral);
  4. corpus: one process per tool and corpus reads every file; median of the runs of CPU (user+sys),
     wall and peak RSS (/usr/bin/time -f %M); the tools take turns within a round, so load hits them alike;
  5. single: one file of each kind, instructions under callgrind and the median wall of 20 runs;
  6. micro: the Google Benchmark micro-benchmarks on the first corpus.
Markdown goes to stdout (progress to stderr); raw numbers to build-bench/bench-results.json.
Standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared", "bench")
BUILD = os.path.join(REPO, "build-bench")
SPECTRAL_HOME = os.path.expanduser("~/.cache/flinklint-bench/spectral")
SPECTRAL = os.path.join(SPECTRAL_HOME, "node_modules", ".bin", "spectral")
KINDS = [("flat", "flink-conf.yaml (legacy)"), ("nested", "config.yaml"),
         ("flinkdeployment", "flinkdeployment.yaml"), ("standalone", "flink-standalone.yaml")]
# Issue 7's targets.
TARGET_FLOOR_RATIO = 1.5
TARGET_PEER_SPEEDUP = 20.0
TARGET_ONE_FILE_MS = 5.0
TARGET_ONE_FILE_INSTR = 10e6
TARGET_10K_WALL_S = 5.0
TARGET_10K_RSS_MIB = 16.0


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def run(cmd, **kw):
    log("+", " ".join(cmd))
    return subprocess.run(cmd, check=True, **kw)


# ---------------------------------------------------------------------------------------- setup

def build():
    run(["cmake", "-S", REPO, "-B", BUILD, "-DCMAKE_BUILD_TYPE=Release", "-DFLINKLINT_BUILD_BENCH=ON"],
        stdout=subprocess.DEVNULL)
    run(["cmake", "--build", BUILD, "-j2", "--target", "flinklint", "yaml_floor", "flinklint_micro"],
        stdout=subprocess.DEVNULL)


def corpus(root, n):
    out = os.path.join(root, "c%d" % n)
    manifest = os.path.join(out, "MANIFEST.tsv")
    if os.path.exists(manifest):
        with open(manifest) as f:
            if sum(1 for _ in f) - 1 == n:
                return out
    run([sys.executable, os.path.join(SHARED, "gen_corpus.py"), "--n", str(n), "--seed", "42", "--out", out],
        stdout=subprocess.DEVNULL)
    return out


def yaml_files(path):
    for d, _, names in os.walk(path):
        for name in sorted(names):
            if name.endswith((".yaml", ".yml")):
                yield os.path.join(d, name)


def ensure_yamllint():
    if shutil.which("yamllint"):
        return True
    try:
        run(["apt-get", "install", "-y", "yamllint"], stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as e:
        log("yamllint unavailable:", e)
    return bool(shutil.which("yamllint"))


def ensure_spectral():
    if os.path.exists(SPECTRAL):
        return True
    with open(os.path.join(SHARED, "spectral", "package.json")) as f:
        version = json.load(f)["dependencies"]["@stoplight/spectral-cli"]
    try:
        run(["npm", "install", "--prefix", SPECTRAL_HOME, "--no-audit", "--no-fund",
             "@stoplight/spectral-cli@" + version], stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as e:
        log("Spectral unavailable:", e)
    return os.path.exists(SPECTRAL)


def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    debian = ""
    if os.path.exists("/etc/debian_version"):
        with open("/etc/debian_version") as f:
            debian = ", Debian " + f.read().strip()
    return "%d cores (%s), %.0f GiB%s, Linux %s" % (
        os.cpu_count(), model, os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, debian,
        platform.release())


def versions():
    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
        except OSError:
            return "?"
    return {
        "flinklint": out([os.path.join(BUILD, "flinklint"), "--version"]).replace("flinklint ", "") + " (" +
                     out(["git", "-C", REPO, "rev-parse", "--short", "HEAD"]) +
                     (", with uncommitted changes in linter/" if out(["git", "-C", REPO, "status", "--porcelain", "linter"]) else "") + ")",
        "yaml-cpp": out(["pkg-config", "--modversion", "yaml-cpp"]),
        "yamllint": out(["yamllint", "--version"]) if shutil.which("yamllint") else "-",
        "spectral": out([SPECTRAL, "--version"]) if os.path.exists(SPECTRAL) else "-",
        "compiler": out(["c++", "--version"]).splitlines()[0] if shutil.which("c++") else "?",
    }


# ---------------------------------------------------------------------------------------- timing

def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:  # ended just now
        pass


def timed(cmd, timeout, rss=True):
    """One run: dict(cpu, wall, rss_mib, exit) or dict(error=...). CPU is user+sys from wait4 (microseconds;
    it includes the tool's child processes). Peak RSS comes from /usr/bin/time -f %M, which runs the tool
    from a small process: a child forked from Python would count Python's pages as its own. With rss=False
    the tool runs directly (no /usr/bin/time start-up in CPU and wall)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file, tempfile.TemporaryFile("w+") as err:
        full = (["/usr/bin/time", "-f", "%M", "-o", rss_file.name] if rss else []) + cmd
        start = time.perf_counter()
        p = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        timer = threading.Timer(timeout, kill_group, (p.pid,))
        timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode == -signal.SIGKILL and wall >= timeout:
            return {"error": "killed after %d s" % timeout}
        # Linters exit 1 when they find something; /usr/bin/time passes the tool's exit code on.
        if p.returncode not in (0, 1):
            err.seek(0)
            return {"error": "exit %s: %s" % (p.returncode, err.read()[-300:])}
        one = {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "exit": p.returncode}
        if rss:
            one["rss_mib"] = int(rss_file.read().split()[-1]) / 1024.0
        return one


def tool_commands(tools, cdir):
    flinklint = os.path.join(BUILD, "flinklint")
    spectral_rules = os.path.join(SHARED, "spectral", "spectral-flink.yaml")
    all_tools = {
        "floor": ("yaml-cpp floor", [os.path.join(BUILD, "bench", "yaml_floor"), cdir]),
        "flinklint": ("flinklint --jobs 1", [flinklint, "check", cdir, "--exit-zero", "--jobs", "1"]),
        "flinklint2": ("flinklint --jobs 2", [flinklint, "check", cdir, "--exit-zero", "--jobs", "2"]),
        "yamllint": ("yamllint", ["yamllint", "-d", "{extends: default}", "-f", "parsable", cdir]),
        "spectral": ("Spectral", [SPECTRAL, "lint", "--ruleset", spectral_rules, "-f", "text",
                                  os.path.join(cdir, "**", "*.yaml")]),
    }
    return [(key,) + all_tools[key] for key in tools]


def measure_corpus(n, cdir, tools, runs, timeout):
    files = list(yaml_files(cdir))
    size = sum(os.path.getsize(f) for f in files)
    results = {key: [] for key, _, _ in tools}
    failed = {}
    load = [os.getloadavg()[0]]
    for r in range(runs):
        for key, label, cmd in tools:
            if key in failed:
                continue
            log("[%d files] run %d/%d: %s" % (n, r + 1, runs, label))
            one = timed(cmd, timeout)
            if "error" in one:
                log("   ", one["error"])
                failed[key] = one["error"]
                continue
            log("    cpu %.2f s, wall %.2f s, rss %.1f MiB" % (one["cpu"], one["wall"], one["rss_mib"]))
            results[key].append(one)
        load.append(os.getloadavg()[0])
    rows = []
    for key, label, cmd in tools:
        runs_done = results[key]
        row = {"key": key, "tool": label, "runs": len(runs_done), "error": failed.get(key)}
        if runs_done:
            for field in ("cpu", "wall", "rss_mib"):
                row[field] = statistics.median(x[field] for x in runs_done)
        rows.append(row)
    return {"n": n, "dir": cdir, "files": len(files), "bytes": size, "rows": rows,
            "load": [min(load), max(load)], "command": {k: c for k, _, c in tools}}


# ---------------------------------------------------------------------------------------- single file

def first_of_each_kind(cdir):
    picked = {}
    with open(os.path.join(cdir, "MANIFEST.tsv")) as f:
        next(f)
        for line in f:
            path, kind = line.split("\t")[:2]
            kind = kind.split("/")[0]
            if kind in dict(KINDS) and kind not in picked:
                picked[kind] = os.path.join(cdir, path)
    return picked


def instructions(cmd):
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if m else None


def medians(cmd, runs=20):
    """Median wall and CPU in ms of `runs` runs."""
    done = [timed(cmd, 60, rss=False) for _ in range(runs)]
    return (statistics.median(d["wall"] * 1000 for d in done), statistics.median(d["cpu"] * 1000 for d in done))


def measure_single(cdir):
    flinklint = os.path.join(BUILD, "flinklint")
    floor = os.path.join(BUILD, "bench", "yaml_floor")
    rows = []
    for kind, label in KINDS:
        path = first_of_each_kind(cdir).get(kind)
        if not path:
            continue
        log("single file:", path)
        cmd = [flinklint, "check", path]
        wall, cpu = medians(cmd)
        floor_wall, floor_cpu = medians([floor, path])
        rows.append({"kind": label, "path": os.path.relpath(path, cdir), "bytes": os.path.getsize(path),
                     "instructions": instructions(cmd), "wall_ms": wall, "cpu_ms": cpu,
                     "floor_instructions": instructions([floor, path]), "floor_wall_ms": floor_wall,
                     "floor_cpu_ms": floor_cpu})
    wall, cpu = medians([flinklint, "--version"])
    startup = {"instructions": instructions([flinklint, "--version"]), "wall_ms": wall, "cpu_ms": cpu}
    return {"corpus": cdir, "rows": rows, "startup": startup}


# ---------------------------------------------------------------------------------------- micro

def measure_micro(cdir):
    env = dict(os.environ, FLINKLINT_BENCH_CORPUS=cdir)
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        run([os.path.join(BUILD, "bench", "flinklint_micro"), "--benchmark_out=" + out.name,
             "--benchmark_out_format=json", "--benchmark_min_time=0.5"], env=env, stdout=subprocess.DEVNULL)
        return json.load(out)


# ---------------------------------------------------------------------------------------- Markdown

def fmt_s(x):
    return "%.2f" % x if x >= 0.995 else "%.3f" % x


def corpus_table(measured):
    lines = ["| Files (MB) | Tool | CPU s | CPU x floor | CPU ms/file | Wall s | Peak RSS MiB | Runs |",
             "|---|---|--:|--:|--:|--:|--:|--:|"]
    for c in measured:
        floor = next((r for r in c["rows"] if r["key"] == "floor" and "cpu" in r), None)
        for r in c["rows"]:
            head = "%d (%.1f)" % (c["files"], c["bytes"] / 1e6)
            if "cpu" not in r:
                lines.append("| %s | %s | %s | | | | | 0 |" % (head, r["tool"], r["error"] or "not run"))
                continue
            ratio = "%.2f" % (r["cpu"] / floor["cpu"]) if floor else "-"
            lines.append("| %s | %s | %s | %s | %.3f | %s | %.1f | %d%s |" % (
                head, r["tool"], fmt_s(r["cpu"]), ratio, r["cpu"] * 1000 / c["files"], fmt_s(r["wall"]),
                r["rss_mib"], r["runs"], " (then: %s)" % r["error"] if r["error"] else ""))
    return "\n".join(lines)


def row(c, key):
    return next((r for r in c["rows"] if r["key"] == key and "cpu" in r), None)


def targets_table(measured, single):
    lines = ["| Target | Measured | |", "|---|---|---|"]

    def add(target, value, ok):
        lines.append("| %s | %s | %s |" % (target, value, "met" if ok else "**missed**"))
    big = max(measured, key=lambda c: c["n"]) if measured else None
    if big:
        fl, floor = row(big, "flinklint"), row(big, "floor")
        if fl and floor:
            ratio = fl["cpu"] / floor["cpu"]
            add("flinklint CPU <= %.1fx the yaml-cpp floor (%d files)" % (TARGET_FLOOR_RATIO, big["files"]),
                "%.2fx (%s s vs %s s)" % (ratio, fmt_s(fl["cpu"]), fmt_s(floor["cpu"])), ratio <= TARGET_FLOOR_RATIO)
        for key, name in (("yamllint", "yamllint"), ("spectral", "Spectral")):
            # Against the largest corpus the peer finished.
            for c in sorted(measured, key=lambda c: -c["n"]):
                peer, fl = row(c, key), row(c, "flinklint")
                if peer and fl:
                    speedup = peer["cpu"] / fl["cpu"]
                    add("%dx or more faster than %s (CPU, %d files)" % (TARGET_PEER_SPEEDUP, name, c["files"]),
                        "%.1fx" % speedup, speedup >= TARGET_PEER_SPEEDUP)
                    break
    if single and single["rows"]:
        worst_ms = max(single["rows"], key=lambda r: r["wall_ms"])
        add("one file <= %d ms wall" % TARGET_ONE_FILE_MS, "%.1f ms at most (%s)" % (worst_ms["wall_ms"], worst_ms["kind"]),
            worst_ms["wall_ms"] <= TARGET_ONE_FILE_MS)
        counted = [r for r in single["rows"] if r["instructions"]]
        if counted:
            worst = max(counted, key=lambda r: r["instructions"])
            add("one file <= %d M instructions" % (TARGET_ONE_FILE_INSTR / 1e6),
                "%.1f M at most (%s)" % (worst["instructions"] / 1e6, worst["kind"]),
                worst["instructions"] <= TARGET_ONE_FILE_INSTR)
    ten = next((c for c in measured if c["n"] == 10000), None)
    if ten:
        fl2 = row(ten, "flinklint2")
        if fl2:
            add("10,000 files <= %d s wall with --jobs 2" % TARGET_10K_WALL_S, "%.2f s" % fl2["wall"],
                fl2["wall"] <= TARGET_10K_WALL_S)
            add("peak memory <= %d MiB at 10,000 files (--jobs 2)" % TARGET_10K_RSS_MIB, "%.1f MiB" % fl2["rss_mib"],
                fl2["rss_mib"] <= TARGET_10K_RSS_MIB)
        fl1 = row(ten, "flinklint")
        if fl1:
            add("peak memory <= %d MiB at 10,000 files (--jobs 1)" % TARGET_10K_RSS_MIB, "%.1f MiB" % fl1["rss_mib"],
                fl1["rss_mib"] <= TARGET_10K_RSS_MIB)
    return "\n".join(lines)


def single_table(single):
    lines = ["| File | Bytes | flinklint instructions | wall ms | CPU ms | floor instructions | floor wall ms | floor CPU ms |",
             "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for r in single["rows"]:
        lines.append("| %s `%s` | %d | %.2f M | %.2f | %.2f | %.2f M | %.2f | %.2f |" % (
            r["kind"], r["path"], r["bytes"], (r["instructions"] or 0) / 1e6, r["wall_ms"], r["cpu_ms"],
            (r["floor_instructions"] or 0) / 1e6, r["floor_wall_ms"], r["floor_cpu_ms"]))
    s = single["startup"]
    lines.append("| `flinklint --version` (start-up alone) | | %.2f M | %.2f | %.2f | | | |" % (
        (s["instructions"] or 0) / 1e6, s["wall_ms"], s["cpu_ms"]))
    return "\n".join(lines)


def micro_table(micro):
    """Time per file of each stage (CPU time), one row per kind; value grammars per value."""
    by_name = {b["name"]: b for b in micro["benchmarks"]}

    def cell(name, counter="per_file"):
        b = by_name.get(name)
        if not b or counter not in b:
            return ""
        ns = b[counter] * 1e9
        return "%.1f us" % (ns / 1e3) if ns >= 1e3 else "%.0f ns" % ns
    stages = [("yaml_cpp", "yaml-cpp LoadAll + touch", "per_file"), ("legacy_parse", "legacy line parser", "per_file"),
              ("ingest", "ingest", "per_file"), ("model", "model", "per_file"),
              ("memory", "memory derivation (per config)", "per_config"), ("rules", "rules", "per_file"),
              ("pipeline", "ingest + model + rules", "per_file")]
    lines = ["| CPU time per file | " + " | ".join(label for _, label, _ in stages) + " |",
             "|---|" + "--:|" * len(stages)]
    for _, label in KINDS:
        kind = label.split(" ")[0]
        lines.append("| %s | %s |" % (label, " | ".join(cell("%s/%s" % (stage, kind), counter) or "-"
                                                         for stage, _, counter in stages)))
    values = ", ".join("%s %s" % (name.replace("_", " "), cell("values/" + name, "per_value"))
                       for name in ("memory_size", "duration", "list", "map", "port_ranges"))
    return "\n".join(lines) + "\n\nValue grammars, per value: " + values + "."


def markdown(result):
    out = []
    v = result["versions"]
    out.append("Measured %s to %s UTC on %s; 1-minute load average %s.  \n"
               "flinklint %s; yaml-cpp %s; %s; Spectral %s; %s." % (
                   result["started"][:16].replace("T", " "), result["finished"][11:16], result["machine"],
                   ", ".join("%.1f-%.1f at %d files" % (c["load"][0], c["load"][1], c["files"])
                             for c in result["corpus"]) or "-",
                   v["flinklint"], v["yaml-cpp"], v["yamllint"], v["spectral"], v["compiler"]))
    if result["corpus"] or result["single"]:
        out.append(targets_table(result["corpus"], result["single"]))
    if result["corpus"]:
        out.append(corpus_table(result["corpus"]))
    if result["single"]:
        out.append(single_table(result["single"]))
    if result["micro"]:
        out.append(micro_table(result["micro"]))
    return "\n\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000", help="corpus sizes (default 100,1000,10000)")
    ap.add_argument("--tools", default="floor,flinklint,flinklint2,yamllint,spectral",
                    help="floor,flinklint (--jobs 1),flinklint2 (--jobs 2),yamllint,spectral")
    ap.add_argument("--parts", default="corpus,single,micro", help="corpus,single,micro")
    ap.add_argument("--runs", type=int, default=5, help="runs per tool below 10,000 files (default 5)")
    ap.add_argument("--runs-10k", type=int, default=3, help="runs per tool at 10,000 files and more (default 3)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds before a run is killed (default 1800)")
    ap.add_argument("--corpus-root", default="/tmp/flbench", help="where the corpora are (made) (default /tmp/flbench)")
    ap.add_argument("--no-build", action="store_true", help="use build-bench/ as it is")
    ap.add_argument("--json", default=os.path.join(BUILD, "bench-results.json"), help="raw results")
    ap.add_argument("--render", metavar="JSON", help="print the tables of an earlier run's raw results; measure nothing")
    a = ap.parse_args()
    if a.render:
        with open(a.render) as f:
            print(markdown(json.load(f)))
        return
    sizes = [int(s) for s in a.sizes.split(",") if s]
    parts = set(a.parts.split(","))
    tools = [t for t in a.tools.split(",") if t]

    if not a.no_build:
        build()
    if "yamllint" in tools and not ensure_yamllint():
        tools.remove("yamllint")
    if "spectral" in tools and not ensure_spectral():
        tools.remove("spectral")
    dirs = {n: corpus(a.corpus_root, n) for n in sizes}
    started = datetime.datetime.now(datetime.timezone.utc)
    result = {"started": started.isoformat(timespec="seconds"), "versions": versions(),
              "machine": machine(),
              "corpus": [], "single": None, "micro": None}

    if "corpus" in parts:
        for n in sizes:
            runs = a.runs_10k if n >= 10000 else a.runs
            result["corpus"].append(measure_corpus(n, dirs[n], tool_commands(tools, dirs[n]), runs, a.timeout))
    if "single" in parts and sizes:
        result["single"] = measure_single(dirs[min(sizes)])
    if "micro" in parts and sizes:
        result["micro"] = measure_micro(dirs[min(sizes)])
    result["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    os.makedirs(os.path.dirname(a.json), exist_ok=True)
    with open(a.json, "w") as f:
        json.dump(result, f, indent=1)

    print(markdown(result))

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Recall and false findings of flinklint on the hand-labelled hold-out (tests/holdout).

Usage: scripts/holdout.py --flinklint build/flinklint [--batch batch1] [--min-recall 0.9]
       [--max-false 0.02] [--max-false-findings N] [--list]

A labelled mistake is caught when flinklint reports any finding on one of its lines. A finding
on a line labelled correct (or anywhere in a file labelled `all: true`) is a false finding.
Findings on unlabelled lines are counted apart (`--list` prints them for review).
Exit status 1 when recall or the false-finding share misses the given bounds.
"""
import argparse
import json
import pathlib
import subprocess
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "holdout"


def run_flinklint(flinklint, batch):
    out = subprocess.run([flinklint, "check", "--format", "json", "--exit-zero", batch],
                         cwd=HOLDOUT, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"flinklint failed ({out.returncode}): {out.stderr.strip()}")
    return json.loads(out.stdout)["diagnostics"]


def measure(labels, findings, batch):
    by_line = {}
    for f in findings:
        by_line.setdefault((f["file"], f["line"]), []).append(f)
    mistakes = [m for m in labels.get("mistakes", []) if m["file"].startswith(batch + "/")]
    caught, missed = [], []
    for m in mistakes:
        hit = any((m["file"], n) in by_line for n in m["lines"])
        (caught if hit else missed).append(m)
    correct_lines, correct_files = set(), set()
    for c in labels.get("correct", []):
        if not c["file"].startswith(batch + "/"):
            continue
        if c.get("all"):
            correct_files.add(c["file"])
        correct_lines.update((c["file"], n) for n in c["lines"])
    mistake_lines = {(m["file"], n) for m in mistakes for n in m["lines"]}
    false, unlabelled = [], []
    for f in findings:
        where = (f["file"], f["line"])
        if where in correct_lines or f["file"] in correct_files:
            false.append(f)
        elif where not in mistake_lines:
            unlabelled.append(f)
    return mistakes, caught, missed, false, unlabelled


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flinklint", required=True)
    ap.add_argument("--batch", default="batch1")
    ap.add_argument("--labels", default=str(HOLDOUT / "labels.yaml"))
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--max-false", type=float, default=1.0)
    # A count does not rise when findings elsewhere go away, as a share does.
    ap.add_argument("--max-false-findings", type=int, default=None)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    labels = yaml.safe_load(pathlib.Path(args.labels).read_text(encoding="utf-8"))
    findings = run_flinklint(str(pathlib.Path(args.flinklint).resolve()), args.batch)
    mistakes, caught, missed, false, unlabelled = measure(labels, findings, args.batch)
    recall = len(caught) / len(mistakes) if mistakes else 1.0
    false_share = len(false) / len(findings) if findings else 0.0
    print(f"{args.batch}: {len(findings)} findings; recall {len(caught)}/{len(mistakes)} = {recall:.1%}; "
          f"findings on correct lines {len(false)}/{len(findings)} = {false_share:.1%}; "
          f"on unlabelled lines {len(unlabelled)}")
    for m in missed:
        print(f"  missed {m['file']}:{m['lines'][0]} {m['key']} ({m['class']})")
    for f in false:
        print(f"  false  {f['file']}:{f['line']} {f['rule']} {f['message'][:100]}")
    if args.list:
        for f in unlabelled:
            print(f"  other  {f['file']}:{f['line']} {f['rule']} {f['message'][:110]}")
    ok = recall >= args.min_recall and false_share <= args.max_false
    if args.max_false_findings is not None:
        ok = ok and len(false) <= args.max_false_findings
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

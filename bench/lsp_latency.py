#!/usr/bin/env python3
"""Latency and memory of `flinklint lsp` over a long editing session (docs/performance.md).

    bench/lsp_latency.py [--binary build/flinklint] [--file examples/standalone/flink-conf.yaml] [--changes 2000]

Opens FILE as a buffer (in a scratch copy of its directory, so the directory context is the same),
then sends CHANGES full-text changes one at a time, each waiting for the diagnostics of its version:
the time from writing the change to reading its publishDiagnostics is the latency of one keystroke
(the server lints as soon as the client pauses). Every other change edits a value, so the findings
change too. Prints p50/p95/max latency and the server's resident memory after the first and the
last hundred changes (VmRSS). Standard library only.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time


def send(proc, message):
    body = json.dumps(message).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("flinklint lsp ended the session")
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def wait_for_version(proc, uri, version):
    while True:
        message = receive(proc)
        params = message.get("params", {})
        if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri \
                and params.get("version") == version:
            return params["diagnostics"]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="build/flinklint")
    parser.add_argument("--file", default="examples/standalone/flink-conf.yaml")
    parser.add_argument("--changes", type=int, default=2000)
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="flinklint-lsp-bench-")
    directory = os.path.join(scratch, "conf")
    shutil.copytree(os.path.dirname(os.path.abspath(args.file)), directory)
    path = os.path.join(directory, os.path.basename(args.file))
    uri = "file://" + path
    with open(path, encoding="utf-8") as source:
        text = source.read()
    proc = subprocess.Popen([os.path.abspath(args.binary), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            cwd=scratch)
    try:
        send(proc, {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
        receive(proc)
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                    "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
        wait_for_version(proc, uri, 1)
        latencies = []
        rss = []
        for change in range(args.changes):
            version = change + 2
            edited = text + ("parallelism.default: %d\n" % (change % 7 + 1) if change % 2 else "")
            started = time.perf_counter()
            send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                        "params": {"textDocument": {"uri": uri, "version": version},
                                   "contentChanges": [{"text": edited}]}})
            wait_for_version(proc, uri, version)
            latencies.append((time.perf_counter() - started) * 1000)
            if change + 1 in (100, args.changes):
                rss.append(rss_kib(proc.pid))
        send(proc, {"jsonrpc": "2.0", "id": 1, "method": "shutdown"})
        receive(proc)
        send(proc, {"jsonrpc": "2.0", "method": "exit"})
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(scratch)
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(f"{args.file}: {len(text)} bytes, {args.changes} changes")
    print(f"latency ms: p50 {statistics.median(latencies):.2f}  p95 {p95:.2f}  max {latencies[-1]:.2f}")
    print(f"VmRSS KiB: after 100 changes {rss[0]}, after {args.changes} {rss[-1]}")


if __name__ == "__main__":
    main()

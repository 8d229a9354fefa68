#!/usr/bin/env python3
"""Generates flinklint's option catalogs (schemas/*.tsv) from reference facts.

Outputs (tab-separated, one header line, sorted by key, no description text):
  schemas/flink-<version>.tsv  key type default enum_values deprecated_keys fallback_keys documented deprecated
  schemas/operator.tsv         the same columns plus `scope` (resource | operator)

Inputs:
  --flink-options DIR  the per-version option tables (<version>.tsv, see their README.md);
                       default: <repo>/../shared/reference/flink-options
  --supplement FILE    keys the option tables miss (declared in a `static {}` block or by a helper
                       method): one row per version and key; default: schemas/supplement/flink-keys.tsv
  --operator-src DIR   a tree of apache/flink-kubernetes-operator (tag release-1.15.0). Only the
                       *Options.java files below and docs/layouts/shortcodes/generated/*.html are read.
                       Without it the committed schemas/operator.tsv is kept as it is.

Regenerate:
  git clone --depth 1 --branch release-1.15.0 https://github.com/apache/flink-kubernetes-operator /tmp/op
  python3 scripts/gen_catalogs.py --operator-src /tmp/op
(a bare mirror works too: `git archive release-1.15.0 | tar -x -C /tmp/op`).

What is kept (see docs/catalogs.md): every key a user can put into the cluster configuration
(flink-conf.yaml / config.yaml / -D / flinkConfiguration). SQL `WITH (...)` options of connectors
and formats, lookup/model hints and reporter- or endpoint-relative suffix options are dropped;
internal keys ($internal.*, internal.*, __x__) stay, undocumented, so they are known but never suggested.
"""

import argparse
import html
import re
import sys
from pathlib import Path

VERSIONS = ["1.15", "1.17", "1.18", "1.19", "1.20", "2.0", "2.1", "2.2"]
COLUMNS = ["key", "type", "default", "enum_values", "deprecated_keys", "fallback_keys",
           "documented", "deprecated"]

# Docs tables that hold SQL WITH options, hints or model options: never cluster configuration.
WITH_TABLES = re.compile(r"^(pulsar_.*|.*openai.*|ml_predict_.*|vector_search_.*)$")
# Docs tables whose keys are relative to a prefix Flink adds when reading them.
SUFFIX_TABLES = {
    "influxdb_reporter_configuration": "metrics.reporter.",
    "prometheus_push_gateway_reporter_configuration": "metrics.reporter.",
    "open_telemetry_reporter_configuration": "metrics.reporter.",
    "sql_gateway_rest_configuration": "sql-gateway.endpoint.",
}
# Endpoint options are read below `sql-gateway.endpoint.<identifier>.` (SqlGatewayEndpointFactoryUtils).
ENDPOINT_PREFIX = {
    "SqlGatewayRestOptions": "sql-gateway.endpoint.rest.",
    "HiveServer2EndpointConfigOptions": "sql-gateway.endpoint.hiveserver2.",
}
# Declaring classes of WITH/hint/format/model/suffix options (undocumented rows).
NON_CLUSTER_CLASS = re.compile(
    r"(ConnectorOptions(Util)?|FormatOptions|FormatFactory|DynamicTableFactory|TableSourceOptions|"
    r"TableSinkOptions|DynamicTableOptions|HintOptions|RuntimeConfigOptions|CatalogFactoryOptions|"
    r"CatalogStoreFactoryOptions|ModuleOptions|CatalogOptions|EndpointConfigOptions|ReporterOptions|"
    r"ModelFunction|OpenAI\w*|SqlGatewayRestOptions|GPUDriver\w*)$|"
    r"^(FactoryUtil|LookupOptions|KafkaSourceOptions|SourceReaderOptions|StreamConfig|HiveOptions|"
    r"HiveConfOptions|HiveInternalOptions|ArrowTableSourceOptions|ConfigConstants)$")
# Key families that are cluster configuration whatever class declares them.
CLUSTER_PREFIXES = ("table.", "sql-gateway.", "workflow-scheduler.")
NON_CLUSTER_MODULE = re.compile(r"^flink-(connectors|formats|models)/")
# A WITH option of materialized tables that sits in a cluster docs table.
WITH_KEYS = {"partition.fields.#.date-formatter"}

# Computed by CoreOptions.fileSystemConnectionLimit*(scheme): one option family per scheme.
FS_LIMIT_ROWS = [("fs.<scheme>.limit.total", "Integer", "-1"),
                 ("fs.<scheme>.limit.input", "Integer", "-1"),
                 ("fs.<scheme>.limit.output", "Integer", "-1"),
                 ("fs.<scheme>.limit.timeout", "Long", "0"),
                 ("fs.<scheme>.limit.stream-timeout", "Long", "0")]
# ConfigConstants keys HadoopUtils still reads in 1.x (deprecated; not ConfigOptions).
LEGACY_HDFS_KEYS = ["fs.hdfs.hadoopconf", "fs.hdfs.hdfsdefault", "fs.hdfs.hdfssite"]
# Keys read only by the shell scripts of the distribution (bin/config.sh, bin/zookeeper.sh), not
# declared as ConfigOptions in some versions: (key, type).
SCRIPT_KEYS = [("env.java.home", "String"), ("zookeeper.heap.mb", "Integer")]


def read_table(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        if line:
            cells = line.split("\t")
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


def split_list(cell, sep):
    return [part for part in cell.split(sep) if part] if cell else []


def placeholder_tails(tables):
    """Suffixes that follow a placeholder in documented keys (`factory.class` of `metrics.reporter.<name>.factory.class`)."""
    tails = set()
    for rows in tables.values():
        for row in rows:
            if row["documented"] == "yes" and "<" in row["key"]:
                tail = re.split(r"<[^>]+>\.?", row["key"])[-1]
                if tail:
                    tails.add(tail)
    return tails


def is_cluster_row(row, tails):
    key = row["key"]
    if key in WITH_KEYS:
        return False
    if row["documented"] == "yes":
        for table in split_list(row["doc_tables"], ","):
            if WITH_TABLES.match(table):
                continue
            prefix = SUFFIX_TABLES.get(table)
            if prefix is None or key.startswith(prefix):
                return True
        return False
    modules = split_list(row["module"], ",")
    if key.startswith(CLUSTER_PREFIXES) and not all(m.startswith("flink-formats/") for m in modules):
        return True
    if "." not in key or key.startswith("<") or key in tails:
        return False  # suffix options (`host`, `factory.class`) and stream-config internals
    classes = split_list(row["declared_in"], ",")
    if classes and all(NON_CLUSTER_CLASS.search(c) for c in classes):
        return False
    return not (modules and all(NON_CLUSTER_MODULE.match(m) for m in modules))


def clean_default(row):
    value = row["default"]
    # A few docs cells describe the default in prose; keep the fact that it is computed, not the words.
    if (row["documented"] == "yes" and row["type"] == "String" and " " in value
            and not value.startswith('"') and value != "(none)"):
        return "(computed)"
    return value


def read_supplement(path):
    """version -> {key: row}; a row's alias cells replace the table's (which cannot see them)."""
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    header = rows[0].split("\t")
    out = {}
    for line in rows[1:]:
        if line:
            row = dict(zip(header, line.split("\t") + [""] * len(header)))
            if row["version"] not in VERSIONS or not row["declared_in"]:
                raise SystemExit("supplement row without a known version or its class: " + line)
            out.setdefault(row["version"], {})[row["key"]] = row
    return out


def supplemented(rows, extra):
    """The table's rows with the supplement's rows of the version merged in."""
    by_key = {row["key"]: row for row in rows}
    for key, add in extra.items():
        row = dict(by_key.get(key, {"enum_values": "", "doc_tables": "", "module": ""}))
        row.update(key=key, type=add["type"], default=add["default"],
                   deprecated_keys=add["deprecated_keys"], fallback_keys=add["fallback_keys"],
                   documented="yes" if add["documented"] == "y" else "no",
                   java_deprecated="yes" if add["deprecated"] == "y" else "no",
                   declared_in=add["declared_in"].split(" ")[0], supplement=True)
        by_key[key] = row
    return list(by_key.values())


def flink_rows(version, rows, tails):
    out = {}
    derived = []
    for row in rows:
        classes = split_list(row["declared_in"], ",")
        for cls, prefix in ENDPOINT_PREFIX.items():
            if cls in classes:
                derived.append(dict(row, key=prefix + row["key"]))
        if row.get("supplement") or is_cluster_row(row, tails):
            out[row["key"]] = row
    for row in derived:
        out.setdefault(row["key"], row)
    result = []
    for key, row in out.items():
        result.append([key, row["type"], clean_default(row), row["enum_values"],
                       row["deprecated_keys"], row["fallback_keys"],
                       "y" if row["documented"] == "yes" else "n",
                       "y" if row["java_deprecated"] == "yes" else "n"])
    known = set(out)
    for key, typ, default in FS_LIMIT_ROWS:
        if key not in known:
            result.append([key, typ, default, "", "", "", "n", "n"])
    for key, typ in SCRIPT_KEYS:
        if key not in known:
            result.append([key, typ, "(none)", "", "", "", "n", "n"])
    if version.startswith("1."):
        for key in LEGACY_HDFS_KEYS:
            if key not in known:
                result.append([key, "String", "(none)", "", "", "", "n", "y"])
    return sorted(result, key=lambda r: r[0])


def write_tsv(path, header, rows, source):
    lines = ["# generated by scripts/gen_catalogs.py from " + source + "; do not edit",
             "\t".join(header)]
    for row in rows:
        if any("\t" in cell or "\n" in cell for cell in row):
            raise SystemExit("tab or newline inside a cell of " + row[0])
        lines.append("\t".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Operator: a small reader for the option declarations of the operator's *Options.java files.

# Not read: AutoscalerStandaloneOptions (autoscaler.standalone.*, the standalone autoscaler's own
# process) and StandaloneKubernetesConfigOptionsInternal (kubernetes.internal.*, set by the operator).
OPERATOR_FILES = {  # file -> scope of options without a @Documentation.Section
    "KubernetesOperatorConfigOptions.java": None,
    "KubernetesOperatorMetricOptions.java": "operator",
    "AutoScalerOptions.java": "resource",
    "FlinkBlueGreenDeploymentConfigOptions.java": "resource",
}
SECTION_SCOPE = {"SECTION_DYNAMIC": "resource", "SECTION_SYSTEM": "operator",
                 "SECTION_ADVANCED": "operator"}
# Read from the operator's default configuration only (ListenerUtils.getListenerBaseConf),
# although the option is documented in the dynamic section.
SCOPE_OVERRIDES = {"kubernetes.operator.plugins.listeners.<listener-name>.class": "operator"}
OPERATOR_PREFIXES = ("kubernetes.operator.", "job.autoscaler.")
TYPE_CALLS = {"booleanType": "Boolean", "intType": "Integer", "longType": "Long",
              "floatType": "Float", "doubleType": "Double", "durationType": "Duration",
              "memoryType": "MemorySize", "stringType": "String", "enumType": "Enum",
              "mapType": "Map"}


def strip_comments(src):
    return re.sub(r'//[^\n]*|/\*.*?\*/|("(?:\\.|[^"\\])*")',
                  lambda m: m.group(1) or " ", src, flags=re.S)


def scan_until(src, pos, stop):
    """Index of the first `stop` char at nesting depth 0 from pos, skipping string literals."""
    depth = 0
    while pos < len(src):
        c = src[pos]
        if c == '"':
            pos += 1
            while pos < len(src) and src[pos] != '"':
                pos += 2 if src[pos] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0 and c in stop:
                return pos
            depth -= 1
        elif depth == 0 and c in stop:
            return pos
        pos += 1
    return pos


def split_top(expr, sep):
    parts, pos = [], 0
    while pos <= len(expr):
        end = scan_until(expr, pos, sep)
        parts.append(expr[pos:end].strip())
        pos = end + 1
    return [p for p in parts if p]


CALL = re.compile(r"\s*\.?\s*([\w.]+)\s*\(")


def calls(expr):
    """The method calls of a builder chain: [(name, args)]."""
    out, pos = [], 0
    while True:
        m = CALL.match(expr, pos)
        if not m:
            return out
        end = scan_until(expr, m.end(), ")")
        out.append((m.group(1).split(".")[-1], expr[m.end():end]))
        pos = end + 1


class JavaEnv:
    def __init__(self):
        self.consts, self.helpers, self.option_keys = {}, {}, {}

    def learn(self, src):
        for m in re.finditer(r"static\s+final\s+String\s+(\w+)\s*=\s*", src):
            end = scan_until(src, m.end(), ";")
            self.consts[m.group(1)] = self.eval(src[m.end():end])
        for m in re.finditer(r"static\s+[\w.]+\s+(\w+)\s*\(\s*String\s+(\w+)\s*\)\s*\{\s*return\s+", src):
            end = scan_until(src, m.end(), ";")
            self.helpers[m.group(1)] = (m.group(2), src[m.end():end])

    def eval(self, expr, local=None):
        value = ""
        for term in split_top(expr, "+"):
            if term.startswith('"'):
                value += bytes(term[1:-1], "utf-8").decode("unicode_escape")
            elif local and term in local:
                value += local[term]
            elif term.endswith(".key()"):
                value += self.option_keys.get(term[:-6].split(".")[-1], "?")
            elif term.split(".")[-1] in self.consts:
                value += self.consts[term.split(".")[-1]] or ""
            else:
                m = re.match(r"([\w.]+)\s*\((.*)\)$", term, re.S)
                name = m.group(1).split(".")[-1] if m else None
                if name in self.helpers:
                    param, body = self.helpers[name]
                    inner = self.eval(m.group(2), local)
                    body_calls = calls(body)
                    if body_calls and body_calls[0][0] == "key":
                        body = body_calls[0][1]
                    value += self.eval(body, {param: inner})
                elif name == "key":
                    value += self.eval(m.group(2), local)
                else:
                    return None
        return value


def java_default(args):
    """A Java default expression as the docs would print a literal, else `java:<expression>`."""
    arg = args.strip()
    if re.fullmatch(r'"(?:\\.|[^"\\])*"|true|false', arg):
        return arg
    if re.fullmatch(r"-?[\d.]+[LlDdFf]?", arg):
        return arg.rstrip("LlDdFf")
    m = re.fullmatch(r"Duration\.of(Days|Hours|Minutes|Seconds|Millis)\((\d+)L?\)", arg)
    if m:  # printed the way Flink's docs print durations: the largest exact unit
        millis = int(m.group(2)) * {"Days": 86400000, "Hours": 3600000, "Minutes": 60000,
                                     "Seconds": 1000, "Millis": 1}[m.group(1)]
        for unit, size in (("d", 86400000), ("h", 3600000), ("min", 60000), ("s", 1000)):
            if millis and millis % size == 0:
                return "%d %s" % (millis // size, unit)
        return "%d ms" % millis
    return "java:" + re.sub(r"\s+", " ", arg)


def parse_java_options(src, env, default_scope):
    options = []
    decl = re.compile(r"((?:@[\w.]+(?:\([^)]*\))?\s*)*)public\s+static\s+final\s+ConfigOption<[^=]*>\s+(\w+)\s*=\s*")
    for m in decl.finditer(src):
        end = scan_until(src, m.end(), ";")
        chain = calls(src[m.end():end])
        if not chain:
            continue
        key = env.eval("%s(%s)" % chain[0])
        if not key or "?" in key:
            raise SystemExit("cannot resolve the key of " + m.group(2))
        env.option_keys[m.group(2)] = key
        names = [name for name, _ in chain]
        typ = next((TYPE_CALLS[n] for n in names if n in TYPE_CALLS), "?")
        if "asList" in names:
            typ = "List<" + typ + ">"
        args = dict(chain)
        default = "(none)"
        if "defaultValue" in args:
            default = java_default(args["defaultValue"])
        elif "defaultValues" in args:
            default = ";".join(java_default(a) for a in split_top(args["defaultValues"], ","))
        alias = {k: [env.eval(a) for a in split_top(args.get(k, ""), ",")]
                 for k in ("withDeprecatedKeys", "withFallbackKeys")}
        section = re.search(r"Documentation\.Section\((?:value\s*=\s*)?(?:\w+\.)?(\w+)", m.group(1))
        scope = SECTION_SCOPE.get(section.group(1)) if section else default_scope
        options.append({"key": key, "type": typ, "default": default,
                         "deprecated_keys": alias["withDeprecatedKeys"],
                         "fallback_keys": alias["withFallbackKeys"],
                         "deprecated": "@Deprecated" in m.group(1),
                         "scope": SCOPE_OVERRIDES.get(key, scope or "operator")})
    return options


def parse_docs_tables(files):
    docs = {}
    row = re.compile(r"<tr>\s*<td><h5>(.*?)</h5></td>\s*<td[^>]*>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", re.S)
    for path in files:
        for m in row.finditer(path.read_text(encoding="utf-8")):
            text = lambda s: html.unescape(re.sub(r"<[^>]+>", "", s)).strip()
            values = re.findall(r"<li>&quot;(.*?)&quot;|<li>\"(.*?)\"", m.group(4).split("Possible values:")[-1]) \
                if "Possible values:" in m.group(4) else []
            docs[text(m.group(1))] = (text(m.group(2)), text(m.group(3)),
                                      "|".join(a or b for a, b in values))
    return docs


def operator_rows(src_dir):
    found = {}
    for path in sorted(src_dir.rglob("*.java")):
        if path.name in OPERATOR_FILES and "/test/" not in path.as_posix():
            found.setdefault(path.name, path)
    missing = [name for name in OPERATOR_FILES if name not in found]
    if missing:
        raise SystemExit("not found under --operator-src: " + ", ".join(missing))
    docs = parse_docs_tables(sorted(src_dir.glob("docs/layouts/shortcodes/generated/*.html")))
    if not docs:
        raise SystemExit("no docs/layouts/shortcodes/generated/*.html under --operator-src")
    base = JavaEnv()
    base.learn(strip_comments(found["KubernetesOperatorConfigOptions.java"].read_text(encoding="utf-8")))
    rows = {}
    for name, default_scope in OPERATOR_FILES.items():
        src = strip_comments(found[name].read_text(encoding="utf-8"))
        env = JavaEnv()
        env.consts, env.helpers = dict(base.consts), dict(base.helpers)
        env.option_keys = base.option_keys
        env.learn(src)
        for opt in parse_java_options(src, env, default_scope):
            if not opt["key"].startswith(OPERATOR_PREFIXES):
                continue
            doc = docs.get(opt["key"])
            default, typ, enums = doc if doc else (opt["default"], opt["type"], "")
            rows[opt["key"]] = [opt["key"], typ, default, enums, "|".join(opt["deprecated_keys"]),
                                "|".join(opt["fallback_keys"]), "y" if doc else "n",
                                "y" if opt["deprecated"] else "n", opt["scope"]]
    return [rows[k] for k in sorted(rows)]


def main():
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--flink-options", type=Path,
                        default=repo.parent / "shared" / "reference" / "flink-options")
    parser.add_argument("--supplement", type=Path,
                        default=repo / "schemas" / "supplement" / "flink-keys.tsv")
    parser.add_argument("--operator-src", type=Path)
    parser.add_argument("--out", type=Path, default=repo / "schemas")
    args = parser.parse_args()

    supplement = read_supplement(args.supplement)
    tables = {v: supplemented(read_table(args.flink_options / (v + ".tsv")), supplement.get(v, {}))
              for v in VERSIONS}
    tails = placeholder_tails(tables)
    args.out.mkdir(parents=True, exist_ok=True)
    for version in VERSIONS:
        rows = flink_rows(version, tables[version], tails)
        write_tsv(args.out / ("flink-" + version + ".tsv"), COLUMNS, rows,
                  "Flink " + version + " option tables and schemas/supplement")
        print("flink-%s.tsv: %d keys (%d documented)" % (version, len(rows),
                                                        sum(r[6] == "y" for r in rows)))
    if args.operator_src:
        rows = operator_rows(args.operator_src)
        write_tsv(args.out / "operator.tsv", COLUMNS + ["scope"], rows,
                  "apache/flink-kubernetes-operator release-1.15.0")
        print("operator.tsv: %d keys" % len(rows))
    elif not (args.out / "operator.tsv").exists():
        print("warning: no --operator-src and no committed operator.tsv", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Builds schemas/descriptions.tsv, the option descriptions of Flink's generated docs tables.

Flink documents every option in docs/layouts/shortcodes/generated/<table>.html (apache/flink,
Apache-2.0; see NOTICE). This script reads many stored versions of those tables, maps each release
of the catalogs to the version of each table that matches it best, and writes one row per distinct
description of a key:

  key  releases  description
  heartbeat.interval  1.15,1.17,...  Time interval between heartbeat RPC requests ...

`releases` lists the catalog versions the text is from (identical texts of several releases share a
row), or is `operator` for the Kubernetes operator's keys (schemas/operator.tsv), which every catalog
version holds; the text is the HTML cell as plain text, a line break written as the two characters `\\n`.
schemas/description-sources.tsv records, per table and release, which version was picked and how
well it matches (`version`: the git blob of the table, or the commit the search index names for a
version read from it): `keys` is the Jaccard index of its key set and the key set the release's option
table (`doc_tables`) lists for that table, `cells` the share of those keys whose default and type
cells match too.

Inputs:
  --html DIR           <table>/<version-id>.html files, any number of versions of each table
  --versions FILE      optional: version-id <tab> commit time (Unix seconds) <tab> origin; a version
                       newer than a release's source commit is picked for it only if nothing older
                       matches as well
  --operator-html DIR  docs/layouts/shortcodes/generated of apache/flink-kubernetes-operator at the
                       release schemas/operator.tsv is from (release-1.15.0); without it the
                       committed `operator` rows are kept as they are
  --flink-options DIR  the per-version option tables (<version>.tsv, with `doc_tables`);
                       default: <repo>/../shared/reference/flink-options
  --out DIR            where the catalogs are read and the two files written; default: <repo>/schemas

How the versions were gathered: every blob of docs/layouts/shortcodes/generated/*.html in the git
history of snapshots of apache/flink (`git log --all --raw -- docs/layouts/shortcodes/generated`,
then `git cat-file --batch`), plus single versions read from the search index for tables that
changed after those snapshots. Only the texts this script writes are committed.
"""

import argparse
import html
import re
import sys
from pathlib import Path

VERSIONS = ["1.15", "1.17", "1.18", "1.19", "1.20", "2.0", "2.1", "2.2"]
# The source commit date of each release's option table (flink-options/README.md), Unix seconds.
RELEASE_TIME = {"1.15": 1655683200, "1.17": 1682380800, "1.18": 1713484800, "1.19": 1719878400,
                "1.20": 1725408000, "2.0": 1743120000, "2.1": 1775088000, "2.2": 1775001600}

# Tables whose keys Flink reads below a prefix (scripts/gen_catalogs.py ENDPOINT_PREFIX): the
# catalogs hold the prefixed key.
PREFIXED_TABLES = {"sql_gateway_rest_configuration": "sql-gateway.endpoint.rest."}

ROW = re.compile(r"<tr>\s*<td><h5>(.*?)</h5>.*?</td>(.*?)</tr>", re.S)
CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
BREAK = re.compile(r"<br\s*/?>|</?p>|</?ul>|</?ol>|</li>", re.I)
ITEM = re.compile(r"<li>", re.I)
TAG = re.compile(r"<[^>]+>")
# A few cells escape their markup twice (`&lt;code&gt;`): the tags Flink's tables use, after decoding.
KNOWN_TAG = re.compile(r"</?(a|b|br|code|p|ul|ol|li|span|strong|em)( [^>]*)?/?>")


def plain_text(cell):
    """The cell as text: list items on their own lines, tags dropped, entities decoded."""
    text = ITEM.sub("\n- ", cell)
    text = BREAK.sub("\n", text)
    text = html.unescape(TAG.sub("", text))
    text = html.unescape(KNOWN_TAG.sub("", text)).replace("\t", " ").replace("\r", "")
    lines = [re.sub(r"[ \u00a0]+", " ", line).strip() for line in text.split("\n")]
    out = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def escape(text):
    """A text as one TSV cell: `\\` and `\n` escaped."""
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def parse_table(text):
    """{key: (default, type, description)} of one version of a docs table."""
    rows = {}
    for match in ROW.finditer(text):
        key = html.unescape(TAG.sub("", match.group(1))).strip()
        cells = [c for c in CELL.findall(match.group(2))]
        if not cells:
            continue
        default = html.unescape(TAG.sub("", cells[0])).strip() if len(cells) > 1 else ""
        typ = html.unescape(TAG.sub("", cells[1])).strip() if len(cells) > 2 else ""
        rows[key] = (default, typ, plain_text(cells[-1]))
    return rows


def read_release(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    expected = {}  # table -> {key: (default, type)}
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        if row.get("documented") != "yes":
            continue
        for table in filter(None, row["doc_tables"].split(",")):
            expected.setdefault(table, {})[row["key"]] = (row["default"], row["type"])
    return expected


def catalog_keys(path):
    """{key: documented} of one of flinklint's catalogs (schemas/flink-<version>.tsv)."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[2:]]
    return {row[0]: row[6] == "y" for row in rows}


def score(version, expected):
    keys = set(version) | set(expected)
    same = set(version) & set(expected)
    cells = sum(1 for k in same if version[k][:2] == expected[k])
    return len(same) / len(keys), cells / len(expected)


def pick(versions, times, expected, release):
    """The version that matches the release best; an older one wins a tie (cells, then keys)."""
    def rank(item):
        vid, rows = item
        keys, cells = score(rows, expected)
        when = times.get(vid, 0)
        before = when <= RELEASE_TIME[release]
        return (round(cells, 6), round(keys, 6), before, when if before else -when)
    best = max(versions.items(), key=rank)
    return best[0], score(best[1], expected)


def operator_rows(args):
    """[key, "operator", text] of the documented keys of schemas/operator.tsv."""
    if not args.operator_html:
        old = args.out / "descriptions.tsv"
        lines = old.read_text(encoding="utf-8").splitlines()[2:] if old.exists() else []
        return [line.split("\t", 2) for line in lines if line.split("\t")[1] == "operator"]
    texts = {}
    for path in sorted(args.operator_html.glob("*.html")):
        if not path.stem.endswith("_zh"):
            for key, (_, _, text) in parse_table(path.read_text("utf-8")).items():
                if text:
                    texts.setdefault(key, text)
    documented = [key for key, is_documented in catalog_keys(args.out / "operator.tsv").items() if is_documented]
    rows = [[key, "operator", escape(texts[key])]
            for key in documented if key in texts]
    print("operator: %d of %d documented keys have a description" % (len(rows), len(documented)))
    return rows


def main():
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, required=True)
    parser.add_argument("--versions", type=Path)
    parser.add_argument("--operator-html", type=Path)
    parser.add_argument("--flink-options", type=Path, default=repo.parent / "shared/reference/flink-options")
    parser.add_argument("--out", type=Path, default=repo / "schemas")
    args = parser.parse_args()

    times = {}
    if args.versions:
        for line in args.versions.read_text().splitlines():
            vid, when = line.split("\t")[:2]
            times[vid] = int(when)
    tables = {}
    for path in sorted(args.html.glob("*/*.html")):
        if not path.parent.name.endswith("_zh"):
            tables.setdefault(path.parent.name, {})[path.stem] = parse_table(path.read_text("utf-8"))

    texts = {}  # (key, text) -> releases
    sources = []
    for release in VERSIONS:
        expected = read_release(args.flink_options / (release + ".tsv"))
        found = {}  # key -> (cells score, text)
        for table, keys in sorted(expected.items()):
            if table not in tables:
                sources.append([table, release, "-", "0", "0"])
                continue
            vid, (key_score, cell_score) = pick(tables[table], times, keys, release)
            sources.append([table, release, vid, "%.3f" % key_score, "%.3f" % cell_score])
            for key in keys:
                row = tables[table][vid].get(key)
                full = PREFIXED_TABLES.get(table, "") + key
                if row and row[2] and (full not in found or found[full][0] < cell_score):
                    found[full] = (cell_score, row[2])
        catalog = catalog_keys(args.out / ("flink-%s.tsv" % release))
        found = {key: found[key] for key in found if key in catalog}
        for key, (_, text) in found.items():
            texts.setdefault((key, text), []).append(release)
        documented = [key for key, is_documented in catalog.items() if is_documented]
        print("%s: %d of %d documented keys of the catalog have a description"
              % (release, sum(1 for key in documented if key in found), len(documented)))

    lines = ["# generated by scripts/gen_descriptions.py from the generated docs tables of apache/flink and "
             "apache/flink-kubernetes-operator (docs/layouts/shortcodes/generated, Apache-2.0, see NOTICE); "
             "do not edit",
             "key\treleases\tdescription"]
    rows = [[key, ",".join(releases), escape(text)]
            for (key, text), releases in texts.items()]
    for row in sorted(rows + operator_rows(args)):
        lines.append("\t".join(row))
    (args.out / "descriptions.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    src = ["# generated by scripts/gen_descriptions.py: the version of each docs table picked per release",
           "table\trelease\tversion\tkeys\tcells"]
    src += ["\t".join(row) for row in sorted(sources)]
    (args.out / "description-sources.tsv").write_text("\n".join(src) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes flinklint's man page and shell completions from the built binary.

usage: gen.py FLINKLINT OUT_DIR
writes OUT_DIR/flinklint.1 (and flinklint.1.gz), OUT_DIR/flinklint.bash, OUT_DIR/_flinklint (zsh),
OUT_DIR/flinklint.fish
"""
import gzip
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from completions import bash, fish, zsh  # noqa: E402
from manpage import manpage  # noqa: E402
from spec import read_cli  # noqa: E402


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip())
    cli = read_cli(argv[1])
    os.makedirs(argv[2], exist_ok=True)
    for name, text in (("flinklint.1", manpage(cli)), ("flinklint.bash", bash(cli)),
                       ("_flinklint", zsh(cli)), ("flinklint.fish", fish(cli))):
        path = os.path.join(argv[2], name)
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(path + ".tmp", path)
    # Debian installs man pages compressed; mtime 0 keeps the archive reproducible.
    man = os.path.join(argv[2], "flinklint.1")
    with open(man, "rb") as source, open(man + ".gz.tmp", "wb") as raw:
        with gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
            out.write(source.read())
    os.replace(man + ".gz.tmp", man + ".gz")


if __name__ == "__main__":
    main(sys.argv)

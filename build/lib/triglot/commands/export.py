"""``triglot export --format tmx CATALOG.po...``: a catalog's translated pairs for CAT tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "export"
HELP = "export the translated pairs of catalogs as TMX 1.4b, for translation-memory tools"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("catalogs", nargs="+", type=Path, metavar="CATALOG.po",
                        help="catalogs of one language (the language comes from their header)")
    parser.add_argument("--format", choices=("tmx",), default="tmx")
    parser.add_argument("--source-lang", default="en", help="the msgids' language (default: en)")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of standard output")


def run(args: argparse.Namespace) -> int:
    from triglot.align import Bead
    from triglot.align.tmx import to_tmx
    from triglot.catalog import read_catalog
    from triglot.errors import TriglotError
    from triglot.textio import write_atomic

    source: list[str] = []
    target: list[str] = []
    languages = set()
    for path in args.catalogs:
        catalog = read_catalog(path)
        if catalog.locale is None:
            raise TriglotError("catalog has no Language header", path=path)
        languages.add(str(catalog.locale))
        for message in catalog:
            # only what a translator can rely on: translated, not fuzzy, singular
            if message.id and message.string and not message.fuzzy and isinstance(message.id, str):
                source.append(message.id)
                target.append(str(message.string))
    if len(languages) != 1:
        raise TriglotError(f"catalogs of several languages ({', '.join(sorted(languages))}); "
                           "export one language at a time")
    beads = [Bead((i,), (i,), 1.0) for i in range(len(source))]
    tmx = to_tmx(source, target, beads, source_lang=args.source_lang,
                 target_lang=languages.pop())
    if args.output:
        write_atomic(args.output, tmx.encode("utf-8"))
    else:
        sys.stdout.write(tmx)
    return 0

"""``triglot terms``: grow the glossary (suggest) and exchange it as TBX (export/import)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "terms"
HELP = "suggest new glossary terms; export or import the glossary as TBX"
DEFAULT_GLOSSARY = Path("glossary/termbase.yaml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    suggest = sub.add_parser("suggest", help="candidate terms the glossary lacks, ranked")
    suggest.add_argument("paths", nargs="*", metavar="PO",
                         help="catalogs to mine (default: locale/*/LC_MESSAGES/*.po)")
    suggest.add_argument("--limit", type=int, default=30)
    suggest.add_argument("--min-count", type=int, default=2,
                         help="entries a candidate must occur in (default: 2)")
    export = sub.add_parser("export", help="write the glossary as TBX")
    export.add_argument("--format", choices=("tbx2", "tbx3"), default="tbx2")
    export.add_argument("--output", "-o", metavar="FILE", help="default: standard output")
    imp = sub.add_parser("import", help="read a TBX file into the project's YAML format")
    imp.add_argument("tbx", metavar="FILE.tbx")
    imp.add_argument("--output", "-o", metavar="FILE",
                     help=f"YAML to write (default: standard output; e.g. {DEFAULT_GLOSSARY})")
    for action in (suggest, export):
        action.add_argument("--glossary", metavar="FILE", default=str(DEFAULT_GLOSSARY))


def _emit(data: bytes, output: str | None) -> None:
    import sys

    from triglot.textio import write_atomic

    if output:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)


def run(args: argparse.Namespace) -> int:
    from triglot.glossary import load_termbase

    if args.action == "import":
        from triglot.glossary.yamlio import dump_yaml

        _emit(dump_yaml(load_termbase(args.tbx)).encode("utf-8"), args.output)
        return 0
    termbase = load_termbase(args.glossary)
    if args.action == "export":
        from triglot.glossary.tbx import dump_tbx

        _emit(dump_tbx(termbase, 2 if args.format == "tbx2" else 3), args.output)
        return 0
    return _suggest(args, termbase)


def _suggest(args: argparse.Namespace, termbase: object) -> int:
    from collections import defaultdict

    from triglot.check.catalogs import read_catalog
    from triglot.errors import TriglotError
    from triglot.terms.suggest import suggest

    paths = args.paths or sorted(Path("locale").glob("*/LC_MESSAGES/*.po"))
    if not paths:
        raise TriglotError("no catalogs to mine: give .po paths")
    by_lang: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in paths:
        language, entries = read_catalog(path)
        by_lang[language].extend((e.msgid, e.msgstr) for e in entries)
    for language, pairs in sorted(by_lang.items()):
        print(f"# {language}: candidate\tentries\trendering\tscore")
        for s in suggest(pairs, termbase, language, args.limit,  # type: ignore[arg-type]
                         args.min_count):
            print(f"{s.text}\t{s.count}\t{s.rendering or '-'}\t{s.score}")
    return 0

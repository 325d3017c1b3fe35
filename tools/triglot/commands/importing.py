"""``triglot import LANG ORIGINAL``: merge a whole-document translation into its catalog."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from triglot.segment import PARAGRAPH_MODES, mode_for

NAME = "import"
HELP = "align a translated document to the English messages and merge it into its catalog"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("language", help="catalog language code, e.g. ja or pt_BR")
    parser.add_argument("original", type=Path, help="the translated document (UTF-8 text)")
    parser.add_argument("--doc", help="the English document it translates "
                        "(default: the original's name up to its first dot)")
    parser.add_argument("--paragraphs", choices=PARAGRAPH_MODES,
                        help="one paragraph per line, paragraphs separated by blank lines, "
                             "Markdown or reST (default: from the extension: .md, .mdx, "
                             ".markdown, .rst, .rest; lines otherwise)")
    parser.add_argument("--no-glossary", action="store_true",
                        help="do not use the termbase's term pairs as an alignment lexicon")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    from triglot.project import project_arguments

    project_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from triglot.importing import import_translation
    from triglot.project import read_project

    project = read_project(args)
    mode = args.paragraphs or mode_for(args.original)
    report = import_translation(project, args.language, args.original, docname=args.doc,
                                mode=mode, use_glossary=not args.no_glossary)
    catalog = project.relative(report.catalog)
    if args.format == "json":
        payload = {
            "catalog": catalog, "language": report.language.code, "changed": report.changed,
            "messages": report.messages, "skipped": report.skipped,
            "written": report.written, "fuzzy": report.fuzzy, "kept": report.kept,
            "missing": report.missing, "extra": report.extra,
            "anomalies": [dataclasses.asdict(anomaly) for anomaly in report.anomalies],
            "unknown_comments": [{"line": line, "comment": comment, "damaged_marker": damaged}
                                 for line, comment, damaged in report.unknown_comments],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    state = "updated" if report.changed else "unchanged"
    print(f"{catalog}: {state}; {report.written} of {report.messages} messages from "
          f"{args.original.name} ({report.fuzzy} fuzzy), "
          f"{report.kept} translator edits kept"
          + (f"; {report.skipped} messages of several lines (literal blocks) left as they are"
             if report.skipped else ""))
    for number in report.missing:
        print(f"{catalog}: English paragraph {number} has no counterpart in {args.original.name}")
    for number in report.extra:
        print(f"{args.original}: paragraph {number} has no English counterpart; not imported")
    for anomaly in report.anomalies:
        print(f"{args.original}: {anomaly.kind}: {anomaly.message}")
    for line, comment, damaged in report.unknown_comments:
        what = ("damaged import marker; entry kept as it is, delete the comment to re-import it"
                if damaged else "not a triglot comment; dropped when the import rewrites the entry")
        print(f"{catalog}:{line}: {what}: {comment!r}")
    return 0

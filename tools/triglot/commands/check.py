"""``triglot check``: the catalogs' terminology against the glossary."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from triglot.check.findings import Finding

NAME = "check"
HELP = "check translated catalogs (.po) against the glossary's terminology"
DEFAULT_GLOSSARY = Path("glossary/termbase.yaml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from triglot.project import project_arguments

    parser.add_argument("paths", nargs="*", metavar="CATALOG|DIR",
                        help="catalogs to check, a folder for every .po under it (default: "
                        "every catalog of the project's translations, as conf.py's "
                        "locale_dirs and triglot_languages say)")
    parser.add_argument("--glossary", metavar="FILE", default=None,
                        help="termbase, .yaml or .tbx (default: the project's "
                        f"triglot_glossary; with catalogs given, {DEFAULT_GLOSSARY})")
    project_arguments(parser)
    parser.add_argument("--format", choices=("text", "json", "sarif", "junit"),
                        default="text", help="report format (default: text)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                        default="error",
                        help="exit 1 when a finding is at least this severe (default: error)")
    parser.add_argument("--min-confidence", type=_confidence, default=None, metavar="C",
                        help="report only findings at least this sure, 0 to 1 (default: "
                        "0.5; 0 also shows the hints)")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    parser.add_argument("--explain", metavar="CODE", nargs="?", const="",
                        help="say what triggers CODE (or every code) and how to silence it, "
                        "and exit")


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 1")
    return number


def run(args: argparse.Namespace) -> int:
    import codecs
    import sys

    from triglot.check.checker import iter_findings
    from triglot.check.codes import DEFAULT_MIN_CONFIDENCE, at_least, explain
    from triglot.check.report import write
    from triglot.gctuning import fewer_collections
    from triglot.glossary import load_termbase
    from triglot.project import catalog_paths, project_catalogs, read_project
    from triglot.textio import atomic_output

    if args.explain is not None:
        print(explain(args.explain), end="")
        return 0
    if args.paths:
        paths = [str(path) for path in catalog_paths(args.paths)]
        glossary = args.glossary or DEFAULT_GLOSSARY
    else:
        project = read_project(args)
        paths = [project.relative(path) for path in project_catalogs(project)]
        glossary = args.glossary or project.glossary
    termbase = load_termbase(glossary)
    threshold = DEFAULT_MIN_CONFIDENCE if args.min_confidence is None else args.min_confidence
    failed = False

    def reported() -> Iterator[Finding]:
        # findings are written as the catalogs are checked, never all held at once
        nonlocal failed
        for finding in iter_findings(paths, termbase):
            if finding.confidence >= threshold:
                failed = failed or (args.fail_on != "never"
                                    and at_least(finding.severity, args.fail_on))
                yield finding

    with fewer_collections():
        if args.output:
            with atomic_output(args.output) as raw:
                write(reported(), args.format, codecs.getwriter("utf-8")(raw), paths)
        else:
            write(reported(), args.format, sys.stdout, paths)
    return int(failed)

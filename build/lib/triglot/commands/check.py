"""``triglot check``: the catalogs' terminology against the glossary."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "check"
HELP = "check translated catalogs (.po) against the glossary's terminology"
DEFAULT_GLOSSARY = Path("glossary/termbase.yaml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PO",
                        help="catalogs to check (default: locale/*/LC_MESSAGES/*.po)")
    parser.add_argument("--glossary", metavar="FILE", default=None,
                        help=f"termbase, .yaml or .tbx (default: {DEFAULT_GLOSSARY})")
    parser.add_argument("--format", choices=("text", "json", "sarif", "junit"),
                        default="text", help="report format (default: text)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                        default="error",
                        help="exit 1 when a finding is at least this severe (default: error)")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write the report to FILE instead of standard output")


def run(args: argparse.Namespace) -> int:
    from triglot.check import check_catalogs
    from triglot.check.codes import at_least
    from triglot.check.report import render
    from triglot.errors import TriglotError
    from triglot.glossary import load_termbase
    from triglot.textio import write_atomic

    termbase = load_termbase(args.glossary or DEFAULT_GLOSSARY)
    paths = [str(p) for p in args.paths] or sorted(
        str(p) for p in Path("locale").glob("*/LC_MESSAGES/*.po"))
    if not paths:
        raise TriglotError("no catalogs to check: give .po paths or run in a project with "
                           "locale/*/LC_MESSAGES/*.po")
    findings = check_catalogs(paths, termbase)
    report = render(findings, args.format, paths)
    if args.output:
        write_atomic(args.output, report.encode("utf-8"))
    else:
        print(report, end="")
    if args.fail_on == "never":
        return 0
    return int(any(at_least(f.severity, args.fail_on) for f in findings))

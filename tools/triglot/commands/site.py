"""``triglot site``: build the site in every language of the project, and its root page."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "site"
HELP = "build the HTML site in every language (one Sphinx build per language)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="the project's root, where conf.py is (default: .)")
    parser.add_argument("-o", "--output", type=Path, help="the site's folder (default: _build/site)")
    parser.add_argument("-W", dest="warnings_are_errors", action="store_true",
                        help="turn Sphinx warnings into errors")
    parser.add_argument("-j", "--jobs", default="1", help="Sphinx parallel jobs per language")


def run(args: argparse.Namespace) -> int:
    from triglot.project import load_project
    from triglot.site import build_site

    project = load_project(args.project)
    extra = ["-j", args.jobs] + (["-W", "--keep-going"] if args.warnings_are_errors else [])
    outdir = build_site(project, args.output, extra)
    print(f"triglot site: open {project.relative(outdir / 'index.html')}")
    return 0

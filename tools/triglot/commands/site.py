"""``triglot site``: build the site in every language of the project, and its root page."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "site"
HELP = "build the HTML site in every language (one Sphinx build per language)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="the project's root, where conf.py is (default: .)")
    parser.add_argument("-o", "--output", type=Path,
                        help="the site's folder (default: _build/site)")
    parser.add_argument("-W", dest="warnings_are_errors", action="store_true",
                        help="turn Sphinx warnings into errors")
    parser.add_argument("-j", "--jobs", type=int, default=None,
                        help="languages built at once (default: one per CPU; 1: one after "
                             "the other)")
    parser.add_argument("--sphinx-jobs", default="1",
                        help="Sphinx's parallel jobs within each language's build (default: 1)")


def run(args: argparse.Namespace) -> int:
    from triglot.errors import TriglotError
    from triglot.project import load_project
    from triglot.site import build_site

    project = load_project(args.project)
    if args.jobs is not None and args.jobs < 1:
        raise TriglotError(f"--jobs must be 1 or more, not {args.jobs}")
    extra = ["-j", args.sphinx_jobs] + (["-W", "--keep-going"] if args.warnings_are_errors
                                        else [])
    outdir = build_site(project, args.output, extra, args.jobs)
    print(f"triglot site: open {project.relative(outdir / 'index.html')}")
    return 0

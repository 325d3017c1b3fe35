"""``triglot site``: build the site in every language of the project, and its root page.

Its arguments are ``sphinx-build``'s: ``triglot site [SOURCEDIR] [-c CONFDIR] [-D
name=value]… [-t TAG]… [-o OUTDIR] [-l LANG]…``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "site"
HELP = "build the HTML site in every language (one Sphinx build per language)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from triglot.project import project_arguments

    parser.add_argument("sourcedir", nargs="?", type=Path, metavar="SOURCEDIR",
                        help="the English sources (default: triglot_source_dir of conf.py, "
                             "else CONFDIR)")
    project_arguments(parser)
    parser.add_argument("-o", "--output", type=Path, metavar="OUTDIR",
                        help="the site's folder (default: _build/site beside conf.py)")
    parser.add_argument("-l", "--language", dest="languages", action="append", default=[],
                        metavar="LANG",
                        help="build only this language of triglot_languages (repeatable; "
                             "default: all)")
    parser.add_argument("-W", dest="warnings_are_errors", action="store_true",
                        help="turn Sphinx warnings into errors")
    parser.add_argument("-j", "--jobs", type=int, default=None,
                        help="languages built at once (default: one per CPU; 1: one after "
                             "the other)")
    parser.add_argument("--sphinx-jobs", default="1",
                        help="Sphinx's parallel jobs within each language's build (default: 1)")


def run(args: argparse.Namespace) -> int:
    from triglot.errors import TriglotError
    from triglot.project import read_project
    from triglot.site import build_site

    project = read_project(args, args.sourcedir)
    if args.jobs is not None and args.jobs < 1:
        raise TriglotError(f"--jobs must be 1 or more, not {args.jobs}")
    extra = ["-j", args.sphinx_jobs] + (["-W", "--keep-going"] if args.warnings_are_errors
                                        else [])
    outdir = build_site(project, args.output, extra, args.jobs,
                        project.select(args.languages))
    print(f"triglot site: open {project.relative(outdir / 'index.html')}")
    return 0

"""``triglot screenshots``: a PNG of one page (the root document by default) in every
language of the built site."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "screenshots"
HELP = "write a full-page PNG of one page in every language (headless Chromium)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="the project's root, where conf.py is (default: .)")
    parser.add_argument("--site", type=Path, help="the built site (default: _build/site)")
    parser.add_argument("-o", "--output", type=Path,
                        help="where the PNGs go (default: _build/screenshots)")
    parser.add_argument("--page", default="index",
                        help="the document to photograph (default: index)")
    parser.add_argument("--width", type=int, action="append",
                        help="window width in pixels (default: 1200); repeat for several")
    parser.add_argument("--scheme", choices=("light", "dark"), action="append", default=[],
                        help="the colour scheme the page is asked for (prefers-color-scheme; "
                             "default: the browser's); repeat for both")


def run(args: argparse.Namespace) -> int:
    from triglot.project import load_project
    from triglot.screenshots import SCREENSHOTS_DIR, take_screenshots
    from triglot.site import SITE_DIR

    project = load_project(args.project)
    site = args.site or project.root / SITE_DIR
    outdir = args.output or project.root / SCREENSHOTS_DIR
    for path in take_screenshots(project, site, outdir, args.page, args.width or [1200],
                                 schemes=args.scheme):
        print(f"triglot screenshots: wrote {project.relative(path)}")
    return 0

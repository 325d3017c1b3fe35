"""Lighthouse on one page of the built site: its accessibility, SEO and best-practices
scores, and each audit that keeps a score below 100.

``python -m triglot.lighthouse --page ja/index.html`` serves the site folder on localhost
and runs the project's pinned Lighthouse (``npm ci`` puts it in ``node_modules/.bin``) in
Debian's headless Chromium. ``--require seo=95`` (repeatable) makes the run fail, exit 1,
when a score is below its figure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from triglot.browser import CHROMIUM_FLAGS, browser_paths, serve
from triglot.errors import TriglotError

CATEGORIES = ("accessibility", "seo", "best-practices")


def run_lighthouse(lighthouse: Path, url: str, chromium: str) -> dict[str, Any]:
    """Lighthouse's JSON report of ``url`` in the three categories."""
    if not lighthouse.is_file():
        raise TriglotError("no Lighthouse: run npm ci (make lighthouse does)", path=lighthouse)
    command = [str(lighthouse), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}",
               f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "CHROME_PATH": chromium})
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise TriglotError(f"Lighthouse failed (exit {done.returncode}): {last}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def summary(report: dict[str, Any]) -> tuple[dict[str, int], list[str]]:
    """The score of each category (0-100) and a line per audit that lowered one.

    >>> report = {"categories": {"seo": {"score": 0.9, "auditRefs": [{"id": "x", "weight": 1}]}},
    ...           "audits": {"x": {"score": 0, "title": "Links are crawlable"}}}
    >>> summary(report)
    ({'seo': 90}, ['seo: x (Links are crawlable)'])
    """
    scores, failing = {}, []
    for name, category in report["categories"].items():
        scores[name] = round(category["score"] * 100)
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{name}: {ref['id']} ({audit['title']})")
    return scores, failing


def _requirement(text: str) -> tuple[str, int]:
    name, _, figure = text.partition("=")
    if name not in CATEGORIES or not figure.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r}: expected CATEGORY=SCORE, a category of "
                                         f"{', '.join(CATEGORIES)}")
    return name, int(figure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m triglot.lighthouse",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("_build/site"),
                        help="the built site (default: _build/site)")
    parser.add_argument("--page", required=True, help="the page's path in the site")
    parser.add_argument("--lighthouse", type=Path, default=Path("node_modules/.bin/lighthouse"),
                        help="the Lighthouse command (default: node_modules/.bin/lighthouse)")
    parser.add_argument("--require", type=_requirement, action="append", default=[],
                        metavar="CATEGORY=SCORE", help="fail when a score is below this")
    args = parser.parse_args(argv)
    try:
        paths = browser_paths()
        if paths is None:
            raise TriglotError("needs Chromium: apt-get install chromium chromium-driver")
        if not (args.site / args.page).is_file():
            raise TriglotError("no such page: build the site first", path=args.site / args.page)
        with serve(args.site) as url:
            report = run_lighthouse(args.lighthouse, f"{url}/{args.page}", paths[0])
    except TriglotError as exc:
        print(f"triglot lighthouse: error: {exc}", file=sys.stderr)
        return 2
    scores, failing = summary(report)
    print(f"Lighthouse {report.get('lighthouseVersion', '?')} on {args.page}: "
          + ", ".join(f"{name} {score}" for name, score in scores.items()))
    for line in failing:
        print(f"  below 100: {line}")
    short = [f"{name} {scores.get(name)} < {figure}" for name, figure in args.require
             if scores.get(name, 0) < figure]
    if short:
        print("triglot lighthouse: below target: " + ", ".join(short), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

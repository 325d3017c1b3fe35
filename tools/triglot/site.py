"""Building the whole site: one Sphinx HTML build per language, and a root page.

Each language is a separate ``sphinx-build -c <confdir> <sources> <out>/<lang> -D
language=<code>`` run, with the project's own ``-D`` overrides and tags (Sphinx builds one
language per run), with its own doctrees so that rebuilds stay incremental. The runs are
forked from this process, one per CPU at a time, after it has imported Sphinx and the
extension (and, on a first build, loaded the source language's term analyzer): each starts
warm, yet with the fresh global state of its own process (Sphinx keeps the translations of
its messages per process, and the first language's would stick). The root page links the
languages and sends a reader with scripts on to the one their browser prefers.
"""

from __future__ import annotations

import html
import json
import multiprocessing
import multiprocessing.connection
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from triglot.errors import TriglotError
from triglot.languages import Language
from triglot.project import Project
from triglot.textio import write_atomic

SITE_DIR = Path("_build") / "site"
DOCTREES_DIR = Path("_build") / "doctrees"


def sphinx_arguments(project: Project, language: Language, outdir: Path,
                     extra: Sequence[str] = (), doctrees: Path | None = None) -> list[str]:
    """The ``sphinx-build`` arguments that build ``language`` into ``outdir`` (the project's
    ``-D`` overrides and tags included), with its doctrees under ``doctrees``."""
    doctrees = doctrees or project.root / DOCTREES_DIR
    return [
        "-b", "html", "-q",
        "-c", str(project.root), "-d", str(doctrees / language.code),
        *project.sphinx_options(), "-D", f"language={language.code}", *extra,
        str(project.source_dir), str(outdir / language.site_dir),
    ]


def build_site(project: Project, outdir: Path | None = None,
               extra: Sequence[str] = (), jobs: int | None = None,
               languages: Sequence[Language] = ()) -> Path:
    """Build ``languages`` (default: every language of ``project``), ``jobs`` at a time
    (default: one per CPU); return the site's folder.

    The doctrees are kept in ``_build/doctrees`` beside ``conf.py``, or in ``.doctrees``
    inside a given ``outdir`` (as ``sphinx-build -M`` keeps them in its build folder).

    The builds are forks of the calling process: call this from one that has not run
    Sphinx itself (as ``triglot site`` does), or they inherit its docutils registrations.
    With more than one job each build's messages are held back and printed as one block,
    in the languages' order, when it ends.
    """
    doctrees = outdir / ".doctrees" if outdir else project.root / DOCTREES_DIR
    outdir = outdir or project.root / SITE_DIR
    jobs = max(1, jobs or os.cpu_count() or 1)
    languages = languages or project.languages
    _warm_up(project, doctrees, languages)
    builds = [_Build(language, sphinx_arguments(project, language, outdir, extra, doctrees),
                     f"triglot site: building {language.name} ({language.code}) "
                     f"into {project.relative(outdir / language.site_dir)}")
              for language in languages]
    if jobs == 1:
        for build in builds:
            print(build.heading, file=sys.stderr)
            build.start(capture=False)
            build.child.join()
            build.check()
    else:
        _run_concurrently(builds, jobs)
    write_atomic(outdir / "index.html", root_page(project.languages).encode("utf-8"))
    return outdir


class _Build:
    """One language's ``sphinx-build`` in a forked child."""

    def __init__(self, language: Language, arguments: list[str], heading: str) -> None:
        self.language, self.arguments, self.heading = language, arguments, heading
        self.child: multiprocessing.process.BaseProcess
        self.output: IO[bytes] | None = None

    def start(self, capture: bool) -> None:
        # closed by report(), once the child has ended
        self.output = tempfile.TemporaryFile() if capture else None  # noqa: SIM115
        output = self.output.fileno() if self.output else None
        self.child = multiprocessing.get_context("fork").Process(
            target=_sphinx_build, args=(self.arguments, output))
        self.child.start()

    def report(self) -> None:
        """Print the heading and what the child wrote, as one block."""
        assert self.output is not None
        self.output.seek(0)
        sys.stderr.write(self.heading + "\n")
        sys.stderr.flush()
        shutil.copyfileobj(self.output, sys.stderr.buffer)
        sys.stderr.buffer.flush()
        self.output.close()

    def check(self) -> None:
        status = self.child.exitcode if self.child.exitcode is not None else 1
        if status != 0:
            raise TriglotError(f"sphinx-build failed for {self.language.code} "
                               f"(exit {status}); its messages are above")


def _run_concurrently(builds: list[_Build], jobs: int) -> None:
    """Run the builds ``jobs`` at a time; after a failure start no more, and report the
    first failed language once the running ones have ended."""
    pending, running, ended = list(builds), list[_Build](), set()
    reported, failed = 0, False
    while running or (pending and not failed):
        while pending and len(running) < jobs and not failed:
            build = pending.pop(0)
            build.start(capture=True)
            running.append(build)
        multiprocessing.connection.wait([b.child.sentinel for b in running])
        for build in [b for b in running if not b.child.is_alive()]:
            build.child.join()
            running.remove(build)
            ended.add(build)
            failed = failed or build.child.exitcode != 0
        while reported < len(builds) and builds[reported] in ended:
            builds[reported].report()
            reported += 1
    for build in builds[:reported]:
        build.check()


def _warm_up(project: Project, doctrees: Path, languages: Sequence[Language]) -> None:
    """Import what every build imports (Sphinx's builtin extensions, which each build
    loads, among them) and read the termbase every build reads (a YAML
    termbase takes longer to read than a small rebuild takes); on a first build, also load
    the term analyzer every build then uses (term links in the source language, and the
    source side of the translations' checks). Later builds find their matches in their
    term-match cache and mostly load no analyzer at all."""
    import importlib

    import sphinx.builders.html
    import sphinx.cmd.build  # noqa: F401
    from sphinx.application import builtin_extensions

    import triglot.sphinxext  # noqa: F401
    from triglot.sphinxext.core.matchcache import FILENAME
    from triglot.sphinxext.core.termbase import read_termbase

    for name in builtin_extensions:
        importlib.import_module(name)
    if not project.glossary.is_file():
        return
    try:
        read_termbase(project.glossary)
    except TriglotError:
        return  # each build reports it, at the termbase's file and line
    first = any(not (doctrees / lang.code / FILENAME).is_file() for lang in languages)
    if first:
        from triglot.terms.analyze import analyzer

        analyzer(project.source_language.code)


def _sphinx_build(arguments: list[str], output: int | None) -> None:
    """The child: ``sphinx-build arguments``, its messages into ``output`` if given."""
    if output is not None:
        os.dup2(output, 1)
        os.dup2(output, 2)
    from sphinx.cmd.build import build_main

    sys.exit(build_main(arguments))


def root_page(languages: Sequence[Language]) -> str:
    """The site's front door: plain links, and a script that follows the browser's language."""
    links = "\n".join(
        f'    <li><a href="{html.escape(lang.site_dir)}/index.html" hreflang="{lang.tag}" '
        f'lang="{lang.tag}">{html.escape(lang.name)}</a></li>'
        for lang in languages
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{lang.tag}" href="{lang.site_dir}/index.html">'
        for lang in languages
    )
    targets = json.dumps({lang.tag.lower(): lang.site_dir for lang in languages})
    default = languages[0].site_dir
    return f"""<!DOCTYPE html>
<html lang="{languages[0].tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Choose a language</title>
{alternates}
<link rel="alternate" hreflang="x-default" href="index.html">
<script>
(function () {{
  var sites = {targets};
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {{
    var tag = String(wanted[i]).toLowerCase();
    var site = sites[tag] || sites[tag.split("-")[0]];
    if (site) {{ location.replace(site + "/index.html" + location.hash); return; }}
  }}
  location.replace("{default}/index.html" + location.hash);
}})();
</script>
</head>
<body>
<ul>
{links}
</ul>
</body>
</html>
"""

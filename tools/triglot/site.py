"""Building the whole site: one Sphinx HTML build per language, and a root page.

Each language is a separate ``sphinx-build -c <confdir> <sources> <out>/<lang> -D
language=<code>`` run, with the project's own ``-D`` overrides and tags (Sphinx builds one
language per run), with its own doctrees so that rebuilds stay incremental. The runs are
forked from this process, one per CPU at a time, after it has imported Sphinx, the
project's extensions and its theme (and, on a first build, read every translation's
catalogs and loaded the source language's term analyzer): each starts warm, yet with
the fresh global state of its own process (Sphinx keeps the translations of its messages
per process, and the first language's would stick). The root page links the languages
and sends a reader with scripts on to the one their browser prefers.

SIGTERM (a CI job cancelled, ``kill``) stops every build: the children are terminated, the
command fails, and the root page is not written. A language's folder holds a marker
while its build runs, so a build that did not finish, whatever stopped it, is built
afresh (``-E``) the next time: Sphinx would otherwise take its half-written pages for
done.
"""

from __future__ import annotations

import html
import json
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from triglot.errors import TriglotError
from triglot.languages import Language
from triglot.project import Project
from triglot.textio import write_atomic

SITE_DIR = Path("_build") / "site"
DOCTREES_DIR = Path("_build") / "doctrees"
#: Beside the languages' doctree folders: the theme's templates, compiled by whichever
#: build writes a page first and loaded by the others.
TEMPLATE_CACHE = "triglot-templates"
#: In a language's folder while its build runs: its pages are not all written yet.
INCOMPLETE = ".triglot-incomplete"


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
    if "triglot.sphinxext" in project.extensions:  # one compile of the theme, not one each
        extra = ["-D", f"triglot_template_cache={doctrees / TEMPLATE_CACHE}", *extra]
    with _sigterm_pipe() as stop:
        _warm_up(project, doctrees, languages)
        builds = []
        for language in languages:
            marker = outdir / language.site_dir / INCOMPLETE
            fresh = ["-E"] if marker.exists() else []  # the last build of it did not finish
            builds.append(_Build(
                language, sphinx_arguments(project, language, outdir, [*extra, *fresh],
                                           doctrees),
                f"triglot site: building {language.name} ({language.code}) "
                f"into {project.relative(outdir / language.site_dir)}", marker))
        _run(builds, jobs, stop)
    write_atomic(outdir / "index.html", root_page(project.languages).encode("utf-8"))
    return outdir


class _Build:
    """One language's ``sphinx-build`` in a forked child."""

    def __init__(self, language: Language, arguments: list[str], heading: str,
                 marker: Path) -> None:
        self.language, self.arguments, self.heading = language, arguments, heading
        self.marker = marker
        self.child: multiprocessing.process.BaseProcess | None = None
        self.output: IO[bytes] | None = None

    def start(self, capture: bool) -> None:
        self.marker.parent.mkdir(parents=True, exist_ok=True)
        self.marker.touch()
        # closed by report(), once the child has ended
        self.output = tempfile.TemporaryFile() if capture else None  # noqa: SIM115
        output = self.output.fileno() if self.output else None
        self.child = multiprocessing.get_context("fork").Process(
            target=_sphinx_build, args=(self.arguments, output))
        self.child.start()

    @property
    def exitcode(self) -> int | None:
        """The child's exit status; None while it runs or before it starts."""
        return self.child.exitcode if self.child else None

    def wait(self) -> None:
        assert self.child is not None, "started"
        self.child.join()

    def stop(self) -> None:
        """Terminate the child if it runs (SIGTERM, then SIGKILL if it lingers)."""
        if self.child is None or self.child.exitcode is not None:
            return
        self.child.terminate()
        self.child.join(5)
        if self.child.exitcode is None:
            self.child.kill()
            self.child.join()

    def report(self) -> None:
        """Print the heading and what the child wrote, as one block (if it was held back)."""
        if self.output is None:
            return  # printed as it came
        self.output.seek(0)
        sys.stderr.write(self.heading + "\n")
        sys.stderr.flush()
        shutil.copyfileobj(self.output, sys.stderr.buffer)
        sys.stderr.buffer.flush()
        self.output.close()

    def check(self) -> None:
        status = self.exitcode if self.exitcode is not None else 1
        if status != 0:
            raise TriglotError(f"sphinx-build failed for {self.language.code} "
                               f"(exit {status}); its messages are above")
        self.marker.unlink(missing_ok=True)


@contextmanager
def _sigterm_pipe() -> Iterator[int | None]:
    """A file descriptor that turns readable when SIGTERM arrives (None outside the main
    thread, where the caller's own signal handling applies). The handler only writes to
    it: the builds' loop waits on it beside the children, and stops them."""
    if threading.current_thread() is not threading.main_thread():
        yield None
        return
    read, write = os.pipe()
    os.set_blocking(write, False)

    def note(_signum: int, _frame: object) -> None:
        with suppress(BlockingIOError):
            os.write(write, b"\0")

    previous = signal.signal(signal.SIGTERM, note)
    try:
        yield read
    finally:
        signal.signal(signal.SIGTERM, previous)
        os.close(read)
        os.close(write)


def _run(builds: list[_Build], jobs: int, stop: int | None) -> None:
    """Run the builds ``jobs`` at a time; after a failure start no more, and report the
    first failed language once the running ones have ended. With one job the builds'
    messages are printed as they come, else each build's as one block, in the languages'
    order. When ``stop`` turns readable (SIGTERM) every running build is terminated."""
    capture = jobs > 1
    pending, running, ended = list(builds), list[_Build](), set()
    reported, failed = 0, False
    while running or (pending and not failed):
        while pending and len(running) < jobs and not failed:
            build = pending.pop(0)
            if not capture:
                print(build.heading, file=sys.stderr)
            build.start(capture)
            running.append(build)
        waits: list[int] = [b.child.sentinel for b in running if b.child]
        ready = multiprocessing.connection.wait([*waits, *([stop] if stop is not None else [])])
        if stop in ready:
            for build in running:
                build.stop()
            raise TriglotError(f"stopped by SIGTERM: the builds of "
                               f"{', '.join(b.language.code for b in running)} were stopped; "
                               "they are built afresh next time")
        for build in [b for b in running if b.child and not b.child.is_alive()]:
            build.wait()
            running.remove(build)
            ended.add(build)
            failed = failed or build.exitcode != 0
        while reported < len(builds) and builds[reported] in ended:
            builds[reported].report()
            reported += 1
    for build in builds[:reported]:
        build.check()


def _warm_up(project: Project, doctrees: Path, languages: Sequence[Language]) -> None:
    """Import what every build imports (Sphinx's builtin extensions, the project's
    extensions and its HTML theme, which each build loads: Furo's import alone is a third
    of a second), compile the extension's own templates and read the termbase every build
    reads (a YAML termbase takes longer to read than a small rebuild takes) with its
    entries' digests (which say what each page depends on), import the terminology
    check and make each language's term matcher (without its analyzer). On a first
    build, also read every translation's catalogs (each build shows every language's
    text: each would parse all of them), load the term analyzer and build the source
    language's term index, which every build then uses (term links in the source
    language, and the source side of the translations' checks). Later builds read only
    the catalogs of the pages they write again, find their matches in their term-match
    cache and mostly load no analyzer at all."""
    import sphinx.builders.html
    import sphinx.cmd.build  # noqa: F401
    from sphinx.application import ENV_PICKLE_FILENAME, builtin_extensions

    import triglot.sphinxext  # noqa: F401
    from triglot.sphinxext.core.catalogs import read_po
    from triglot.sphinxext.core.matchcache import FILENAME
    from triglot.sphinxext.core.templates import compile_all
    from triglot.sphinxext.core.termbase import concept_digests, read_termbase

    for name in (*builtin_extensions, *project.extensions, *theme_modules(project.html_theme)):
        _import(name)
    compile_all()
    if any(not (doctrees / lang.code / ENV_PICKLE_FILENAME).is_file() for lang in languages):
        for path in project.catalogs():
            with suppress(TriglotError, OSError):  # a bad catalog is its build's to report
                read_po(path)
    if not project.glossary.is_file():
        return
    try:
        termbase = read_termbase(project.glossary)
    except TriglotError:
        return  # each build reports it, at the termbase's file and line
    concept_digests(termbase)
    import triglot.check  # noqa: F401  (each translation's build checks its catalogs)
    from triglot.terms.matchcache import live_matcher

    # the matchers themselves (their cues, without an analyzer) are cheap: made here once
    for lang in languages:
        if lang.code in termbase.languages:
            live_matcher(termbase, lang.code)
    if any(not (doctrees / lang.code / FILENAME).is_file() for lang in languages):
        live_matcher(termbase, project.source_language.code).prepare()


def theme_modules(theme: str) -> list[str]:
    """The modules that register HTML theme ``theme`` as an installed package (the
    ``sphinx.html_themes`` entry points Sphinx loads it from); none for a theme kept in
    the project's own folders, or one Sphinx ships (its builtin extensions)."""
    from importlib.metadata import entry_points

    return [point.module for point in entry_points(group="sphinx.html_themes")
            if point.name == theme]


def _import(name: str) -> None:
    """Import module ``name`` if it can be: a build that cannot, reports it itself."""
    import importlib

    with suppress(Exception):  # any error of a module is the build's to report
        importlib.import_module(name)


def _sphinx_build(arguments: list[str], output: int | None) -> None:
    """The child: ``sphinx-build arguments``, its messages into ``output`` if given."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not the child's
    if output is not None:
        os.dup2(output, 1)
        os.dup2(output, 2)
    from sphinx.cmd.build import build_main

    _report_input_errors_in_one_line()
    sys.exit(build_main(arguments))


def _report_input_errors_in_one_line() -> None:
    """Make this child's ``build_main`` report an input error triglot raised (bad catalog,
    termbase, claim: it names its file and line) as that one line, not inside the crash
    report Sphinx 9 prints for every error. Sphinx has no public hook for this: its
    reporter is wrapped where build_main calls it, and left alone where it is not there."""
    try:
        import sphinx._cli.util.errors as sphinx_errors
    except ImportError:  # Sphinx 8 prints a SphinxError's category and message alone
        return
    sphinx_report = sphinx_errors.handle_exception

    def report(exception: BaseException, /, **options: Any) -> None:
        line = input_error_line(exception)
        if line is None:
            sphinx_report(exception, **options)
        else:
            print(line, file=options.get("stderr") or sys.stderr)

    sphinx_errors.handle_exception = report


def input_error_line(exception: BaseException) -> str | None:
    """The one line that reports ``exception`` when it is an input error triglot raised
    in a build (its own Sphinx error, or a :class:`TriglotError`, bare or out of an event
    handler);
    None for anything else, which Sphinx reports in full.

    >>> from sphinx.errors import ExtensionError
    >>> input_error_line(ExtensionError("x", TriglotError("bad", path="a.po", line=3)))
    'a.po:3: bad'
    >>> input_error_line(ExtensionError("x", KeyError("k"))) is None
    True
    """
    from sphinx.errors import ExtensionError, SphinxError

    if isinstance(exception, TriglotError):  # out of a transform or a directive
        return str(exception)
    if isinstance(exception, ExtensionError) and isinstance(exception.orig_exc, TriglotError):
        return str(exception.orig_exc)
    if (isinstance(exception, SphinxError)
            and type(exception).__module__.partition(".")[0] == "triglot"):
        return f"{exception.category}: {exception}"
    return None


def root_page(languages: Sequence[Language]) -> str:
    """The site's front door: plain links, and a script that opens the language the reader
    last chose in a language switcher (kept in localStorage by ``triglot-switcher.js``),
    else the one their browser prefers."""
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
  var chosen = null;
  try {{ chosen = localStorage.getItem("triglot-language"); }} catch (e) {{}}
  var wanted = [].concat(chosen ? [chosen] : [], navigator.languages || [navigator.language || ""]);
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

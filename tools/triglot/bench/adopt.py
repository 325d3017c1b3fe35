"""``make bench-adopt``: triglot on someone else's Sphinx project, against plain Sphinx.

The fixture is ``../shared/bench/projects/python-tutorial`` (CPython 3.13's tutorial with
the official ja and pt_BR catalogs). In a copy, each language is built as its CI builds
it (``sphinx-build -b html Doc OUT -D language=… -D locale_dirs=../locales``), with the
project's ``conf.py`` as it is and with the two lines that adopt triglot, each in a fresh
process from nothing (no output, doctrees or compiled catalogs), ``--runs`` times in
turn. Printed per language: the medians of both builds' CPU seconds (children included)
with wall time beside, their ratio, and the bytes of the HTML pages plain Sphinx writes
(in both builds; triglot's own pages, parallel views and status, are extra pages). It
also checks the adoption: triglot's switcher, counterparts and status page are there,
every code sample is the one plain Sphinx publishes (none parsed as reST or reverted),
and ``-W`` passes with the warnings plain Sphinx gives suppressed (and triglot's
statements of the catalogs' state, :data:`STATE_WARNINGS`). Exits 1 naming what misses
its target.
Run it in the venv ``make bench-adopt`` makes (the fixture needs its own Sphinx, 8.2,
and theme: ``constraints-adopt.txt``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from triglot.bench.cost import Cost, children_cpu, median

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT.parent / "shared" / "bench" / "projects" / "python-tutorial"
LANGUAGES = ("en", "ja", "pt_BR")
ADOPTION = '\nextensions.append("triglot.sphinxext")\ntriglot_languages = ["en", "ja", "pt_BR"]\n'

# The fixture's published address (the folder of its language folders, as triglot reads
# html_baseurl), which its publishing job would set
PUBLISHED = "https://docs.python.org/"

MAX_CPU_RATIO = 1.25
MAX_BYTES_RATIO = 1.2


def prepare(fixture: Path, work: Path, adopted: bool) -> Path:
    """A copy of the fixture (its ``Doc``), with triglot's two lines when ``adopted``."""
    target = work / ("adopted" if adopted else "plain")
    shutil.copytree(fixture, target, copy_function=shutil.copyfile)
    doc = target / "Doc"
    (doc / "howto").mkdir(exist_ok=True)  # conf.py lists Doc/howto, which the fixture leaves out
    if adopted:
        with (doc / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(ADOPTION)
    return doc


def clean(doc: Path, out: Path) -> None:
    """Remove what a build of ``doc`` into ``out`` leaves: the output, its doctrees and the
    catalogs it compiled (``.mo`` beside each ``.po``), so that the next one starts clean."""
    for folder in (out, out.parent / f"doctrees-{out.name}"):
        shutil.rmtree(folder, ignore_errors=True)
    for compiled in (doc.parent / "locales").rglob("*.mo"):
        compiled.unlink()


def build(doc: Path, language: str, out: Path, *options: str,
          baseurl: str = "") -> tuple[float, float, str]:
    """One language's HTML build in a fresh process: its (CPU, wall) seconds and its
    warnings; ``options`` go to ``sphinx-build``, and ``baseurl`` is where the site is
    published (``html_baseurl``, as the publishing job sets it; both builds get it)."""
    # --no-color: the warnings are parsed, and FORCE_COLOR (set by many CI runners)
    # would otherwise end each line in an escape sequence
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "--no-color", str(doc),
               str(out), "-d", str(out.parent / f"doctrees-{out.name}"),
               "-D", f"language={language}", "-D", "locale_dirs=../locales",
               "-D", "gettext_compact=0", *(["-D", f"html_baseurl={baseurl}"] if baseurl else []),
               *options]
    cpu, wall = children_cpu(), time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    if done.returncode and not options:
        raise SystemExit(f"bench-adopt: sphinx-build failed for {language}:\n{done.stderr}")
    return children_cpu() - cpu, time.perf_counter() - wall, done.stderr


def page_bytes(out: Path, pages: list[str]) -> int:
    """The bytes of ``pages`` (the pages plain Sphinx writes: the pages triglot adds, the
    parallel views and the status page, are not the reader's cost of a page)."""
    return sum((out / page).stat().st_size for page in pages)


def pages_of(out: Path) -> list[str]:
    return sorted(path.relative_to(out).as_posix() for path in out.rglob("*.html"))


def code_samples(out: Path) -> dict[str, list[str]]:
    """Every page's code blocks as text, in order."""
    import lxml.html

    return {path.relative_to(out).as_posix():
            [pre.text_content() for pre in lxml.html.parse(str(path)).xpath("//pre")]
            for path in sorted(out.rglob("*.html"))}


def warning_types(warnings: str) -> set[str]:
    """The ``[type.subtype]`` of each warning Sphinx printed."""
    return set(re.findall(r"\[([a-z0-9_-]+(?:\.[a-z0-9_-]+)?)\]$", warnings, re.MULTILINE))


# What triglot says about a partly translated project's catalogs (their state, and a
# broken translation in place of docutils' own report of it): a project that builds
# with -W suppresses these as it suppresses its own.
STATE_WARNINGS = ("triglot.untranslated", "triglot.outdated", "triglot.orphan", "triglot.rst")


def check_adoption(language: str, plain_out: Path, ours_out: Path) -> list[str]:
    """What adoption must bring (switcher, counterparts, status page) and must not change
    (the code samples plain Sphinx publishes)."""
    problems = []
    page = (ours_out / "tutorial" / "introduction.html").read_text(encoding="utf-8")
    for what, needle in (("switcher", 'class="triglot-languages"'),
                         ("counterparts", 'class="triglot-counterparts"')):
        if needle not in page:
            problems.append(f"{language}: no {what} on tutorial/introduction.html")
    if not (ours_out / "triglot-status.html").is_file():
        problems.append(f"{language}: no status page")
    plain, ours = code_samples(plain_out), code_samples(ours_out)
    changed = [name for name in plain if ours.get(name) != plain[name]]
    if changed:
        problems.append(f"{language}: code samples differ from plain Sphinx's on "
                        f"{len(changed)} pages, e.g. {changed[0]}")
    return problems


def costs(plain: Path, adopted: Path, language: str, base_out: Path, ours_out: Path,
          runs: int, baseurl: str) -> tuple[Cost, Cost, str]:
    """The median costs of ``runs`` clean builds of ``language``, plain and adopted in
    turn (a change in the machine's load falls on both), and plain Sphinx's warnings."""
    base_costs, ours_costs, base_warnings = [], [], ""
    for _ in range(runs):
        clean(plain, base_out)
        cpu, wall, base_warnings = build(plain, language, base_out, baseurl=baseurl)
        base_costs.append(Cost(cpu, wall))
        clean(adopted, ours_out)
        cpu, wall, _ = build(adopted, language, ours_out, baseurl=baseurl)
        ours_costs.append(Cost(cpu, wall))
    return median(base_costs), median(ours_costs), base_warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixture", type=Path, default=FIXTURE)
    parser.add_argument("--baseurl", default=PUBLISHED,
                        help="where the fixture's site is published (html_baseurl; "
                             "default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3,
                        help="interleaved clean builds per language and variant, whose "
                             "medians are printed (default: %(default)s)")
    args = parser.parse_args(argv)
    misses = []
    with tempfile.TemporaryDirectory(prefix="triglot-bench-adopt-") as folder:
        work = Path(folder)
        plain, adopted = prepare(args.fixture, work, False), prepare(args.fixture, work, True)
        print(f"CPU seconds: medians of {args.runs} interleaved clean builds (wall beside)")
        print(f"{'lang':<6} {'plain cpu s':>11} {'(wall)':>7} {'triglot cpu s':>13} {'(wall)':>7} "
              f"{'ratio':>6} {'plain bytes':>11} {'triglot bytes':>13} {'ratio':>6}")
        for language in LANGUAGES:
            base_out, ours_out = work / f"out-plain-{language}", work / f"out-triglot-{language}"
            base, ours, base_warnings = costs(plain, adopted, language, base_out, ours_out,
                                              max(args.runs, 1), args.baseurl)
            pages = pages_of(base_out)
            base_bytes, ours_bytes = page_bytes(base_out, pages), page_bytes(ours_out, pages)
            cpu_ratio, bytes_ratio = ours.cpu / base.cpu, ours_bytes / base_bytes
            print(f"{language:<6} {base.cpu:>11.2f} {base.wall:>7.1f} {ours.cpu:>13.2f} "
                  f"{ours.wall:>7.1f} {cpu_ratio:>6.2f} {base_bytes:>11} {ours_bytes:>13} "
                  f"{bytes_ratio:>6.2f}")
            if cpu_ratio > MAX_CPU_RATIO:
                misses.append(f"{language}: CPU {cpu_ratio:.2f}x plain (target {MAX_CPU_RATIO}x)")
            if bytes_ratio > MAX_BYTES_RATIO:
                misses.append(f"{language}: page bytes {bytes_ratio:.2f}x plain "
                              f"(target {MAX_BYTES_RATIO}x)")
            misses += check_adoption(language, base_out, ours_out)
            suppressed = ",".join(sorted(warning_types(base_warnings)) + list(STATE_WARNINGS))
            strict = build(adopted, language, work / f"out-strict-{language}", "-W",
                           "--keep-going", "-D", f"suppress_warnings={suppressed}",
                           baseurl=args.baseurl)[2]
            if "WARNING" in strict or "ERROR" in strict:
                first = next(line for line in strict.splitlines()
                             if "WARNING" in line or "ERROR" in line)
                misses.append(f"{language}: -W fails with plain Sphinx's warnings "
                              f"suppressed: {first}")
    for miss in misses:
        print(f"bench-adopt: missed: {miss}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())

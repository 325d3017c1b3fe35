"""Site benchmark: ``python -m triglot.bench.site``.

Copies the project (``docs/``, ``locale/``, ``glossary/``, ``conf.py``) three times into a
temporary folder, so that nothing in the checkout changes, and builds, side by side in
the same run:

- ``triglot``: the three languages as ``triglot site`` builds them (a child process,
  its default ``--jobs``: as many languages at once as there are CPUs);
- ``plain``: the same sources and catalogs with plain Sphinx, one ``sphinx-build`` per
  language one after the other (as Sphinx's documentation has it), its ``conf.py``
  without ``triglot.sphinxext`` and the triglot directives (``architecture``,
  ``triglot-glossary``) parsed as no-ops; ``sphinx.ext.graphviz`` and the theme stay;
  the target compares triglot with this;
- ``plain concurrent``: the same, its ``sphinx-build`` runs as many at once as triglot's
  languages, for the like-for-like comparison;
- ``no diagrams``: ``triglot site`` with only the ``architecture`` directive a no-op.

It prints the median wall time of a few clean builds of each (caches, doctrees and
``.mo`` files removed), a rebuild after one ``msgstr`` of the Japanese article changed,
what triglot adds to the article page (HTML and the assets it references, against the
plain build), and how many times Graphviz ``dot`` ran (a counting ``dot`` first on
``PATH``). It exits 1 when a figure misses its target, and says which.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
PARTS = ("docs", "locale", "glossary", "conf.py")
ARTICLE = "iis-aspnet"
EDITED = Path("locale") / "ja" / "LC_MESSAGES" / f"{ARTICLE}.po"
TRIGLOT_DIRECTIVES = ("architecture", "triglot-glossary")

MAX_RATIO = 1.5  # triglot's clean build against plain Sphinx's
MAX_REBUILD_SECONDS = 3.0
MAX_PAGE_BYTES = 100_000
MAX_DIAGRAM_SECONDS = 2.0

# Appended to the copied conf.py: Sphinx calls a conf.py's setup() after the extensions'.
OVERRIDE = """
# triglot.bench.site: {why}
{extensions}
def setup(app):
    from triglot.bench.site import ignore_directives

    ignore_directives(app, {names!r})
"""


class _AnyOption(dict):
    """An ``option_spec`` that accepts every option (docutils looks options up by key)."""

    def __missing__(self, key: str) -> Any:
        from docutils.parsers.rst import directives

        return directives.unchanged

    def __bool__(self) -> bool:  # docutils parses options only when the spec is truthy
        return True


def ignore_directives(app: Any, names: Sequence[str]) -> None:
    """Register ``names`` as directives that parse their argument, options and content
    and produce nothing."""
    from docutils.parsers.rst import Directive

    class Ignored(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec = _AnyOption()

        def run(self) -> list:
            return []

    for name in names:
        app.add_directive(name, Ignored, override=True)


JOBS = os.cpu_count() or 1  # triglot site's default: languages built at once


@dataclass(frozen=True)
class Variant:
    name: str
    root: Path
    plain: bool  # built with one sphinx-build per language instead of triglot site
    concurrent: bool = False  # plain: the sphinx-builds JOBS at a time, not one by one

    def clean(self) -> None:
        shutil.rmtree(self.root / "_build", ignore_errors=True)
        for mo in (self.root / "locale").glob("**/*.mo"):
            mo.unlink()


def make_variants(base: Path, source: Path = ROOT) -> list[Variant]:
    """The variants, each (but plain concurrent) in a copy of the project at ``source``."""
    variants = []
    for name, ignored, why in (
        ("triglot", (), ""),
        ("plain", TRIGLOT_DIRECTIVES,
         "plain Sphinx: no triglot extension, its directives parsed as no-ops"),
        ("no diagrams", ("architecture",), "triglot without rendering the diagrams"),
    ):
        root = base / name.replace(" ", "-")
        root.mkdir()
        for part in PARTS:
            path = source / part
            if path.is_dir():
                shutil.copytree(path, root / part, ignore=shutil.ignore_patterns("*.mo"))
            else:
                shutil.copy2(path, root / part)
        if ignored:
            extensions = ('extensions = [e for e in extensions if e != "triglot.sphinxext"]'
                          if name == "plain" else "")
            with open(root / "conf.py", "a", encoding="utf-8") as conf:
                conf.write(OVERRIDE.format(why=why, extensions=extensions, names=list(ignored)))
        variants.append(Variant(name, root, plain=name == "plain"))
    # the same plain build, its languages JOBS at a time as triglot site builds them
    variants.insert(2, Variant("plain concurrent", variants[1].root, plain=True,
                               concurrent=True))
    return variants


def counting_dot(folder: Path) -> Path:
    """A ``dot`` that logs each call to ``folder/dot-calls`` and runs the real one."""
    real = shutil.which("dot")
    if real is None:
        raise SystemExit("bench-site needs Graphviz dot on PATH")
    wrapper = folder / "bin" / "dot"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> "{folder / "dot-calls"}"\n'
                       f'exec "{real}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return folder / "dot-calls"


def dot_calls(log: Path) -> int:
    count = len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0
    log.unlink(missing_ok=True)
    return count


def build(variant: Variant, env: dict[str, str], log: Path) -> float:
    """Build every language of ``variant``; return the wall seconds (and add the CPU
    seconds of the build's processes to ``CPU[variant.name]``)."""
    from triglot.project import load_project
    from triglot.site import DOCTREES_DIR, SITE_DIR

    if variant.plain:
        project = load_project(variant.root)
        commands = [[sys.executable, "-m", "sphinx", "-b", "html", "-q", "-c", ".",
                     "-d", str(DOCTREES_DIR / lang.code), "-D", f"language={lang.code}",
                     "docs", str(SITE_DIR / lang.site_dir)] for lang in project.languages]
    else:
        commands = [[sys.executable, "-m", "triglot", "site"]]
    cpu = _children_cpu()
    start = time.perf_counter()
    at_once = JOBS if variant.concurrent else 1
    with open(log, "a", encoding="utf-8") as messages:
        for first in range(0, len(commands), at_once):
            children = [subprocess.Popen(command, cwd=variant.root, env=env, stdout=messages,
                                         stderr=messages)
                        for command in commands[first:first + at_once]]
            for child, command in zip(children, commands[first:], strict=False):
                if child.wait() != 0:
                    raise subprocess.CalledProcessError(child.returncode, command)
    wall = time.perf_counter() - start
    CPU.setdefault(variant.name, []).append(_children_cpu() - cpu)
    return wall


CPU: dict[str, list[float]] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def edit_catalog(root: Path, n: int) -> None:
    """Change the first translated ``msgstr`` of the Japanese article."""
    path = root / EDITED
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r'^(msgstr ".+?)(（編集 \d+）)?"$', rf'\1（編集 {n}）"', text,
                          count=1, flags=re.MULTILINE)
    assert count == 1, f"no translated msgstr in {path}"
    path.write_text(text, encoding="utf-8")


_ASSET = re.compile(r'(?:src|href)="((?:_static|_images)/[^"?#]+)')
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def page_weight(triglot_site: Path, plain_site: Path) -> dict[str, int]:
    """Bytes triglot adds to the article page: HTML, and each asset the page references
    that the plain build lacks or has smaller (``_static/...``)."""
    page = (triglot_site / f"{ARTICLE}.html").read_bytes()
    plain = (plain_site / f"{ARTICLE}.html").read_bytes()
    text = page.decode("utf-8")
    added = {"HTML": len(page) - len(plain),
             "  of which inline SVG": sum(len(m.encode()) for m in _SVG.findall(text))}
    for asset in sorted(set(_ASSET.findall(text))):
        ours = (triglot_site / asset).stat().st_size
        theirs = (plain_site / asset).stat().st_size if (plain_site / asset).exists() else 0
        if ours > theirs:
            added[asset] = ours - theirs
    return added


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _row(figure: str, value: str, reference: str, target: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    return f"{figure:<44} {value:>10} {reference:>16} {target:>10}  {verdict}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m triglot.bench.site",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="clean builds of each (median)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="triglot-bench-site-"))
    try:
        return run(base, args.runs)
    finally:
        if args.keep:
            print(f"kept {base}", file=sys.stderr)
        else:
            shutil.rmtree(base)


def run(base: Path, runs: int, source: Path = ROOT) -> int:
    """The benchmark of the project at ``source``, in ``base``; its exit status."""
    from triglot.languages import get_language
    from triglot.project import load_project

    variants = make_variants(base, source)
    triglot, plain = variants[:2]
    calls = counting_dot(base)
    log = base / "build.log"
    env = {**os.environ, "PATH": f"{base / 'bin'}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "tools"),
                                                      os.environ.get("PYTHONPATH")]))}
    print(f"site benchmark: {len(load_project(source).languages)} languages, {runs} clean "
          f"builds of each variant, interleaved; Sphinx messages in {log}")
    print(f"triglot: triglot site, {JOBS} languages at once (its default --jobs); plain: "
          f"sphinx-build per language, one after the other (the target's reference); plain "
          f"concurrent: the same, {JOBS} at once")

    seconds: dict[str, list[float]] = {v.name: [] for v in variants}
    clean_dots: dict[str, int] = {}
    for _ in range(runs):
        for variant in variants:
            variant.clean()
            seconds[variant.name].append(build(variant, env, log))
            clean_dots[variant.name] = dot_calls(calls)
    clean = {name: _median(values) for name, values in seconds.items()}

    site = Path("_build") / "site"
    weights = {lang: page_weight(triglot.root / site / get_language(lang).site_dir,
                                 plain.root / site / get_language(lang).site_dir)
               for lang in ("en", "ja", "pt_BR")}

    unchanged = build(triglot, env, log)
    unchanged_dots = dot_calls(calls)
    rebuilds, rebuild_dots = [], 0
    for n in range(1, runs + 1):
        edit_catalog(triglot.root, n)
        rebuilds.append(build(triglot, env, log))
        rebuild_dots += dot_calls(calls)
    rebuild = _median(rebuilds)

    ratio = clean["triglot"] / clean["plain"]
    concurrent_ratio = clean["triglot"] / clean["plain concurrent"]
    diagrams = clean["triglot"] - clean["no diagrams"]

    results = [
        ("clean build, 3 languages: ratio", f"{ratio:.2f}",
         f"{clean['triglot']:.2f}/{clean['plain']:.2f} s", f"<= {MAX_RATIO}",
         ratio <= MAX_RATIO),
        (f"  against plain, {JOBS} at once (no target)", f"{concurrent_ratio:.2f}",
         f"{clean['triglot']:.2f}/{clean['plain concurrent']:.2f} s", "", None),
        ("rebuild after one ja msgstr changed", f"{rebuild:.2f} s", "",
         f"< {MAX_REBUILD_SECONDS} s", rebuild < MAX_REBUILD_SECONDS),
    ]
    for lang, added in weights.items():
        total = sum(v for k, v in added.items() if not k.startswith(" "))
        results.append((f"triglot's bytes on the {lang} article page", f"{total:,}", "",
                        f"< {MAX_PAGE_BYTES:,}", total < MAX_PAGE_BYTES))
    results += [
        ("diagrams: added to the clean build", f"{diagrams:.2f} s",
         f"{clean['triglot']:.2f}-{clean['no diagrams']:.2f} s", f"< {MAX_DIAGRAM_SECONDS} s",
         diagrams < MAX_DIAGRAM_SECONDS),
        ("dot runs, clean build (3 languages)", str(clean_dots["triglot"]), "", "", None),
        ("dot runs, rebuild with unchanged models", str(unchanged_dots + rebuild_dots),
         f"{runs + 1} rebuilds", "0", unchanged_dots + rebuild_dots == 0),
    ]

    print(f"{'clean builds, wall seconds':<44} " + "  ".join(
        f"{name}: {' '.join(f'{s:.2f}' for s in values)}" for name, values in seconds.items()))
    print(f"{'  CPU seconds (the machine may be shared)':<44} " + "  ".join(
        f"{name}: {' '.join(f'{s:.2f}' for s in CPU[name][:runs])}" for name in seconds))
    print(f"{'rebuilds, wall seconds':<44} unchanged: {unchanged:.2f}  after an edit: "
          + " ".join(f"{s:.2f}" for s in rebuilds))
    print(f"{'  CPU seconds':<44} unchanged: {CPU['triglot'][runs]:.2f}  after an edit: "
          + " ".join(f"{s:.2f}" for s in CPU["triglot"][runs + 1:]))
    for lang, added in weights.items():
        print(f"{'bytes added, ' + lang + ' article':<44} "
              + "  ".join(f"{k.strip()}: {v:,}" for k, v in added.items()))
    print()
    print(_row("figure", "measured", "from", "target", None))
    for row in results:
        print(_row(*row))
    missed = [row[0] for row in results if row[4] is False]
    print()
    if missed:
        print("targets missed: " + "; ".join(missed))
        return 1
    print("every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())

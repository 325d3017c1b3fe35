"""Site benchmark: ``python -m triglot.bench.site``.

It judges CPU seconds (of the build processes: children included), medians of runs
interleaved between the variants, with wall seconds printed beside. Two parts:

**The project** (this repository's by default, ``--project``): copied into a temporary
folder, so that nothing in the checkout changes, and built side by side as

- ``triglot``: every language as ``triglot site`` builds them;
- ``plain``: the same sources and catalogs with plain Sphinx, one ``sphinx-build`` per
  language, its ``conf.py`` without ``triglot.sphinxext`` and the triglot directives
  (``architecture``, ``triglot-glossary``) parsed as no-ops; the targets compare with this;
- ``no diagrams``: ``triglot site`` with only the ``architecture`` directive a no-op.

Measured: clean builds (caches, doctrees and ``.mo`` files removed), a rebuild with
nothing changed and one after a ``msgstr`` of one page's catalog changed (the page:
``--page``, by default the document whose catalog in the first translation has the most
translated messages), what triglot adds to that page (HTML and the assets it references,
against the plain build), and how many times Graphviz ``dot`` ran (a counting ``dot``
first on ``PATH``).

**Growth:** synthetic projects of 50, 100 and 200 documents in three languages
(:mod:`triglot.bench.synthetic`), triglot against plain Sphinx: clean builds of each
size, and at the largest a rebuild with nothing changed and one after a ``msgstr`` edit;
then the line fitted through each variant's clean-build CPU, and how far each grows from
linearly: the clean CPU per added document between the two largest sizes over that between
the two smallest (:func:`marginal_growth`; 1 for a line). Its target is 1.3, or plain
Sphinx's own figure where that is larger (Sphinx's navigation makes plain builds grow faster
than linearly): triglot must add no cost that grows faster than the build it extends.

``--quick`` (CI's smoke run) builds once each, and synthetic projects of 10, 20 and 40
documents. It exits 1 when a figure misses its target, and says which.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from triglot.bench.cost import Cost, linear_fit, measure, median

ROOT = Path(__file__).resolve().parents[3]
TRIGLOT_DIRECTIVES = ("architecture", "triglot-glossary")
SIZES = (50, 100, 200)
QUICK_SIZES = (10, 20, 40)

MAX_RATIO = 1.3  # triglot's clean build against plain Sphinx's, CPU
MAX_REBUILD_CPU = 2.0  # the project: rebuild after one msgstr edit, CPU seconds
MAX_EDIT_RATIO = 2.0  # synthetic: rebuild after one msgstr edit against plain's
MAX_NOOP_RATIO = 1.5  # synthetic: rebuild with nothing changed against plain's
# clean CPU per added document between the largest sizes, against the smallest: linear.
# Of each build's own CPU: the difference triglot - plain is near zero at small sizes.
MAX_GROWTH = 1.3
MAX_PAGE_BYTES = 100_000
MAX_DIAGRAM_CPU = 2.0

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


@dataclass(frozen=True)
class Variant:
    name: str
    root: Path
    plain: bool  # built with one sphinx-build per language instead of triglot site

    def clean(self) -> None:
        shutil.rmtree(self.root / "_build", ignore_errors=True)
        for mo in self.root.glob("**/LC_MESSAGES/**/*.mo"):
            mo.unlink()


# name: (directives parsed as no-ops, why); plain also drops the extension
KINDS = {
    "triglot": ((), ""),
    "plain": (TRIGLOT_DIRECTIVES,
              "plain Sphinx: no triglot extension, its directives parsed as no-ops"),
    "no diagrams": (("architecture",), "triglot without rendering the diagrams"),
}


def make_variants(base: Path, source: Path = ROOT,
                  names: Sequence[str] = tuple(KINDS)) -> list[Variant]:
    """The variants ``names``, each in a copy of the project whose ``conf.py`` is in
    ``source`` (everything beside it but build output and compiled catalogs)."""
    variants = []
    for name in names:
        ignored, why = KINDS[name]
        root = base / name.replace(" ", "-")
        shutil.copytree(source, root, ignore=shutil.ignore_patterns("_build", "*.mo", ".*"))
        if ignored:
            extensions = ('extensions = [e for e in extensions if e != "triglot.sphinxext"]'
                          if name == "plain" else "")
            with open(root / "conf.py", "a", encoding="utf-8") as conf:
                conf.write(OVERRIDE.format(why=why, extensions=extensions, names=list(ignored)))
        variants.append(Variant(name, root, plain=name == "plain"))
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


def commands(variant: Variant) -> list[list[str]]:
    """What builds ``variant``: ``triglot site``, or ``sphinx-build`` per language."""
    from triglot.project import load_project
    from triglot.site import SITE_DIR, sphinx_arguments

    if not variant.plain:
        return [[sys.executable, "-m", "triglot", "site"]]
    project = load_project(variant.root)
    return [[sys.executable, "-m", "sphinx", "--no-color",
             *sphinx_arguments(project, lang, variant.root / SITE_DIR)]
            for lang in project.languages]


def build(variant: Variant, env: dict[str, str], log: Path) -> Cost:
    """Build every language of ``variant``, one process after the other; their cost."""
    with open(log, "a", encoding="utf-8") as messages, measure() as measured:
        for command in commands(variant):
            subprocess.run(command, cwd=variant.root, env=env, stdout=messages,
                           stderr=messages, check=True)
    return measured.cost


def default_page(root: Path) -> str:
    """The document of the project at ``root`` whose catalog in its first translation
    has the most translated messages (the first such in name order)."""
    from triglot.catalog import read_catalog
    from triglot.project import load_project

    project = load_project(root)
    if not project.translations:
        raise SystemExit(f"bench-site: {root} has no translation to edit")
    folder = project.locale_dir / project.translations[0].code / "LC_MESSAGES"
    counts = {}
    for path in sorted(folder.glob("**/*.po")):
        domain = path.relative_to(folder).with_suffix("").as_posix()
        if any(project.source_dir.glob(f"{domain}.*")):
            counts[domain] = sum(1 for m in read_catalog(path) if m.id and m.string)
    if not counts:
        raise SystemExit(f"bench-site: no catalog of a document in {folder}")
    return max(counts, key=lambda domain: counts[domain])


def edited_catalog(root: Path, page: str) -> Path:
    """The catalog of ``page`` the rebuild edits: the first translation's."""
    from triglot.project import load_project

    project = load_project(root)
    return project.catalog_path(project.translations[0], page)


_EDITED = r'( \[edit \d+\])?"$'
# a paragraph's msgstr, written on several lines; else any translated one
_PARAGRAPH = re.compile(r'^(msgstr ""\n(?:".*"\n)*".*?)' + _EDITED, re.MULTILINE)
_ANY = re.compile(r'^(msgstr ".+?)' + _EDITED, re.MULTILINE)


def edit_catalog(path: Path, n: int) -> None:
    """Change a translation in the catalog at ``path`` (edit ``n``): the first paragraph's
    (a msgstr on several lines; a title's change would also change every toctree), else
    the first translated one."""
    text = path.read_text(encoding="utf-8")
    header, blank, entries = text.partition("\n\n")  # the header entry ends at a blank line
    for pattern in (_PARAGRAPH, _ANY):
        entries, count = pattern.subn(rf'\1 [edit {n}]"', entries, count=1)
        if count:
            break
    assert count == 1, f"no translated msgstr in {path}"
    path.write_text(header + blank + entries, encoding="utf-8")


_ASSET = re.compile(r'(?:src|href)="((?:_static|_images)/[^"?#]+)')
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def page_weight(triglot_site: Path, plain_site: Path, page: str) -> dict[str, int]:
    """Bytes triglot adds to ``page``: HTML, and each asset the page references that the
    plain build lacks or has smaller (``_static/...``)."""
    ours = (triglot_site / f"{page}.html").read_bytes()
    plain = (plain_site / f"{page}.html").read_bytes()
    text = ours.decode("utf-8")
    added = {"HTML": len(ours) - len(plain),
             "  of which inline SVG": sum(len(m.encode()) for m in _SVG.findall(text))}
    for asset in sorted(set(_ASSET.findall(text))):
        mine = (triglot_site / asset).stat().st_size
        theirs = (plain_site / asset).stat().st_size if (plain_site / asset).exists() else 0
        if mine > theirs:
            added[asset] = mine - theirs
    return added


Step = Callable[[Variant, int], Cost]


def interleaved(variants: Sequence[Variant], runs: int, step: Step) -> dict[str, list[Cost]]:
    """``step(variant, run)`` ``runs`` times for each variant, taking turns."""
    costs: dict[str, list[Cost]] = {v.name: [] for v in variants}
    for n in range(1, runs + 1):
        for variant in variants:
            costs[variant.name].append(step(variant, n))
    return costs


Row = tuple[str, str, str, str, "bool | None"]


def _row(figure: str, value: str, reference: str, target: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    return f"{figure:<48} {value:>12} {reference:>18} {target:>10}  {verdict}"


def _show(what: str, costs: dict[str, list[Cost]]) -> None:
    for name, values in costs.items():
        print(f"{what + ', ' + name:<48} CPU " + " ".join(f"{c.cpu:.2f}" for c in values)
              + "  (wall " + " ".join(f"{c.wall:.2f}" for c in values) + ")")


class Bench:
    """One run of the benchmark in ``base``: where builds log, and their environment."""

    def __init__(self, base: Path, runs: int) -> None:
        self.base, self.runs = base, runs
        self.log = base / "build.log"
        self.calls = counting_dot(base)
        self.env = {**os.environ,
                    "PATH": f"{base / 'bin'}{os.pathsep}{os.environ['PATH']}",
                    "PYTHONPATH": os.pathsep.join(filter(None, [
                        str(ROOT / "tools"), os.environ.get("PYTHONPATH")]))}

    def clean_build(self, variant: Variant, n: int) -> Cost:
        variant.clean()
        return build(variant, self.env, self.log)

    def rebuild(self, variant: Variant, n: int) -> Cost:
        return build(variant, self.env, self.log)

    def edit_rebuild(self, page: str) -> Step:
        def step(variant: Variant, n: int) -> Cost:
            edit_catalog(edited_catalog(variant.root, page), n)
            return build(variant, self.env, self.log)
        return step

    def rebuilds(self, variants: Sequence[Variant], page: str, what: str
                 ) -> tuple[dict[str, Cost], dict[str, Cost]]:
        """Medians of rebuilds with nothing changed, and after a msgstr edit of ``page``."""
        unchanged = interleaved(variants, self.runs, self.rebuild)
        _show(f"{what}: rebuild, nothing changed", unchanged)
        edited = interleaved(variants, self.runs, self.edit_rebuild(page))
        _show(f"{what}: rebuild after one msgstr edit", edited)
        return ({k: median(v) for k, v in unchanged.items()},
                {k: median(v) for k, v in edited.items()})

    def project(self, source: Path, page: str) -> list[Row]:
        """The project at ``source``: its rows of the verdict table."""
        from triglot.languages import get_language
        from triglot.project import load_project

        variants = make_variants(self.base / "project", source)
        triglot, plain, no_diagrams = variants
        dots: list[int] = []

        def clean(variant: Variant, n: int) -> Cost:
            cost = self.clean_build(variant, n)
            if variant is triglot:
                dots.append(dot_calls(self.calls))
            return cost

        (self.base / "project").mkdir(exist_ok=True)
        costs = interleaved(variants, self.runs, clean)
        _show("project: clean build", costs)
        dot_calls(self.calls)
        cleans = {name: median(values) for name, values in costs.items()}
        site = Path("_build") / "site"
        codes = [lang.code for lang in load_project(source).languages]
        weights = {code: page_weight(triglot.root / site / get_language(code).site_dir,
                                     plain.root / site / get_language(code).site_dir, page)
                   for code in codes}
        for code, added in weights.items():
            print(f"{'project: bytes added, ' + code + ' ' + page:<48} "
                  + "  ".join(f"{k.strip()}: {v:,}" for k, v in added.items()))
        dot_calls(self.calls)
        unchanged, edited = self.rebuilds([triglot, plain], page, "project")
        rebuild_dots = dot_calls(self.calls)

        ratio = cleans["triglot"].cpu / cleans["plain"].cpu
        diagrams = cleans["triglot"].cpu - cleans["no diagrams"].cpu
        rows: list[Row] = [
            (f"project: clean build, {len(codes)} languages, ratio", f"{ratio:.2f}",
             f"{cleans['triglot'].cpu:.2f}/{cleans['plain'].cpu:.2f} s", f"<= {MAX_RATIO}",
             ratio <= MAX_RATIO),
            ("project: rebuild after one msgstr edit", f"{edited['triglot'].cpu:.2f} s",
             f"plain {edited['plain'].cpu:.2f} s", f"< {MAX_REBUILD_CPU} s",
             edited["triglot"].cpu < MAX_REBUILD_CPU),
            ("project: rebuild, nothing changed", f"{unchanged['triglot'].cpu:.2f} s",
             f"plain {unchanged['plain'].cpu:.2f} s", "", None),
        ]
        for code, added in weights.items():
            total = sum(v for k, v in added.items() if not k.startswith(" "))
            rows.append((f"project: triglot's bytes on {code} {page}", f"{total:,}", "",
                         f"< {MAX_PAGE_BYTES:,}", total < MAX_PAGE_BYTES))
        rows += [
            ("project: diagrams' CPU in the clean build", f"{diagrams:.2f} s",
             f"{cleans['triglot'].cpu:.2f}-{cleans[no_diagrams.name].cpu:.2f} s",
             f"< {MAX_DIAGRAM_CPU} s", diagrams < MAX_DIAGRAM_CPU),
            ("project: dot runs, clean build", str(max(dots)), "", "", None),
            ("project: dot runs, rebuilds", str(rebuild_dots), f"{2 * self.runs} rebuilds",
             "0", rebuild_dots == 0),
        ]
        return rows

    def growth(self, sizes: Sequence[int]) -> list[Row]:
        """Synthetic projects of ``sizes`` documents: their rows of the verdict table."""
        from triglot.bench.synthetic import make_project

        cleans: dict[int, dict[str, Cost]] = {}
        variants: list[Variant] = []
        for size in sizes:
            folder = self.base / f"synthetic-{size}"
            source = make_project(folder / "source", size)
            variants = make_variants(folder, source, ("triglot", "plain"))
            costs = interleaved(variants, self.runs, self.clean_build)
            _show(f"{size} documents: clean build", costs)
            cleans[size] = {name: median(values) for name, values in costs.items()}
        largest = sizes[-1]
        page = default_page(variants[0].root)
        unchanged, edited = self.rebuilds(variants, page, f"{largest} documents")
        dot_calls(self.calls)

        ratio = cleans[largest]["triglot"].cpu / cleans[largest]["plain"].cpu
        edit_ratio = edited["triglot"].cpu / edited["plain"].cpu
        noop_ratio = unchanged["triglot"].cpu / unchanged["plain"].cpu
        rows: list[Row] = [
            (f"{size} documents: clean build, ratio",
             f"{cleans[size]['triglot'].cpu / cleans[size]['plain'].cpu:.2f}",
             f"{cleans[size]['triglot'].cpu:.2f}/{cleans[size]['plain'].cpu:.2f} s", "", None)
            for size in sizes[:-1]]
        rows += [
            (f"{largest} documents: clean build, ratio", f"{ratio:.2f}",
             f"{cleans[largest]['triglot'].cpu:.2f}/{cleans[largest]['plain'].cpu:.2f} s",
             f"<= {MAX_RATIO}", ratio <= MAX_RATIO),
            (f"{largest} documents: rebuild after an edit, ratio", f"{edit_ratio:.2f}",
             f"{edited['triglot'].cpu:.2f}/{edited['plain'].cpu:.2f} s",
             f"<= {MAX_EDIT_RATIO}", edit_ratio <= MAX_EDIT_RATIO),
            (f"{largest} documents: rebuild, nothing changed, ratio", f"{noop_ratio:.2f}",
             f"{unchanged['triglot'].cpu:.2f}/{unchanged['plain'].cpu:.2f} s",
             f"<= {MAX_NOOP_RATIO}", noop_ratio <= MAX_NOOP_RATIO),
        ]
        for name in ("triglot", "plain"):
            fit = linear_fit(sizes, [cleans[size][name].cpu for size in sizes])
            rows.append((f"clean CPU, {name}: fitted line (s, N docs)",
                         f"{fit.intercept:.2f}+{fit.slope:.3f}N", f"R² {fit.r2:.4f}", "", None))
        growth = {name: marginal_growth(sizes, [cleans[size][name].cpu for size in sizes])
                  for name in ("triglot", "plain")}
        # Sphinx's own navigation grows faster than linearly in the number of documents, so
        # the target is that triglot adds nothing that grows faster than Sphinx's own cost
        limit = max(MAX_GROWTH, growth["plain"])
        rows.append(("clean CPU per added document, growth", f"{growth['triglot']:.2f}",
                     f"plain {growth['plain']:.2f}", f"<= max({MAX_GROWTH}, plain)",
                     growth["triglot"] <= limit))
        return rows


def marginal_growth(sizes: Sequence[int], values: Sequence[float]) -> float:
    """How much faster than linearly ``values`` grow with ``sizes``: the increase per unit
    between the two largest sizes over that between the two smallest (1 for a line, above
    1 for a cost that grows faster; infinite when it does not grow at the smallest sizes).

    >>> line, parabola = [13, 23, 43], [5, 10, 30]
    >>> marginal_growth([50, 100, 200], line), marginal_growth([50, 100, 200], parabola)
    (1.0, 2.0)
    """
    low = (values[1] - values[0]) / (sizes[1] - sizes[0])
    high = (values[-1] - values[-2]) / (sizes[-1] - sizes[-2])
    return high / low if low > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m triglot.bench.site",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="builds of each figure (median; default 3)")
    parser.add_argument("--quick", action="store_true",
                        help=f"CI's smoke run: one build each, synthetic sizes {QUICK_SIZES}")
    parser.add_argument("--project", type=Path, default=ROOT,
                        help="the folder of the project's conf.py (default: this repository)")
    parser.add_argument("--page", help="the document whose catalog is edited and whose page "
                        "is weighed (default: the one with the most translated messages)")
    parser.add_argument("--sizes", type=int, nargs="+",
                        help=f"synthetic projects' documents (default {' '.join(map(str, SIZES))})")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 3)
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    if len(sizes) < 3:
        parser.error("--sizes: at least three sizes, to see how the cost grows")

    base = Path(tempfile.mkdtemp(prefix="triglot-bench-site-"))
    try:
        return run(base, runs, args.project.resolve(), args.page, sorted(sizes))
    finally:
        if args.keep:
            print(f"kept {base}", file=sys.stderr)
        else:
            shutil.rmtree(base)


def run(base: Path, runs: int, source: Path = ROOT, page: str | None = None,
        sizes: Sequence[int] = SIZES) -> int:
    """The benchmark of the project at ``source`` and of synthetic projects of ``sizes``
    documents, in ``base``; its exit status."""
    page = page or default_page(source)
    bench = Bench(base, runs)
    print(f"site benchmark: {runs} build(s) of each figure, variants interleaved, medians of "
          f"CPU seconds (build processes included), wall seconds beside; the project's "
          f"page {page}; synthetic projects of {', '.join(map(str, sizes))} documents; "
          f"Sphinx messages in {bench.log}")
    rows = bench.project(source, page) + bench.growth(sizes)
    print()
    print(_row("figure", "measured", "from", "target", None))
    for row in rows:
        print(_row(*row))
    missed = [row[0] for row in rows if row[4] is False]
    print()
    if missed:
        print("targets missed: " + "; ".join(missed))
        return 1
    print("every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())

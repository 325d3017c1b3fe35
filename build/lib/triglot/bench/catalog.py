"""Catalog benchmark: ``python -m triglot.bench.catalog``.

On the Python tutorial of ``../shared/bench/projects/python-tutorial`` (its real ja and
pt_BR catalogs), copied into a temporary folder so that nothing shared changes: for each
tutorial page and language, the real catalog's translations of the page's current
messages are rendered back into a whole document (one paragraph a line, in the page's
order; messages spanning several lines, the literal blocks, cannot be lines and are left
out) and imported

- (a) into an empty catalog, in a child process (its CPU time is the import time, the
  first language's with the page's template still to extract, the second's from the
  template cache): how many real translations it reproduces, how many entries it flags
  fuzzy and how many of those flags are false doubts (the text is the real one);
- (b) into a copy of the real catalog: how many lines it changes, beside the lines that
  merging the fresh template alone changes (what msgmerge would change too: a catalog
  behind its English has new and changed messages);

and then once more each, which must change nothing. It exits 1 when a figure misses
its target, and says which. The fixture's ``conf.py`` lists ``Doc/howto/`` for its LaTeX
documents, which the reduced tree lacks: the copy gets an empty one.
"""

from __future__ import annotations

import argparse
import difflib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from triglot.catalog import read_catalog, update_catalog, write_catalog
from triglot.importing import import_translation
from triglot.languages import get_language
from triglot.messages import read_template
from triglot.project import Project

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT.parent / "shared" / "bench" / "projects" / "python-tutorial"
LANGUAGES = ("ja", "pt_BR")

MIN_REPRODUCED = 0.98
MAX_FALSE_DOUBTS = 0.05
MAX_IMPORT_CPU = 2.0


@dataclass
class Page:
    language: str
    doc: str
    entries: int = 0  # real translations of the page's single-line messages
    multiline: int = 0
    reproduced: int = 0
    fuzzy: int = 0
    false_doubts: int = 0
    cpu: float = 0.0
    wall: float = 0.0
    cold: bool = False
    lines_import: int = 0
    lines_merge: int = 0
    lines_beyond_merge: int = 0
    second_a_changed: bool = False
    second_b_changed: bool = False


def project(root: Path, locales: str) -> Project:
    """The fixture's project: sources beside conf.py, catalogs in ``locales``."""
    languages = tuple(get_language(code) for code in ("en", *LANGUAGES))
    return Project(root=root, languages=languages, glossary=root / "no-glossary.yaml",
                   sources=".", locales=locales)


def _changed_lines(before: str, after: str) -> int:
    return sum(1 for line in difflib.unified_diff(before.split("\n"), after.split("\n"),
                                                  lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---")))


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def import_in_child(root: Path, locales: str, language: str, original: Path, doc: str,
                    cache: Path | None) -> tuple[float, float]:
    """Run one import in a fresh interpreter (with ``cache`` as its user cache, if given);
    its (CPU, wall) seconds."""
    command = [sys.executable, "-m", "triglot.bench.catalog", "--import-one", str(root),
               locales, language, str(original), doc]
    env = {**os.environ, **({"XDG_CACHE_HOME": str(cache)} if cache else {})}
    cpu, wall = _cpu_children(), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return _cpu_children() - cpu, time.perf_counter() - wall


def run_page(work: Path, root: Path, language: str, doc: str, cold: bool) -> Page:
    page = Page(language, doc, cold=cold)
    real_project = project(root, "../locales")
    real_path = real_project.catalog_path(get_language(language), doc)
    real = read_catalog(real_path)
    template = read_template(real_project, doc)
    paragraphs = []
    for message in template:
        found = real.get(message.id) if message.id else None
        if found is None or not found.string or found.fuzzy:
            continue
        if "\n" in str(message.id) or "\n" in str(found.string):
            page.multiline += 1
            continue
        paragraphs.append((str(message.id), str(found.string)))
    page.entries = len(paragraphs)
    original = work / "originals" / f"{doc.replace('/', '-')}.{language}.txt"
    original.parent.mkdir(parents=True, exist_ok=True)
    original.write_text("".join(text + "\n" for _, text in paragraphs), encoding="utf-8")

    # (a) into an empty catalog
    cache = work / "cache" / "cold" / doc.replace("/", "-") if cold else None  # no template
    page.cpu, page.wall = import_in_child(root, "../locales-empty", language, original, doc,
                                          cache)
    empty = project(root, "../locales-empty")
    imported = read_catalog(empty.catalog_path(get_language(language), doc))
    for msgid, text in paragraphs:
        entry = imported.get(msgid)
        same = entry is not None and entry.string == text
        page.reproduced += same
        if entry is not None and entry.fuzzy and entry.string:
            page.fuzzy += 1
            page.false_doubts += same
    page.second_a_changed = import_translation(empty, language, original, docname=doc,
                                               use_glossary=False).changed

    # (b) into the real catalog, beside merging the template alone
    before = real_path.read_text(encoding="utf-8")
    merged_project = project(root, "../locales-merged")
    merged_path = merged_project.catalog_path(get_language(language), doc)
    merged = read_catalog(merged_path)
    update_catalog(merged, template)
    write_catalog(merged_path, merged)
    import_translation(real_project, language, original, docname=doc, use_glossary=False)
    after = real_path.read_text(encoding="utf-8")
    page.lines_import = _changed_lines(before, after)
    page.lines_merge = _changed_lines(before, merged_path.read_text(encoding="utf-8"))
    page.lines_beyond_merge = _changed_lines(merged_path.read_text(encoding="utf-8"), after)
    page.second_b_changed = import_translation(real_project, language, original, docname=doc,
                                               use_glossary=False).changed
    return page


def copy_fixture(fixture: Path, work: Path) -> Path:
    """A writable copy of the fixture, with three copies of its catalogs' folder (real,
    merged only, empty); the copy's ``Doc``."""
    target = work / "project"
    shutil.copytree(fixture, target, copy_function=shutil.copyfile)
    shutil.copytree(target / "locales", target / "locales-merged", copy_function=shutil.copyfile)
    (target / "locales-empty").mkdir()
    root = target / "Doc"
    (root / "howto").mkdir(exist_ok=True)
    return root


def _report(pages: list[Page]) -> list[str]:
    misses = []
    print(f"{'page':<28} {'lang':<6} {'entries':>7} {'repro':>6} {'fuzzy':>5} {'false':>5} "
          f"{'cpu s':>6} {'wall s':>6} {'(b) lines':>9} {'merge':>5} {'beyond':>6} {'2nd':>4}")
    for page in pages:
        second = "no" if not (page.second_a_changed or page.second_b_changed) else "YES"
        print(f"{page.doc:<28} {page.language:<6} {page.entries:>7} {page.reproduced:>6} "
              f"{page.fuzzy:>5} {page.false_doubts:>5} {page.cpu:>6.2f} {page.wall:>6.2f} "
              f"{page.lines_import:>9} {page.lines_merge:>5} {page.lines_beyond_merge:>6} "
              f"{second:>4}")
    print()
    for language in LANGUAGES:
        mine = [p for p in pages if p.language == language]
        entries = sum(p.entries for p in mine)
        reproduced = sum(p.reproduced for p in mine)
        fuzzy = sum(p.fuzzy for p in mine)
        false = sum(p.false_doubts for p in mine)
        share = reproduced / entries if entries else 1.0
        false_share = false / entries if entries else 0.0
        print(f"{language}: (a) reproduced {reproduced} of {entries} real translations "
              f"({share:.1%}, target >= {MIN_REPRODUCED:.0%}); {fuzzy} fuzzy, {false} of them "
              f"false doubts (the real text): {false_share:.1%} of the entries (target < "
              f"{MAX_FALSE_DOUBTS:.0%}), {false} of {fuzzy} flags; "
              f"{sum(p.multiline for p in mine)} multi-line messages left out")
        print(f"{language}: (b) lines changed by the import {sum(p.lines_import for p in mine)}"
              f", by merging the template alone {sum(p.lines_merge for p in mine)}, by the "
              f"import beyond that merge {sum(p.lines_beyond_merge for p in mine)} (target 0)")
        if share < MIN_REPRODUCED:
            misses.append(f"{language}: (a) reproduced {share:.1%} < {MIN_REPRODUCED:.0%}")
        if false_share >= MAX_FALSE_DOUBTS:
            misses.append(f"{language}: false doubts on {false_share:.1%} of the entries")
        if sum(p.lines_beyond_merge for p in mine):
            misses.append(f"{language}: (b) the import changed lines beyond the merge")
    again = [f"{p.language} {p.doc}" for p in pages if p.second_a_changed or p.second_b_changed]
    print(f"second import changed: {', '.join(again) or 'nothing'} (target nothing)")
    cold = [p.cpu for p in pages if p.cold]
    warm = [p.cpu for p in pages if not p.cold]
    print(f"import of one page, a fresh process, CPU s (target <= {MAX_IMPORT_CPU}): "
          f"template to extract median {statistics.median(cold):.2f} max {max(cold):.2f}; "
          f"template cached median {statistics.median(warm):.2f} max {max(warm):.2f}; "
          f"wall median {statistics.median(p.wall for p in pages):.2f}")
    if again:
        misses.append("a second import changed a catalog")
    if max(cold + warm) > MAX_IMPORT_CPU:
        misses.append(f"an import took {max(cold + warm):.2f} s CPU > {MAX_IMPORT_CPU}")
    return misses


def _import_one(argv: list[str]) -> int:
    root, locales, language, original, doc = argv
    import_translation(project(Path(root), locales), language, Path(original), docname=doc,
                       use_glossary=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["--import-one"]:
        return _import_one(arguments[1:])
    parser = argparse.ArgumentParser(prog="python -m triglot.bench.catalog", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixture", type=Path, default=FIXTURE)
    parser.add_argument("--pages", nargs="*", help="only these pages (e.g. tutorial/errors)")
    args = parser.parse_args(arguments)
    docs = args.pages or sorted(
        f"tutorial/{path.stem}" for path in (args.fixture / "Doc" / "tutorial").glob("*.rst"))
    with tempfile.TemporaryDirectory(prefix="triglot-bench-catalog-") as folder:
        work = Path(folder)
        os.environ["XDG_CACHE_HOME"] = str(work / "cache" / "warm")  # not the user's cache
        root = copy_fixture(args.fixture, work)
        pages = [run_page(work, root, language, doc, cold=index == 0)
                 for doc in docs for index, language in enumerate(LANGUAGES)]
    misses = _report(pages)
    for miss in misses:
        print(f"MISSED: {miss}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the paragraph aligner: ``python -m triglot.bench.align``.

Aligns the seeds and ``para/dev`` of the shared benchmark (one language after the other,
one core), scores with the benchmark's own ``score_align.py`` (strict and lax precision,
recall, F1, micro over documents), prints the seconds, and runs NLTK's Gale-Church on the
same documents side by side (whole document as one block, target lengths scaled as in
``para/BASELINES.md``). Then a synthetic 5,000-paragraph pair (dev documents end to end)
in a child process, for its time and peak memory. The dev documents are also scored in
two halves (alternate documents), to see that the figures do not hang on a few of them.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

from triglot.align import align_paragraphs
from triglot.segment import paragraphs
from triglot.textio import read_text

ROOT = Path(__file__).resolve().parents[3]
LANGS = {"ja": "ja", "pt": "pt_BR"}
GALE_CHURCH_SCALE = {"ja": 1.585, "pt": 0.944}  # para/BASELINES.md
SEEDS = {"ja": ("iis-aspnet.ja.txt", "iis-aspnet.en-ja.gold"),
         "pt": ("iis-aspnet.pt-BR.txt", "iis-aspnet.en-pt-BR.gold")}
SYNTHETIC_PARAGRAPHS = 5000

Doc = tuple[list[str], list[str], list]  # source, target, gold beads


def _scorer(bench_dir: Path) -> ModuleType:
    sys.path.insert(0, str(bench_dir))
    return importlib.import_module("score_align")


def _lines(path: Path) -> list[str]:
    return paragraphs(read_text(path), "lines")


def load_dev(bench_dir: Path, lang: str, scorer: ModuleType) -> list[tuple[str, Doc]]:
    folder = bench_dir / "para" / "dev" / lang
    return [(src.stem, (_lines(src), _lines(src.with_suffix(".tgt")),
                        scorer.read_beads(str(src.with_suffix(".gold")))))
            for src in sorted(folder.glob("*.src"))]


def load_seeds(seeds_dir: Path, lang: str, scorer: ModuleType) -> Doc:
    target, gold = SEEDS[lang]
    return (_lines(seeds_dir / "iis-aspnet.en.txt"), _lines(seeds_dir / target),
            scorer.read_beads(str(seeds_dir / gold)))


def triglot_beads(doc: Doc, lang: str) -> list:
    result = align_paragraphs(doc[0], doc[1], source_lang="en", target_lang=LANGS[lang])
    return [(list(b.source), list(b.target)) for b in result.beads]


def gale_church_beads(doc: Doc, lang: str, scorer: ModuleType) -> list:
    from alignio import links_to_beads  # beside score_align.py
    from nltk.translate.gale_church import align_blocks

    source, target = doc[0], doc[1]
    if not source or not target:
        return [([i], []) for i in range(len(source))] + [([], [j]) for j in range(len(target))]
    scale = GALE_CHURCH_SCALE[lang]
    links = align_blocks([len(s) for s in source], [round(len(t) * scale) for t in target])
    return links_to_beads(links, len(source), len(target))


def _run(docs: list[Doc], align) -> tuple[list, float]:
    start = time.process_time()
    found = [align(doc) for doc in docs]
    return found, time.process_time() - start


def _line(name: str, lang: str, figures: dict, seconds: float | None) -> str:
    secs = "" if seconds is None else f"{seconds:8.2f}"
    return (f"{name:<22} {lang:<3} {figures['precision_strict']:.3f}  "
            f"{figures['recall_strict']:.3f}  {figures['f1_strict']:.3f}   "
            f"{figures['precision_lax']:.3f}  {figures['recall_lax']:.3f}  "
            f"{figures['f1_lax']:.3f} {secs}")


def synthetic(bench_dir: Path, size: int) -> dict:
    """Align dev documents end to end until ``size`` source paragraphs; time and memory."""
    scorer = _scorer(bench_dir)
    source: list[str] = []
    target: list[str] = []
    gold: list = []
    for _, (src, tgt, beads) in load_dev(bench_dir, "pt", scorer):
        gold += [([i + len(source) for i in s], [j + len(target) for j in t]) for s, t in beads]
        source += src
        target += tgt
        if len(source) >= size:
            break
    start = time.process_time()
    found = triglot_beads((source, target, gold), "pt")
    seconds = time.process_time() - start
    figures = scorer.score([gold], [found])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"source": len(source), "target": len(target), "seconds": seconds,
            "peak_mb": peak_mb, "f1_strict": figures["f1_strict"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m triglot.bench.align", description=__doc__)
    parser.add_argument("--bench-dir", type=Path, default=ROOT / ".." / "shared" / "bench")
    parser.add_argument("--seeds-dir", type=Path, default=ROOT / ".." / "shared" / "seeds")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip NLTK's Gale-Church (about a minute)")
    parser.add_argument("--synthetic-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    bench_dir = args.bench_dir.resolve()
    if not (bench_dir / "score_align.py").is_file():
        print(f"no benchmark at {bench_dir} (use --bench-dir)", file=sys.stderr)
        return 2
    if args.synthetic_only:
        print(json.dumps(synthetic(bench_dir, SYNTHETIC_PARAGRAPHS)))
        return 0
    scorer = _scorer(bench_dir)
    print(f"{'system':<22} {'':<3} strict P/R/F1        lax P/R/F1       seconds")
    for lang in LANGS:
        seeds = load_seeds(args.seeds_dir, lang, scorer)
        seed_beads = triglot_beads(seeds, lang)
        print(_line("triglot seeds", lang, scorer.score([seeds[2]], [seed_beads]), None))
        named = load_dev(bench_dir, lang, scorer)
        docs = [doc for _, doc in named]
        golds = [doc[2] for doc in docs]
        found, seconds = _run(docs, functools.partial(triglot_beads, lang=lang))
        print(_line("triglot dev", lang, scorer.score(golds, found), seconds))
        for half in (0, 1):
            print(_line(f"  half {half + 1} of dev", lang,
                        scorer.score(golds[half::2], found[half::2]), None))
        if not args.no_baseline:
            found, seconds = _run(docs, functools.partial(gale_church_beads, lang=lang, scorer=scorer))
            print(_line("NLTK Gale-Church dev", lang, scorer.score(golds, found), seconds))
    child = subprocess.run([sys.executable, "-m", "triglot.bench.align", "--synthetic-only",
                            "--bench-dir", str(bench_dir)], capture_output=True, text=True,
                           check=True)
    result = json.loads(child.stdout)
    print(f"synthetic pair {result['source']}x{result['target']} paragraphs: "
          f"{result['seconds']:.2f} s, peak {result['peak_mb']:.0f} MB, "
          f"strict F1 {result['f1_strict']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

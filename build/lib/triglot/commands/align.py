"""``triglot align``: pair the paragraphs of a document with those of its translation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "align"
HELP = "align the paragraphs of a document and its translation (beads, JSON, TSV or TMX)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", metavar="SRC", help="the source document")
    parser.add_argument("target", nargs="?", metavar="TGT", help="its translation")
    parser.add_argument("--batch", metavar="PAIRS", type=Path,
                        help="align many pairs: each line is SRC<TAB>TGT<TAB>OUT")
    parser.add_argument("--source-lang", default="en", help="source language (default: en)")
    parser.add_argument("--target-lang", required=True, help="target language: ja, pt_BR ...")
    parser.add_argument("--paragraphs", choices=("lines", "blank"), default="lines",
                        help="one paragraph per line, or separated by blank lines")
    parser.add_argument("--format", choices=("beads", "json", "tsv", "tmx"), default="beads",
                        help="beads (the gold format), json (with confidences and "
                             "anomalies), tsv or tmx (TMX 1.4b)")
    parser.add_argument("--glossary", metavar="FILE", type=Path,
                        help="a termbase whose term pairs anchor the alignment")
    parser.add_argument("-o", "--output", metavar="OUT", type=Path,
                        help="write here instead of standard output")


def run(args: argparse.Namespace) -> int:
    from triglot.align import align_paragraphs
    from triglot.align.output import render, report
    from triglot.errors import TriglotError
    from triglot.languages import get_language
    from triglot.segment import paragraphs
    from triglot.textio import read_text, write_atomic

    source_lang = get_language(args.source_lang).code
    target_lang = get_language(args.target_lang).code
    lexicon = _lexicon(args.glossary, source_lang, target_lang)

    def read(path: Path) -> list[str]:
        found = paragraphs(read_text(path), args.paragraphs)
        if not found:
            raise TriglotError("empty document: no paragraphs", path=path)
        return found

    def align_one(src: Path, tgt: Path) -> tuple[str, str]:
        source, target = read(src), read(tgt)
        try:
            result = align_paragraphs(source, target, source_lang=source_lang,
                                      target_lang=target_lang, lexicon=lexicon)
        except TriglotError as exc:
            raise TriglotError(exc.message, path=f"{src} + {tgt}") from None
        text = render(result, source, target, args.format,
                      source_lang=source_lang, target_lang=target_lang)
        return text, "" if args.format == "json" else report(result, f"{src} + {tgt}")

    if args.batch is None:
        if args.source is None or args.target is None:
            raise TriglotError("give SRC and TGT, or --batch PAIRS")
        text, anomalies = align_one(Path(args.source), Path(args.target))
        sys.stderr.write(anomalies)
        if args.output is None:
            sys.stdout.write(text)
        else:
            write_atomic(args.output, text.encode("utf-8"))
        return 0
    if args.source is not None or args.output is not None:
        raise TriglotError("--batch takes its documents and outputs from PAIRS alone")
    jobs = _pairs(args.batch, read_text(args.batch))
    failed = 0
    for done, (src, tgt, out) in enumerate(jobs, start=1):
        _progress(done - 1, len(jobs))
        try:
            text, anomalies = align_one(src, tgt)
            write_atomic(out, text.encode("utf-8"))
            sys.stderr.write(anomalies)
        except TriglotError as exc:
            failed += 1
            print(f"triglot align: error: {exc}", file=sys.stderr)
    _progress(len(jobs), len(jobs))
    return 2 if failed else 0


def _pairs(path: Path, text: str) -> list[tuple[Path, Path, Path]]:
    """The jobs of a PAIRS file; relative paths are relative to the current directory."""
    from triglot.errors import TriglotError

    jobs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not all(field.strip() for field in fields):
            raise TriglotError("expected SRC<TAB>TGT<TAB>OUT", path=path, line=number)
        src, tgt, out = (Path(field.strip()) for field in fields)
        jobs.append((src, tgt, out))
    return jobs


def _progress(done: int, total: int) -> None:
    """A progress bar on a terminal; nothing when standard error is a file or a pipe."""
    if not sys.stderr.isatty() or not total:
        return
    width = 30
    filled = width * done // total
    end = "\n" if done == total else ""
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
    sys.stderr.flush()


def _lexicon(path: Path | None, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    """Term pairs from the glossary, when the glossary module exists in this install."""
    if path is None:
        return []
    try:
        from triglot.glossary import load_termbase  # type: ignore[attr-defined]
    except ImportError:
        print("triglot align: note: no glossary support installed; aligning without "
              f"{path}", file=sys.stderr)
        return []
    return list(load_termbase(path).term_pairs(source_lang, target_lang))

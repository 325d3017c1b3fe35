"""Terminology benchmark: ``python -m triglot.bench.terms``.

1. Precision and recall on an injected-error set built from a project's real
   translations (``--injected``, default: the catalogs of the project in
   ``--project``): for every (entry, concept) whose translation carries an approved term,
   variants that replace that term by each deprecated/forbidden variant (expected
   ``term-forbidden``), by a neutral word (expected ``term-missing``), and by correct
   inflected or spelling variants (plural, capitalised, Japanese without spaces or
   without a final long-vowel mark; English source pluralised or hyphenated), expected
   clean. Scored per (entry, concept).
2. Precision and recall on real entries (``../shared/bench/terms-real``): its
   ``score.py`` run on this checker, the ``main`` and ``+untr`` rows per language.
3. Throughput on the large real catalogs of ``../shared/bench/catalogs``: ``triglot
   check`` and translate-toolkit's ``pofilter`` (default checks) on the same catalogs, in
   the same run, each as a child process (CPU seconds, children included, with wall time
   and peak RSS beside).
4. Termbase size: the ja catalogs checked against the project termbase and against it
   grown to 10,000 concepts (synthetic concepts whose terms occur nowhere), CPU seconds.
5. Start-up: ``triglot check`` of the smallest ja catalog with the project termbase.

Every timed figure is the median of ``--runs`` runs, the compared commands interleaved
(A B A B ...) so that load on a shared machine falls on both alike; each row names its
target.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from triglot.check.catalogs import Entry, read_catalog
from triglot.check.checker import Checker
from triglot.errors import TriglotError
from triglot.glossary import Concept, Term, Termbase, load_termbase, validate
from triglot.glossary.yamlio import dump_yaml
from triglot.project import catalog_paths, load_project, project_catalogs

ROOT = Path(__file__).resolve().parents[3]
TERM_CODES = {"term-missing", "term-forbidden", "term-untranslated"}
FILLER = {"ja": "要素", "pt_BR": "elemento"}
_JA_SPACE = re.compile(r"(?<![A-Za-z0-9]) (?![A-Za-z0-9])|(?<=[A-Za-z0-9]) (?![A-Za-z0-9])|"
                       r"(?<![A-Za-z0-9]) (?=[A-Za-z0-9])")
_LONG_VOWEL = re.compile(r"(?<=[\u30a1-\u30fa])ー(?=$|[\s\u3000-\u303f\u3040-\u309f\u4e00-\u9fff])")


def _pt_plural(word: str) -> str:
    for end, plural in (("ão", "ões"), ("al", "ais"), ("vel", "veis"), ("el", "éis"),
                        ("or", "ores"), ("z", "zes"), ("m", "ns")):
        if word.endswith(end):
            return word[: -len(end)] + plural
    return word if word.endswith("s") else word + "s"


def _pt_plural_phrase(text: str) -> str:
    # pluralise the head noun and the adjectives agreeing with it, up to "de"/"do" or a
    # proper-noun modifier, which does not agree (aplicativos Web, not aplicativos Webs)
    words = text.split()
    out = []
    for i, word in enumerate(words):
        if (word in ("de", "do", "da") or not word.isalpha() or word.isupper()
                or (i and word[:1].isupper())):
            out.extend(words[i:])
            break
        out.append(_pt_plural(word))
    return " ".join(out)


def _correct_variants(text: str, lang: str) -> list[str]:
    if lang == "ja":
        out = {_JA_SPACE.sub("", text), _LONG_VOWEL.sub("", text)}
    elif lang == "pt_BR":
        out = {_pt_plural_phrase(text), text[:1].upper() + text[1:]}
    else:
        out = {text + "s", text.replace(" ", "-"), text.title()}
    return sorted(v for v in out if v != text)


def _forms(text: str, lang: str) -> list[str]:
    return sorted({text, *_correct_variants(text, lang)}, key=len, reverse=True)


def _replace_all(text: str, forms: list[str], new: str, lang: str) -> tuple[str, int]:
    edge = ("", "") if lang == "ja" else (r"(?<!\w)", r"(?!\w)")
    pattern = re.compile(edge[0] + "(?:" + "|".join(map(re.escape, forms)) + ")" + edge[1])
    return pattern.subn(new, text)


def _inside_other_term(termbase: Termbase, cid: str, lang: str, forms: list[str],
                       text: str) -> bool:
    """Whether a form of the concept occurs in the text inside another concept's term
    (スレッド inside ワーカー スレッド): replacing it there would corrupt that term."""
    return any(form in term.text and term.text in text
               for concept in termbase.concepts if concept.id != cid
               for term in concept.terms(lang) for form in forms)


def translated_pairs(catalogs: Iterable[str | Path]) -> dict[str, list[tuple[str, str]]]:
    """(English, translation) pairs per language of the catalogs (files, or folders of
    them), the translated entries the injected set is built from."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in catalog_paths(catalogs):
        lang, entries = read_catalog(path)
        found[lang].extend((e.msgid, e.msgstr) for e in entries)
    return dict(found)


Pairs = dict[str, list[tuple[str, str]]]


def injected_set(termbase: Termbase, translated: Pairs
                 ) -> list[tuple[str, str, str, str, str | None, str]]:
    """(lang, msgid, msgstr, concept, expected code or None, kind) cases, from the
    ``translated`` pairs of each language (:func:`translated_pairs`)."""
    checker = Checker(termbase)
    cases: list[tuple[str, str, str, str, str | None, str]] = []
    for lang, pairs in translated.items():
        for msgid, msgstr in pairs:
            concepts = dict.fromkeys(m.concept for m in checker.matcher("en").find(msgid))
            for cid in concepts:
                concept = termbase.get(cid)
                assert concept is not None
                if any(t.do_not_translate for t in concept.terms(lang)):
                    continue
                approved = [t.text for t in concept.approved_terms(lang)]
                forms = sorted({f for a in approved for f in _forms(a, lang)}, key=len,
                               reverse=True)
                _, hits = _replace_all(msgstr, forms, "", lang)
                # the real translation must be clean for this concept, or gold is unknown
                if not hits or _inside_other_term(termbase, cid, lang, forms, msgstr) or any(
                        not t.approved and t.text in msgstr for t in concept.terms(lang)):
                    continue
                cases.append((lang, msgid, msgstr, cid, None, "original"))
                preferred = concept.preferred(lang)
                assert preferred is not None
                for term in concept.terms(lang):
                    if not term.approved:
                        mutated, _ = _replace_all(msgstr, forms, term.text, lang)
                        cases.append((lang, msgid, mutated, cid, "term-forbidden", "forbidden"))
                mutated, _ = _replace_all(msgstr, forms, FILLER[lang], lang)
                cases.append((lang, msgid, mutated, cid, "term-missing", "missing"))
                for variant in _correct_variants(preferred.text, lang):
                    mutated, _ = _replace_all(msgstr, forms, variant, lang)
                    cases.append((lang, msgid, mutated, cid, None, "target variant"))
                english = concept.preferred("en")
                if english:
                    for variant in _correct_variants(english.text, "en"):
                        src, n = _replace_all(msgid, [english.text], variant, "en")
                        if n:
                            cases.append((lang, src, msgstr, cid, None, "source variant"))
    return cases


def score(termbase: Termbase, translated: Pairs) -> dict[str, object]:
    checker = Checker(termbase)
    tp = fp = fn = 0
    by_kind: Counter[str] = Counter()
    errors = []
    cases = injected_set(termbase, translated)
    for lang, msgid, msgstr, cid, expected, kind in cases:
        found = {f.code for f in checker.check_entry(Entry(msgid, msgstr, 0, None), lang, "")
                 if f.concept == cid and f.code in TERM_CODES}
        by_kind[kind] += 1
        if expected and expected in found:
            tp += 1
        else:
            if expected:
                fn += 1
            if found:
                fp += 1
            if expected or found:
                errors.append({"lang": lang, "concept": cid, "kind": kind,
                               "expected": expected, "found": sorted(found),
                               "msgstr": msgstr[:160]})
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"cases": len(cases), "by_kind": dict(by_kind), "positives": tp + fn,
            "tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4),
            "recall": round(recall, 4), "errors": errors[:20]}


def _mined_termbase(catalogs: Path, lang: str) -> Termbase:
    """A termbase from the catalogs' own glossary: ``glossary.po`` when present (term
    entries are the short headings of the Python glossary), else the ``:term:`X <en>```
    references the translations make (the most frequent rendering per English term)."""
    renderings: dict[str, Counter[str]] = defaultdict(Counter)
    glossary = catalogs / "glossary.po"
    if glossary.exists():
        _, entries = read_catalog(glossary)
        for e in entries:
            if len(e.msgid.split()) <= 4 and not re.search(r"[.:`*()]", e.msgid + e.msgstr):
                renderings[e.msgid][e.msgstr] += 1
    else:
        role = re.compile(r":term:`([^`<]+?)\s*<([^`>]+)>`")
        for path in catalogs.rglob("*.po"):
            _, entries = read_catalog(path)
            for e in entries:
                for shown, english in role.findall(e.msgstr):
                    renderings[english.strip()][shown.strip()] += 1
    concepts: list[Concept] = []
    owner: dict[tuple[str, str], None] = {}
    for english, counts in sorted(renderings.items()):
        target = counts.most_common(1)[0][0]
        keys = (("en", english.casefold()), (lang, target.casefold()))
        if any(k in owner for k in keys) or not re.search(r"\w", english + target):
            continue
        owner.update(dict.fromkeys(keys))
        cid = re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-") or f"c{len(concepts)}"
        if any(c.id == cid for c in concepts):
            continue
        concepts.append(Concept(cid, terms_by_lang={"en": [Term(english)],
                                                    lang: [Term(target)]}))
    return validate(Termbase(("en", lang), concepts))


def _timed(command: list[str]) -> tuple[float, float, int, float]:
    """(CPU seconds, peak RSS in MB, exit code, wall seconds) of a child process and its
    children."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode, wall


def _median(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float,
                                                                           int, float]]:
    """Per command: median CPU seconds, highest peak RSS (MB), last exit code, median wall
    seconds, over ``runs`` interleaved runs."""
    samples: dict[str, list[tuple[float, float, int, float]]] = defaultdict(list)
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(_timed(command))
    return {name: (statistics.median(s[0] for s in got), max(s[1] for s in got), got[-1][2],
                   statistics.median(s[3] for s in got)) for name, got in samples.items()}


def _check_command(glossary: Path, output: Path, paths: list[str]) -> list[str]:
    return [sys.executable, "-m", "triglot", "check", "--glossary", str(glossary),
            "--format", "json", "--fail-on", "never", "-o", str(output), *paths]


def throughput(catalogs: Path, lang: str, runs: int = 1) -> dict[str, object]:
    termbase = _mined_termbase(catalogs, lang)
    paths = sorted(str(p) for p in catalogs.rglob("*.po"))
    with tempfile.TemporaryDirectory() as tmp:
        glossary = Path(tmp) / "termbase.yaml"
        glossary.write_text(dump_yaml(termbase), encoding="utf-8")
        pofilter = Path(sys.executable).with_name("pofilter")
        timed = _median({
            "triglot": _check_command(glossary, Path(tmp) / "findings.json", paths),
            "pofilter": [str(pofilter), "-i", str(catalogs), "-o", str(Path(tmp) / "out")]},
            runs)
        ours, theirs = timed["triglot"], timed["pofilter"]
        findings = json.loads((Path(tmp) / "findings.json").read_text("utf-8"))["findings"] \
            if ours[2] == 0 else []
    return {"catalogs": len(paths), "concepts": len(termbase.concepts),
            "triglot_cpu_s": round(ours[0], 2), "triglot_wall_s": round(ours[3], 2),
            "triglot_peak_mb": round(ours[1]), "triglot_exit": ours[2],
            "findings": dict(Counter(f["code"] for f in findings)),
            "pofilter_cpu_s": round(theirs[0], 2), "pofilter_wall_s": round(theirs[3], 2),
            "pofilter_peak_mb": round(theirs[1]),
            "ratio_cpu": round(ours[0] / theirs[0], 3), "target_ratio": 0.6,
            "target_peak_mb": 400}


def startup(catalogs: Path, glossary: Path, runs: int = 1) -> dict[str, object]:
    """``triglot check`` of the smallest catalog: what a pre-commit hook or a CI job of
    one language pays before any work."""
    path = min(catalogs.rglob("*.po"), key=lambda p: (p.stat().st_size, str(p)))
    with tempfile.TemporaryDirectory() as tmp:
        cpu, peak, code, wall = _median(
            {"check": _check_command(glossary, Path(tmp) / "out.json", [str(path)])},
            runs)["check"]
    return {"catalog": path.name, "bytes": path.stat().st_size, "cpu_s": round(cpu, 2),
            "wall_s": round(wall, 2), "peak_mb": round(peak), "exit": code,
            "target_cpu_s": 0.4}


def _grown(termbase: Termbase, size: int) -> Termbase:
    """The termbase with synthetic concepts up to ``size``: terms that occur in no text
    (so findings do not change) but that every text is matched against."""
    concepts = list(termbase.concepts)
    kana = "アイウエオカキクケコサシスセソタチツテトナニヌネノ"
    for i in range(size - len(concepts)):
        word = "".join(kana[int(d)] for d in f"{i:05d}")
        terms = {"en": [Term(f"zq{i} widget")], "ja": [Term(f"ヴ{word}")],
                 "pt_BR": [Term(f"zq{i} objeto")]}
        concepts.append(Concept(f"synthetic-{i}", terms_by_lang={
            lang: terms.get(lang, [Term(f"zq{i}")]) for lang in termbase.languages}))
    return validate(Termbase(termbase.languages, concepts))


def termbase_scaling(catalogs: Path, glossary: Path, size: int = 10_000, runs: int = 1
                     ) -> dict[str, object]:
    paths = sorted(str(p) for p in catalogs.rglob("*.po"))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.yaml"
        big.write_text(dump_yaml(_grown(load_termbase(glossary), size)), encoding="utf-8")
        timed = _median({"small": _check_command(glossary, Path(tmp) / "small.json", paths),
                         "large": _check_command(big, Path(tmp) / "big.json", paths)}, runs)
        small, large = timed["small"], timed["large"]
    return {"catalogs": len(paths), "project_cpu_s": round(small[0], 2),
            "project_wall_s": round(small[3], 2), f"concepts_{size}_cpu_s": round(large[0], 2),
            f"concepts_{size}_wall_s": round(large[3], 2),
            "ratio_cpu": round(large[0] / small[0], 3), "target_ratio": 2.0}


_ROW = re.compile(r"^\s*(?P<lang>\S+) (?P<view>main|\+untr)\s+P=(?P<p>[\d.]+) R=(?P<r>[\d.]+)",
                  re.MULTILINE)


def real_entries(folder: Path) -> dict[str, object]:
    """The real-entry set's own scorer run on this checker: P/R per language."""
    triglot = Path(sys.executable).with_name("triglot")
    proc = subprocess.run([sys.executable, str(folder / "score.py"), str(triglot),
                           str(Path.cwd())], capture_output=True, text=True)
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1:] or proc.returncode}
    return {f"{m['lang']} {m['view']}": {"precision": float(m["p"]), "recall": float(m["r"])}
            for m in _ROW.finditer(proc.stdout)} | {"target": "P >= .90 and R >= .90 (+untr)"}


def _project_inputs(args: argparse.Namespace) -> tuple[Path, list[Path]]:
    """The termbase and the injected set's catalogs: as given, else the project's."""
    if args.glossary and args.injected:
        return Path(args.glossary), catalog_paths(args.injected)
    project = load_project(args.project)
    return (Path(args.glossary) if args.glossary else project.glossary,
            catalog_paths(args.injected) if args.injected else project_catalogs(project))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m triglot.bench.terms",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--project", default=".", metavar="DIR",
                        help="the Sphinx project (its conf.py folder) whose termbase and "
                        "catalogs are the defaults of --glossary and --injected (default: .)")
    parser.add_argument("--glossary", metavar="FILE",
                        help="termbase (default: the project's triglot_glossary)")
    parser.add_argument("--injected", nargs="+", metavar="CATALOG|DIR",
                        help="catalogs whose translations the injected set is built from "
                        "(default: every catalog of the project)")
    parser.add_argument("--catalogs", default=str(ROOT.parent / "shared/bench/catalogs"),
                        help="folder with one sub-folder of .po files per language")
    parser.add_argument("--langs", default="ja,pt_BR",
                        help="comma-separated (default: ja,pt_BR)")
    parser.add_argument("--real", default=str(ROOT.parent / "shared/bench/terms-real"),
                        help="folder of the real-entry set (with its score.py)")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--runs", type=int, default=3,
                        help="interleaved runs per timed figure, median reported (default: 3)")
    args = parser.parse_args(argv)
    try:
        glossary, injected = _project_inputs(args)
    except TriglotError as exc:
        print(f"python -m triglot.bench.terms: {exc}", file=sys.stderr)
        return 2
    report: dict[str, object] = {}
    # throughput first: children forked later would count the parent's spaCy in their RSS
    if not args.skip_throughput:
        for lang in args.langs.split(","):
            folder = Path(args.catalogs) / lang
            if folder.is_dir():
                report[f"throughput_{lang}"] = throughput(folder, lang, args.runs)
            else:
                report[f"throughput_{lang}"] = f"skipped: {folder} not found"
        folder = Path(args.catalogs) / "ja"
        if folder.is_dir():
            report["termbase_10000_ja"] = termbase_scaling(folder, glossary, runs=args.runs)
            report["startup_ja"] = startup(folder, glossary, args.runs)
    real = Path(args.real)
    report["real_entries"] = real_entries(real) if (real / "score.py").is_file() else \
        f"skipped: {real / 'score.py'} not found"
    report["injected"] = score(load_termbase(glossary), translated_pairs(injected))
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

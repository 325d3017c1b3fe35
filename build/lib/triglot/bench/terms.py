"""Terminology benchmark: ``python -m triglot.bench.terms``.

1. Precision and recall on an injected-error set built from the article's real
   translations: for every (entry, concept) whose translation carries an approved term,
   variants that replace that term by each deprecated/forbidden variant (expected
   ``term-forbidden``), by a neutral word (expected ``term-missing``), and by correct
   inflected or spelling variants (plural, capitalised, Japanese without spaces or
   without a final long-vowel mark; English source pluralised or hyphenated), expected
   clean. Scored per (entry, concept).
2. Throughput on the large real catalogs of ``../shared/bench/catalogs``: ``triglot
   check`` and translate-toolkit's ``pofilter`` (default checks) on the same catalogs, in
   the same run, each as a child process (wall time and peak RSS).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from triglot.check.catalogs import Entry, read_catalog
from triglot.check.checker import Checker
from triglot.glossary import Concept, Term, Termbase, load_termbase, validate
from triglot.glossary.yamlio import dump_yaml

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
    # pluralise the head noun and the adjectives agreeing with it, up to "de"/"do"
    words = text.split()
    out = []
    for i, word in enumerate(words):
        if word in ("de", "do", "da") or not word.isalpha() or word.isupper():
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


def article_pairs() -> dict[str, list[tuple[str, str]]]:
    """(English, translation) pairs of the article per language, from the project's
    catalogs when they exist, else from the copies carried for the tests."""
    found: dict[str, list[tuple[str, str]]] = {}
    candidates = sorted(ROOT.glob("locale/*/LC_MESSAGES/iis-aspnet.po")) or sorted(
        (ROOT / "tests/data/terms").glob("iis-aspnet.*.po"))
    for path in candidates:
        lang, entries = read_catalog(path)
        found[lang] = [(e.msgid, e.msgstr) for e in entries]
    return found


def injected_set(termbase: Termbase) -> list[tuple[str, str, str, str, str | None, str]]:
    """(lang, msgid, msgstr, concept, expected code or None, kind) cases."""
    checker = Checker(termbase)
    cases = []
    for lang, pairs in article_pairs().items():
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


def score(termbase: Termbase) -> dict[str, object]:
    checker = Checker(termbase)
    tp = fp = fn = 0
    by_kind: Counter[str] = Counter()
    errors = []
    cases = injected_set(termbase)
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
    concepts, owner = [], {}
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


def _timed(command: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of a child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, child.returncode


def throughput(catalogs: Path, lang: str) -> dict[str, object]:
    termbase = _mined_termbase(catalogs, lang)
    paths = sorted(str(p) for p in catalogs.rglob("*.po"))
    with tempfile.TemporaryDirectory() as tmp:
        glossary = Path(tmp) / "termbase.yaml"
        glossary.write_text(dump_yaml(termbase), encoding="utf-8")
        ours = _timed([sys.executable, "-m", "triglot", "check", "--glossary", str(glossary),
                       "--format", "json", "--fail-on", "never", "-o",
                       str(Path(tmp) / "findings.json"), *paths])
        pofilter = Path(sys.executable).with_name("pofilter")
        theirs = _timed([str(pofilter), "-i", str(catalogs), "-o", str(Path(tmp) / "out")])
        findings = json.loads((Path(tmp) / "findings.json").read_text("utf-8"))["findings"] \
            if ours[2] == 0 else []
    return {"catalogs": len(paths), "concepts": len(termbase.concepts),
            "triglot_s": round(ours[0], 2), "triglot_peak_mb": round(ours[1]),
            "triglot_exit": ours[2], "findings": dict(Counter(f["code"] for f in findings)),
            "pofilter_s": round(theirs[0], 2), "pofilter_peak_mb": round(theirs[1]),
            "ratio": round(ours[0] / theirs[0], 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m triglot.bench.terms",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--glossary", default=str(ROOT / "glossary/termbase.yaml"))
    parser.add_argument("--catalogs", default=str(ROOT.parent / "shared/bench/catalogs"),
                        help="folder with one sub-folder of .po files per language")
    parser.add_argument("--langs", default="ja", help="comma-separated (default: ja)")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args(argv)
    report: dict[str, object] = {}
    # throughput first: children forked later would count the parent's spaCy in their RSS
    if not args.skip_throughput:
        for lang in args.langs.split(","):
            folder = Path(args.catalogs) / lang
            if folder.is_dir():
                report[f"throughput_{lang}"] = throughput(folder, lang)
            else:
                report[f"throughput_{lang}"] = f"skipped: {folder} not found"
    report["injected"] = score(load_termbase(args.glossary))
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

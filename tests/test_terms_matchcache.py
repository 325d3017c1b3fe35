from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from triglot.glossary import Termbase, load_termbase
from triglot.terms.match import TermMatcher
from triglot.terms.matchcache import MatchCache, fingerprint

DATA = Path(__file__).resolve().parent / "data/terms"
TOOLS = str(Path(__file__).parents[1] / "tools")
ROOTS = Path(__file__).parent / "roots"
TEXTS = {
    "pt_BR": ["Cada pool de aplicativos usa um canal nomeado.", "Nada aqui.",
              "Os pools de aplicativos e o pipe nomeado."],
    "ja": ["各アプリケーションプールはワーカー プロセスで動きます。", "何もない。"],
}


@pytest.fixture(scope="module")
def tb() -> Termbase:
    return load_termbase(DATA / "mini.yaml")


def as_tuples(matches: list) -> list[tuple]:  # type: ignore[type-arg]
    return [(m.concept, m.term, m.start, m.end, m.text) for m in matches]


@pytest.mark.parametrize("lang", ["pt_BR", "ja"])
def test_a_saved_cache_answers_as_the_matcher_without_analysing(tb: Termbase, tmp_path: Path,
                                                                lang: str) -> None:
    path = tmp_path / "matches.pickle"
    expected = [as_tuples(TermMatcher(tb, lang).find(text)) for text in TEXTS[lang]]
    assert any(expected)
    first = MatchCache(path)
    assert [as_tuples(first.matcher(tb, lang, "check").find(text))
            for text in TEXTS[lang][:-1]] == expected[:-1]
    first.save(keep=lambda owner: True)

    again = MatchCache(path).matcher(tb, lang, "check")
    assert [as_tuples(again.find(text)) for text in TEXTS[lang][:-1]] == expected[:-1]
    assert again.misses == 0
    assert as_tuples(again.find(TEXTS[lang][-1])) == expected[-1]
    assert again.misses == 1


def test_the_cue_pre_test_of_a_cached_matcher_builds_no_analyzer(tb: Termbase) -> None:
    from triglot.terms.matchcache import CachedMatcher, live_matcher

    fresh = dataclasses.replace(tb)  # a termbase no live matcher was built for yet
    matcher = CachedMatcher(fresh, "pt_BR", {}, {})
    assert matcher.may_match(TEXTS["pt_BR"][0]) and not matcher.may_match("Zzz.")
    # the cue alone answered: the index, which needs spaCy, is still unbuilt
    assert "index" not in vars(live_matcher(fresh, "pt_BR")._index)  # type: ignore[attr-defined]


def test_a_corrupt_or_foreign_file_is_an_empty_cache(tb: Termbase, tmp_path: Path) -> None:
    path = tmp_path / "matches.pickle"
    for content in (b"", b"\x80\x05garbage", b"not a pickle at all",
                    b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01."):  # the int 1
        path.write_bytes(content)
        matcher = MatchCache(path).matcher(tb, "pt_BR", "check")
        assert as_tuples(matcher.find(TEXTS["pt_BR"][0])) == as_tuples(
            TermMatcher(tb, "pt_BR").find(TEXTS["pt_BR"][0]))
        assert matcher.misses == 1


def test_saving_keeps_only_what_each_owner_last_used(tb: Termbase, tmp_path: Path) -> None:
    path = tmp_path / "matches.pickle"
    cache = MatchCache(path)
    for owner, text in (("check", "pool de aplicativos"), ("doc:a", "canal nomeado"),
                        ("doc:b", "pipe nomeado")):
        cache.matcher(tb, "pt_BR", owner).find(text)
    cache.save(keep=lambda owner: True)
    mtime = path.stat().st_mtime_ns

    cache = MatchCache(path)
    cache.matcher(tb, "pt_BR", "check").find("pool de aplicativos")
    cache.save(keep=lambda owner: True)  # nothing changed: not written again
    assert path.stat().st_mtime_ns == mtime

    cache = MatchCache(path)
    cache.matcher(tb, "pt_BR", "check").find("os pools de aplicativos")  # the check ran
    cache.save(keep=lambda owner: owner != "doc:b")  # document b is gone, a was not read
    texts = {text for sections in MatchCache(path).old.values()
             for rows in sections.values() for text in rows}
    assert texts == {"os pools de aplicativos", "canal nomeado"}


def test_the_fingerprint_follows_the_language_s_terms_only(tb: Termbase) -> None:
    pt, ja = fingerprint(tb, "pt_BR"), fingerprint(tb, "ja")
    concept = tb.concepts[0]
    changed = dataclasses.replace(concept, terms_by_lang={
        **concept.terms_by_lang,
        "pt_BR": [*concept.terms_by_lang["pt_BR"], dataclasses.replace(
            concept.terms_by_lang["pt_BR"][0], text="termo novo")]})
    other = Termbase(tb.languages, [changed, *tb.concepts[1:]])
    assert fingerprint(other, "pt_BR") != pt
    assert fingerprint(other, "ja") == ja


def _build(source: Path, doctrees: Path, out: Path) -> str:
    """A ja build in a child process; what it printed: whether it built the Japanese
    matcher (which a build answered from the cache does not)."""
    script = ("import sys\nfrom sphinx.cmd.build import build_main\n"
              f"code = build_main(['-b', 'html', '-q', '-W', '-d', {str(doctrees)!r}, "
              f"'-D', 'language=ja', {str(source)!r}, {str(out)!r}])\n"
              "print('triglot.terms.cjk' in sys.modules, end='')\nsys.exit(code)\n")
    return subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": TOOLS}).stdout


def test_a_rebuild_analyses_only_what_changed_and_gives_a_clean_build_s_output(
        tmp_path: Path) -> None:
    from test_site_determinism import assert_same_output

    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-site", source)
    doctrees, out = tmp_path / "doctrees", tmp_path / "site"
    assert _build(source, doctrees, out) == "True"
    assert (doctrees / "triglot-term-matches.pickle").is_file()
    assert _build(source, doctrees, out) == "False"  # unchanged: no analyzer at all

    catalog = source / "locale/ja/LC_MESSAGES/article.po"
    text = catalog.read_text(encoding="utf-8")
    edited = text.replace("独自のワーカー プロセスで", "独自のワーカー プロセスだけで")
    assert edited != text
    catalog.write_text(edited, encoding="utf-8")
    assert _build(source, doctrees, out) == "True"

    fresh = tmp_path / "fresh"
    shutil.copytree(source, fresh, ignore=shutil.ignore_patterns("*.mo"))
    _build(fresh, tmp_path / "fresh-doctrees", tmp_path / "fresh-site")
    assert_same_output(tmp_path / "fresh-site", out)

"""The terminology benchmark on inputs the test writes: the variants it injects, the
figures it scores, the termbases it mines and grows, the timed checks and the report."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from triglot.bench import terms as bench
from triglot.glossary import Concept, Term, Termbase, load_termbase

MINI = Path(__file__).parent / "data" / "terms" / "mini.yaml"


def _po(path: Path, lang: str, pairs: list[tuple[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n' for msgid, msgstr in pairs)
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n'
                    f'"Content-Type: text/plain; charset=UTF-8\\n"\n{body}', encoding="utf-8")
    return path


def test_portuguese_plurals_inflect_the_head_noun_and_its_adjectives() -> None:
    assert [bench._pt_plural(w) for w in ("servidor", "opção", "canal", "nível", "papel",
                                          "vez", "item", "pool", "dados")] == [
        "servidores", "opções", "canais", "níveis", "papéis", "vezes", "itens", "pools", "dados"]
    assert bench._pt_plural_phrase("pipe nomeado de IIS") == "pipes nomeados de IIS"
    assert bench._pt_plural_phrase("componente COM") == "componentes COM"
    # a proper-noun modifier does not agree
    assert bench._pt_plural_phrase("aplicativo Web") == "aplicativos Web"


def test_correct_variants_per_language() -> None:
    assert bench._correct_variants("アプリケーション プール", "ja") == ["アプリケーションプール"]
    assert bench._correct_variants("サーバー", "ja") == ["サーバ"]
    assert bench._correct_variants("pool de aplicativos", "pt_BR") == [
        "Pool de aplicativos", "pools de aplicativos"]
    assert bench._correct_variants("named pipe", "en") == ["Named Pipe", "named pipes",
                                                           "named-pipe"]
    assert bench._forms("サーバー", "ja") == ["サーバー", "サーバ"]


def test_replace_all_keeps_to_whole_words_except_in_japanese() -> None:
    assert bench._replace_all("servidores e servidor", ["servidor"], "X", "pt_BR") == (
        "servidores e X", 1)
    assert bench._replace_all("サーバーとサーバ", ["サーバー", "サーバ"], "X", "ja") == ("XとX", 2)


def test_a_form_inside_another_concepts_term_is_seen() -> None:
    termbase = Termbase(("en", "ja"), [
        Concept("thread", terms_by_lang={"en": [Term("thread")], "ja": [Term("スレッド")]}),
        Concept("worker-thread", terms_by_lang={"en": [Term("worker thread")],
                                                "ja": [Term("ワーカー スレッド")]})])
    assert bench._inside_other_term(termbase, "thread", "ja", ["スレッド"], "ワーカー スレッドです")
    assert not bench._inside_other_term(termbase, "thread", "ja", ["スレッド"], "スレッドです")


def test_injected_errors_are_scored_per_concept(tmp_path: Path) -> None:
    _po(tmp_path / "pt_BR/doc.po", "pt_BR",
        [("The named pipe is open.", "O pipe nomeado está aberto."),
         ("HTTP.SYS sends data.", "HTTP.SYS envia dados.")])
    termbase = load_termbase(MINI)
    pairs = bench.translated_pairs([tmp_path])
    kinds = [(c[3], c[4], c[5]) for c in bench.injected_set(termbase, pairs)]
    # HTTP.SYS is never translated: no case; dados has no plural of its own: one variant
    assert kinds == [
        ("named-pipe", None, "original"),
        ("named-pipe", "term-forbidden", "forbidden"),  # pipe nomeada (deprecated)
        ("named-pipe", "term-forbidden", "forbidden"),  # canal nomeado (forbidden)
        ("named-pipe", "term-missing", "missing"),
        ("named-pipe", None, "target variant"), ("named-pipe", None, "target variant"),
        ("named-pipe", None, "source variant"), ("named-pipe", None, "source variant"),
        ("named-pipe", None, "source variant"),
        ("data", None, "original"), ("data", "term-missing", "missing"),
        ("data", None, "target variant"),
        ("data", None, "source variant"), ("data", None, "source variant")]
    assert bench.score(termbase, pairs) == {
        "cases": 14, "positives": 4, "tp": 4, "fp": 0, "fn": 0, "precision": 1.0,
        "recall": 1.0, "errors": [], "by_kind": {
            "original": 2, "forbidden": 2, "missing": 2, "target variant": 3,
            "source variant": 5}}


def test_translated_pairs_of_any_catalogs(tmp_path: Path) -> None:
    _po(tmp_path / "a/one.po", "ja", [("server", "サーバー")])
    _po(tmp_path / "b.po", "ja", [("client", "クライアント")])
    _po(tmp_path / "a/two.po", "pt_BR", [("server", "servidor")])
    assert bench.translated_pairs([tmp_path / "a", tmp_path / "b.po"]) == {
        "ja": [("server", "サーバー"), ("client", "クライアント")],
        "pt_BR": [("server", "servidor")]}


def _renderings(termbase: Termbase) -> list[tuple[str, list[str]]]:
    return [(c.id, [t.text for t in c.terms("ja")]) for c in termbase.concepts]


def test_termbase_mined_from_a_glossary_catalog(tmp_path: Path) -> None:
    _po(tmp_path / "glossary.po", "ja", [
        ("bytecode", "バイトコード"), ("a longer sentence that is no heading", "長い文"),
        ("See :term:`x`.", "x"), ("byte code", "バイトコード")])
    termbase = bench._mined_termbase(tmp_path, "ja")
    # the second English term for the same rendering is dropped: one owner per term
    assert _renderings(termbase) == [("byte-code", ["バイトコード"])]


def test_termbase_mined_from_term_references(tmp_path: Path) -> None:
    _po(tmp_path / "a" / "x.po", "ja", [
        ("The :term:`iterator` ...", ":term:`イテレータ <iterator>` ..."),
        ("An :term:`iterator`", ":term:`イテレータ <iterator>` と :term:`反復子 <iterator>`"),
        ("A :term:`loader`", ":term:`ローダ <loader>`")])
    termbase = bench._mined_termbase(tmp_path, "ja")
    # the most frequent rendering of a term wins
    assert _renderings(termbase) == [("iterator", ["イテレータ"]), ("loader", ["ローダ"])]


def test_grown_termbase_adds_terms_that_occur_nowhere() -> None:
    termbase = load_termbase(MINI)
    grown = bench._grown(termbase, len(termbase.concepts) + 2)
    assert [c.id for c in grown.concepts[-2:]] == ["synthetic-0", "synthetic-1"]
    assert [t.text for t in grown.concepts[-1].terms("ja")] == ["ヴアアアアイ"]
    assert [t.text for t in grown.concepts[-1].terms("pt_BR")] == ["zq1 objeto"]


def test_median_of_interleaved_runs() -> None:
    timed = bench._median({"ok": [sys.executable, "-c", "pass"],
                           "fails": [sys.executable, "-c", "raise SystemExit(3)"]}, 3)
    assert [timed["ok"][2], timed["fails"][2]] == [0, 3]
    assert all(cpu > 0 and peak > 0 and wall > 0 for cpu, peak, _, wall in timed.values())


def test_termbase_scaling_checks_with_both_termbases(tmp_path: Path) -> None:
    _po(tmp_path / "a.po", "ja", [("The server sends data.", "サーバーがデータを送ります。")])
    _po(tmp_path / "b" / "c.po", "ja", [("server", "サーバー")])
    scaling = bench.termbase_scaling(tmp_path, MINI, size=30)
    assert set(scaling) == {"catalogs", "project_cpu_s", "project_wall_s", "concepts_30_cpu_s",
                            "concepts_30_wall_s", "ratio_cpu", "target_ratio"}
    assert (scaling["catalogs"], scaling["target_ratio"]) == (2, 2.0)
    assert all(isinstance(v, float) and v > 0 for k, v in scaling.items() if "_s" in k)


def test_real_entries_read_the_scorer_rows(tmp_path: Path) -> None:
    (tmp_path / "score.py").write_text(textwrap.dedent("""
        import sys
        print("header")
        print("  ja main   P=0.950 R=0.900")
        print("  ja +untr  P=0.910 R=0.930")
    """), encoding="utf-8")
    assert bench.real_entries(tmp_path) == {
        "ja main": {"precision": 0.95, "recall": 0.9},
        "ja +untr": {"precision": 0.91, "recall": 0.93},
        "target": "P >= .90 and R >= .90 (+untr)"}
    (tmp_path / "score.py").write_text("import sys\nsys.exit('no triglot here')\n")
    assert bench.real_entries(tmp_path) == {"error": ["no triglot here"]}


def test_main_reports_what_it_skipped_and_the_injected_figures(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _po(tmp_path / "locale/ja/LC_MESSAGES/doc.po", "ja", [("The server.", "サーバー。")])
    assert bench.main(["--glossary", str(MINI), "--catalogs", str(tmp_path / "none"),
                       "--injected", str(tmp_path / "locale"),
                       "--real", str(tmp_path / "nothing"), "--runs", "1"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["throughput_ja"] == f"skipped: {tmp_path / 'none' / 'ja'} not found"
    assert report["real_entries"] == f"skipped: {tmp_path / 'nothing' / 'score.py'} not found"
    assert "termbase_10000_ja" not in report
    assert report["injected"]["by_kind"]["original"] == 1


def test_the_defaults_are_the_projects_and_bad_input_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text(
        f"triglot_languages = ['en', 'ja']\ntriglot_glossary = {str(MINI)!r}\n"
        "locale_dirs = ['loc']\n", encoding="utf-8")
    _po(tmp_path / "loc/ja/LC_MESSAGES/doc.po", "ja", [("The server.", "サーバー。")])
    args = bench.argparse.Namespace(project=str(tmp_path), glossary=None, injected=None)
    glossary, catalogs = bench._project_inputs(args)
    assert (glossary, catalogs) == (MINI, [tmp_path / "loc/ja/LC_MESSAGES/doc.po"])
    assert bench.main(["--project", str(tmp_path / "nowhere"), "--skip-throughput"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_throughput_against_pofilter(tmp_path: Path) -> None:
    pytest.importorskip("translate", reason="the bench extra is not installed")
    _po(tmp_path / "glossary.po", "ja", [("server", "サーバー")])
    _po(tmp_path / "a.po", "ja", [("The server.", "サーバ。")])
    figures = bench.throughput(tmp_path, "ja")
    assert (figures["catalogs"], figures["concepts"], figures["triglot_exit"]) == (2, 1, 0)

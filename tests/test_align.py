"""The aligner on the seeds and on small cases of every bead shape."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from triglot.align import Bead, align_paragraphs, format_beads, parse_beads
from triglot.align.anchors import profile
from triglot.align.model import PairModel
from triglot.errors import TriglotError
from triglot.segment import paragraphs
from triglot.textio import read_text

DATA = Path(__file__).parent / "data" / "align"
SEEDS = {"ja": ("iis-aspnet.ja.txt", "iis-aspnet.en-ja.gold"),
         "pt-BR": ("iis-aspnet.pt-BR.txt", "iis-aspnet.en-pt-BR.gold")}


def seed(lang: str) -> tuple[list[str], list[str], str]:
    target, gold = SEEDS[lang]
    return (paragraphs(read_text(DATA / "iis-aspnet.en.txt")),
            paragraphs(read_text(DATA / target)), read_text(DATA / gold))


@pytest.mark.parametrize("lang", sorted(SEEDS))
def test_seeds_give_exactly_the_gold_beads(lang: str) -> None:
    source, target, gold = seed(lang)
    result = align_paragraphs(source, target, source_lang="en", target_lang=lang)
    assert format_beads(result.beads) == gold.rstrip("\n") + "\n"
    assert all(0.0 <= bead.confidence <= 1.0 for bead in result.beads)


def test_seed_anomalies_name_the_stray_punctuation_and_the_english_heading() -> None:
    source, target, _ = seed("ja")
    found = align_paragraphs(source, target, source_lang="en", target_lang="ja").anomalies
    assert [(a.kind, a.source, a.target) for a in found] == [
        ("untranslated", (5,), (5,)), ("dangling-punctuation", (9,), (9,))]
    assert "ja ¶10" in found[1].message and "'。'" in found[1].message
    source, target, _ = seed("pt-BR")
    found = align_paragraphs(source, target, source_lang="en", target_lang="pt_BR").anomalies
    dangling = [a for a in found if a.kind == "dangling-punctuation"]
    assert [(a.source, a.target) for a in dangling] == [((9,), (9, 10))]
    assert "target ¶11 starts with ')'" in dangling[0].message


def context(k: int) -> tuple[str, str]:
    """An ordinary paragraph pair with its own anchors."""
    return (f"The function do_thing_{k}() returns {k} values when it is called twice.",
            f"関数 do_thing_{k}() は二回呼び出されると {k} 個の値を返します。")


def document(middle_src: list[str], middle_tgt: list[str]) -> tuple[list[str], list[str]]:
    before = [context(k) for k in range(1, 7)]
    after = [context(k) for k in range(7, 13)]
    return ([s for s, _ in before] + middle_src + [s for s, _ in after],
            [t for _, t in before] + middle_tgt + [t for _, t in after])


SENTENCES = [
    ("Call setup_alpha() before anything else in the program.",
     "プログラムでは何よりも先に setup_alpha() を呼び出します。"),
    ("Then configure the logger with level_beta set to 30 or higher.",
     "次に level_beta を 30 以上にしてロガーを設定します。"),
    ("Finally start serve_gamma() on port 8080 and wait for requests.",
     "最後にポート 8080 で serve_gamma() を開始し、要求を待ちます。"),
    ("The server answers with status_delta 404 when the page is missing.",
     "ページがないとき、サーバは status_delta 404 を返します。"),
]


def joined(sentences: list[tuple[str, str]], side: int) -> str:
    return ("" if side else " ").join(pair[side] for pair in sentences)


@pytest.mark.parametrize(("shape", "src_groups", "tgt_groups"), [
    ("1-1", [[0]], [[0]]),
    ("1-2", [[0, 1]], [[0], [1]]),
    ("2-1", [[0], [1]], [[0, 1]]),
    ("1-3", [[0, 1, 2]], [[0], [1], [2]]),
    ("3-1", [[0], [1], [2]], [[0, 1, 2]]),
    ("2-2", [[0, 1, 2], [3]], [[0], [1, 2, 3]]),
    ("1-4", [[0, 1, 2, 3]], [[0], [1], [2], [3]]),  # a code block split in four
    ("4-1", [[0], [1], [2], [3]], [[0, 1, 2, 3]]),
])
def test_each_bead_shape(shape: str, src_groups: list[list[int]],
                         tgt_groups: list[list[int]]) -> None:
    middle_src = [joined([SENTENCES[k] for k in group], 0) for group in src_groups]
    middle_tgt = [joined([SENTENCES[k] for k in group], 1) for group in tgt_groups]
    source, target = document(middle_src, middle_tgt)
    beads = align_paragraphs(source, target, source_lang="en", target_lang="ja").beads
    assert [b.shape for b in beads] == ["1-1"] * 6 + [shape] + ["1-1"] * 6
    middle = beads[6]
    assert middle.source == tuple(range(6, 6 + len(src_groups)))
    assert middle.target == tuple(range(6, 6 + len(tgt_groups)))


def test_missing_and_extra_paragraphs_are_beads_and_anomalies() -> None:
    source, target = document(
        ["A paragraph about obsolete_option 77 that nobody translated at all."], [])
    target.insert(9, "訳注: この節は translator_note 3 の都合で追加しました。")
    result = align_paragraphs(source, target, source_lang="en", target_lang="ja")
    assert "[6]:[]\n" in format_beads(result.beads)
    assert "[]:[9]\n" in format_beads(result.beads)
    kinds = {a.kind: (a.source, a.target) for a in result.anomalies}
    assert kinds["missing"] == ((6,), ())
    assert kinds["extra"] == ((), (9,))
    assert "en ¶7" in result.anomalies[0].message


def test_tiny_document_leans_on_the_language_pairs_length_ratio() -> None:
    # an added note skews the whole-document ratio: the 1-3 bead must lose to 0-1 + 1-2
    english = ["Routing requests",
               "IIS checks the script map and routes the request to aspnet_isapi.dll.",
               "In IIS6, every application pool is a w3wp.exe worker process.",
               "Requests reach the pool through HTTP.SYS in kernel mode."]
    portuguese = ["Roteamento de solicitações",
                  "O IIS verifica o mapa de script e encaminha a solicitação para "
                  "aspnet_isapi.dll.",
                  "No IIS6, cada pool de aplicativos é um processo de trabalho w3wp.exe.",
                  "(Nota do tradutor: ver a documentação do IIS 6.0.)",
                  "As solicitações chegam ao pool", "por meio do HTTP.SYS no modo kernel."]
    result = align_paragraphs(english, portuguese, source_lang="en", target_lang="pt_BR")
    assert format_beads(result.beads) == "[0]:[0]\n[1]:[1]\n[2]:[2]\n[]:[3]\n[3]:[4, 5]\n"


def test_joined_paragraphs_count_anchors_across_the_group() -> None:
    # "Python" in two paragraphs is "python" and "python#2" of the joined text, and
    # the first paragraph's question no longer ends anything once joined
    source = [profile("Can I delete Python?"), profile("That depends on where Python came from."),
              profile("Python is Python.")]
    target = [profile("Eu posso apagar o Python? Isso depende de como o Python veio."),
              profile("Python?")]
    model = PairModel(source, target)
    names = {k: t for t, k in model.token_ids.items()}
    assert {names[k] for k in model.src_group_tokens[2][0]} == {"python", "python#2"}
    assert {names[k] for k in model.src_group_tokens[1][0]} == {"python", "§question"}


def test_lexicon_pairs_are_anchors() -> None:
    # length alone links the first paragraph; the term pair says it is the second
    source, target = document(["The application pool keeps every site apart from the others.",
                               "The worker process runs code."],
                              ["ワーカー プロセスがコードを実行します。"])
    plain = align_paragraphs(source, target, source_lang="en", target_lang="ja")
    assert "[6]:[6]\n[7]:[]\n" in format_beads(plain.beads)
    helped = align_paragraphs(source, target, source_lang="en", target_lang="ja",
                              lexicon=[("application pool", "アプリケーション プール"),
                                       ("worker process", "ワーカー プロセス")])
    assert "[6]:[]\n[7]:[6]\n" in format_beads(helped.beads)


def test_empty_sides_give_null_beads() -> None:
    result = align_paragraphs(["One.", "Two."], [], source_lang="en", target_lang="pt-BR")
    assert format_beads(result.beads) == "[0]:[]\n[1]:[]\n"
    assert align_paragraphs([], [], source_lang="en", target_lang="ja").beads == []


@pytest.mark.parametrize("code", ["xx", "", "pt-XX", "english"])
def test_unknown_language_codes_are_refused(code: str) -> None:
    with pytest.raises(TriglotError, match=f"unknown language code {code!r}"):
        align_paragraphs(["a"], ["b"], source_lang="en", target_lang=code)


def test_a_language_without_facts_aligns_on_the_defaults() -> None:
    # German is in no fact table: it gets the default length model and checks
    english = ["Application pools",
               "In IIS 6, every application pool runs in its own w3wp.exe worker process.",
               "Requests reach the pool through HTTP.SYS, which listens in kernel mode."]
    german = ["Anwendungspools",
              "In IIS 6 läuft jeder Anwendungspool in einem eigenen w3wp.exe-Arbeitsprozess.",
              "Anforderungen erreichen den Pool über HTTP.SYS, das im Kernelmodus lauscht."]
    result = align_paragraphs(english, german, source_lang="en", target_lang="de")
    assert format_beads(result.beads) == "[0]:[0]\n[1]:[1]\n[2]:[2]\n"
    skipped = align_paragraphs(english, [german[0], german[2]], source_lang="en",
                               target_lang="de")
    assert format_beads(skipped.beads) == "[0]:[0]\n[1]:[]\n[2]:[1]\n"
    assert [a.kind for a in skipped.anomalies] == ["missing"]


def test_format_and_parse_round_trip() -> None:
    beads = [Bead((0,), (0,), 1.0), Bead((1, 2), (), 0.5), Bead((), (1, 2, 3), 0.2)]
    text = format_beads(beads)
    assert text == "[0]:[0]\n[1, 2]:[]\n[]:[1, 2, 3]\n"
    assert parse_beads(text) == [(b.source, b.target) for b in beads]
    with pytest.raises(TriglotError, match="not a bead"):
        parse_beads("[0]:[x]\n", path="bad.gold")


def test_markdown_structure_pairs_headings_and_wrappers() -> None:
    # a heading pairs with a heading, found by its slug, which the translation keeps as
    # {#id}; a shortcode-wrapped note is one bead with the blockquote note it renders
    source = ["## Netlify deployment", "If the build fails, select **Details** for more.",
              "> [!NOTE] > > Only recent blog posts are checked by the link checker tool.",
              "## Spell checking", "Run the spell checker before you open a pull request."]
    target = ["## Implantação com Netlify {#netlify-deployment}",
              "Caso a compilação falhe, selecione **Detalhes** para mais informações.",
              '{{% alert title="Nota" %}}',
              "Apenas as postagens recentes do blog são verificadas pelo verificador.",
              "Nota do tradutor: veja também o guia de estilo.",
              "{{% /alert %}}",
              "## Verificação ortográfica {#spell-checking}",
              "Execute o corretor ortográfico antes de abrir um pull request."]
    result = align_paragraphs(source, target, source_lang="en", target_lang="pt_BR")
    assert format_beads(result.beads) == (
        "[0]:[0]\n[1]:[1]\n[2]:[2, 3, 4, 5]\n[3]:[6]\n[4]:[7]\n")  # all inside the wrapper



def test_long_documents_align_in_parts_as_they_would_whole(monkeypatch) -> None:
    import triglot.align

    one_src, one_tgt, gold = seed("ja")
    n, m = len(one_src), len(one_tgt)
    source, target = one_src * 6, one_tgt * 6  # a repeated section: no anchor is unique
    expected = "".join(
        f"{[i + n * k for i in s]}:{[j + m * k for j in t]}\n"
        for k in range(6) for s, t in parse_beads(gold))
    monkeypatch.setattr(triglot.align, "PART_PARAGRAPHS", 20)
    parts = align_paragraphs(source, target, source_lang="en", target_lang="ja")
    assert format_beads(parts.beads) == expected
    assert f"ja ¶{5 * m + 10}" in parts.anomalies[-1].message  # numbered in the whole


def test_shared_anchors_are_the_groups_intersections() -> None:
    # found by binary search among the groups that hold each anchor: the same as
    # intersecting the groups' anchors, for pairs in any order, repeated or alone
    words = ["iis", "w3wp.exe", "http.sys", "pool", "kernel", "(", ")", "6.0", "asp"]
    source = [profile(" ".join(words[k % 9:k % 9 + 1 + k % 4])) for k in range(12)]
    target = [profile(" ".join(words[(k + 2) % 9:(k + 2) % 9 + 1 + k % 3]))
              for k in range(11)]
    model = PairModel(source, target)
    starts_i = np.array([0, 0, 0, 3, 2, 5, 5, 8, 1, 1, 7])
    starts_j = np.array([0, 1, 2, 4, 4, 3, 8, 7, 6, 5, 2])
    for a, b in ((1, 1), (2, 1), (1, 3), (4, 1)):
        cells, found = model._shared(a, b, starts_i, starts_j)
        got = [set(found[cells == c].tolist()) for c in range(len(starts_i))]
        want = [set(model.src_group_tokens[a][i] & model.tgt_group_tokens[b][j])
                for i, j in zip(starts_i.tolist(), starts_j.tolist(), strict=True)]
        assert got == want
        assert any(got)

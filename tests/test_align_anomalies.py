"""Dangling punctuation is a neighbour's punctuation, not inline markup or content."""

from __future__ import annotations

from triglot.align import align_paragraphs


def _dangling(source: list[str], target: list[str]) -> list[str]:
    alignment = align_paragraphs(source, target, source_lang="en", target_lang="pt_BR")
    return [a.message for a in alignment.anomalies if a.kind == "dangling-punctuation"]


ENGLISH = ["The interpreter reads commands from the terminal.",
           ":keyword:`try` statements catch the exceptions a block raises.",
           ": (colon)"]


def test_a_role_or_punctuation_on_both_sides_is_not_dangling() -> None:
    assert _dangling(ENGLISH, ["O interpretador lê comandos do terminal.",
                               "Instruções :keyword:`try` capturam as exceções de um bloco.",
                               ": (dois pontos)"]) == []


def test_a_stray_neighbours_period_is() -> None:
    found = _dangling(ENGLISH[:2], ["O interpretador lê comandos do terminal",
                                    ". Instruções :keyword:`try` capturam as exceções."])
    assert found == ["en ¶2 / pt_BR ¶2: target ¶2 starts with '.'"]

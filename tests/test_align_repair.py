"""Local repairs of the aligner's best path: neighbours linked, translations a new code
paragraph took given back, wrappers attached."""

from __future__ import annotations

from triglot.align.anchors import profile
from triglot.align.model import PairModel
from triglot.align.repair import attach_wrappers, link_neighbours, prose_takes_prose, repair
from triglot.languages import get_language

EN, PT = get_language("en"), get_language("pt_BR")


def model(source: list[str], target: list[str]) -> PairModel:
    return PairModel([profile(t) for t in source], [profile(t) for t in target])


ALERT = ['{{% alert title="Note" %}}', "Restart w3wp.exe after 5 minutes.", "{{% /alert %}}",
         "Then open inetmgr.exe on port 8080."]
NOTE = ["> [!NOTE] > Reinicie w3wp.exe após 5 minutos.", "Depois abra inetmgr.exe na porta 8080."]


def test_neighbours_that_look_like_a_pair_become_one_bead() -> None:
    pair = model(["Restart w3wp.exe after 5 minutes.", "Open inetmgr.exe on port 8080."],
                 ["Reinicie w3wp.exe após 5 minutos.", "Abra inetmgr.exe na porta 8080."])
    # insertion first, then deletion: the order of the two does not matter
    assert link_neighbours([(0, 0, 0, 1), (0, 1, 1, 1), (1, 2, 1, 2)], pair) == [
        (0, 1, 0, 1), (1, 2, 1, 2)]


def test_neighbours_without_shared_evidence_stay_apart() -> None:
    pair = model(["Restart w3wp.exe after 5 minutes.", "Open inetmgr.exe on port 8080.",
                  "See RFC 2616, chapter 12, for every status code that HTTP.SYS returns."],
                 ["Reinicie w3wp.exe após 5 minutos.", "Abra inetmgr.exe na porta 8080.", "Fim."])
    path = [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 2), (3, 3, 2, 3)]
    assert link_neighbours(path, pair) == path


def test_two_deletions_are_not_linked() -> None:
    pair = model(["w3wp.exe 5", "w3wp.exe 5"], ["w3wp.exe 5"])
    path = [(0, 1, 0, 0), (1, 2, 0, 0), (2, 2, 0, 1)]
    assert link_neighbours(path, pair) == [(0, 1, 0, 0), (1, 2, 0, 1)]


def test_source_wrapper_and_its_closing_join_the_bead_they_wrap() -> None:
    path = [(0, 1, 0, 0), (1, 2, 0, 1), (2, 3, 1, 1), (3, 4, 1, 2)]
    assert attach_wrappers(path, model(ALERT, NOTE)) == [(0, 3, 0, 1), (3, 4, 1, 2)]


SOURCE_NOTE = ["> [!NOTE] > Restart w3wp.exe after 5 minutes.",
               "Then open inetmgr.exe on port 8080."]
TARGET_ALERT = ['{{% alert title="Nota" %}}', "Reinicie w3wp.exe após 5 minutos.", "{{% /alert %}}",
                "Depois abra inetmgr.exe na porta 8080."]


def test_target_wrapper_joins_with_its_closing() -> None:
    path = [(0, 0, 0, 1), (0, 1, 1, 2), (1, 1, 2, 3), (1, 2, 3, 4)]
    assert attach_wrappers(path, model(SOURCE_NOTE, TARGET_ALERT)) == [(0, 1, 0, 3), (1, 2, 3, 4)]


def test_wrapper_joins_alone_when_a_linked_bead_comes_before_its_closing() -> None:
    target = TARGET_ALERT[:2] + TARGET_ALERT[3:]
    path = [(0, 0, 0, 1), (0, 1, 1, 2), (1, 2, 2, 3)]
    assert attach_wrappers(path, model(SOURCE_NOTE, target)) == [(0, 1, 0, 2), (1, 2, 2, 3)]


def test_wrapper_is_not_attached_to_a_bead_of_another_kind() -> None:
    plain = ["Reinicie w3wp.exe após 5 minutos.", "Depois abra inetmgr.exe na porta 8080."]
    path = [(0, 1, 0, 0), (1, 2, 0, 1), (2, 3, 1, 1), (3, 4, 1, 2)]
    assert attach_wrappers(path, model(ALERT, plain)) == path


def test_unaligned_paragraphs_without_an_opening_wrapper_stay() -> None:
    source = ["An aside 7.", "Restart w3wp.exe after 5 minutes."]
    path = [(0, 1, 0, 0), (1, 2, 0, 1)]
    assert attach_wrappers(path, model(source, NOTE[:1])) == path


def test_closing_markup_before_the_opening_is_skipped_over() -> None:
    source = ["{{% alert %}}", "{{% /tip %}}", "Restart w3wp.exe after 5 minutes."]
    path = [(0, 1, 0, 0), (1, 2, 0, 0), (2, 3, 0, 1)]
    assert attach_wrappers(path, model(source, NOTE[:1])) == [(0, 3, 0, 1)]


def test_repair_links_neighbours_then_attaches_wrappers() -> None:
    path = [(0, 1, 0, 0), (1, 2, 0, 0), (2, 2, 0, 1), (2, 3, 1, 1), (3, 4, 1, 2)]
    assert repair(path, model(ALERT, NOTE), EN, PT) == [(0, 3, 0, 1), (3, 4, 1, 2)]


INTRO = "To use the worker process, it must be stored as a class variable in another class:"
CODE = "class Pool:     worker = Worker(size=4)      # a w3wp.exe instance"
INTRO_PT = "Para usar o processo de trabalho, ele deve ser guardado como variável de outra classe:"


def test_new_code_paragraph_gives_back_its_prose_neighbours_translation() -> None:
    pair = model([INTRO, CODE], [INTRO_PT])
    # the code was added to the English after the translation, and took the introduction's
    for path in ([(0, 1, 0, 0), (1, 2, 0, 1)], [(0, 1, 0, 1), (1, 2, 1, 1)]):
        assert prose_takes_prose(path, pair, EN, PT) == [(0, 1, 0, 1), (1, 2, 1, 1)]
    # and the code added before the paragraph it now follows in the translation
    pair = model([CODE, INTRO], [INTRO_PT])
    assert prose_takes_prose([(0, 1, 0, 1), (1, 2, 1, 1)], pair, EN, PT) == [
        (0, 1, 0, 0), (1, 2, 0, 1)]


def test_code_keeps_a_translation_that_is_code_too() -> None:
    pair = model([INTRO, CODE], [CODE.replace("a w3wp.exe instance", "uma instância w3wp.exe")])
    path = [(0, 1, 0, 0), (1, 2, 0, 1)]
    assert prose_takes_prose(path, pair, EN, PT) == path


def test_prose_neighbour_without_evidence_for_the_pair_does_not_take_it() -> None:
    pair = model(["See RFC 2616, chapter 12, for every status code that HTTP.SYS returns.",
                  CODE], ["Fim."])
    path = [(0, 1, 0, 0), (1, 2, 0, 1)]
    assert prose_takes_prose(path, pair, EN, PT) == path

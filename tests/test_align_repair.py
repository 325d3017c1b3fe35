"""Local repairs of the aligner's best path: neighbours linked, wrappers attached."""

from __future__ import annotations

from triglot.align.anchors import profile
from triglot.align.model import PairModel
from triglot.align.repair import attach_wrappers, link_neighbours, repair


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
    assert repair(path, model(ALERT, NOTE)) == [(0, 3, 0, 1), (3, 4, 1, 2)]

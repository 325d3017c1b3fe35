"""The aligner's benchmark on a tiny benchmark folder the test writes: its loaders, the
concatenation, the printed figures and targets, the child run and the exit status."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from triglot.bench import align as bench

# A scorer with score_align.py's interface: strict figures count beads equal to gold,
# lax ones beads that share a source paragraph with a gold bead (nulls never count); and
# alignio's links_to_beads: Gale-Church's links as beads, unlinked paragraphs alone.
SCORER = textwrap.dedent('''
    import json

    def read_beads(path):
        beads = []
        for line in open(path, encoding="utf-8"):
            s, t = line.strip().split(":")
            beads.append((json.loads(s), json.loads(t)))
        return beads

    def _prf(tp, found, gold):
        p = tp / found if found else 0.0
        r = tp / gold if gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def score(gold_docs, test_docs):
        strict = lax = found = gold = 0
        for g, t in zip(gold_docs, test_docs):
            g = [(list(s), list(u)) for s, u in g if s and u]
            t = [(list(s), list(u)) for s, u in t if s and u]
            gold += len(g)
            found += len(t)
            strict += sum(b in g for b in t)
            lax += sum(any(set(b[0]) & set(a[0]) for a in g) for b in t)
        ps, rs, fs = _prf(strict, found, gold)
        pl, rl, fl = _prf(lax, found, gold)
        return dict(precision_strict=ps, recall_strict=rs, f1_strict=fs,
                    precision_lax=pl, recall_lax=rl, f1_lax=fl)
''')

ALIGNIO = textwrap.dedent('''
    def links_to_beads(links, n_src, n_tgt):
        beads, linked_s, linked_t = [], set(), set()
        for i, j in links:
            if i in linked_s or j in linked_t:
                bead = next(b for b in beads if i in b[0] or j in b[1])
                bead[0][:] = sorted(set(bead[0]) | {i})
                bead[1][:] = sorted(set(bead[1]) | {j})
            else:
                beads.append(([i], [j]))
            linked_s.add(i)
            linked_t.add(j)
        beads += [([i], []) for i in range(n_src) if i not in linked_s]
        beads += [([], [j]) for j in range(n_tgt) if j not in linked_t]
        return beads
''')

EN = [f"Restart w3wp.exe{k} after {k} minutes on port 80{k}." for k in range(6)]
TARGETS = {"ja": [f"ポート 80{k} で {k} 分後に w3wp.exe{k} を再起動します。" for k in range(6)],
           "pt": [f"Reinicie w3wp.exe{k} após {k} minutos na porta 80{k}." for k in range(6)]}
GOLD = "".join(f"[{k}]:[{k}]\n" for k in range(6))


def _doc(folder: Path, name: str, lang: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.src").write_text("\n".join(EN) + "\n", encoding="utf-8")
    (folder / f"{name}.tgt").write_text("\n".join(TARGETS[lang]) + "\n", encoding="utf-8")
    (folder / f"{name}.gold").write_text(GOLD, encoding="utf-8")


@pytest.fixture(scope="module")
def dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    root = tmp_path_factory.mktemp("bench")
    bench_dir, seeds = root / "bench", root / "seeds"
    bench_dir.mkdir()
    (bench_dir / "score_align.py").write_text(SCORER, encoding="utf-8")
    (bench_dir / "alignio.py").write_text(ALIGNIO, encoding="utf-8")
    for lang in bench.LANGS:
        for name in ("a", "b"):
            _doc(bench_dir / "realalign" / "data" / lang, name, lang)
            _doc(bench_dir / "para" / "dev" / lang, name, lang)
    _doc(seeds, "own", "ja")
    yield bench_dir, seeds
    # the benchmark imports its scorer from the benchmark folder: forget this one
    for name in ("score_align", "alignio"):
        sys.modules.pop(name, None)
    while str(bench_dir) in sys.path:
        sys.path.remove(str(bench_dir))


def test_clock_and_targets() -> None:
    assert str(bench.Clock(1.5, 2.25)) == "  1.50 s CPU (2.25 s wall)"
    assert bench.Clock.now().since().cpu >= 0
    targets = bench.Targets()
    assert (targets.check("a", True), targets.check("b", False)) == ("ok", "MISSED")
    assert targets.missed == ["b"]


def test_concatenated_renumbers_gold_and_starts_again_when_documents_run_out() -> None:
    one = (["a", "b"], ["x"], [([0, 1], [0])])
    two = (["c"], ["y", "z"], [([0], [0, 1])])
    pair, used = bench.concatenated([one, two], 4)
    assert pair == (["a", "b", "c", "a", "b"], ["x", "y", "z", "x"],
                    [([0, 1], [0]), ([2], [1, 2]), ([3, 4], [3])])
    assert used == [one, two, one]
    assert bench.concatenated([], 5) == (([], [], []), [])


def test_run_scores_a_refusal_as_nothing_aligned() -> None:
    docs = [(["a"], ["b"], [([0], [0])]), (["c", "d"], ["e"], [])]
    found, refused, took = bench.run(docs, lambda doc: None if len(doc[0]) > 1 else [([0], [0])])
    assert found == [[([0], [0])], [([0], []), ([1], []), ([], [0])]]
    assert refused == 1 and took.cpu >= 0


def test_loaded_documents_align_as_their_gold(dirs: tuple[Path, Path]) -> None:
    bench_dir, seeds = dirs
    scorer = bench._scorer(bench_dir)
    docs = bench.load_folder(bench_dir / "para" / "dev" / "pt", scorer)
    assert len(docs) == 2 and docs[0][0] == EN and docs[0][2] == [([k], [k]) for k in range(6)]
    assert bench.triglot_beads(docs[0], "pt") == docs[0][2]
    own = [seeds / f"own.{kind}" for kind in ("src", "tgt", "gold")]
    assert bench.load_pair(own, scorer) == (EN, TARGETS["ja"], docs[0][2])
    # a "translation" that is the English again is refused
    assert bench.triglot_beads((EN, EN, []), "pt") is None


def test_gale_church_aligns_by_scaled_length(dirs: tuple[Path, Path]) -> None:
    pytest.importorskip("nltk", reason="the bench extra is not installed")
    bench._scorer(dirs[0])  # puts alignio.py, beside the scorer, on the path
    assert bench.gale_church_beads((EN, TARGETS["pt"], []), "pt") == [([k], [k]) for k in range(6)]
    assert bench.gale_church_beads((["a", "b"], [], []), "ja") == [([0], []), ([1], [])]


def test_child_reports_figures_of_a_concatenation(dirs: tuple[Path, Path]) -> None:
    result = bench.child(dirs[0], "pt", 10, True)
    assert (result["source"], result["target"]) == (12, 12)
    assert result["f1_strict"] == result["f1_one_by_one"] == 1.0
    assert result["peak_mb"] > 0


def test_main_prints_every_target_and_exits_by_them(
        dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    bench_dir, seeds = dirs
    monkeypatch.setattr(bench, "CONCAT_PARAGRAPHS", 10)
    monkeypatch.setattr(bench, "SCALING", (7, 1_000_000))  # --quick drops the last
    monkeypatch.setattr(bench, "_in_child", bench.child)
    argv = ["--quick", "--bench-dir", str(bench_dir),
            "--pair", "ja", *(str(seeds / f"own.{kind}") for kind in ("src", "tgt", "gold"))]
    assert bench.main(argv) == 0
    out = capsys.readouterr().out
    assert "\ntriglot own.tgt            ja  1.000  1.000  1.000" in out
    assert "  realalign ja: strict F1 1.000, target >= 0.98 ok; hunalign 0.958; refused 0, " \
        "target 0 ok" in out
    assert "  dev pt: strict F1 1.000, target >= 0.985 ok; refused 0, target 0 ok" in out
    assert "concatenated dev ja 12x12: strict F1 1.000, one by one 1.000, target within " \
        "0.01 ok" in out
    assert "scaling      12x12      paragraphs:" in out and "1,000,000" not in out
    assert "NLTK" not in out and out.rstrip().endswith("every target met")
    monkeypatch.setattr(bench, "TARGET_DEV_CPU", -1.0)
    assert bench.main(argv) == 1
    assert capsys.readouterr().out.rstrip().endswith("missed: dev CPU seconds")


def test_child_command_prints_json(dirs: tuple[Path, Path],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--child", "ja", "6", "--bench-dir", str(dirs[0])]) == 0
    assert json.loads(capsys.readouterr().out)["f1_strict"] == 1.0


def test_in_child_runs_the_child_in_its_own_process(dirs: tuple[Path, Path]) -> None:
    result = bench._in_child(dirs[0], "pt", 6, False)
    assert result["source"] == 6 and "f1_one_by_one" not in result


def test_missing_benchmark_is_a_one_line_error(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--bench-dir", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"no benchmark at {tmp_path} (use --bench-dir)\n"


def test_pair_of_an_unknown_language_or_a_missing_file_is_a_one_line_error(
        dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    bench_dir, seeds = dirs
    own = [str(seeds / f"own.{kind}") for kind in ("src", "tgt", "gold")]
    for argv, error in ((["--pair", "fr", *own], "--pair fr: the language is one of ja, pt"),
                        (["--pair", "pt", *own[:2], "nowhere.gold"],
                         "--pair: no file nowhere.gold")):
        with pytest.raises(SystemExit) as exit:
            bench.main(["--bench-dir", str(bench_dir), *argv])
        assert exit.value.code == 2
        assert capsys.readouterr().err.rstrip().endswith(error)

"""``triglot align``: its formats, batch mode and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from defusedxml import ElementTree
from triglot.cli import main

DATA = Path(__file__).parent / "data" / "align"
EN, JA, PT = (DATA / f"iis-aspnet.{lang}.txt" for lang in ("en", "ja", "pt-BR"))


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["align", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("target", "lang", "gold"), [
    (JA, "ja", "iis-aspnet.en-ja.gold"), (PT, "pt_BR", "iis-aspnet.en-pt-BR.gold")])
def test_beads_format_prints_the_gold(capsys, target: Path, lang: str, gold: str) -> None:
    code, out, err = run(capsys, EN, target, "--source-lang", "en", "--target-lang", lang,
                         "--paragraphs", "lines", "--format", "beads")
    assert code == 0
    assert out == (DATA / gold).read_text(encoding="utf-8").rstrip("\n") + "\n"
    assert "dangling-punctuation" in err  # the anomaly report goes to stderr


def test_json_has_confidences_and_anomalies(capsys) -> None:
    code, out, err = run(capsys, EN, PT, "--target-lang", "pt-BR", "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["target_lang"] == "pt_BR"
    assert {"source": [9], "target": [9, 10]} in [
        {k: b[k] for k in ("source", "target")} for b in data["beads"]]
    assert all(0 <= b["confidence"] <= 1 for b in data["beads"])
    assert {a["kind"] for a in data["anomalies"]} == {"untranslated", "dangling-punctuation"}


def test_tsv_and_tmx(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, EN, JA, "--target-lang", "ja", "--format", "tsv")
    rows = out.splitlines()
    assert code == 0 and len(rows) == 13
    assert rows[0].split("\t")[:3] == ["source", "target", "confidence"]
    assert rows[10].split("\t")[4].startswith("。")
    tmx = tmp_path / "out.tmx"
    code, out, _ = run(capsys, EN, PT, "--target-lang", "pt_BR", "--format", "tmx", "-o", tmx)
    assert code == 0 and out == ""
    root = ElementTree.parse(tmx).getroot()
    assert root.get("version") == "1.4"
    units = root.findall("body/tu")
    assert len(units) == 12
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in units[9]]
    assert langs == [None, "en", "pt-BR"]  # the prop, then both sides
    assert units[9].findall("tuv/seg")[1].text.count(").são") == 1  # the 1-2 bead, joined


def test_batch_writes_each_output(capsys, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(f"{EN}\t{JA}\t{tmp_path / 'ja.beads'}\n"
                     f"{EN}\t{EN}\t{tmp_path / 'bad.beads'}\n", encoding="utf-8")
    code, out, err = run(capsys, "--batch", pairs, "--target-lang", "ja")
    assert code == 2  # the second pair is English on both sides
    assert (tmp_path / "ja.beads").read_text(encoding="utf-8").startswith("[0]:[0]\n")
    assert not (tmp_path / "bad.beads").exists()
    assert f"{EN}: the target has no ja prose" in err and "[" not in out
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def test_batch_pairs_file_must_have_three_columns(capsys, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(f"{EN}\t{JA}\n", encoding="utf-8")
    code, _, err = run(capsys, "--batch", pairs, "--target-lang", "ja")
    assert code == 2 and f"{pairs}:1: expected SRC<TAB>TGT<TAB>OUT" in err


def test_missing_glossary_module_is_a_note(capsys, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "triglot.glossary", None)  # import fails
    code, out, err = run(capsys, EN, JA, "--target-lang", "ja", "--glossary", "g.yaml")
    assert code == 0 and out.startswith("[0]:[0]")
    assert "note: no glossary support" in err


def bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty document"),
    ("blank.txt", b"\n\n  \n", "empty document"),
    ("latin1.txt", "Ol\u00e1 mundo".encode("latin-1"), "not valid UTF-8 at byte offset 2"),
    ("nul.txt", b"one\ntwo\0", ":2: contains a NUL byte"),
])
def test_bad_source_is_one_line_and_exit_2(capsys, tmp_path, name, data, message) -> None:
    code, out, err = run(capsys, bad(tmp_path, name, data), JA, "--target-lang", "ja")
    assert code == 2 and out == ""
    assert message in err and len(err.splitlines()) == 1 and name in err


def test_bom_and_crlf_are_accepted(capsys, tmp_path: Path) -> None:
    text = EN.read_text(encoding="utf-8").replace("\n", "\r\n")
    source = bad(tmp_path, "bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, _ = run(capsys, source, JA, "--target-lang", "ja")
    assert code == 0 and out == (DATA / "iis-aspnet.en-ja.gold").read_text(
        encoding="utf-8").rstrip("\n") + "\n"


def test_one_huge_paragraph(capsys, tmp_path: Path) -> None:
    source = bad(tmp_path, "big.en", ("word " * 200_000).encode())
    target = bad(tmp_path, "big.ja", ("語" * 300_000).encode())
    code, out, _ = run(capsys, source, target, "--target-lang", "ja")
    assert (code, out) == (0, "[0]:[0]\n")


@pytest.mark.parametrize(("target", "lang", "message"), [
    (EN, "ja", "the target has no ja prose: none of its 12 prose paragraphs is ja (12 are"),
    (EN, "pt_BR", "the target has no pt_BR prose"),
    (PT, "ja", "the target has no ja prose"),
    (JA, "pt_BR", "the target has no pt_BR prose"),
])
def test_target_in_the_wrong_language(capsys, target: Path, lang: str, message: str) -> None:
    code, out, err = run(capsys, EN, target, "--target-lang", lang)
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert f"error: {target}: {message}" in err


def test_source_in_the_wrong_language_names_the_source(capsys) -> None:
    code, out, err = run(capsys, JA, PT, "--target-lang", "pt_BR")
    assert code == 2 and out == "" and f"error: {JA}: the source has no en prose" in err


def test_unknown_language_and_missing_file(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, EN, JA, "--target-lang", "xx")
    assert code == 2 and "unknown language code 'xx'" in err
    code, _, err = run(capsys, tmp_path / "nope.txt", JA, "--target-lang", "ja")
    assert code == 2 and "nope.txt: no such file" in err


def test_markdown_documents_by_extension_with_an_unclosed_fence(capsys, tmp_path: Path) -> None:
    source = bad(tmp_path, "guide.md", (
        b"# Install\n\nInstall the `spam` package with pip before you run it.\n\n"
        b"```sh\npip install spam\n\nspam --help\n```\n\n"
        b"Then read the output of spam_check 42 carefully.\n"))
    target = bad(tmp_path, "guide.ja.md", (
        "# インストール\n\n実行する前に pip で `spam` パッケージをインストールします。\n\n"
        "```sh\npip install spam\n\nspam --help\n\n"
        "次に spam_check 42 の出力をよく読みます。\n").encode())
    code, out, err = run(capsys, source, target, "--target-lang", "ja", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(b["source"], b["target"]) for b in data["beads"]] == [
        ([0], [0]), ([1], [1]), ([2, 3], [2])]  # the fence swallowed the last paragraph
    assert {"kind": "markup", "source": [], "target": [],
            "message": f"{target}:5: code fence never closed: it runs to the end of the "
                       "document"} in data["anomalies"]


def test_a_mostly_untranslated_document_is_aligned(capsys, tmp_path: Path) -> None:
    english = EN.read_text(encoding="utf-8").splitlines()
    japanese = JA.read_text(encoding="utf-8").splitlines()
    partial = bad(tmp_path, "partial.ja.txt",
                  "\n".join(english[:10] + japanese[10:]).encode())  # two paragraphs of ja
    code, out, err = run(capsys, EN, partial, "--target-lang", "ja")
    assert code == 0 and out.startswith("[0]:[0]\n[1]:[1]\n")
    assert err.count(": untranslated: ") >= 8

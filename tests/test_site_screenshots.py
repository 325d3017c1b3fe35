"""``triglot screenshots``: a full-page PNG per language of the site built from
tests/roots/test-site. Skipped when Chromium, chromedriver or Selenium are absent."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from triglot.browser import browser_paths
from triglot.cli import main
from triglot.errors import TriglotError
from triglot.project import load_project
from triglot.screenshots import take_screenshots

ROOT = Path(__file__).parent / "roots" / "test-site"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(browser_paths() is None, reason="needs chromium and chromedriver")
def test_each_language_gets_a_whole_page_png(built_site: Path, tmp_path: Path) -> None:
    pytest.importorskip("selenium.webdriver")
    written = take_screenshots(load_project(ROOT), built_site, tmp_path, page="article",
                               width=500, height=300)
    assert [p.name for p in written] == ["en.png", "ja.png", "pt-br.png"]
    for path in written:
        width, height = _png_size(path)
        assert width <= 500 and height > 600  # the whole page, beyond the 300-pixel window


def test_a_page_missing_from_the_site_is_named(built_site: Path, tmp_path: Path) -> None:
    with pytest.raises(TriglotError, match=r"no nowhere\.html for en, ja, pt-br: build the site"):
        take_screenshots(load_project(ROOT), built_site, tmp_path, page="nowhere")
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(browser_paths() is None, reason="needs chromium and chromedriver")
def test_the_command_photographs_the_root_page_by_default(
        built_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("selenium.webdriver")
    assert main(["screenshots", "--project", str(ROOT), "--site", str(built_site),
                 "-o", str(tmp_path), "--width", "500"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en.png", "ja.png", "pt-br.png"]
    assert capsys.readouterr().out.count("triglot screenshots: wrote ") == 3


def test_the_command_reports_a_site_not_built_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screenshots", "--project", str(ROOT), "--site", str(tmp_path / "none"),
                 "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("triglot screenshots: error: ") and err.count("\n") == 1
    assert "no index.html for en, ja, pt-br: build the site first" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(browser_paths() is None, reason="needs chromium and chromedriver")
def test_several_widths_and_both_colour_schemes_each_get_a_png(
        built_furo_site: Path, tmp_path: Path) -> None:
    pytest.importorskip("selenium.webdriver")
    written = take_screenshots(load_project(ROOT), built_furo_site, tmp_path, page="index",
                               width=[390, 800], height=300, schemes=["light", "dark"])
    assert [p.name for p in written[:3]] == ["en-390-light.png", "ja-390-light.png",
                                             "pt-br-390-light.png"]
    assert len(written) == 12 and {p.name for p in written} >= {"ja-800-dark.png"}
    assert {_png_size(p)[0] for p in written} == {390, 800}
    # Furo follows the reader's scheme: the dark page is another picture
    assert (tmp_path / "en-390-dark.png").read_bytes() != (
        tmp_path / "en-390-light.png").read_bytes()


def test_an_unknown_colour_scheme_is_refused_before_anything_runs(
        built_site: Path, tmp_path: Path) -> None:
    with pytest.raises(TriglotError, match="schemes one of light, dark"):
        take_screenshots(load_project(ROOT), built_site, tmp_path, schemes=["sepia"])
    assert not list(tmp_path.iterdir())

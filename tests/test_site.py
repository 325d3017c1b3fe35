from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from triglot.cli import main
from triglot.languages import get_language
from triglot.site import root_page


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs))
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")


def test_root_page_links_every_language_without_scripts() -> None:
    languages = [get_language(code) for code in ("en", "ja", "pt_BR")]
    parser = _Links()
    parser.feed(root_page(languages))
    assert parser.html_lang == "en"
    assert [(a["href"], a["hreflang"]) for a in parser.links] == [
        ("en/index.html", "en"), ("ja/index.html", "ja"), ("pt-br/index.html", "pt-BR")]
    page = root_page(languages)
    assert '"pt-br": "pt-br"' in page and "navigator.languages" in page
    assert '<link rel="alternate" hreflang="x-default" href="index.html">' in page


def test_site_outside_a_project_is_a_one_line_error(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["site", "--project", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (f"triglot site: error: {tmp_path}: no conf.py here: run triglot in the "
                   "project's configuration directory or give it with -c CONFDIR\n")

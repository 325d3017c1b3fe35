"""The site's languages, and links between the language sites.

The site is ``<site>/<language folder>/<page>.html`` for every language (see
:mod:`triglot.site`), so the same page in another language is a relative link computed
at build time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from triglot.languages import Language, get_language

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


# The extension's scripts and styles, shipped with every site.
STATIC = Path(__file__).parent.parent / "static"


def site_languages(config: Config) -> list[Language]:
    return [get_language(code) for code in config.triglot_languages]


def page_language(config: Config) -> Language:
    return get_language(config.language or config.triglot_languages[0])


def is_translation_build(app_or_env: Sphinx | BuildEnvironment) -> bool:
    """Whether this build is of a language other than the source language."""
    config = app_or_env.config
    return bool(config.language) and page_language(config) != site_languages(config)[0]


def is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


def page_in(app: Sphinx, pagename: str, language: Language, fragment: str = "", *,
            target: str | None = None) -> str:
    """The link from ``pagename`` to the same page (or ``target``) in ``language``'s site.

    >>> from types import SimpleNamespace
    >>> app = SimpleNamespace(builder=SimpleNamespace(get_target_uri=lambda name: name + ".html"))
    >>> page_in(app, "a/b", get_language("pt_BR"), "p-1")
    '../../pt-br/a/b.html#p-1'
    >>> page_in(app, "parallel/a", get_language("ja"), target="a")
    '../../ja/a.html'
    """
    up = "../" * (pagename.count("/") + 1)
    uri = f"{up}{language.site_dir}/{app.builder.get_target_uri(target or pagename)}"
    return f"{uri}#{fragment}" if fragment else uri


def _add_static(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _add_static)


def add_site_files(app: Sphinx) -> None:
    """The site's own style and script; added after every feature's, so its rules win
    (files of one priority keep the order they were added in)."""
    app.add_css_file("triglot-site.css")
    app.add_js_file("triglot-site.js")

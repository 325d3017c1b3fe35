"""The project's name and title in the page's language.

Sphinx writes ``project`` and ``html_title`` from ``conf.py`` into every page (the
``<title>``, the theme's header and sidebar), in the source language. A translated site
shows them translated: by the project's own ``sphinx.po`` in its ``locale_dirs`` (Sphinx's
place for the frame's words), else by the same text translated in one of the language's
document catalogs (the root document's first: a project's name is often its front page's
title). A text no catalog translates stays as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from triglot.sphinxext.core.catalogs import catalogs_for, translation
from triglot.sphinxext.core.site import is_html, is_translation_build, page_language
from triglot.sphinxext.core.state import PerBuild

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The context values Sphinx fills from conf.py, and the configuration value of each.
FRAME = {"project": "project", "docstitle": "html_title", "shorttitle": "html_short_title"}
# Texts looked up so far in this build: text -> its translation.
_LOOKED_UP: PerBuild[dict[str, str]] = PerBuild(lambda app: {})


def translated_text(app: Sphinx, text: str) -> str:
    """``text`` in the build's language, as the module docstring says."""
    done = _LOOKED_UP.of(app)
    if text not in done:
        done[text] = _look_up(app, text)
    return done[text]


def _look_up(app: Sphinx, text: str) -> str:
    if app.translator is not None and app.translator.gettext(text) != text:
        return app.translator.gettext(text)
    root = app.config.root_doc
    code = page_language(app.config).code
    for docname in [root, *sorted(app.env.found_docs - {root})]:
        found = translation(catalogs_for(app, docname, code), text)
        if found.state == "translated":
            return found.text
    return text


def _on_page_context(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: Any) -> None:
    if not is_html(app) or not is_translation_build(app):
        return
    for key, option in FRAME.items():
        written = getattr(app.config, option, None)
        if written and context.get(key) == written:
            context[key] = translated_text(app, written)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _on_page_context)

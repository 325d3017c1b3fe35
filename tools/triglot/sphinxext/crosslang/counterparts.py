"""Each paragraph's text in the other languages, shown inline on demand.

After every anchored paragraph comes a ``<details>`` disclosure (it works without
scripts) holding the paragraph in the site's other languages: the English message, and
each translation's catalog text, marked when it is missing or out of date (the links to
the other sites are in the paragraph's own links already). It follows the paragraph
rather than sitting in it, since a ``<p>`` cannot hold a ``<details>``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from triglot.sphinxext.core.catalogs import Translation, catalogs_for, translation
from triglot.sphinxext.core.furniture import Furniture, add_furniture
from triglot.sphinxext.core.paragraphs import ANCHOR, MSGID, anchored_paragraphs
from triglot.sphinxext.core.site import is_html, page_language, site_languages
from triglot.sphinxext.core.uitext import ui_text
from triglot.sphinxext.crosslang.parallel import has_parallel_views, parallel_uri
from triglot.sphinxext.crosslang.rst_inline import inline_html

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

    from triglot.languages import Language


def counterpart_html(text: Translation, language: Language, here: Language) -> str:
    """One language's version of a paragraph; notes are in the page's language ``here``."""
    state, note = "", ""
    if text.state != "translated":
        state = f" triglot-cp-{text.state}"
        note = (f'<span class="triglot-cp-note" lang="{here.tag}">'
                f'{html.escape(ui_text(f"note_{text.state}"))}</span> ')
    return (f'<div class="triglot-cp{state}" lang="{language.tag}">'
            f'<span class="triglot-cp-lang">{html.escape(language.name)}</span> '
            f'{note}{inline_html(text.text)}</div>')


class triglot_counterparts(Furniture):
    """A paragraph in the other languages: ``texts`` is (Translation, Language) each,
    ``here`` the page's language and ``parallel`` the link to the side-by-side view."""

    def render(self) -> str:
        here = self["here"]
        parts = [f'<details class="triglot-counterparts"><summary lang="{here.tag}">'
                 f'{html.escape(ui_text("other_languages"))}</summary>']
        parts += [counterpart_html(text, language, here) for text, language in self["texts"]]
        if self["parallel"]:
            parts.append(f'<a class="triglot-cp-parallel" href="{html.escape(self["parallel"])}">'
                         f'{html.escape(ui_text("parallel"))}</a>')
        parts.append("</details>")
        return "".join(parts)


def _add_counterparts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_html(app):
        return
    here = page_language(app.config)
    languages = site_languages(app.config)
    others = [lang for lang in languages if lang != here]
    if not others:
        return
    catalogs = {lang: catalogs_for(app, docname, lang.code) for lang in others}
    for para in anchored_paragraphs(doctree):
        texts = [(Translation(para[MSGID], "translated") if lang == languages[0]
                  else translation(catalogs[lang], para[MSGID]), lang) for lang in others]
        parallel = (parallel_uri(app, docname, docname, para[ANCHOR])
                    if has_parallel_views(app) else "")
        para.parent.insert(para.parent.index(para) + 1,
                           triglot_counterparts(here=here, texts=texts, parallel=parallel))


def setup(app: Sphinx) -> None:
    add_furniture(app, triglot_counterparts)
    app.connect("doctree-resolved", _add_counterparts)

"""Each paragraph's text in the other languages, shown inline on demand.

After every anchored paragraph comes a ``<details>`` disclosure (it works without
scripts) holding the paragraph in the site's other languages: the English message, and
each translation's catalog text, marked when it is missing or out of date (the links to
the other sites are in the paragraph's own links already). It follows the paragraph
rather than sitting in it, since a ``<p>`` cannot hold a ``<details>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from triglot.sphinxext.core.catalogs import Translation, catalogs_for, translation
from triglot.sphinxext.core.furniture import Furniture, add_furniture
from triglot.sphinxext.core.paragraphs import ANCHOR, MSGID, anchored_paragraphs
from triglot.sphinxext.core.site import is_html, page_language, site_languages
from triglot.sphinxext.core.templates import render
from triglot.sphinxext.core.uitext import ui_text
from triglot.sphinxext.crosslang.parallel import has_parallel_views, parallel_uri
from triglot.sphinxext.crosslang.rst_inline import inline_html

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx



class triglot_counterparts(Furniture):
    """A paragraph in the other languages: ``texts`` is (Translation, Language) each,
    ``here`` the page's language and ``parallel`` the link to the side-by-side view."""

    def render(self) -> str:
        items = [{"state": text.state if text.state != "translated" else "",
                  "note": ui_text(f"note_{text.state}") if text.state != "translated" else "",
                  "tag": language.tag, "name": language.name,
                  "text": Markup(inline_html(text.text))}
                 for text, language in self["texts"]]
        return render("counterparts.html", here=self["here"].tag,
                      summary=ui_text("other_languages"), items=items,
                      parallel=self["parallel"], parallel_text=ui_text("parallel"))


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

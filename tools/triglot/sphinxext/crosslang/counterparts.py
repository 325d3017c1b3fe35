"""Each paragraph's text in the other languages, shown when its fold is opened.

After every anchored paragraph comes a ``<details>`` disclosure holding the paragraph in
the site's other languages: the English message, and each translation's catalog text,
marked when it is missing or out of date (the links to the other sites are in the
paragraph's own links already). It follows the paragraph rather than sitting in it,
since a ``<p>`` cannot hold a ``<details>``.

``triglot_counterparts = "on-demand"`` (the default) keeps the page near the size of plain
Sphinx's: the folds are empty, and opening one loads the page's counterparts from one
small script (``_triglot/counterparts/<page>.js``, which works from the file system too),
with the links to the paragraph in the other sites (which the inline mode puts at the
paragraph's end).
``"inline"`` writes every fold's text into the page, for readers without scripts.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from triglot.sphinxext.core.catalogs import Translation, catalogs_for, translation
from triglot.sphinxext.core.furniture import Furniture, add_furniture
from triglot.sphinxext.core.paragraphs import ANCHOR, MSGID, anchored_paragraphs
from triglot.sphinxext.core.site import is_html, page_in, page_language, site_languages
from triglot.sphinxext.core.state import PerBuild
from triglot.sphinxext.core.templates import render
from triglot.sphinxext.core.uitext import ui_text
from triglot.sphinxext.crosslang.parallel import has_parallel_views, parallel_uri
from triglot.sphinxext.crosslang.rst_inline import inline_html
from triglot.textio import write_atomic

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx



class triglot_counterparts(Furniture):
    """A paragraph in the other languages: ``texts`` is (Translation, Language) each,
    ``here`` the page's language and ``parallel`` the link to the side-by-side view; with
    ``anchor`` only the fold, whose body the page's counterparts script holds."""

    def render(self) -> str:
        anchor = self.get("anchor", "")
        # a fold with an anchor is filled from the page's script: its body is not rendered
        return render("counterparts.html", here=self["here"].tag,
                      summary=ui_text("other_languages"), anchor=anchor,
                      **({} if anchor else self.body_context()))

    def body_context(self) -> dict[str, Any]:
        links = self.get("links", {})
        items = [{"state": text.state if text.state != "translated" else "",
                  "note": ui_text(f"note_{text.state}") if text.state != "translated" else "",
                  "tag": language.tag, "name": language.name, "href": links.get(language.tag, ""),
                  "text": Markup(inline_html(text.text))}
                 for text, language in self["texts"]]
        return {"items": items, "parallel": self["parallel"], "parallel_text": ui_text("parallel")}

    def body(self) -> str:
        """What the fold holds, as the inline mode writes it into the page."""
        return render("counterparts-body.html", here=self["here"].tag, **self.body_context())


# Where a page's counterparts are written in the on-demand mode, inside the output folder.
LOADED = "_triglot/counterparts"


def _add_counterparts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_html(app):
        return
    here = page_language(app.config)
    languages = site_languages(app.config)
    others = [lang for lang in languages if lang != here]
    if not others:
        return
    on_demand = app.config.triglot_counterparts == "on-demand"
    script = f"{LOADED}/{docname}.js"
    src = posixpath.relpath(script, posixpath.dirname(app.builder.get_target_uri(docname)))
    catalogs = {lang: catalogs_for(app, docname, lang.code) for lang in others}
    bodies: dict[str, str] = {}
    for para in anchored_paragraphs(doctree):
        texts = [(Translation(para[MSGID], "translated") if lang == languages[0]
                  else translation(catalogs[lang], para[MSGID]), lang) for lang in others]
        parallel = (parallel_uri(app, docname, docname, para[ANCHOR])
                    if has_parallel_views(app) else "")
        node = triglot_counterparts(here=here, texts=texts, parallel=parallel)
        if on_demand:  # the links to the other sites move from the paragraph's end to here
            node["anchor"] = para[ANCHOR]
            node["links"] = {lang.tag: page_in(app, docname, lang, para[ANCHOR])
                             for lang in others}
            bodies[para[ANCHOR]] = node.body()
        para.parent.insert(para.parent.index(para) + 1, node)
    if bodies:
        # a script, not JSON: pages opened from the file system may load scripts, not fetch
        payload = json.dumps(bodies, ensure_ascii=False, sort_keys=True)
        write_atomic(Path(app.outdir, script),
                     f"triglotCounterparts({json.dumps(src)}, {payload});\n".encode())
        SCRIPTS.of(app)[docname] = src


# The pages whose counterparts are in a script, and its link from the page (noted when
# the doctree is resolved, before Sphinx forks its parallel writers).
SCRIPTS: PerBuild[dict[str, str]] = PerBuild(lambda app: {})


def _link_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: Any) -> None:
    """Name the page's counterparts script once, in its head, for the folds to load."""
    src = SCRIPTS.of(app).get(pagename)
    if src:
        context["metatags"] = (context.get("metatags", "")
                               + render("counterparts-meta.html", src=src))


def setup(app: Sphinx) -> None:
    add_furniture(app, triglot_counterparts)
    app.connect("doctree-resolved", _add_counterparts)
    app.connect("html-page-context", _link_script)

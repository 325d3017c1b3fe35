"""The language switcher and ``<link rel="alternate" hreflang>``, computed at build time.

Every language's site is built from the same sources, so each page exists in every
language; the links are plain ``href``s, and a few lines of script only carry the URL
fragment (the paragraph being read) over to the other language.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from triglot.sphinxext.sitehtml import page_in, page_language, site_languages

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def alternates(app: Sphinx, pagename: str) -> str:
    languages = site_languages(app.config)
    links = [(lang.tag, page_in(app, pagename, lang)) for lang in languages]
    links.append(("x-default", page_in(app, pagename, languages[0])))
    return "\n".join(f'<link rel="alternate" hreflang="{tag}" href="{html.escape(href)}">'
                     for tag, href in links)


def switcher(app: Sphinx, pagename: str) -> str:
    here = page_language(app.config)
    items = []
    for lang in site_languages(app.config):
        name = html.escape(lang.name)
        if lang == here:
            items.append(f'<strong aria-current="page" lang="{lang.tag}">{name}</strong>')
        else:
            href = html.escape(page_in(app, pagename, lang))
            items.append(f'<a class="triglot-switch" href="{href}" hreflang="{lang.tag}" '
                         f'lang="{lang.tag}">{name}</a>')
    return f'<nav class="triglot-languages" aria-label="Languages">{" · ".join(items)}</nav>\n'


def _on_page_context(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: Any) -> None:
    if app.builder.format != "html":
        return
    context["metatags"] = context.get("metatags", "") + alternates(app, pagename) + "\n"
    if "body" in context:
        context["body"] = switcher(app, pagename) + context["body"]


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _on_page_context)

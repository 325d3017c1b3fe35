"""What a page's head tells search engines: its canonical URL in its language's site and a
description in the page's language.

The canonical URL is the page's absolute URL (:func:`~triglot.sphinxext.core.site.absolute_url`:
the configured ``triglot_language_url(s)``, else ``html_baseurl`` as the folder of every
language's site); it replaces Sphinx's own ``pageurl``, which knows nothing of language
folders. Without either, links between the languages stay relative and pages have no
canonical URL: one ``triglot.baseurl`` warning says so. A page without a ``.. meta::
:description:`` of its own is described by the start of its first paragraph.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging

from triglot.sphinxext.core.locations import file_location
from triglot.sphinxext.core.paragraphs import anchored_paragraphs
from triglot.sphinxext.core.site import absolute_url, is_html, page_language, site_languages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160


def describe(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """``text`` on one line, cut at a word (or, in a language without spaces, at a
    character) to at most ``limit`` characters, with an ellipsis when cut.

    >>> describe("IIS 6 runs each application pool in its own worker process.", 30)
    'IIS 6 runs each application…'
    >>> describe("IIS 6 では、アプリケーション プールごとにワーカー プロセスが動きます。", 20)
    'IIS 6 では、アプリケーション…'
    >>> describe("Short.")
    'Short.'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:、，") + "…"


def _has_description(doctree: nodes.document) -> bool:
    return any(node.get("name") == "description" for node in doctree.findall(nodes.Element)
               if node.tagname == "meta")


def _warn_without_url(app: Sphinx) -> None:
    config = app.config
    if (not is_html(app) or len(site_languages(config)) < 2
            or absolute_url(config, site_languages(config)[0], "index.html")):
        return
    logger.warning("html_baseurl is not set (nor triglot_language_url): hreflang alternates "
                   "are relative, which search engines ignore, and pages have no canonical "
                   "URL", type="triglot", subtype="baseurl",
                   location=file_location(Path(app.confdir, "conf.py")))


def _on_page_context(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: nodes.document | None) -> None:
    if not is_html(app):
        return
    url = absolute_url(app.config, page_language(app.config), app.builder.get_target_uri(pagename))
    if url is not None:
        context["pageurl"] = url
    if doctree is None or _has_description(doctree):
        return
    paragraphs = anchored_paragraphs(doctree)
    if paragraphs:
        description = html.escape(describe(paragraphs[0].astext()))
        context["metatags"] = (context.get("metatags", "")
                               + f'<meta name="description" content="{description}">\n')


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _warn_without_url)
    app.connect("html-page-context", _on_page_context)

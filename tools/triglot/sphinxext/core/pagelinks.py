"""A line of links under the language switcher (status page, parallel view).

Features add theirs in ``html-page-context`` with a rank; the switcher shows them by
rank, so their order does not hang on the order in which handlers were connected.
"""

from __future__ import annotations

from typing import Any

from triglot.sphinxext.core.templates import render

PAGE_LINKS = "triglot_page_links"


def add_page_link(context: dict[str, Any], *, kind: str, href: str, text: str, rank: int,
                  lang: str = "") -> None:
    """Put a link (``pagelink.html``, class ``kind``) under the switcher of the page being
    written, at ``rank``."""
    html = render("pagelink.html", kind=kind, lang=lang, href=href, text=text)
    context.setdefault(PAGE_LINKS, []).append((rank, html))


def page_links(context: dict[str, Any]) -> str:
    """The page's links in rank order (then in the order added).

    >>> context = {}
    >>> add_page_link(context, kind="b", href="b.html", text="B", rank=20)
    >>> add_page_link(context, kind="a", href="a.html", text="A", rank=10)
    >>> page_links(context).index('"a.html"') < page_links(context).index('"b.html"')
    True
    """
    return "".join(html for _, html in sorted(context.get(PAGE_LINKS, ()),
                                              key=lambda link: link[0]))

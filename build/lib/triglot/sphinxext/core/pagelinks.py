"""A line of links under the language switcher (status page, parallel view).

Features add theirs in ``html-page-context`` with a rank; the switcher shows them by
rank, so their order does not hang on the order in which handlers were connected.
"""

from __future__ import annotations

from typing import Any

PAGE_LINKS = "triglot_page_links"


def add_page_link(context: dict[str, Any], html: str, rank: int) -> None:
    """Put ``html`` under the switcher of the page being written, at ``rank``."""
    context.setdefault(PAGE_LINKS, []).append((rank, html))


def page_links(context: dict[str, Any]) -> str:
    """The page's links in rank order (then in the order added).

    >>> context = {}
    >>> add_page_link(context, "<b>", 20); add_page_link(context, "<a>", 10)
    >>> page_links(context)
    '<a><b>'
    """
    return "".join(html for _, html in sorted(context.get(PAGE_LINKS, ()),
                                              key=lambda link: link[0]))

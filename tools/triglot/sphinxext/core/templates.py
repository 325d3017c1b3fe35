"""The extension's Jinja templates (``templates/triglot/`` in the extension's folder): every
piece of HTML or SVG it adds to the site — the bodies of the pages it generates (status
page and chart, parallel view; Sphinx puts them into the theme's ``page.html``, so every
theme shows them), the page furniture (:mod:`.furniture`), the switcher and alternates.

Escaping is by construction: every value a template prints goes through
:func:`html.escape` unless it is :class:`~markupsafe.Markup` (HTML made by triglot, such
as the chart or a reduced reST message).
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).parent.parent / "templates"


def _escape(value: Any) -> str:
    return value if isinstance(value, Markup) else html.escape(str(value))


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), finalize=_escape,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def render(name: str, **context: Any) -> str:
    """The template ``triglot/<name>`` filled in with ``context``.

    >>> print(render("table.html", head=["<a>"], rows=[[{"text": 1}]], foot=None), end="")
    <table class="docutils triglot-status-table">
    <thead><tr><th>&lt;a&gt;</th></tr></thead>
    <tbody>
    <tr><td>1</td></tr>
    </tbody>
    </table>
    """
    return _environment().get_template(f"triglot/{name}").render(**context)


def compile_all() -> None:
    """Compile every template now, so that processes forked afterwards (``triglot site``'s
    language builds) inherit them instead of each compiling them again."""
    environment = _environment()
    for name in environment.list_templates():
        environment.get_template(name)

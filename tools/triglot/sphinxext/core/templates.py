"""The extension's Jinja templates (``templates/triglot/`` in the extension's folder): the
HTML of the pages it generates (status page, parallel view), which Sphinx then puts into
the theme's ``page.html`` as the page's body, so every theme shows them.

Escaping is by construction: every value a template prints is escaped unless it is
:class:`~markupsafe.Markup` (HTML made by triglot, such as a chart or a reduced reST
message), with :func:`html.escape`, as the rest of the site's furniture is.
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

"""A catalog message's reST inline markup reduced to safe HTML, for text shown outside
the document tree (counterparts, the parallel view).

Only what a paragraph message holds is reduced: ````literal````, ``*em*``, ``**strong**``,
roles and references (``:role:`text <target>```, ```text <url>`_``) become their
text; everything else is escaped, so markup in a translation shows as text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

_INLINE = re.compile(
    r"``(?P<literal>\S(?:.*?\S)?)``"
    r"|\*\*(?P<strong>\S(?:.*?\S)?)\*\*"
    r"|\*(?P<em>[^\s*](?:[^*]*?[^\s*])?)\*"
    r"|(?::(?P<role>[\w.+:-]+):)?`(?P<interpreted>[^`]+)`(?::[\w.+:-]+:)?_{0,2}"
    r"|\\(?P<escaped>.)",
    re.DOTALL,
)
# Roles whose text is code, shown like a literal.
_CODE_ROLES = frozenset({"code", "literal", "file", "samp", "command", "program", "envvar",
                         "option", "kbd", "makevar", "mimetype", "regexp"})
_TARGET = re.compile(r"^(?P<text>.*?)\s*<[^<>]*>$", re.DOTALL)


def _role_text(content: str) -> str:
    """The text a role or reference shows: its title, or its target's last part for ``~``."""
    titled = _TARGET.match(content)
    if titled and titled["text"]:
        return titled["text"]
    content = content.lstrip("!")
    if content.startswith("~"):
        return content[1:].rsplit(".", 1)[-1]
    return content


# The counterparts of a page and the parallel view of its document reduce the same texts.
@lru_cache(maxsize=1 << 16)
def inline_html(text: str) -> str:
    """``text``, a reST paragraph message, as escaped HTML with its inline markup kept.

    >>> inline_html("Run ``w3wp.exe`` *now*, **really** <b>!</b>")
    'Run <code>w3wp.exe</code> <em>now</em>, <strong>really</strong> &lt;b&gt;!&lt;/b&gt;'
    >>> inline_html(":term:`pools <application pool>` and `IIS <https://x.test/?a&b>`_")
    'pools and IIS'
    >>> inline_html(r":py:func:`~os.path.join` costs 2 * 3 \\*s, :code:`<x>`")
    'join costs 2 * 3 *s, <code>&lt;x&gt;</code>'
    """
    out = []
    done = 0
    for match in _INLINE.finditer(text):
        out.append(html.escape(text[done:match.start()]))
        done = match.end()
        if match["literal"] is not None:
            out.append(f"<code>{html.escape(match['literal'])}</code>")
        elif match["strong"] is not None:
            out.append(f"<strong>{html.escape(match['strong'])}</strong>")
        elif match["em"] is not None:
            out.append(f"<em>{html.escape(match['em'])}</em>")
        elif match["interpreted"] is not None:
            shown = html.escape(_role_text(match["interpreted"]))
            code = (match["role"] or "").rsplit(":", 1)[-1] in _CODE_ROLES
            out.append(f"<code>{shown}</code>" if code else shown)
        else:
            out.append(html.escape(match["escaped"]))
    out.append(html.escape(text[done:]))
    return "".join(out)

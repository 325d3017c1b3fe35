r"""Which link targets are safe to publish: http, https, mailto and relative ones.

A translation, a glossary definition or a model's words come from people other than the
documentation's authors; a link they write to ``javascript:``, ``data:``, ``vbscript:`` or
``file:`` would run script or reach the reader's disk from the published page. A
target's scheme is read as a browser reads it (WHATWG URL parsing: ASCII tabs and line
breaks removed anywhere, leading and trailing controls and spaces stripped, any case)
after HTML character references are decoded, so no disguise hides it.

>>> [unsafe_scheme(uri) for uri in ("https://x.test", "../page.html#a", "#top",
...  "mailto:a@x.test", " JaVa\tScript:alert(1)", "&#106;avascript:x", "data:text/html,")]
[None, None, None, None, 'javascript', 'javascript', 'data']
>>> unsafe_links("Click `here <javascript:alert(1)>`_, or see https://x.test.")
['javascript:alert(1)']
>>> unsafe_links(":py:func:`open` and :data:`x`"), unsafe_links("`a <data:,x>`_ :func:`f`")
([], ['data:,x'])
"""

from __future__ import annotations

import copy
import functools
import html
import re

from triglot.terms.markup import ROLE_NAME

#: The schemes a published link may have (besides none: a relative link).
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

CODE = "unsafe-link"
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_STRIPPED = re.compile(r"[\t\n\r]")
# A cheap test before parsing: some word followed by a colon that is not a safe scheme.
_CANDIDATE = re.compile(r"[A-Za-z&][A-Za-z0-9+.\-&#;\t\n\r]*:")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
# Where docutils reads a link target other than a standalone URI: an embedded target
# (`text <uri>`_) or explicit markup (.. _name: uri, __ uri, a directive's :target:).
_EXPLICIT = re.compile(r"^\s*(?:\.\.|__)(?:\s|$)", re.MULTILINE)
_EMBEDDED = re.compile(r"<([^<>]+)>")
# every place a standalone URI's scheme may begin (docutils wants no letter or digit before)
_SCHEME_START = re.compile(r"(?=(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.+-]*):)")


def unsafe_scheme(uri: str) -> str | None:
    """The scheme of ``uri`` when it is not one a published link may have; None when safe."""
    cleaned = _STRIPPED.sub("", html.unescape(uri)).strip(_C0_AND_SPACE)
    match = _SCHEME.match(cleaned.lower())
    if match is None or match.group(1) in SAFE_SCHEMES:
        return None
    return match.group(1)


def unsafe_links(text: str) -> list[str]:
    """The targets with an unsafe scheme of the links in ``text``, reST as docutils reads
    it (embedded targets, standalone URIs, hyperlink targets), in their order."""
    if not _may_link(text):
        return []
    from docutils import nodes
    from docutils.core import publish_doctree

    # settings made once: building them (an option parser) cost as much as the parse
    document = publish_doctree(text, settings=copy.copy(_settings()))
    found = []
    for node in document.findall(lambda n: isinstance(n, (nodes.reference, nodes.target))):
        uri = node.get("refuri")
        if uri and unsafe_scheme(uri) and uri not in found:
            found.append(uri)
    return found


def _may_link(text: str) -> bool:
    """Whether docutils may read a link with an unsafe scheme in ``text``: a cheap test,
    so that most messages of a documentation catalog are not parsed.

    A role's name (":func:`", ":py:meth:`") is never a link's scheme, so it is blanked
    out first (its opening colon kept). A standalone URI is a link only with a scheme
    docutils knows; any other needs an embedded target (any word before a colon between
    its angle brackets may be a scheme: docutils drops spaces inside a target's URI) or
    explicit markup (any word before a colon anywhere).

    >>> _may_link("Nota: veja :data:`x`."), _may_link("see file:x")
    (False, True)
    >>> _may_link("Nota: veja `f <g>`_."), _may_link("Nota: veja `f <java script:x>`_.")
    (False, True)
    """
    if ":" not in text:  # no scheme, and no role
        return False
    standalone = _standalone_schemes()
    # first on the text as it is: blanking roles out only takes candidates away
    if not (("`" in text and "<" in text) or _EXPLICIT.search(text)) and not any(
            s.lower() in standalone for s in _SCHEME_START.findall(text)):
        return False
    plain = ROLE_NAME.sub(lambda m: ":" + " " * (m.end() - m.start() - 1), text)
    if _EXPLICIT.search(plain) or ("\\" in plain and "`" in plain and "<" in plain):
        return any(unsafe_scheme(m.group(0)) for m in _CANDIDATE.finditer(plain))
    if "`" in plain and "<" in plain:
        # an embedded target is all between its angle brackets (which only an escape
        # puts inside it)
        for target in _EMBEDDED.findall(plain):
            joined = "".join(target.split())
            if any(unsafe_scheme(m.group(0)) for m in _CANDIDATE.finditer(joined)):
                return True
    return any(s.lower() in standalone for s in _SCHEME_START.findall(plain))


@functools.cache
def _settings() -> object:
    """The settings ``publish_doctree`` makes for its components (no config files read),
    with reports and file access off."""
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.readers.standalone import Reader
    from docutils.writers.null import Writer

    settings = get_default_settings(Reader, Parser, Writer)
    for name, value in (("report_level", 5), ("halt_level", 5), ("traceback", True),
                        ("file_insertion_enabled", False), ("raw_enabled", False)):
        setattr(settings, name, value)
    return settings


@functools.cache
def _standalone_schemes() -> frozenset[str]:
    """The schemes docutils makes a standalone URI of, but the safe ones."""
    from docutils.utils.urischemes import schemes

    return frozenset(schemes) - SAFE_SCHEMES


def unsafe_link_message(uri: str, where: str = "translation") -> str:
    """What a report of the unsafe link ``uri`` found in ``where`` says."""
    return (f"link to {uri!r} in the {where} is shown as text: only http, https, mailto and "
            "relative links are published")

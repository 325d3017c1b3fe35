"""A rendered diagram's SVG made ready to inline in a page: parsed as XML, as
:func:`sphinx.ext.graphviz.fix_svg_relative_paths` does, never edited as text.

The cached SVG links each component to a placeholder URL (one file serves every page);
:func:`inline_svg` points those links at the page's glossary entries and names the image
for assistive technology. Entities are written out as characters (Graphviz's ``&#45;``
becomes ``-``): the bytes change, the document does not.

>>> svg = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
...        b'xmlns:xlink="http://www.w3.org/1999/xlink">\\n<a xlink:href="x:/c/pool">'
...        b'<text>pool&#45;1</text></a>\\n<a xlink:href="x:/c/gone"/></svg>')
>>> print(inline_svg(svg, "x:/c/", {"pool": "glossary.html#pool"}, "Pools & queues"))
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
role="img" aria-label="Pools &amp; queues">
<a xlink:href="glossary.html#pool"><text>pool-1</text></a>
<a xlink:href="#"/></svg>
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike

from lxml import etree

from triglot.errors import TriglotError

SVG = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# No entity expansion, no DTD or anything else fetched: a diagram file is read as data.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def parse_svg(data: bytes, source: str | PathLike[str] = "<svg>") -> etree._Element:
    """The root ``<svg>`` element of ``data``; :class:`TriglotError` naming ``source``
    and the line when it is not well-formed SVG or declares entities."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TriglotError(f"not well-formed XML: {exc.msg}", source, exc.lineno) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise TriglotError("an SVG file may not declare entities", source, root.sourceline)
    if root.tag != f"{{{SVG}}}svg":
        raise TriglotError(f"not an SVG document (root element {root.tag})", source,
                           root.sourceline)
    return root


def inline_svg(data: bytes, placeholder: str, urls: Mapping[str, str], label: str,
               source: str | PathLike[str] = "<svg>") -> str:
    """The ``<svg>`` element of ``data`` without prolog or doctype, each link to
    ``placeholder + key`` pointing at ``urls[key]`` (``#`` for a key without one),
    with ``role="img"`` and ``label`` as its accessible name."""
    root = parse_svg(data, source)
    for anchor in root.iter(f"{{{SVG}}}a"):
        href = anchor.get(XLINK_HREF, "")
        if href.startswith(placeholder):
            anchor.set(XLINK_HREF, urls.get(href[len(placeholder):], "#"))
    root.set("role", "img")
    root.set("aria-label", label)
    return etree.tostring(root, encoding="unicode")

"""TMX 1.4b output of an alignment's linked beads, for CAT tools."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from triglot import __version__
from triglot.align.beads import Bead
from triglot.errors import TriglotError
from triglot.languages import get_language

#: What XML 1.0 has no way to write, not even as a character reference.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def to_tmx(source: Sequence[str], target: Sequence[str], beads: Sequence[Bead], *,
           source_lang: str, target_lang: str) -> str:
    """A TMX 1.4b document with one translation unit per linked bead.

    A carriage return is written as ``&#13;`` (as itself, XML would read it back as a line
    feed); a character XML cannot carry at all raises :class:`TriglotError`.

    >>> print(to_tmx(["A & B"], ["A と B"], [Bead((0,), (0,), 0.9)],
    ...              source_lang="en", target_lang="ja"))  # doctest: +ELLIPSIS
    <?xml version='1.0' encoding='UTF-8'?>
    ...
    <tu><prop type="x-confidence">0.900</prop>...<seg>A &amp; B</seg>...<seg>A と B</seg></tuv></tu>
    ...
    """
    src, tgt = get_language(source_lang), get_language(target_lang)
    tmx = etree.Element("tmx", version="1.4")
    tmx.text = "\n"
    header = etree.SubElement(tmx, "header", creationtool="triglot",
                              creationtoolversion=__version__, datatype="plaintext",
                              segtype="paragraph", adminlang="en", srclang=src.tag,
                              attrib={"o-tmf": "triglot"})
    header.tail = "\n"
    body = etree.SubElement(tmx, "body")
    body.text = body.tail = "\n"
    for bead in beads:
        if not (bead.source and bead.target):
            continue
        unit = etree.SubElement(body, "tu")
        unit.tail = "\n"
        etree.SubElement(unit, "prop", type="x-confidence").text = f"{bead.confidence:.3f}"
        for language, texts, numbers in ((src, source, bead.source), (tgt, target, bead.target)):
            text = language.joiner.join(texts[i] for i in numbers)
            if (bad := NOT_XML.search(text)) is not None:
                raise TriglotError(f"{language.code} paragraph {numbers[0] + 1} holds "
                                   f"{bad.group()!r}, a control character XML (and so TMX) "
                                   "cannot carry")
            variant = etree.SubElement(unit, "tuv", {_XML_LANG: language.tag})
            etree.SubElement(variant, "seg").text = text
    return etree.tostring(tmx, xml_declaration=True, encoding="UTF-8").decode("utf-8") + "\n"

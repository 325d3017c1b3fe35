"""TMX 1.4b output of an alignment's linked beads, for CAT tools."""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from triglot import __version__
from triglot.align.beads import Bead
from triglot.languages import get_language

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _seg(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


def to_tmx(source: Sequence[str], target: Sequence[str], beads: Sequence[Bead], *,
           source_lang: str, target_lang: str) -> str:
    """A TMX 1.4b document with one translation unit per linked bead.

    >>> print(to_tmx(["A & B"], ["A と B"], [Bead((0,), (0,), 0.9)],
    ...              source_lang="en", target_lang="ja"))  # doctest: +ELLIPSIS
    <?xml version="1.0" encoding="UTF-8"?>
    ...
    <tu><prop type="x-confidence">0.900</prop><tuv xml:lang="en"><seg>A &amp; B</seg></tuv><tuv xml:lang="ja"><seg>A と B</seg></tuv></tu>
    ...
    """
    src, tgt = get_language(source_lang), get_language(target_lang)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        (f'<header creationtool="triglot" creationtoolversion={quoteattr(__version__)} '
         f'datatype="plaintext" segtype="paragraph" adminlang="en" '
         f'srclang={quoteattr(src.tag)} o-tmf="triglot"/>'),
        "<body>",
    ]
    for bead in beads:
        if not (bead.source and bead.target):
            continue
        src_text = src.joiner.join(source[i] for i in bead.source)
        tgt_text = tgt.joiner.join(target[j] for j in bead.target)
        lines.append(
            f'<tu><prop type="x-confidence">{bead.confidence:.3f}</prop>'
            f'<tuv xml:lang={quoteattr(src.tag)}><seg>{_seg(src_text)}</seg></tuv>'
            f'<tuv xml:lang={quoteattr(tgt.tag)}><seg>{_seg(tgt_text)}</seg></tuv></tu>')
    lines += ["</body>", "</tmx>"]
    return "\n".join(lines) + "\n"

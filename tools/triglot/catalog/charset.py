r"""A catalog's bytes read and written in the charset its header declares.

GNU gettext, Babel and so Sphinx decode a ``.po`` file in the charset of its header's
``Content-Type`` (UTF-8 when it declares none, or the template placeholder ``CHARSET``).
Every reader of the toolkit goes through :func:`decode_catalog`, so a catalog means the
same to ``check``, ``import``, ``export`` and the site. Bytes that are not the declared
charset are an error at their line; so is UTF-8 under a header declaring another charset
(what every other tool would silently garble), since a genuine legacy-charset text with
letters beyond ASCII is practically never valid UTF-8.

>>> latin1 = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
...           'msgid "a"\nmsgstr "é"\n')
>>> decode_catalog(latin1.encode("latin-1"), "pt.po").endswith('msgstr "é"\n')
True
>>> decode_catalog(latin1.encode("utf-8"), "pt.po")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
triglot.errors.TriglotError: pt.po:5: the header declares charset ISO-8859-1 (line 2) but ...
"""

from __future__ import annotations

import codecs
import os
import re

from triglot.errors import TriglotError
from triglot.textio import decode_text

_CHARSET = re.compile(rb"charset=([^\s\"\\;]+)", re.IGNORECASE)
#: What gettext reads as "no charset declared".
_PLACEHOLDERS = frozenset({"charset"})
_PRINTABLE = bytes(range(32, 127)) + b"\n"


def declared_charset(data: bytes) -> tuple[str, int] | None:
    r"""The charset the header entry of ``data`` declares, and its line; None for none.

    >>> declared_charset(b'# c\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; '
    ...                  b'charset=UTF-8\\n"\n')
    ('UTF-8', 4)
    >>> declared_charset(b'msgid "a"\nmsgstr "charset=latin1"\n') is None
    True
    """
    lines = data.split(b"\n")
    start = next((n for n, line in enumerate(lines) if line.startswith(b"msgid ")), None)
    if start is None or lines[start].strip() != b'msgid ""':
        return None  # no header entry: it comes first when there is one
    for number in range(start + 1, len(lines)):
        line = lines[number].strip()
        if not line or (number > start + 1 and not line.startswith(b'"')):
            return None
        match = _CHARSET.search(line) if b"Content-Type:" in line else None
        if match:
            return match.group(1).decode("ascii", "replace"), number + 1
    return None


def codec_of(charset: str, path: str | os.PathLike[str] | None = None,
             line: int | None = None) -> str:
    """Python's codec for a declared charset; one gettext cannot read is an error.

    >>> codec_of("ISO-8859-1"), codec_of("CHARSET"), codec_of("utf-8")
    ('iso8859-1', 'utf-8', 'utf-8')
    """
    if charset.lower() in _PLACEHOLDERS:
        return "utf-8"
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        raise TriglotError(f"unknown charset {charset!r} in Content-Type",
                           path=path, line=line) from None
    if not _extends_ascii(name):
        raise TriglotError(f"charset {charset!r} is not one gettext can read (a PO file's "
                           "charset extends ASCII)", path=path, line=line)
    return name


def decode_catalog(data: bytes, path: str | os.PathLike[str]) -> str:
    """The text of a catalog's bytes, decoded as its header says (line ends normalised)."""
    declared = declared_charset(data)
    charset, header_line = declared or ("UTF-8", None)
    codec = codec_of(charset, path, header_line)
    if codec != "utf-8" and not data.isascii() and _is_utf8(data):
        raise TriglotError(f"the header declares charset {charset} (line {header_line}) but "
                           "the file is UTF-8; correct the header's charset", path=path,
                           line=_line_of(data, next(i for i, b in enumerate(data) if b > 127)))
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        said = (f"{charset} (the charset line {header_line} declares)"
                if charset.lower() not in _PLACEHOLDERS and declared
                else "UTF-8 (the header declares no charset)")
        raise TriglotError(f"not valid {said} at byte offset {exc.start}",
                           path=path, line=_line_of(data, exc.start)) from None
    return decode_text(text.encode("utf-8"), path)  # BOM, line ends and NUL as for any text


def encode_catalog(text: str, charset: str, path: str | os.PathLike[str] | None = None) -> bytes:
    r"""``text`` in the catalog's charset; a character it cannot hold is an error at its line.

    >>> encode_catalog('msgstr "日本"\n', "ISO-8859-1", "pt.po")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: pt.po:1: '日' cannot be written in the catalog's charset ...
    """
    try:
        return text.encode(codec_of(charset, path))
    except UnicodeEncodeError as exc:
        raise TriglotError(f"{text[exc.start]!r} cannot be written in the catalog's charset "
                           f"{charset}; convert the catalog to UTF-8 first "
                           "(msgconv --to-code=UTF-8)", path=path,
                           line=text.count("\n", 0, exc.start) + 1) from None


def _extends_ascii(codec: str) -> bool:
    try:
        return _PRINTABLE.decode(codec) == _PRINTABLE.decode("ascii")
    except UnicodeDecodeError:
        return False


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1

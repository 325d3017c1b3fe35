"""Numbers, file names and code literals of a source text, which a translation keeps."""

from __future__ import annotations

import re
import unicodedata

_LITERAL = re.compile(r"``(.+?)``|(?<![`\w])`([^`<>]+?)`(?![`\w])")
_FILE = re.compile(r"(?<![\w/\\.-])[\w-]+(?:\.[\w-]+)*\.[A-Za-z][A-Za-z0-9]{0,7}(?!\w|\.\w)")
_EXTENSION = re.compile(r"[\w-]\.[A-Za-z]")  # what every _FILE match holds
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_ROLE = re.compile(r":[\w:+-]+:`[^`]*`")


def identifiers(text: str) -> list[str]:
    """The identifiers ``text`` contains, in order, without repeats.

    >>> identifiers("Load aspnet_isapi.dll (IIS 5) with ``Py_Init()`` and :func:`f`, e.g. x.")
    ['Py_Init()', 'aspnet_isapi.dll', '5']
    """
    found: list[str] = []
    bare = text
    if "`" in text:  # (most texts have no role or literal: not searched for)
        bare = _ROLE.sub(" ", text)  # role targets are often translated (:term:`...`)
        for match in _LITERAL.finditer(bare):
            found.append(match.group(1) or match.group(2))
        bare = _LITERAL.sub(" ", bare)
    if _EXTENSION.search(bare):  # a file name has a dot and a letter after a word
        found.extend(m.group(0) for m in _FILE.finditer(bare) if _looks_like_file(m.group(0)))
    found.extend(m.group(0) for m in _NUMBER.finditer(bare))
    return list(dict.fromkeys(found))


def _looks_like_file(word: str) -> bool:
    # "e.g", "i.e", "U.S" are not file names: a file name has a stem of 2+ characters
    stem, _, ext = word.rpartition(".")
    return len(stem) >= 2 and not ext.isdigit() and (ext.islower() or ext.isupper())


def present(identifier: str, translation: str) -> bool:
    """Whether the translation contains the identifier (compared after NFKC, so
    full-width digits count)."""
    return unicodedata.normalize("NFKC", identifier) in unicodedata.normalize("NFKC",
                                                                              translation)

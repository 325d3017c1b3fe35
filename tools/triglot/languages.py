"""What triglot knows about a language: derived from its code with Babel's CLDR data,
plus a small table of facts where the defaults do not fit.

Languages are data: a code such as ``pt_BR`` gives the catalog code, the BCP 47 tag used
in HTML (``pt-BR``), the folder of its site (``pt-br``) and its name in itself; the fact
table adds how its text is aligned and matched. Any language Babel knows works with the
defaults, so adding one needs no new code path. This module imports nothing heavier than
Babel, so that the glossary and the site can check codes without loading spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError

from triglot.errors import TriglotError


@dataclass(frozen=True)
class Language:
    """A language of the project.

    >>> lang = get_language("pt-BR")
    >>> lang.code, lang.tag, lang.site_dir, lang.base
    ('pt_BR', 'pt-BR', 'pt-br', 'pt')
    >>> lang.name
    'Português (Brasil)'
    >>> get_language("ja").name, get_language("ja").script, get_language("ja").numberless
    ('日本語', 'cjk', True)
    >>> de = get_language("de")
    >>> de.script, de.joiner, de.length_ratio, de.common_words, de.plurals
    ('latin', ' ', 1.0, frozenset(), ())
    """

    code: str
    tag: str
    name: str
    script: str = "latin"  # "latin" or "cjk": how the aligner checks a text is in it
    joiner: str = " "  # what goes between two paragraphs joined into one segment
    # characters of prose per English character, as commonly seen in translation: the
    # length model's starting belief, which a document's own pairs then outweigh
    length_ratio: float = 1.0
    # a few very common words that tell it apart from its neighbours, when checking that
    # a document is written in the language it claims
    common_words: frozenset[str] = frozenset()
    # (suffix, replacement) rules that turn a plural the lemma table does not know (a
    # loanword such as Portuguese "pools", or "seções") into its singular; with
    # ``plurals_first`` they run before the table lookup, because the Portuguese table
    # lemmatizes singular and plural of one noun differently ("limite" -> "limitar",
    # "limites" -> "limite")
    plurals: tuple[tuple[str, str], ...] = ()
    plurals_first: bool = False
    chunk_chars: int = 100_000  # most text its tokenizer is given at once
    # nouns do not inflect for number (CLDR: no plural category but "other"), so that
    # "the list of names" is said "names" (名前)
    numberless: bool = False

    @property
    def site_dir(self) -> str:
        return self.tag.lower()

    @property
    def base(self) -> str:
        """The language without its territory: what spaCy's ``blank`` takes."""
        return self.code.split("_", 1)[0]


# Facts per language where the defaults above do not fit, keyed by catalog code; a code
# not listed takes the entry of its base language when there is one (en_GB takes en's).
FACTS: dict[str, dict[str, Any]] = {
    "en": {
        "common_words": frozenset(
            ["the", "of", "and", "to", "is", "in", "that", "it", "for", "are", "with", "this",
             "be", "as", "by", "not", "which"]),
        "plurals": (("ss", "ss"), ("s", "")),
    },
    "ja": {
        "script": "cjk", "joiner": "", "length_ratio": 0.5,
        "chunk_chars": 4_000,  # SudachiPy refuses inputs of about 49 kB
    },
    "pt_BR": {
        "length_ratio": 1.1,
        "common_words": frozenset(
            ["o", "os", "da", "das", "dos", "que", "em", "para", "uma", "um", "com", "não",
             "é", "são", "pelo", "pela"]),
        "plurals_first": True,
        "plurals": (("ões", "ão"), ("ães", "ão"), ("veis", "vel"), ("éis", "el"),
                    ("ais", "al"), ("óis", "ol"), ("ores", "or"), ("zes", "z"), ("ns", "m"),
                    ("ss", "ss"), ("s", "")),
    },
    "zh": {"script": "cjk", "joiner": ""},
}


@cache
def get_language(code: str) -> Language:
    """Return the :class:`Language` for a catalog code or a BCP 47 tag.

    >>> get_language("pt_br").code, get_language("en").common_words >= {"the"}
    ('pt_BR', True)

    The code keeps the parts the project wrote (Sphinx looks catalogs up by it), only
    their case normalised: Babel's likely script is not added.

    >>> get_language("zh_CN").code, get_language("zh-hant-tw").code
    ('zh_CN', 'zh_Hant_TW')
    >>> get_language("xx")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: unknown language code 'xx'
    """
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise TriglotError(f"unknown language code {code!r}") from None
    catalog_code = _as_written(code, locale)
    name = locale.get_display_name(locale) or catalog_code
    # a menu entry: CLDR names are lower-case in many languages
    name = name[:1].upper() + name[1:]
    facts = FACTS.get(catalog_code, FACTS.get(locale.language, {}))
    return Language(code=catalog_code, tag=catalog_code.replace("_", "-"), name=name,
                    numberless=not locale.plural_form.tags, **facts)


def _as_written(code: str, locale: Locale) -> str:
    """The catalog code of ``locale`` with the parts ``code`` names: language, and script
    and territory only when written."""
    parts = code.replace("-", "_").split("_")[1:]
    script = locale.script if locale.script and any(len(p) == 4 for p in parts) else None
    territory = locale.territory if any(len(p) in (2, 3) for p in parts) else None
    return "_".join(part for part in (locale.language, script, territory) if part)

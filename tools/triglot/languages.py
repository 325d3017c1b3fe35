"""What triglot knows about a language, derived from its code with Babel's CLDR data.

Languages are data: a code such as ``pt_BR`` gives the catalog code, the BCP 47 tag used
in HTML (``pt-BR``), the folder of its site (``pt-br``) and its name in itself, so adding
a language needs no new code path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

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
    >>> get_language("ja").name
    '日本語'
    """

    code: str
    tag: str
    name: str

    @property
    def site_dir(self) -> str:
        return self.tag.lower()

    @property
    def base(self) -> str:
        """The language without its territory: what spaCy's ``blank`` takes."""
        return self.code.split("_", 1)[0]


@cache
def get_language(code: str) -> Language:
    """Return the :class:`Language` for a catalog code or a BCP 47 tag.

    >>> get_language("xx")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: unknown language code 'xx'
    """
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise TriglotError(f"unknown language code {code!r}") from None
    catalog_code = str(locale)
    name = locale.get_display_name(locale) or catalog_code
    name = name[:1].upper() + name[1:]  # a menu entry, as CLDR names are lower-case in many languages
    return Language(code=catalog_code, tag=catalog_code.replace("_", "-"), name=name)

"""One place per language: its catalog code, its BCP 47 tag and how its text is analysed.

Adding a language is one entry here, not a new ``if`` elsewhere. This module imports
nothing heavy so that the glossary can validate language codes without loading spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageProfile:
    """How to analyse one language for term matching.

    ``code`` is the gettext catalog code (``pt_BR``), ``tag`` the BCP 47 tag used by TBX
    and HTML (``pt-BR``), ``spacy_lang`` the code of its ``spacy.blank`` pipeline.
    ``lemmas`` says whether the spaCy lookup lemmatizer tables exist for it.
    ``plurals`` are (suffix, replacement) rules that turn a plural the table does not
    know (a loanword such as Portuguese "pools", or "seções") into its singular; with
    ``plurals_first`` they run before the table lookup, because the Portuguese table
    lemmatizes singular and plural of one noun differently ("limite" -> "limitar",
    "limites" -> "limite"). ``chunk_chars`` bounds what the tokenizer is given at once
    (SudachiPy refuses inputs of about 49 kB).
    """

    code: str
    tag: str
    spacy_lang: str
    lemmas: bool
    plurals: tuple[tuple[str, str], ...] = ()
    plurals_first: bool = False
    chunk_chars: int = 100_000


PROFILES: dict[str, LanguageProfile] = {
    profile.code: profile
    for profile in (
        LanguageProfile("en", "en", "en", lemmas=True, plurals=(("ss", "ss"), ("s", ""))),
        LanguageProfile("ja", "ja", "ja", lemmas=False, chunk_chars=4_000),
        LanguageProfile("pt_BR", "pt-BR", "pt", lemmas=True, plurals_first=True, plurals=(
            ("ões", "ão"), ("ães", "ão"), ("veis", "vel"), ("éis", "el"), ("ais", "al"),
            ("óis", "ol"), ("ores", "or"), ("zes", "z"), ("ns", "m"), ("ss", "ss"),
            ("s", ""))),
    )
}


def profile(code: str) -> LanguageProfile:
    """The profile of catalog language ``code``; KeyError names the known ones.

    >>> profile("pt_BR").tag
    'pt-BR'
    """
    try:
        return PROFILES[code]
    except KeyError:
        raise KeyError(f"unknown language {code!r} (known: {', '.join(PROFILES)})") from None


def code_for_tag(tag: str) -> str | None:
    """Map a BCP 47 / TBX language tag to a catalog code, or None when unknown.

    >>> code_for_tag("pt-br"), code_for_tag("en-US"), code_for_tag("ja"), code_for_tag("xx")
    ('pt_BR', 'en', 'ja', None)
    """
    wanted = tag.replace("_", "-").lower()
    for prof in PROFILES.values():
        if prof.tag.lower() == wanted:
            return prof.code
    base = wanted.split("-")[0]
    exact_base = [p.code for p in PROFILES.values() if p.tag.lower() == base]
    if exact_base:
        return exact_base[0]
    regional = [p.code for p in PROFILES.values() if p.tag.lower().split("-")[0] == base]
    return regional[0] if len(regional) == 1 else None

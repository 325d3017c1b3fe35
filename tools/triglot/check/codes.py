"""The checks: stable codes, default severities, one-line descriptions."""

from __future__ import annotations

SEVERITIES = ("error", "warning", "info")

CHECKS: dict[str, tuple[str, str]] = {
    "term-missing": ("error", ("the English uses a glossary concept; the translation has none "
                              "of its approved terms")),
    "term-forbidden": ("error", ("the translation uses a forbidden term (error) or a deprecated "
                                "one (warning)")),
    "term-inconsistent": ("warning", ("one concept is rendered by different approved terms "
                                     "across the catalogs of a language")),
    "term-untranslated": ("warning", ("a term is left in English where the glossary has a "
                                     "translation")),
    "identifier-missing": ("warning", ("a number, file name or code literal of the English is "
                                      "missing from the translation")),
    "unsafe-link": ("error", ("a link whose scheme is not http, https, mailto or relative "
                             "(javascript:, data:, file:, ...); the site shows it as text")),
    "control-character": ("error", ("the translation holds a control character (not a tab "
                                   "or a line break)")),
}


# How sure a finding of each check is, 0 to 1: what --min-confidence and the build's
# threshold compare with. A missing term whose English use is weak (a verb, the noun
# beside an identifier the translation keeps) is only a hint.
CONFIDENCE: dict[str, float] = {
    "term-forbidden": 0.95,
    "term-untranslated": 0.9,
    "term-missing": 0.8,
    "identifier-missing": 0.7,
    "term-inconsistent": 0.6,
    "unsafe-link": 1.0,
    "control-character": 1.0,
}
HINT = 0.3
DEFAULT_MIN_CONFIDENCE = 0.5

# The severity of a term found in a translation follows the term's status: a forbidden
# term is wrong (error); a deprecated one is still understood, on its way out (warning).
STATUS_SEVERITY: dict[str, str] = {"forbidden": "error", "deprecated": "warning"}


def at_least(severity: str, threshold: str) -> bool:
    """True when ``severity`` is as serious as ``threshold`` or more.

    >>> at_least("error", "warning"), at_least("info", "warning")
    (True, False)
    """
    return SEVERITIES.index(severity) <= SEVERITIES.index(threshold)


_SILENCE = ("Silence it for one entry with a translator comment '# triglot: ignore {code}' "
            "(or '# triglot: ignore' for every check), for a build with "
            "suppress_warnings = ['triglot.{code}'].")
EXPLANATIONS: dict[str, str] = {
    "term-missing": (
        "The English uses a concept of the termbase (in prose: not in code, literals, "
        "role targets or *parameter* names) and the translation has none of its approved "
        "terms, in any inflection, also inside a compound (but not inside another "
        "concept's longer term that renders that concept's own use). Where every English "
        "use is a verb, or the noun beside an identifier that the translation keeps "
        "(':func:`eval` function'; not when another noun takes its place), or the last "
        "part of a kept dotted name (':mod:`http.server` ... the server'), or 'this ...' "
        "or a sentence's generic agent ('Users are expected to ...') that a language "
        "dropping what the context gives need not say, or 'the list of <plurals>' in a "
        "language without grammatical number, it is only a hint (confidence 0.3, shown "
        "with --min-confidence 0). "
        "Where the term is not the concept ('for instance'), add the phrase to the term's "
        "'exclude' list, or give the term 'pos: noun' so that its verb uses are not it."),
    "term-forbidden": (
        "The translation uses a deprecated or forbidden term of a concept in prose, even "
        "inside a longer word or next to an approved term. The message names the "
        "preferred term. A forbidden term is an error, a deprecated one a warning "
        "(fail on it with --fail-on warning). If the variant is correct, make it "
        "'admitted' in the termbase."),
    "term-untranslated": (
        "The English term of a concept is left in English in the translation's prose "
        "(code, literals and doctest lines do not count) where the termbase has a "
        "translation. Reported instead of term-missing, once per concept and entry."),
    "term-inconsistent": (
        "Across the catalogs of one language, a concept is rendered by more than one "
        "approved term; the entries using the less common one are reported."),
    "identifier-missing": (
        "A number, file name or code literal of the English is not in the translation."),
    "unsafe-link": (
        "A translation or a glossary definition links to a target whose scheme is not "
        "http, https, mailto or none (a relative link): javascript:, data:, vbscript:, "
        "file: and the like, in any case and behind whitespace or HTML character "
        "references, as a browser reads them. The site shows such a link as its text."),
    "control-character": (
        "The translation holds a control character other than a tab or a line break (an "
        "escape sequence pasted from a terminal, a stray U+0001): no reader sees it, XML "
        "formats (TMX, XLIFF, TBX) cannot carry it, and a terminal obeys it. Reports show "
        "it escaped ('\\x1b')."),
}


def explain(code: str = "") -> str:
    """What triggers ``code`` (every code when empty) and how to silence it.

    >>> print(explain("term-inconsistent").splitlines()[0])
    term-inconsistent (warning)
    """
    from triglot.errors import TriglotError

    if code and code not in CHECKS:
        raise TriglotError(f"unknown check code {code!r} (known: {', '.join(CHECKS)})")
    out = []
    for name in [code] if code else list(CHECKS):
        out.append(f"{name} ({CHECKS[name][0]})\n    {EXPLANATIONS[name]}\n    "
                   f"{_SILENCE.format(code=name)}\n")
    return "\n".join(out)

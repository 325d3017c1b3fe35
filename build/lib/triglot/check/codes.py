"""The checks: stable codes, default severities, one-line descriptions."""

from __future__ import annotations

SEVERITIES = ("error", "warning", "info")

CHECKS: dict[str, tuple[str, str]] = {
    "term-missing": ("error", ("the English uses a glossary concept; the translation has none "
                              "of its approved terms")),
    "term-forbidden": ("error", "the translation uses a deprecated or forbidden term"),
    "term-inconsistent": ("warning", ("one concept is rendered by different approved terms "
                                     "across the catalogs of a language")),
    "term-untranslated": ("warning", ("a term is left in English where the glossary has a "
                                     "translation")),
    "identifier-missing": ("warning", ("a number, file name or code literal of the English is "
                                      "missing from the translation")),
}


def at_least(severity: str, threshold: str) -> bool:
    """True when ``severity`` is as serious as ``threshold`` or more.

    >>> at_least("error", "warning"), at_least("info", "warning")
    (True, False)
    """
    return SEVERITIES.index(severity) <= SEVERITIES.index(threshold)

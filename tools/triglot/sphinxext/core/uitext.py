"""The words triglot adds to the site's pages (status notes, counterparts, parallel view,
glossary back-links, status page), translated through Sphinx's i18n as the diagrams'
words are: the extension's ``triglot`` message catalog (:mod:`.i18n`) in the build's
language, English where it has no text. A new language is one catalog.

Each text has its key as message context: one English text may need two translations
(a short note beside a paragraph, a sentence above one).
"""

from __future__ import annotations

from sphinx.locale import get_translator

from triglot.sphinxext.core.i18n import CATALOG


def C_(context: str, message: str) -> tuple[str, str]:
    """Mark ``message`` for extraction with its ``context``; it is translated when shown."""
    return context, message


SOURCE = dict([
    C_("other_languages", "Other languages"),
    C_("languages", "Languages"),
    C_("more_languages", "More languages"),
    C_("switch_missing", "(not translated: opens the home page)"),
    C_("switch_partial", "(partly in {source})"),
    C_("note_untranslated", "Not translated yet."),
    C_("note_outdated", "Out of date:"),
    C_("parallel", "Side by side"),
    C_("parallel_title", "{title} — side by side"),
    C_("back", "Back to the page"),
    C_("open", "Open this paragraph in {name}"),
    C_("bead",
       "{source} English paragraph(s) aligned with {target} paragraph(s) of the "
       "translation"),
    C_("status_untranslated", "Not translated yet."),
    C_("status_outdated", "This translation is out of date."),
    C_("status_original", "Original"),
    C_("used_in", "Used in"),
    C_("status_link", "Translation status"),
    C_("status_title", "Translation status: {language}"),
    C_("status_intro",
       "Paragraphs of each document: translated, outdated (the English changed after it "
       "was translated) and untranslated. Outdated and untranslated paragraphs show the "
       "English."),
    C_("source_note",
       "{language} is the source language: it has no translation figures. The status of "
       "each translation:"),
    C_("document", "Document"),
    C_("paragraphs", "Paragraphs"),
    C_("translated", "Translated"),
    C_("outdated", "Outdated"),
    C_("untranslated", "Untranslated"),
    C_("coverage", "Coverage"),
    C_("total", "Total"),
    C_("term_findings", "Terminology findings"),
    C_("terminology", "Terminology"),
    C_("terminology_intro", "Findings of the terminology check of this language's catalogs."),
    C_("check", "Check"),
    C_("severity", "Severity"),
    C_("findings", "Findings"),
    C_("no_termbase", "The project has no termbase: no terminology figures."),
    C_("check_failed", "The terminology check could not run: see the build's warnings."),
    C_("messages_heading", "Catalog messages"),
    C_("messages_intro",
       "Each catalog's messages counted as sphinx-intl stat and pocount count them: every "
       "paragraph, title, caption, index entry and code sample is one message, and a fuzzy "
       "message is not translated. The figures above count paragraphs only."),
    C_("catalog", "Catalog"),
    C_("messages", "Messages"),
    C_("fuzzy", "Fuzzy"),
    C_("chart_title", "Paragraphs per document: translated, outdated, untranslated"),
    C_("chart_summary",
       "{translated} of {total} paragraphs translated, {outdated} outdated, "
       "{untranslated} untranslated"),
])


def CN_(context: str, singular: str, plural: str) -> tuple[str, tuple[str, str]]:
    """Mark a text with a count (``singular``, ``plural``) for extraction, as ``C_``."""
    return context, (singular, plural)


# Texts with a count, by key; the catalog holds each language's plural forms.
PLURALS = dict([
    CN_("page_note", "{count} paragraph of this page is shown in {source}.",
        "{count} paragraphs of this page are shown in {source}."),
])


def ui_plural(key: str, count: int, **values: str | int) -> str:
    """The text ``key`` for ``count`` in the build's language (its plural form), filled in.

    >>> ui_plural("page_note", 2, source="English")
    '2 paragraphs of this page are shown in English.'
    """
    singular, plural = PLURALS[key]
    text = get_translator(CATALOG).npgettext(key, singular, plural, count)
    return text.format(count=count, **values)


def ui_text(key: str, **values: str | int) -> str:
    """The text ``key`` in the build's language, with ``values`` filled in (not escaped).

    >>> ui_text("parallel_title", title="IIS")
    'IIS — side by side'
    """
    return _translated(key).format(**values)


def ui_words() -> dict[str, str]:
    """Every UI text in the build's language, placeholders left in."""
    return {key: _translated(key) for key in SOURCE}


def _translated(key: str) -> str:
    return get_translator(CATALOG).pgettext(key, SOURCE[key])

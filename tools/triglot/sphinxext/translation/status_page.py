"""The translation status page of each language's site (``triglot-status.html``).

Per document: paragraphs translated, outdated (fuzzy) and untranslated, and coverage,
with a chart (:mod:`triglot.sphinxext.translation.chart`); then the terminology findings of the
language's catalogs by check; then each catalog's messages counted as ``sphinx-intl stat``
counts them (every message, not only paragraphs: the two figures differ, and the page
says which is which). Paragraph states are recorded when a document is read
(``env.triglot_paragraph_states``, merged after parallel reads) and the page is generated
from the environment, so it is complete after an incremental rebuild; it is written only
when a document was read again or removed, or a document's page was written after it.
Every page links to it next to the language switcher.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from sphinx.util.i18n import docname_to_domain

from triglot.errors import TriglotError
from triglot.sphinxext.core.catalogs import catalog_paths, catalogs_for, read_po
from triglot.sphinxext.core.config import missing_extra
from triglot.sphinxext.core.outdated import anything_read, page_outdated
from triglot.sphinxext.core.pagelinks import add_page_link
from triglot.sphinxext.core.paragraphs import anchored_paragraphs
from triglot.sphinxext.core.site import is_html, page_in, page_language, site_languages
from triglot.sphinxext.core.state import PerDocument
from triglot.sphinxext.core.templates import render
from triglot.sphinxext.core.termbase import changed_concepts
from triglot.sphinxext.core.uitext import ui_plural, ui_text, ui_words
from triglot.sphinxext.translation.chart import STATES, Bar, coverage, coverage_chart
from triglot.sphinxext.translation.notes import paragraph_state
from triglot.sphinxext.translation.terminology import language_findings

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from triglot.check import Finding

PAGE = "triglot-status"
SOURCE = "source"  # the state of every paragraph in the source language's site


# Each document's anchored paragraphs' states, in order: ``translated``, ``outdated``,
# ``untranslated`` (or ``source`` in the source language).
STATES_BY_DOC: PerDocument[tuple[str, ...]] = PerDocument("triglot_paragraph_states")


def paragraph_states(env: BuildEnvironment) -> dict[str, tuple[str, ...]]:
    return STATES_BY_DOC.of(env)


def _record(app: Sphinx, doctree: nodes.document) -> None:
    if not is_html(app):
        return
    env = app.env
    language = page_language(app.config)
    paragraphs = anchored_paragraphs(doctree)
    if language == site_languages(app.config)[0]:
        states = (SOURCE,) * len(paragraphs)
    else:
        catalogs = catalogs_for(app, env.docname, language.code)
        states = tuple(paragraph_state(p, catalogs) or "translated" for p in paragraphs)
    paragraph_states(env)[env.docname] = states


def _title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def _findings_by_domain(app: Sphinx, findings: list[Finding]) -> Counter[str]:
    """Findings per catalog domain (what ``docname_to_domain`` gives for a document)."""
    roots = [Path(app.srcdir, d, app.config.language, "LC_MESSAGES").resolve()
             for d in app.config.locale_dirs]
    counts: Counter[str] = Counter()
    for finding in findings:
        path = Path(finding.path)
        for root in roots:
            if path.is_relative_to(root):
                counts[path.relative_to(root).with_suffix("").as_posix()] += 1
    return counts


def _document_cell(app: Sphinx, docname: str) -> dict[str, str]:
    return {"href": app.builder.get_relative_uri(PAGE, docname),
            "text": _title(app.env, docname)}


def _cells(*values: object) -> list[dict[str, object]]:
    return [{"text": value} for value in values]


def _translation_figures(app: Sphinx, words: dict[str, str],
                         states: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    findings: list[Finding] | None = None
    if app.config.triglot_glossary and not missing_extra(app.config.language):
        try:
            findings = language_findings(app)
        except TriglotError:
            findings = None  # already reported as a warning by the terminology module
    by_domain = _findings_by_domain(app, findings or [])
    bars, rows = [], []
    for docname in sorted(states):
        counts = Counter(states[docname])
        bar = Bar(_title(app.env, docname), *(counts[s] for s in STATES))
        if not bar.total:
            continue
        bars.append(bar)
        domain = docname_to_domain(docname, app.config.gettext_compact)
        rows.append([_document_cell(app, docname),
                     *_cells(bar.total, *(bar.count(s) for s in STATES),
                             coverage(bar.translated, bar.total),
                             by_domain[domain] if findings is not None else "—")])
    totals = Bar("", *(sum(b.count(s) for b in bars) for s in STATES))
    foot = {"label": words["total"],
            "cells": _cells(totals.total, *(totals.count(s) for s in STATES),
                            coverage(totals.translated, totals.total),
                            len(findings) if findings is not None else "—")}
    summary = words["chart_summary"].format(total=totals.total, translated=totals.translated,
                                            outdated=totals.outdated,
                                            untranslated=totals.untranslated)
    return {
        "intro": words["status_intro"],
        "chart": Markup(coverage_chart(bars, words, summary)) if bars else None,
        "documents": {"head": [words["document"], words["paragraphs"],
                               *(words[s] for s in STATES), words["coverage"],
                               words["term_findings"]],
                      "rows": rows, "foot": foot},
        "terminology": _terminology(words, findings, bool(app.config.triglot_glossary)),
        "messages": _messages(app, words, sorted(states)),
    }


def message_counts(catalog: Catalog) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) messages of ``catalog``, as ``sphinx-intl stat``
    (polib) counts them: the header and obsolete entries left out, a fuzzy message never
    translated, a plural one translated when every form is.

    >>> from babel.messages.catalog import Catalog
    >>> catalog = Catalog(locale="ja")
    >>> for msgid, text, flags in [("a", "あ", []), ("b", "い", ["fuzzy"]), ("c", "", [])]:
    ...     _ = catalog.add(msgid, text, flags=flags)
    >>> message_counts(catalog)
    (1, 1, 1)
    """
    counts = Counter[str]()
    for message in catalog:
        if not message.id:
            continue
        texts = message.string if isinstance(message.string, tuple | list) else [message.string]
        done = all(texts)
        counts["fuzzy" if message.fuzzy else "translated" if done else "untranslated"] += 1
    return counts["translated"], counts["fuzzy"], counts["untranslated"]


def _messages(app: Sphinx, words: dict[str, str], docnames: list[str]) -> dict[str, Any]:
    """Per catalog (each document's, by ``gettext_compact``), its message counts."""
    rows, seen = [], set()
    totals = [0, 0, 0, 0]
    for docname in docnames:
        paths = catalog_paths(app, docname, app.config.language)
        if not paths or paths[0] in seen:
            continue
        seen.add(paths[0])
        translated, fuzzy, untranslated = message_counts(read_po(paths[0]))
        figures = [translated + fuzzy + untranslated, translated, fuzzy, untranslated]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        domain = docname_to_domain(docname, app.config.gettext_compact)
        rows.append([{"text": f"{domain}.po"},
                     *_cells(*figures, coverage(translated, figures[0]))])
    return {"heading": words["messages_heading"], "intro": words["messages_intro"],
            "head": [words["catalog"], words["messages"], words["translated"],
                     words["fuzzy"], words["untranslated"], words["coverage"]],
            "rows": rows,
            "foot": {"label": words["total"],
                     "cells": _cells(*totals, coverage(totals[1], totals[0]))}}


def _terminology(words: dict[str, str], findings: list[Finding] | None,
                 has_termbase: bool) -> dict[str, Any]:
    found = {"heading": words["terminology"], "message": ""}
    if not has_termbase:
        return {**found, "message": words["no_termbase"]}
    if findings is None:
        return {**found, "message": words["check_failed"]}
    from triglot.check import CHECKS  # only where terms were checked: not on every build

    counts = Counter(f.code for f in findings)
    return {**found, "intro": words["terminology_intro"],
            "head": [words["check"], words["severity"], words["findings"]],
            "rows": [[{"code": code}, *_cells(severity, counts[code])]
                     for code, (severity, _) in CHECKS.items()]}


def _source_figures(app: Sphinx, words: dict[str, str],
                    states: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    languages = site_languages(app.config)
    return {"source": {
        "note": words["source_note"].format(language=languages[0].name),
        "links": [{"href": page_in(app, PAGE, lang), "tag": lang.tag, "name": lang.name}
                  for lang in languages[1:]],
        "head": [words["document"], words["paragraphs"]],
        "rows": [[_document_cell(app, doc), *_cells(len(states[doc]))]
                 for doc in sorted(states) if states[doc]],
    }}


def status_body(app: Sphinx) -> str:
    """The status page's HTML (inside the theme's page)."""
    language = page_language(app.config)
    words = ui_words()
    states = paragraph_states(app.env)
    title = words["status_title"].format(language=language.name)
    if language == site_languages(app.config)[0]:
        figures = _source_figures(app, words, states)
    else:
        figures = {"source": None, **_translation_figures(app, words, states)}
    return render("status.html", page=PAGE, title=title, **figures)


def _collect(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    if not is_html(app):
        return
    # its terminology figures follow every entry of the termbase
    if (not anything_read(app) and not changed_concepts(app)
            and not page_outdated(app, PAGE, paragraph_states(app.env))):
        return
    title = ui_words()["status_title"].format(
        language=page_language(app.config).name)
    yield PAGE, {"title": title, "body": status_body(app)}, "page.html"


def _link(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
          doctree: Any) -> None:
    """The link to the status page; above a page some of whose paragraphs are shown in the
    source language, a note that counts them, linking there too (as MDN's pages say
    they are shown in English)."""
    if not is_html(app) or pagename == PAGE:
        return
    language = page_language(app.config)
    href = app.builder.get_relative_uri(pagename, PAGE)
    add_page_link(context, kind="triglot-status-link", lang=language.tag, href=href,
                  text=ui_text("status_link"), rank=10)
    states = paragraph_states(app.env).get(pagename, ())
    shown = sum(state in ("outdated", "untranslated") for state in states)
    if shown:
        add_page_link(context, kind="triglot-page-note", lang=language.tag, href=href, rank=0,
                      text=ui_plural("page_note", shown,
                                     source=site_languages(app.config)[0].name))


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _record)
    STATES_BY_DOC.connect(app)
    app.connect("html-collect-pages", _collect)
    app.connect("html-page-context", _link)

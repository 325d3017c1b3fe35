"""Terminology findings as Sphinx warnings, so ``-W`` fails a CI build on a broken term.

Each finding is a warning of type ``triglot`` and subtype its check code, at the
catalog's file and line: ``suppress_warnings = ["triglot.term-untranslated"]`` silences
one check by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from triglot.errors import TriglotError
from triglot.links import CODE as UNSAFE_LINK
from triglot.sphinxext.core.locations import file_location
from triglot.sphinxext.core.matchcache import CHECK_OWNER, cached_matcher
from triglot.sphinxext.core.state import PerBuild
from triglot.sphinxext.core.termbase import termbase_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from triglot.check import Finding

logger = logging.getLogger(__name__)


def translation_catalogs(app: Sphinx) -> list[Path]:
    """The ``.po`` files Sphinx reads for this build's language."""
    language = app.config.language
    return sorted(
        path.resolve()
        for directory in app.config.locale_dirs
        for path in Path(app.srcdir, directory, language, "LC_MESSAGES").glob("**/*.po")
    )


def _check(app: Sphinx) -> list[Finding]:
    from triglot.check import check_catalogs

    catalogs = translation_catalogs(app)
    termbase = termbase_for(app.env)
    threshold = app.config.triglot_term_min_confidence
    return [finding for finding in check_catalogs(
        catalogs, termbase,
        matchers=lambda lang: cached_matcher(app.doctreedir, termbase, lang, CHECK_OWNER),
    ) if finding.confidence >= threshold] if catalogs else []


_FINDINGS: PerBuild[list[Finding]] = PerBuild(_check)


def language_findings(app: Sphinx) -> list[Finding]:
    """The findings of this build language's catalogs at least as sure as
    ``triglot_term_min_confidence``, checked once per build (the warnings and the status
    page share them); raises :class:`TriglotError` on bad input."""
    return _FINDINGS.of(app)


def check_terminology(app: Sphinx) -> None:
    languages = list(app.config.triglot_languages)
    if (not app.config.triglot_check_terms or not app.config.triglot_glossary
            or not languages or app.config.language == languages[0]):
        return
    try:
        findings = language_findings(app)
    except TriglotError as exc:
        logger.warning("%s", exc, type="triglot", subtype="input")
        return
    for finding in findings:
        if finding.code == UNSAFE_LINK:
            continue  # reported where the page shows it as text (unsafe_links)
        logger.warning("%s %s: %s", finding.code, finding.severity, finding.message,
                       type="triglot", subtype=finding.code,
                       location=file_location(finding.path, finding.line))


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", check_terminology)

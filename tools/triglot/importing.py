"""Importing a whole-document translation into the document's catalog.

The original is split into paragraphs, aligned to the English messages Sphinx extracts,
and merged into ``locale/<lang>/LC_MESSAGES/<doc>.po``:

- a confident 1-1 or 1-n bead becomes the message's translation (the target paragraphs
  joined); a doubtful one is written ``#, fuzzy`` with a translator comment saying why;
- target paragraphs with no English counterpart are reported, never dropped silently;
- an entry a translator has changed since the last import is kept, and counted;
- when the English changed, Babel's update marks the entry fuzzy and keeps the previous
  English (``#| msgid``); the import never clears that flag.

Each entry the import writes carries a translator comment
``triglot: imported from <file> ¶<n> [<digest>]``; the digest of the text it wrote is how
a later import tells an untouched entry from a translator's edit. Translator comments
are the one place every gettext tool keeps (msgmerge drops unknown flags and replaces
extracted comments with the template's); gettext never wraps them and triglot's writer
neither, but Babel's (pybabel, sphinx-intl) does: every triglot comment ends in ``]``, so
one split over several lines is read back whole. A ``triglot:`` comment of no known form
is reported; an entry whose marker is damaged is kept as it is, and reported.

A translator's decisions stay: a text of their own, a fuzzy flag the import did not set
("needs review", or a merge's) and a msgstr they emptied. The import may still replace
the text of an entry marked fuzzy when the text was its own, and the entry stays fuzzy. An
emptied entry is told from a never-translated one by its marker: the import writes one
on every entry it fills, and gettext's editors keep translator comments when a msgstr is
cleared; an empty msgstr under a marker is a translator's "no translation", an empty one
with none is open to the import. Deleting the marker hands the entry back to the import.

One catalog is imported into by one process at a time (a lock beside it, which a killed
process releases), and it is replaced only if it still holds what the import read: a
translator's save in the meantime makes the import stop with an error, writing nothing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from triglot.catalog import new_catalog, read_catalog, update_catalog, write_catalog
from triglot.catalog.markers import (
    COMMENT_PREFIX,
    TOGETHER,
    comments_of,
    damaged_markers,
    digest,
    import_marker,
    join_paragraphs,
)
from triglot.errors import TriglotError
from triglot.languages import Language, get_language
from triglot.messages import read_template
from triglot.project import Project
from triglot.segment import ParagraphMode, paragraphs
from triglot.textio import locked, read_text

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

    from triglot.align import Alignment, Anomaly

#: Beads below this confidence are written fuzzy, for a translator to confirm.
CONFIDENCE_THRESHOLD = 0.5
#: Anomalies that make a bead doubtful even when the aligner is confident of it.
DOUBTFUL_ANOMALIES = frozenset({"dangling-punctuation", "length-ratio"})

@dataclass
class ImportReport:
    catalog: Path
    language: Language
    messages: int = 0
    """English messages aligned (numbered 1.. in ``missing`` and the anomalies)."""
    skipped: int = 0
    """English messages that cannot be one paragraph of the original (literal blocks)."""
    written: int = 0
    fuzzy: int = 0
    kept: int = 0
    changed: bool = False
    missing: list[int] = field(default_factory=list)
    """1-based numbers of English messages with no counterpart in the original."""
    extra: list[int] = field(default_factory=list)
    """1-based numbers of original paragraphs with no English counterpart."""
    anomalies: list[Anomaly] = field(default_factory=list)
    unknown_comments: list[tuple[int | None, str, bool]] = field(default_factory=list)
    """(line, comment, whether it is a damaged marker, whose entry is then kept as it is)
    of the ``triglot:`` comments of no known form the catalog had."""


def _edited_by_translator(message: Message) -> bool:
    """True when the entry holds text the import did not write, a translator approved it,
    or emptied it (its marker is still there: see the module's note)."""
    if damaged_markers(message):
        return True  # reported by the import: not the import's text for all it knows
    marker = import_marker(message)
    if not message.string:
        return marker is not None
    if marker is None or marker.digest != digest(str(message.string)):
        return True
    return marker.fuzzy and not message.fuzzy


def _set_comments(message: Message, comments: list[str]) -> None:
    """Replace the import's comments (and stray ``triglot:`` ones) with ``comments``."""
    message.user_comments = comments_of(message).own + comments


def _doubts(bead_target: tuple[int, ...], confidence: float, anomalies: list[Anomaly],
            covers: int) -> list[str]:
    reasons = []
    if confidence < CONFIDENCE_THRESHOLD:
        reasons.append(f"low alignment confidence ({confidence:.2f}); check this pairing")
    for anomaly in anomalies:
        if anomaly.kind in DOUBTFUL_ANOMALIES and set(anomaly.target) & set(bead_target):
            reasons.append(anomaly.message)
    if covers > 1:
        reasons.append(f"this translation covers {covers} English paragraphs; split it")
    return reasons


def merge_alignment(catalog: Catalog, ids: list[str], target: list[str], alignment: Alignment,
                    origin: str, report: ImportReport) -> None:
    """Write the aligned translations into ``catalog``, keeping translators' edits."""
    for bead in alignment.beads:
        if not bead.source:
            report.extra.extend(j + 1 for j in bead.target)
            continue
        if not bead.target:
            report.missing.extend(i + 1 for i in bead.source)
            continue
        text = join_paragraphs([target[j] for j in bead.target])
        message = catalog[ids[bead.source[0]]]
        numbers = "+".join(str(j + 1) for j in bead.target)
        reasons = _doubts(bead.target, bead.confidence, alignment.anomalies, len(bead.source))
        for other in bead.source[1:]:
            covered = catalog[ids[other]]
            if not _edited_by_translator(covered):
                note = f"{COMMENT_PREFIX} {TOGETHER} [¶{numbers} of {origin}]"
                _set_comments(covered, [note])
        if _edited_by_translator(message):
            if message.string != text:
                report.kept += 1
            continue
        # a fuzzy flag the import did not set is a merge's (the English changed; msgmerge
        # keeps the previous msgid, Babel's update in sphinx-intl drops it): it stays
        written = import_marker(message)
        source_changed = message.fuzzy and (bool(message.previous_id) or written is None
                                            or not written.fuzzy)
        fuzzy = bool(reasons) or source_changed
        message.string = text
        if fuzzy:
            message.flags.add("fuzzy")
            report.fuzzy += 1
        else:
            message.flags.discard("fuzzy")
        # the marker's "fuzzy" is the import's own doubt, which a later import may lift: a
        # flag it found (a translator's "needs review", a merge's) is never recorded as such
        state = ", fuzzy" if reasons and not source_changed else ""
        marker = f"{COMMENT_PREFIX} imported from {origin} ¶{numbers} [{digest(text)}{state}]"
        _set_comments(message,
                      [marker] + [f"{COMMENT_PREFIX} {reason} [doubt]" for reason in reasons])
        report.written += 1


def import_translation(project: Project, language_code: str, original: Path, *,
                       docname: str | None = None, mode: ParagraphMode = "lines",
                       use_glossary: bool = True) -> ImportReport:
    """Align ``original`` to the English document and merge it into its catalog."""
    language = get_language(language_code)
    if language == project.source_language:
        raise TriglotError(f"{language.code} is the source language; import a translation")
    if language not in project.translations:
        known = ", ".join(lang.code for lang in project.translations) or "none"
        raise TriglotError(f"{language.code} is not one of the project's languages "
                           f"(triglot_languages in conf.py; translations: {known})")
    if any(unicodedata.category(char) == "Cc" for char in original.name):
        # the name goes into every entry's marker comment, which is one line
        raise TriglotError("the file's name holds a control character; rename it",
                           path=repr(str(original))[1:-1])
    target = paragraphs(read_text(original), mode)
    if not target:
        raise TriglotError("empty document: no paragraphs to import", path=original)
    docname = docname or document_name(original)
    path = project.catalog_path(language, docname)
    template = read_template(project, docname)
    # a message that would not be one paragraph of a document in this mode (a literal
    # block's lines) has no counterpart in the original: it is not aligned, and left alone
    messages = [str(message.id) for message in template if message.id]
    ids = [text for text in messages if paragraphs(text, mode) == [text]]

    with locked(path):
        return _merge_into_catalog(project, language, original, path, template, target, ids,
                                   skipped=len(messages) - len(ids), use_glossary=use_glossary)


def _merge_into_catalog(project: Project, language: Language, original: Path, path: Path,
                        template: Catalog, target: list[str], ids: list[str], *, skipped: int,
                        use_glossary: bool) -> ImportReport:
    from triglot.align import align_paragraphs

    aligned = set(ids)
    catalog = read_catalog(path) if path.exists() else new_catalog(language.code, template)
    unknown = [(message.lineno, comment, comment in damaged_markers(message))
               for message in catalog if message.id
               for comment in comments_of(message).stray]
    update_catalog(catalog, template)

    lexicon = _lexicon(project, language) if use_glossary else []
    # the catalog's confirmed translations are known pairs too: evidence where the original
    # has them word for word (a re-import, or an import into a catalog translated by hand)
    lexicon += [(str(m.id), str(m.string)) for m in catalog
                if m.id and m.string and not m.fuzzy and str(m.id) in aligned]
    alignment = align_paragraphs(ids, target, source_lang=project.source_language.code,
                                 target_lang=language.code, lexicon=lexicon)
    report = ImportReport(catalog=path, language=language, messages=len(ids), skipped=skipped,
                          anomalies=alignment.anomalies, unknown_comments=unknown)
    merge_alignment(catalog, ids, target, alignment, original.name, report)
    report.changed = write_catalog(path, catalog, expected=catalog.file_version)
    return report


def _lexicon(project: Project, language: Language) -> list[tuple[str, str]]:
    if not project.glossary.is_file():
        return []
    from triglot.glossary import load_termbase

    return load_termbase(project.glossary).term_pairs(project.source_language.code, language.code)


def document_name(original: Path) -> str:
    """The document an original translates, from its name (``<doc>.<lang>.txt``).

    >>> document_name(Path("locale/originals/iis-aspnet.pt-BR.txt"))
    'iis-aspnet'
    """
    return original.name.split(".", 1)[0]

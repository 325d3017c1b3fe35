"""Problems in a translated build reported at the catalog's file and line, never as broken HTML.

* A translation whose reST does not parse (an unclosed literal, an unknown role) is
  reported at its catalog entry and the paragraph keeps its English: Sphinx alone would
  report ``<translated>:1`` and put error markers in the page.
* A catalog entry with no paragraph in the English (it exists only in this language)
  and a paragraph with no translation (it exists only in English) are reported.
* A language with no catalogs, or catalogs without a single translation, is reported.

Warnings are of type ``triglot``, subtypes ``rst``, ``orphan``, ``untranslated``,
``outdated`` and ``empty-language``, so ``suppress_warnings`` silences them by name and
``-W`` turns them into failures; an entry flagged ``#, ignore-<subtype>`` (Weblate's
flags) is not reported. Untranslated and outdated paragraphs are one warning per document
each, orphans one per catalog, with their count. Literal blocks and the other additional targets
(``gettext_additional_targets``) are never parsed: Sphinx puts them in as they are.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import docutils.parsers.rst
import docutils.utils
from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import LITERAL_TYPE_NODES, extract_messages, get_node_line

from triglot.sphinxext.core.catalogs import catalog_paths, read_po
from triglot.sphinxext.core.locations import file_location
from triglot.sphinxext.core.paragraphs import MSGID, anchored_paragraphs
from triglot.sphinxext.core.site import is_translation_build
from triglot.sphinxext.core.state import PerDocument
from triglot.sphinxext.translation.unsafe_links import ENTRY

if TYPE_CHECKING:
    from babel.messages.catalog import Message
    from docutils.frontend import Values
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

BROKEN = "triglot_broken_translation"


def _translation(env: BuildEnvironment, docname: str,
                 message: str) -> tuple[Path, Message] | None:
    """The catalog entry translating ``message`` (perhaps fuzzy), where Sphinx looks first."""
    for path in catalog_paths(env, docname, env.config.language):
        entry = read_po(path).get(message)
        if entry is not None and entry.string:
            return path, entry
    return None


# What docutils can report about a text only when it holds one of these: the start of
# inline markup (emphasis, literals, roles, substitutions; an escape), or a line break
# (block structure: titles, indentation, lists and directives ending without a blank
# line), any that str.splitlines breaks at, as docutils does.
_MARKUP = frozenset("*`|\\\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# A list item's enumerator, which docutils parses the rest of the line after as a body.
_ENUMERATOR = re.compile(r"(?:[0-9]+|[A-Za-z]|[IVXLCDM]+|[ivxlcdm]+)[.)]\s+")


def may_have_problems(text: str) -> bool:
    """Whether docutils could report anything parsing ``text``: False for one line
    without inline markup whose first character (after list enumerators) is a letter or
    digit, as most translations are; anything else (block markup, a comment, a table, a
    transition all start with punctuation or space) is parsed.

    >>> may_have_problems("Cada pool de aplicativos roda em seu próprio processo.")
    False
    >>> [may_have_problems(t) for t in ("Use *x.", "A. -- x", "Título\\n======", "Ex.::")]
    [True, True, True, True]
    """
    if not _MARKUP.isdisjoint(text) or text.rstrip().endswith("::"):  # "::" wants a block
        return True
    while enumerator := _ENUMERATOR.match(text):
        text = text[enumerator.end():]
    return not text[:1].isalnum()


def rest_problems(text: str, settings: Values) -> list[str]:
    """The warnings and errors docutils reports parsing ``text`` with a document's
    ``settings``; Sphinx parses each translation itself, twice: a text in which docutils
    can find nothing (:func:`may_have_problems`) is not parsed a third time here."""
    if not may_have_problems(text) and len(text) <= settings.line_length_limit:
        return []
    return parse_problems(text, settings)


def parse_problems(text: str, settings: Values) -> list[str]:
    """The warnings and errors docutils reports parsing ``text`` with ``settings``.

    Parsed as Sphinx's ``Locale`` transform parses a translation (the reST parser with
    the document's settings, while the document is read, so with Sphinx's roles and
    directives; without ``rst_prolog``) but with a silent reporter, so nothing is logged
    twice.
    """
    settings = settings.copy()
    settings.report_level = settings.halt_level = 5
    document = docutils.utils.new_document("<translation>", settings)
    problems: list[str] = []
    document.reporter.attach_observer(
        lambda message: problems.append(" ".join(message.children[0].astext().split()))
        if message["level"] >= document.reporter.WARNING_LEVEL else None)
    docutils.parsers.rst.Parser().parse(text, document)
    return problems


def as_locale_parses(text: str) -> str:
    r"""``text`` as Sphinx's ``Locale`` transform hands it to the parser: a trailing ``::``
    followed by a dummy literal block (which Sphinx then drops), so that "For example::"
    is no problem.

    >>> as_locale_parses("例えば::")
    '例えば::\n\n   dummy literal'
    """
    return text + "\n\n   dummy literal" if text.strip().endswith("::") else text


# Every translatable message of each document, as read in a translation build: what its
# catalogs may hold.
MESSAGES: PerDocument[set[str]] = PerDocument("triglot_messages")


class CheckTranslations(SphinxTransform):
    """Before ``Locale`` (priority 20): keep the English where the translation is broken."""

    default_priority = 16

    def apply(self, **kwargs: object) -> None:
        if not is_translation_build(self.env):
            return  # nothing to check, and orphans are looked for in translations only
        found = MESSAGES.of(self.env).setdefault(self.env.docname, set())
        for node, message in extract_messages(self.document):
            found.add(message)
            if isinstance(node, LITERAL_TYPE_NODES):
                continue  # Locale puts these in as they are (code samples), never as reST
            translation = _translation(self.env, self.env.docname, message)
            if translation is None or translation[1].fuzzy or ignored(translation[1], "rst"):
                continue
            path, entry = translation
            problems = rest_problems(as_locale_parses(str(entry.string)),
                                     self.document.settings)
            if problems:
                node["translatable"] = False  # Locale keeps the English paragraph
                node[BROKEN] = True
                logger.warning("broken reST in the translation, the English is shown: %s",
                               problems[0], type="triglot", subtype="rst",
                               location=file_location(path, entry.lineno))
            else:
                node[ENTRY] = file_location(path, entry.lineno)


def ignored(entry: Message, subtype: str) -> bool:
    """Whether the translator flagged ``entry`` to skip the check of ``subtype``, in
    Weblate's way: ``#, ignore-<check>`` (``ignore-rst``, ``ignore-outdated``, …).

    >>> from babel.messages.catalog import Message
    >>> ignored(Message("a", "b", flags=["ignore-rst"]), "rst"), ignored(Message("a"), "rst")
    (True, False)
    """
    return f"ignore-{subtype}" in entry.flags


def counted(number: int, thing: str, things: str = "") -> str:
    """
    >>> counted(1, "paragraph"), counted(3, "paragraph"), counted(2, "entry", "entries")
    ('1 paragraph', '3 paragraphs', '2 entries')
    """
    return f"{number} {thing if number == 1 else things or thing + 's'}"


def _untranslated(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """After ``Locale``: the paragraphs of this page that exist only in English, one
    warning per document and kind (counted; the status page has them per document), at
    the first of them."""
    if not is_translation_build(app):
        return
    outdated: list[tuple[str, object]] = []
    untranslated: list[tuple[str, object]] = []
    for para in anchored_paragraphs(doctree):
        if para.get("translated") or para.get(BROKEN):
            continue
        translation = _translation(app.env, docname, para[MSGID])
        entry = translation[1] if translation else None
        if entry is not None and not entry.fuzzy and entry.string == entry.id:
            continue  # kept as it is on purpose (Weblate's ignore-same): Sphinx shows it
        if translation is not None:  # fuzzy: Sphinx shows the English
            path, entry = translation
            if not ignored(entry, "outdated"):
                outdated.append((para[MSGID], file_location(path, entry.lineno)))
        elif entry is None or not ignored(entry, "untranslated"):
            untranslated.append((para[MSGID], (docname, get_node_line(para))))
    if outdated:
        logger.warning("%s (fuzzy), the English is shown; the first: %.60s",
                       counted(len(outdated), "outdated translation"), outdated[0][0],
                       type="triglot",
                       subtype="outdated", location=outdated[0][1])
    if untranslated:
        logger.warning("%s not translated into %s; the first: %.60s",
                       counted(len(untranslated), "paragraph"), app.config.language,
                       untranslated[0][0],
                       type="triglot", subtype="untranslated", location=untranslated[0][1])


def _orphans(app: Sphinx, env: BuildEnvironment) -> None:
    """Catalog entries with no English message in their document: reported every build."""
    if not is_translation_build(env):
        return
    by_domain: dict[str, tuple[str, set[str]]] = {}
    for docname in sorted(env.found_docs):
        domain = docname_to_domain(docname, env.config.gettext_compact)
        by_domain.setdefault(domain, (docname, set()))[1].update(
            MESSAGES.of(env).get(docname, ()))
    for domain, (docname, messages) in sorted(by_domain.items()):
        for path in catalog_paths(env, docname, env.config.language):
            orphans = [entry for entry in read_po(path)
                       if entry.id and entry.string and entry.id not in messages
                       and not ignored(entry, "orphan")]
            if orphans:  # one warning per catalog, at its first such entry
                logger.warning("%s with no paragraph in the English (%s); the first: %.60s",
                               counted(len(orphans), "entry", "entries"),
                               domain, orphans[0].id, type="triglot", subtype="orphan",
                               location=file_location(path, orphans[0].lineno))


def _empty_language(app: Sphinx) -> None:
    if not is_translation_build(app):
        return
    language = app.config.language
    folders = [Path(app.srcdir, d, language, "LC_MESSAGES") for d in app.config.locale_dirs]
    catalogs = sorted(p for folder in folders if folder.is_dir() for p in folder.glob("**/*.po"))
    where = ", ".join(str(folder) for folder in folders) or "locale_dirs (empty)"
    if not catalogs:
        logger.warning("no catalogs for %s in %s: every page is shown in English", language,
                       where, type="triglot", subtype="empty-language")
    elif not any(entry.id and entry.string for path in catalogs for entry in read_po(path)):
        logger.warning("the catalogs for %s hold no translation: every page is shown in "
                       "English", language, type="triglot", subtype="empty-language",
                       location=file_location(catalogs[0]))


def setup(app: Sphinx) -> None:
    app.add_transform(CheckTranslations)
    app.connect("builder-inited", _empty_language)
    MESSAGES.connect(app)
    app.connect("env-updated", _orphans)
    app.connect("doctree-resolved", _untranslated)

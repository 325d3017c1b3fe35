"""TBX-Basic import and export, as TBX v2 (``martif``) and TBX v3 (``tbx``, ISO 30042:2019).

A concept's id is its ``termEntry``/``conceptEntry`` id. Statuses map to
``administrativeStatus``: preferred, admitted and deprecated to their ``-admn-sts``
values, forbidden to ``supersededTerm-admn-sts`` (TBX-Basic has no "forbidden"), so a
round trip keeps every status. A term's part of speech is its ``partOfSpeech``; its
exclusions (phrases in which it is not the concept) are private ``x-exclusion``
termNotes, one per phrase, as its case-sensitivity and do-not-translate flags are. XML
is screened by defusedxml first: a DTD that declares entities (an expansion bomb) or
points outside the file is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

import defusedxml
import defusedxml.ElementTree
from lxml import etree

from triglot.errors import TriglotError
from triglot.glossary.model import MAX_TERMBASE_BYTES, Concept, Term, Termbase, validate
from triglot.languages import FACTS, Language, get_language
from triglot.textio import read_bytes

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "supersededTerm-admn-sts",
}
_FROM_TBX = {value: key for key, value in _TO_TBX.items()}
# Flags TBX-Basic has no data category for: carried as private termNotes.
_FLAGS = {"x-caseSensitive": "case_sensitive", "x-doNotTranslate": "do_not_translate"}
_EXCLUSION = "x-exclusion"


def _parse(path: Path) -> etree._Element:
    data = read_bytes(path, MAX_TERMBASE_BYTES, "termbase")
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                          forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise TriglotError(f"refused unsafe XML ({type(exc).__name__}: entity declarations "
                           "and external references are not allowed)", path=path) from None
    except defusedxml.ElementTree.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise TriglotError(f"not well-formed XML: {exc}", path=path, line=line) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:  # beyond lxml's limits: nesting depth, node size
        raise TriglotError(f"refused XML: {exc.msg.split(',')[0]}", path=path,
                           line=exc.lineno) from None


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _text(element: etree._Element) -> str:
    return "".join(element.itertext()).strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "concept"


def load_tbx(path: str | Path) -> Termbase:
    """Read a TBX v2 (``martif``) or v3 (``tbx``) file into a validated termbase."""
    path = Path(path)
    root = _parse(path)
    kind = _local(root)
    if kind not in ("martif", "tbx"):
        raise TriglotError(f"not a TBX file: root element is <{kind}>, expected <martif> "
                           "or <tbx>", path=path, line=root.sourceline)
    entry_name, lang_name, term_name = (
        ("termEntry", "langSet", "tig") if kind == "martif"
        else ("conceptEntry", "langSec", "termSec"))
    concepts: list[Concept] = []
    languages: dict[str, None] = {}  # in order of first use: the source language first
    for entry in root.iter():
        if _local(entry) != entry_name:
            continue
        first_term = next((t for t in entry.iter() if _local(t) == "term"), None)
        concept_id = entry.get("id") or _slug(_text(first_term) if first_term is not None
                                               else "")
        notes = [_text(note) for note in _children(entry, "note")]
        concept = Concept(id=concept_id, note="\n".join(notes) if notes else None,
                          line=entry.sourceline)
        for lang_set in _children(entry, lang_name):
            tag = lang_set.get(XML_LANG) or lang_set.get("lang") or ""
            try:
                lang = language_for_tag(tag).code
            except TriglotError as exc:
                raise TriglotError(exc.message, path=path, line=lang_set.sourceline) from None
            languages[lang] = None
            for descrip in lang_set.iter():
                if _local(descrip) == "descrip" and descrip.get("type") == "definition":
                    concept.definitions[lang] = _text(descrip)
            concept.terms_by_lang.setdefault(lang, []).extend(
                _term(group, path) for group in _children(lang_set, term_name))
        concepts.append(concept)
    if not concepts:
        raise TriglotError(f"no <{entry_name}> in this TBX file", path=path,
                           line=root.sourceline)
    return validate(Termbase(tuple(languages), concepts, path=str(path)))


def language_for_tag(tag: str) -> Language:
    """The language of a TBX language tag: one triglot has facts for when the tag names it,
    its bare language or another region of it (CAT tools write ``en-US`` for English),
    else Babel's reading of the tag.

    >>> [language_for_tag(tag).code for tag in ("pt-br", "en-US", "pt", "ja", "de-DE")]
    ['pt_BR', 'en', 'pt_BR', 'ja', 'de_DE']
    """
    lang = get_language(tag)
    described = [get_language(code) for code in FACTS]
    same = [known for known in described if known.base == lang.base]
    if lang in same or len(same) != 1:
        return lang
    return same[0]


def _term(group: etree._Element, path: Path) -> Term:
    term_elements = _children(group, "term")
    if not term_elements:
        raise TriglotError("a term group without <term>", path=path, line=group.sourceline)
    fields: dict[str, object] = {"text": _text(term_elements[0]),
                                 "line": term_elements[0].sourceline}
    exclusions: list[str] = []
    for note in group:
        kind, value = note.get("type"), _text(note)
        if _local(note) == "termNote" and kind == "administrativeStatus":
            if value not in _FROM_TBX:
                raise TriglotError(f"unknown administrativeStatus {value!r} (known: "
                                   f"{', '.join(_FROM_TBX)})", path=path, line=note.sourceline)
            fields["status"] = _FROM_TBX[value]
        elif _local(note) == "termNote" and kind == "partOfSpeech":
            fields["pos"] = value
        elif _local(note) == "termNote" and kind == _EXCLUSION:
            exclusions.append(value)
        elif _local(note) == "termNote" and kind in _FLAGS:
            fields[_FLAGS[kind]] = value.lower() in ("yes", "true")
        elif _local(note) == "note":
            fields["note"] = value
    fields["exclude"] = tuple(exclusions)
    return Term(**fields)  # type: ignore[arg-type]


def dump_tbx(termbase: Termbase, version: int = 2) -> bytes:
    """The termbase as TBX-Basic, ``version`` 2 (martif) or 3 (tbx); one that breaks a rule
    of the model (:func:`validate`) is a :class:`TriglotError`, never a file that cannot
    be read back."""
    if version not in (2, 3):
        raise ValueError("TBX version must be 2 or 3")
    validate(termbase)
    v3 = version == 3
    ns = f"{{{TBX3_NS}}}" if v3 else ""
    source_tag = get_language(termbase.languages[0]).tag

    def sub(parent: etree._Element, name: str, text: str | None = None,
            **attrs: str) -> etree._Element:
        element = etree.SubElement(parent, ns + name, attrs)
        element.text = text
        return element

    if v3:
        root = etree.Element(ns + "tbx", {"type": "TBX-Basic", "style": "dca",
                                          XML_LANG: source_tag}, nsmap={None: TBX3_NS})
        header = sub(root, "tbxHeader")
    else:
        root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: source_tag})
        header = sub(root, "martifHeader")
    sub(sub(sub(header, "fileDesc"), "sourceDesc"), "p", "Exported by triglot")
    body = sub(sub(root, "text"), "body")
    for concept in sorted(termbase.concepts, key=lambda c: c.id):
        entry = sub(body, "conceptEntry" if v3 else "termEntry", id=concept.id)
        if concept.note:  # concept-level information comes before the language sections
            sub(entry, "note", concept.note)
        for lang in termbase.languages:
            lang_set = sub(entry, "langSec" if v3 else "langSet",
                           **{XML_LANG: get_language(lang).tag})
            definition = concept.definition(lang)
            if definition:
                sub(sub(lang_set, "descripGrp"), "descrip", definition, type="definition")
            for term in concept.terms(lang):
                group = sub(lang_set, "termSec" if v3 else "tig")
                sub(group, "term", term.text)
                sub(group, "termNote", _TO_TBX[term.status], type="administrativeStatus")
                if term.pos:
                    sub(group, "termNote", term.pos, type="partOfSpeech")
                for kind, name in _FLAGS.items():
                    if getattr(term, name):
                        sub(group, "termNote", "yes", type=kind)
                for phrase in term.exclude:
                    sub(group, "termNote", phrase, type=_EXCLUSION)
                if term.note:
                    sub(group, "note", term.note)
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    if v3:
        declaration += (b'<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/'
                        b'TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated'
                        b'.rng" type="application/xml" '
                        b'schematypens="http://relaxng.org/ns/structure/1.0"?>\n')
    return declaration + etree.tostring(root, encoding="UTF-8", pretty_print=True)

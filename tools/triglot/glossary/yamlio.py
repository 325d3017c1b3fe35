"""The project's termbase format: YAML, one concept per entry, sorted by id.

A term is a plain string (a preferred term with default flags) or a mapping with
``text`` and any of ``status``, ``pos`` (a TBX part of speech: noun, verb,
adjective...), ``case_sensitive``, ``do_not_translate``, ``note`` and ``exclude`` (a
phrase or a list of phrases that contain the term where it is not the concept: ``for
instance`` for *instance*). A concept with ``do_not_translate: true`` (an identifier such as
``w3wp.exe``) lists only its English terms; every language uses them unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from triglot.errors import TriglotError
from triglot.glossary.model import MAX_TERMBASE_BYTES, Concept, Term, Termbase, validate
from triglot.textio import read_text

_TERM_KEYS = {"text", "status", "pos", "case_sensitive", "do_not_translate", "note",
              "exclude"}
_CONCEPT_KEYS = {"id", "definition", "terms", "do_not_translate", "note"}


#: Deeper than any termbase (a term's exclusions are 6 levels down): refused before
#: PyYAML's recursive composer runs out of stack.
MAX_DEPTH = 32


class _Loader(yaml.SafeLoader):
    """Safe YAML without aliases: an alias bomb cannot expand while we walk the nodes;
    nothing nested deeper than :data:`MAX_DEPTH`."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise TriglotError("YAML aliases are not allowed in a termbase",
                               line=mark.line + 1)
        if self.depth >= MAX_DEPTH:
            raise TriglotError(f"nested more than {MAX_DEPTH} levels deep",
                               line=self.peek_event().start_mark.line + 1)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _compose(text: str) -> yaml.Node | None:
    """The YAML's node tree, composed by libyaml where PyYAML has it (a tenth of the time:
    a termbase is read by every command and build) once a pass over its events has refused
    aliases and deep nesting as :class:`_Loader` does; by :class:`_Loader` where libyaml is
    missing and for a text libyaml refuses, so that the message is PyYAML's own."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            _refuse_aliases_and_depth(yaml.parse(text, Loader=loader))
            return yaml.compose(text, Loader=loader)  # type: ignore[no-any-return]
        except yaml.YAMLError:
            pass  # not valid YAML: PyYAML's parser says what, below
    return yaml.compose(text, Loader=_Loader)  # type: ignore[no-any-return]


def _refuse_aliases_and_depth(events: Iterable[yaml.Event]) -> None:
    """What :class:`_Loader` refuses, told from the events (libyaml's parser keeps its
    own stack, so a deep text cannot exhaust Python's)."""
    depth = 0  # collections open around the next node
    for event in events:
        if isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise TriglotError("YAML aliases are not allowed in a termbase", line=line)
        if depth >= MAX_DEPTH:
            raise TriglotError(f"nested more than {MAX_DEPTH} levels deep", line=line)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: yaml.Node, message: str) -> TriglotError:
        return TriglotError(message, path=self.path, line=node.start_mark.line + 1)

    def mapping(self, node: yaml.Node, what: str, allowed: set[str] | None = None
                ) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping")
        out: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = self.scalar(key_node, f"a key of {what}")
            if key in out:
                raise self.fail(key_node, f"duplicate key {key!r} in {what}")
            if allowed is not None and key not in allowed:
                raise self.fail(key_node, f"unknown field {key!r} in {what} "
                                f"(allowed: {', '.join(sorted(allowed))})")
            out[key] = value
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode):
            return [node]
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list")
        return list(node.value)

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{what} must be a plain value")
        return str(node.value)

    def flag(self, node: yaml.Node, what: str) -> bool:
        value = self.scalar(node, what).lower()
        if value not in ("true", "false"):
            raise self.fail(node, f"{what} must be true or false, not {value!r}")
        return value == "true"

    def term(self, node: yaml.Node, identifier: bool, concept: str) -> Term:
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return Term(self.scalar(node, "a term"), do_not_translate=identifier,
                        case_sensitive=identifier, line=line)
        fields = self.mapping(node, "a term", _TERM_KEYS)
        if "text" not in fields:
            raise self.fail(node, "a term needs a 'text'")
        dnt = self.flag(fields["do_not_translate"], "do_not_translate") \
            if "do_not_translate" in fields else identifier
        return Term(
            text=self.scalar(fields["text"], "text"),
            status=self.scalar(fields["status"], "status") if "status" in fields
            else "preferred",
            pos=self.scalar(fields["pos"], f"the pos of a term of concept {concept!r}")
            if "pos" in fields else None,
            case_sensitive=self.flag(fields["case_sensitive"], "case_sensitive")
            if "case_sensitive" in fields else dnt,
            do_not_translate=dnt,
            note=self.scalar(fields["note"], "note") if "note" in fields else None,
            exclude=tuple(self.scalar(n, f"an exclusion of concept {concept!r}") for n in
                          self.sequence(fields["exclude"],
                                        f"the exclusions of concept {concept!r}"))
            if "exclude" in fields else (),
            line=line,
        )

    def concept(self, node: yaml.Node, languages: tuple[str, ...]) -> Concept:
        fields = self.mapping(node, "a concept", _CONCEPT_KEYS)
        if "id" not in fields:
            raise self.fail(node, "a concept needs an 'id'")
        identifier = "do_not_translate" in fields and self.flag(
            fields["do_not_translate"], "do_not_translate")
        concept = Concept(id=self.scalar(fields["id"], "id"), line=node.start_mark.line + 1)
        if "note" in fields:
            concept.note = self.scalar(fields["note"], "note")
        if "definition" in fields:
            for lang, value in self.mapping(fields["definition"], "definition").items():
                concept.definitions[lang] = self.scalar(value, f"the {lang} definition")
        if "terms" in fields:
            for lang, value in self.mapping(fields["terms"], "terms").items():
                concept.terms_by_lang[lang] = [
                    self.term(item, identifier, concept.id)
                    for item in self.sequence(value, "terms")]
        if identifier:
            source = concept.terms_by_lang.get(languages[0], [])
            for lang in languages[1:]:
                concept.terms_by_lang.setdefault(lang, list(source))
        return concept


def load_yaml(path: str | Path) -> Termbase:
    """Read and validate a termbase in the project's YAML format."""
    text = read_text(path, MAX_TERMBASE_BYTES, "termbase")
    reader = _Reader(str(path))
    try:
        root = _compose(text)
    except TriglotError as exc:
        raise TriglotError(exc.message, path=path, line=exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise TriglotError(f"not valid YAML: {exc.problem or exc.context}", path=path,
                           line=line) from None
    if root is None:
        raise TriglotError("empty termbase", path=path)
    top = reader.mapping(root, "the termbase", {"languages", "concepts"})
    if "languages" not in top or "concepts" not in top:
        raise reader.fail(root, "a termbase needs 'languages' and 'concepts'")
    languages = tuple(reader.scalar(n, "a language") for n in
                      reader.sequence(top["languages"], "languages"))
    concepts = [reader.concept(n, languages) for n in
                reader.sequence(top["concepts"], "concepts")]
    return validate(Termbase(languages, concepts, path=str(path)))


def _term_data(term: Term) -> str | dict[str, Any]:
    if term == Term(term.text):
        return term.text
    data: dict[str, Any] = {"text": term.text}
    if term.status != "preferred":
        data["status"] = term.status
    for name in ("pos", "note"):
        if getattr(term, name):
            data[name] = getattr(term, name)
    if term.exclude:
        data["exclude"] = list(term.exclude)
    if term.do_not_translate:
        data["do_not_translate"] = True
    if term.case_sensitive != term.do_not_translate:
        data["case_sensitive"] = term.case_sensitive
    return data


def dump_yaml(termbase: Termbase) -> str:
    """The termbase in the project's YAML format, concepts sorted by id; one that breaks a
    rule of the model (:func:`validate`) is a :class:`TriglotError`."""
    validate(termbase)
    concepts = []
    for concept in sorted(termbase.concepts, key=lambda c: c.id):
        data: dict[str, Any] = {"id": concept.id}
        if concept.note:
            data["note"] = concept.note
        if concept.definitions:
            data["definition"] = {lang: concept.definitions[lang]
                                  for lang in termbase.languages if lang in concept.definitions}
        data["terms"] = {lang: [_term_data(t) for t in concept.terms(lang)]
                         for lang in termbase.languages if concept.terms(lang)}
        concepts.append(data)
    body = {"languages": list(termbase.languages), "concepts": concepts}
    return yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=88,
                          default_flow_style=False)

"""Property: whatever translators do between imports, and however the English changes,
no re-import loses their work.

Translators edit the catalog with polib (another tool's reader and writer); the English
template is made here (Sphinx's extraction is tested elsewhere), so that hypothesis can
change it freely between imports.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import polib
from babel.messages.catalog import Catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from triglot.catalog import read_catalog
from triglot.importing import import_translation
from triglot.project import load_project

WORDS = st.sampled_from("the pool worker process request routes kernel mode each site "
                        "application script map isolated crash recycles".split())
SENTENCES = st.lists(WORDS, min_size=1, max_size=30).map(
    lambda words: " ".join(words).capitalize() + ".")
#: What a translator may type: any character a PO file can hold, newlines and tabs too.
TEXTS = st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\t"),
                min_size=1, max_size=40)
ACTIONS = st.lists(st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 4), TEXTS),
    st.tuples(st.just("fuzzy"), st.integers(0, 4)),
    st.tuples(st.just("empty"), st.integers(0, 4)),
    st.tuples(st.just("english"), st.integers(0, 4), SENTENCES),
    st.tuples(st.just("import")),
), max_size=14)


def _translation(sentence: str) -> str:
    """A stand-in translation, as long as the English (so that the aligner pairs them)."""
    return " ".join(word[::-1] for word in sentence.rstrip(".").split()) + "."


def _template(english: list[str]) -> Catalog:
    template = Catalog(project="prop", fuzzy=False)
    for number, sentence in enumerate(english):
        template.add(sentence, locations=[("../../docs/index.rst", 2 * number + 1)])
    return template


@dataclass
class Translator:
    """What the translator decided, entry by English message."""

    text: dict[str, str] = field(default_factory=dict)  # their msgstr ("" when emptied)
    fuzzy: set[str] = field(default_factory=set)
    moved: list[str] = field(default_factory=list)
    """Their texts whose English changed since: each must still be in the catalog, in
    the entry Babel's merge moved it to or among the obsolete entries."""

    def act(self, path: Path, action: tuple[Any, ...], english: list[str]) -> None:
        if not path.exists():
            return
        po = polib.pofile(str(path), wrapwidth=79)
        entry = po.find(english[action[1] % len(english)])
        if entry is None:
            return  # the English changed and no import merged it yet: nothing to edit
        if action[0] == "fuzzy":
            entry.flags = sorted({*entry.flags, "fuzzy"})
            self.fuzzy.add(entry.msgid)
        else:
            if entry.msgstr in self.moved:
                self.moved.remove(entry.msgstr)  # replaced by their own decision
            entry.msgstr = action[2] if action[0] == "edit" else ""
            self.text[entry.msgid] = entry.msgstr
        po.save(str(path))

    def english_changed(self, old: str) -> None:
        if self.text.get(old):
            self.moved.append(self.text[old])
        self.text.pop(old, None)
        self.fuzzy.discard(old)

    def check(self, path: Path) -> None:
        catalog = read_catalog(path)
        for msgid, text in self.text.items():
            assert catalog[msgid].string == text, msgid
        for msgid in self.fuzzy:
            assert catalog[msgid].fuzzy, msgid
        everywhere = {m.string for m in catalog} | {m.string for m in catalog.obsolete.values()}
        assert not set(self.moved) - everywhere


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(english=st.lists(SENTENCES, min_size=1, max_size=5, unique=True), actions=ACTIONS)
def test_no_reimport_loses_a_translators_work(english: list[str],
                                             actions: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder, mock.patch(
            "triglot.importing.read_template", lambda project, doc: _template(english)):
        root = Path(folder)
        (root / "conf.py").write_text(
            'triglot_languages = ["en", "pt_BR"]\nlocale_dirs = ["locale"]\n')
        original = root / "index.pt-BR.txt"
        path = root / "locale/pt_BR/LC_MESSAGES/index.po"
        project = load_project(root)
        translator = Translator()

        def run_import() -> bool:
            original.write_text("\n".join(_translation(s) for s in english) + "\n",
                                encoding="utf-8")
            report = import_translation(project, "pt_BR", original, use_glossary=False)
            translator.check(path)
            return report.changed

        run_import()
        for action in actions:
            if action[0] == "import":
                run_import()
            elif action[0] == "english":
                number, sentence = action[1] % len(english), action[2]
                if sentence not in english:
                    translator.english_changed(english[number])
                    english[number] = sentence
            else:
                translator.act(path, action, english)
        run_import()
        before = path.read_bytes()
        assert not run_import() and path.read_bytes() == before  # and then it changes nothing

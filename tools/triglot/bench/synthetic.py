"""A synthetic translated Sphinx project of any size, for measuring how a build grows.

:func:`make_project` writes ``conf.py``, ``docs/`` (an index with a toctree and ``n``
documents of sections, paragraphs with inline markup and cross-references, a list and
a code sample) and ``locale/<lang>/LC_MESSAGES/<doc>.po`` for every translation. The
catalogs hold the messages Sphinx's own gettext builder extracts from the sources
(so every lookup matches), most translated, some fuzzy, some left empty, as in a real
project's catalogs. The text is made of a fixed vocabulary, deterministically: the same
``n`` gives the same project.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LANGUAGES = ("en", "ja", "pt_BR")
WORDS = ("request", "server", "process", "module", "queue", "worker", "thread", "cache",
         "handler", "route", "session", "pool", "config", "listener", "socket", "client",
         "timeout", "page", "site", "service", "filter", "header", "body", "response")
_KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
UNTRANSLATED, FUZZY = 0.08, 0.04  # shares of the translations' messages

CONF = """\
# A synthetic project written by triglot.bench.synthetic.
project = "Synthetic"
extensions = ["triglot.sphinxext"]
language = "en"
locale_dirs = ["../locale"]
gettext_compact = False
exclude_patterns = ["_build"]
triglot_languages = {languages!r}
triglot_source_dir = "docs"
"""


def _sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(WORDS) for _ in range(words)]
    if rng.random() < 0.3:
        picked[rng.randrange(words)] = f"``{rng.choice(WORDS)}.cfg``"
    if rng.random() < 0.3:
        picked[rng.randrange(words)] = f"*{rng.choice(WORDS)}*"
    return " ".join(picked).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(2, 4)))


def document(n: int, count: int) -> str:
    """The reST of document ``n`` of ``count``."""
    rng = random.Random(n)
    title = f"Document {n}: the {rng.choice(WORDS)} {rng.choice(WORDS)}"
    parts = [f".. _doc-{n}:\n\n{title}\n{'=' * len(title)}\n", _paragraph(rng)]
    for section in range(3):
        heading = f"The {rng.choice(WORDS)} {section + 1}"
        parts += [f"{heading}\n{'-' * len(heading)}\n", _paragraph(rng), _paragraph(rng)]
    parts.append(f"See :ref:`doc-{(n + 1) % count}` and :doc:`doc{(n + 2) % count}`, "
                 f"then {_sentence(rng, 5).lower()}")
    parts.append("\n".join(f"- {_sentence(rng, 5)}" for _ in range(3)) + "\n")
    parts.append("For example::\n\n    " + "\n    ".join(
        f"{rng.choice(WORDS)} = {rng.randint(1, 99)}" for _ in range(3)) + "\n")
    parts.append(_paragraph(rng))
    return "\n\n".join(parts) + "\n"


def index(count: int) -> str:
    toctree = "\n".join(f"   doc{n}" for n in range(count))
    return f"Synthetic project\n=================\n\nDocuments.\n\n.. toctree::\n\n{toctree}\n"


def _translate(text: str, code: str) -> str:
    """A stand-in translation: each word replaced, inline markup and references kept."""
    if code == "ja":
        def word(w: str) -> str:
            return "".join(_KANA[ord(c) % len(_KANA)] for c in w[:4])
        sep, end = "", "。"
    else:
        def word(w: str) -> str:
            return w + "o"
        sep, end = " ", "."
    out = []
    for token in text.split(" "):
        core = token.rstrip(".,")
        if core.isalpha():
            out.append(word(core.lower()) + ("、" if code == "ja" and token[len(core):] else ""))
        else:  # markup, references, numbers: as they are, apart from the words around them
            out.append(f" {token} " if code == "ja" else token)
    return sep.join(out).strip().rstrip("、") + end


def make_project(root: Path, count: int, languages: tuple[str, ...] = LANGUAGES) -> Path:
    """Write the project of ``count`` documents into ``root`` (made); return ``root``."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "conf.py").write_text(CONF.format(languages=list(languages)), encoding="utf-8")
    (docs / "index.rst").write_text(index(count), encoding="utf-8")
    for n in range(count):
        (docs / f"doc{n}.rst").write_text(document(n, count), encoding="utf-8")
    templates = root / "_build" / "gettext"
    # the messages as Sphinx extracts them: plain Sphinx, without the extension
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-C",
                    "-D", "gettext_compact=0", str(docs), str(templates)], check=True)
    for code in languages[1:]:
        rng = random.Random(code)
        folder = root / "locale" / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        for pot in sorted(templates.glob("*.pot")):
            with open(pot, "rb") as handle:
                template = read_po(handle)
            catalog = Catalog(locale=code, project="Synthetic")
            for message in template:
                if not message.id:
                    continue
                share = rng.random()
                text = "" if share < UNTRANSLATED else _translate(str(message.id), code)
                catalog.add(message.id, text, locations=message.locations,
                            flags=["fuzzy"] if UNTRANSLATED <= share < UNTRANSLATED + FUZZY
                            else [])
            with open(folder / pot.with_suffix(".po").name, "wb") as handle:
                write_po(handle, catalog, width=79)
    return root

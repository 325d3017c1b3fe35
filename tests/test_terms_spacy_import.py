"""spaCy imported without its command line (triglot.terms.spacy_import)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from triglot.terms import spacy_import

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str, path: Path | None = None) -> dict:
    env = dict(os.environ)
    if path is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(path), env.get("PYTHONPATH", "")])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_tokens_come_without_the_command_line_which_still_imports_after() -> None:
    seen = _run(
        "import json, sys\n"
        "from triglot.terms.analyze import analyzer\n"
        "tokens = [t.key for t in analyzer('en').tokens('Two application pools run.')]\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'weasel'})\n"
        "cli = 'spacy.cli' in sys.modules\n"
        "import spacy, spacy.cli\n"
        "info = spacy.info(silent=True)\n"
        "print(json.dumps({'tokens': tokens, 'loaded': loaded, 'cli': cli,\n"
        "                  'app': hasattr(spacy.cli, 'app'), 'version': info['spacy_version'],\n"
        "                  'real': spacy.__version__}))\n")
    assert seen["tokens"] == ["two", "application", "pool", "run", "."]
    assert seen["cli"] is False and seen["loaded"] == []
    assert seen["app"] is True and seen["version"] == seen["real"]


def test_a_spacy_whose_package_needs_more_of_its_command_line(tmp_path: Path) -> None:
    package = tmp_path / "spacy"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text("from .cli.info import info\nfrom .cli import app\n",
                                         encoding="utf-8")
    (package / "cli" / "__init__.py").write_text("app = 'the app'\n", encoding="utf-8")
    (package / "cli" / "info.py").write_text("def info():\n    return 'real'\n",
                                             encoding="utf-8")
    seen = _run("import json\nfrom triglot.terms.spacy_import import import_spacy\n"
                "spacy = import_spacy()\n"
                "print(json.dumps([spacy.app, spacy.info(), spacy.cli.app]))\n", tmp_path)
    assert seen == ["the app", "real", "the app"]


def test_spacy_already_imported_or_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    marker = object()
    monkeypatch.setitem(sys.modules, "spacy", marker)
    assert spacy_import.import_spacy() is marker
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(ImportError):
        spacy_import.import_spacy()

"""spaCy without its command line.

spaCy's package imports ``spacy.cli`` for one name, ``spacy.info``, and the command line
imports every command with what they use (typer, weasel, httpx, ...): a quarter of
spaCy's import, for code term matching never runs. While :func:`import_spacy` imports
spaCy, ``spacy.cli`` and ``spacy.cli.info`` are placeholders; afterwards they are gone, so
``import spacy.cli`` imports the real command line, and ``spacy.info`` imports it when
called. Where spaCy's layout is not the one this expects, spaCy is imported as usual.
"""

from __future__ import annotations

import gc
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, from the real command line, imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _placeholders() -> dict[str, ModuleType] | None:
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "cli"
    if not (folder / "info.py").is_file():
        return None
    cli = ModuleType("spacy.cli", "placeholder while spaCy imports (triglot)")
    cli.__path__ = [str(folder)]
    info = ModuleType("spacy.cli.info", "placeholder while spaCy imports (triglot)")
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    return {"spacy.cli": cli, "spacy.cli.info": info}


def import_spacy() -> ModuleType:
    """The ``spacy`` module, imported without its command line if it was not yet.

    Raises ImportError as ``import spacy`` does."""
    placeholders = None if "spacy" in sys.modules else _placeholders()
    if placeholders and not any(name in sys.modules for name in placeholders):
        sys.modules.update(placeholders)
        try:
            import spacy
        except ImportError:
            pass  # a spaCy that needs more of its command line: imported as usual below
        finally:
            _remove(placeholders)
    import spacy  # the module, or the ImportError of one missing or marked missing

    if placeholders and getattr(spacy, "cli", None) is placeholders["spacy.cli"]:
        del spacy.cli  # type: ignore[attr-defined]  # ``import spacy.cli`` sets it again
    if placeholders is not None:
        # The import leaves hundreds of thousands of objects (modules, registries,
        # schemas) that live as long as the process: out of the collector's generations,
        # later collections do not scan them again (a twentieth of a term check), and
        # forked builds do not copy their pages by touching them.
        gc.freeze()
    return spacy


def _remove(placeholders: dict[str, ModuleType]) -> None:
    for name, module in placeholders.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]

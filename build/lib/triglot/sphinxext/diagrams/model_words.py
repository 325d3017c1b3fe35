"""A model's own words (its name, process captions, channels it defines), in the page's language.

They are content, kept with the model: ``<model dir>/locales/<lang>/LC_MESSAGES/<model
file stem>.po``, read directly (not through Sphinx's translators: each model file has
its own catalog).
"""

from __future__ import annotations

from pathlib import Path

from triglot.sphinxext.core.i18n import read_po_file

_model_cache: dict[Path, tuple[int, dict[str, str]]] = {}


def model_catalog_path(model_path: str | Path, language: str) -> Path:
    """Where the words of the model file ``model_path`` are translated into ``language``."""
    source = Path(model_path)
    return source.parent / "locales" / language / "LC_MESSAGES" / f"{source.stem}.po"


def model_messages(model_path: str | Path, language: str) -> dict[str, str]:
    """The translated words of a model file (empty when it has no catalog for ``language``)."""
    path = model_catalog_path(model_path, language)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return {}
    cached = _model_cache.get(path)
    if cached is None or cached[0] != stamp:
        messages = {
            str(m.id): str(m.string)
            for m in read_po_file(path)
            if m.id and m.string and not m.fuzzy
        }
        cached = _model_cache[path] = (stamp, messages)
    return cached[1]

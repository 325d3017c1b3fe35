"""A model's own words (its name, process captions, channels it defines), in the page's language.

They are content, kept with the model: ``<model dir>/locales/<lang>/LC_MESSAGES/<model
file stem>.po``, read directly (not through Sphinx's translators: each model file has
its own catalog).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

from triglot.links import CODE as UNSAFE_LINK
from triglot.links import unsafe_link_message, unsafe_links
from triglot.sphinxext.core.i18n import read_po_file
from triglot.sphinxext.core.locations import file_location

logger = logging.getLogger(__name__)

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
        messages = {}
        for message in read_po_file(path):
            if message.id and message.string and not message.fuzzy:
                messages[str(message.id)] = str(message.string)
                for uri in unsafe_links(str(message.string)):  # drawn as text, never a link
                    logger.warning("%s", unsafe_link_message(uri, "model's words"),
                                   type="triglot", subtype=UNSAFE_LINK,
                                   location=file_location(path, message.lineno))
        cached = _model_cache[path] = (stamp, messages)
    return cached[1]

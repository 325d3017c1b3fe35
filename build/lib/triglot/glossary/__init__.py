"""The termbase: model, the project's YAML format and TBX import/export.

>>> from triglot.glossary import Term
>>> Term("canal nomeado", status="deprecated").approved
False
"""

from __future__ import annotations

from pathlib import Path

from triglot.errors import TriglotError
from triglot.glossary.model import APPROVED, STATUSES, Concept, Term, Termbase, validate

__all__ = ["APPROVED", "STATUSES", "Concept", "Term", "Termbase", "load_termbase",
           "validate"]


def load_termbase(path: str | Path) -> Termbase:
    """Load a termbase from the project's ``.yaml`` format or a ``.tbx`` file (v2 or v3)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        from triglot.glossary.yamlio import load_yaml

        return load_yaml(path)
    if suffix in (".tbx", ".xml"):
        from triglot.glossary.tbx import load_tbx

        return load_tbx(path)
    raise TriglotError("unknown termbase format (use .yaml or .tbx)", path=path)

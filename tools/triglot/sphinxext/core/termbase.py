"""The project's termbase as the extension sees it: loaded once per build process."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ExtensionError

from triglot.errors import TriglotError
from triglot.sphinxext.core.filecache import per_file

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from triglot.glossary import Termbase


class TermbaseError(ExtensionError):
    category = "triglot termbase error"


@per_file
def read_termbase(path: str) -> Termbase:
    """The termbase at ``path``, read once per process and file version."""
    from triglot.glossary import load_termbase

    return load_termbase(path)


def termbase_for(env: BuildEnvironment) -> Termbase:
    """The termbase named by ``triglot_glossary`` (made absolute when the config is read)."""
    if not env.config.triglot_glossary:
        raise TermbaseError("no termbase: set triglot_glossary in conf.py")
    path = Path(env.config.triglot_glossary)
    try:
        return read_termbase(path)
    except FileNotFoundError:
        raise TermbaseError(f"{path}: no such file (triglot_glossary in conf.py)") from None
    except TriglotError as exc:
        raise TermbaseError(str(exc)) from None

"""The project's termbase as the extension sees it: loaded once per build process."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ExtensionError

from triglot.errors import TriglotError

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from triglot.glossary import Termbase


class TermbaseError(ExtensionError):
    category = "triglot termbase error"


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> Termbase:
    from triglot.glossary import load_termbase

    return load_termbase(path)


def termbase_for(env: BuildEnvironment) -> Termbase:
    """The termbase named by ``triglot_glossary`` (made absolute when the config is read)."""
    if not env.config.triglot_glossary:
        raise TermbaseError("no termbase: set triglot_glossary in conf.py")
    path = Path(env.config.triglot_glossary)
    try:
        return _load(str(path), os.stat(path).st_mtime_ns)
    except FileNotFoundError:
        raise TermbaseError(f"{path}: no such file (triglot_glossary in conf.py)") from None
    except TriglotError as exc:
        raise TermbaseError(str(exc)) from None

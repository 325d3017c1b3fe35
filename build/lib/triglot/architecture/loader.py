"""Load models and claims from a Python source file: ``path/to/models.py:NAME``.

A model file defines :class:`~triglot.architecture.model.Model` objects at module level
and, optionally, a ``CLAIMS`` list. Loading it twice returns the cached module unless the
file changed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from triglot.architecture.claims import Claim
from triglot.architecture.model import Model
from triglot.errors import TriglotError

_cache: dict[Path, tuple[str, ModuleType]] = {}


def load_module(path: str | Path) -> ModuleType:
    """Execute the model file at ``path`` (cached by content)."""
    source = Path(path).resolve()
    try:
        digest = hashlib.sha1(source.read_bytes(), usedforsecurity=False).hexdigest()
    except OSError as exc:
        raise TriglotError(f"cannot read model file: {exc.strerror}", path) from None
    cached = _cache.get(source)
    if cached and cached[0] == digest:
        return cached[1]
    name = f"triglot_model_{digest[:12]}"
    spec = importlib.util.spec_from_file_location(name, source)
    if spec is None or spec.loader is None:
        raise TriglotError("not a Python file", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look modules up by name
    try:
        spec.loader.exec_module(module)
    except TriglotError:
        del sys.modules[name]
        raise
    except SyntaxError as exc:
        del sys.modules[name]
        raise TriglotError(f"syntax error: {exc.msg}", path, exc.lineno) from None
    _cache[source] = (digest, module)
    return module


def models_of(module: ModuleType) -> dict[str, Model]:
    """The module's models by attribute name, in definition order."""
    return {name: value for name, value in vars(module).items() if isinstance(value, Model)}


def claims_of(module: ModuleType) -> list[Claim]:
    claims = getattr(module, "CLAIMS", [])
    if not all(isinstance(c, Claim) for c in claims):
        raise TriglotError("CLAIMS must be a list of claims", module.__file__)
    return list(claims)


def load_model(spec: str) -> Model:
    """``"docs/architecture/iis.py:IIS6"`` -> the model ``IIS6`` defined in that file."""
    path, sep, name = spec.rpartition(":")
    if not sep or not path or not name:
        raise TriglotError(f"bad model {spec!r}: expected FILE.py:NAME, e.g. models.py:IIS6")
    models = models_of(load_module(path))
    if name not in models:
        known = ", ".join(models) or "none"
        raise TriglotError(f"no model named {name!r} (models defined: {known})", path)
    return models[name]

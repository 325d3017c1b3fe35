"""Load models and claims from a Python source file: ``path/to/models.py:NAME``.

A model file defines :class:`~triglot.architecture.model.Model` objects at module level
and, optionally, a ``CLAIMS`` list. Loading it twice returns the cached module unless the
file changed. A model file is code: what it runs (its module, its claims' tests) runs
under :func:`model_code`, so an exception, a ``sys.exit`` or an endless loop in it is an
error at its line, never a traceback nor a build that ends with nothing built.
"""

from __future__ import annotations

import hashlib
import importlib.util
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType, ModuleType

from triglot.architecture.claims import Claim
from triglot.architecture.model import Model
from triglot.errors import TriglotError

_cache: dict[Path, tuple[str, ModuleType]] = {}

#: Seconds a model file's code may run at a time (the build's triglot_model_time_limit).
TIME_LIMIT = 10.0


class _TimeUp(BaseException):
    """Raised into the model's code by the timer; a BaseException, so that the model's
    own ``except Exception`` cannot swallow it."""


@contextmanager
def model_code(path: str | Path, time_limit: float | None = TIME_LIMIT) -> Iterator[None]:
    """Run the code of the model file ``path`` for at most ``time_limit`` seconds (None or
    0: no limit; the limit needs the main thread, and an outer limit already running is
    kept); what goes wrong in it is a :class:`TriglotError` at the model file's line."""
    source = str(Path(path).resolve())

    def line() -> int | None:
        frames = traceback.extract_tb(sys.exc_info()[2])
        return next((f.lineno for f in reversed(frames) if f.filename == source), None)

    def time_up(_signum: int, _frame: FrameType | None) -> None:
        raise _TimeUp

    timed = (bool(time_limit) and threading.current_thread() is threading.main_thread()
             and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    previous = signal.signal(signal.SIGALRM, time_up) if timed else None
    if timed:
        signal.setitimer(signal.ITIMER_REAL, float(time_limit or 0))
    try:
        yield
    except TriglotError:
        raise
    except _TimeUp:
        if not timed:
            raise  # the limit of an outer model_code: it says which
        raise TriglotError(f"the model file ran for more than {time_limit:g} s (an endless "
                           "loop?; the limit is triglot_model_time_limit)", path,
                           line()) from None
    except SystemExit as exc:
        raise TriglotError(f"the model file called sys.exit({exc.code!r})", path,
                           line()) from None
    except Exception as exc:
        raise TriglotError(f"the model file raised {type(exc).__name__}: {exc}", path,
                           line()) from None
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def load_module(path: str | Path, time_limit: float | None = TIME_LIMIT) -> ModuleType:
    """Execute the model file at ``path`` (cached by content) under :func:`model_code`."""
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
        with model_code(source, time_limit):
            try:
                spec.loader.exec_module(module)
            except SyntaxError as exc:
                raise TriglotError(f"syntax error: {exc.msg}", path, exc.lineno) from None
    except TriglotError:
        del sys.modules[name]
        raise
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

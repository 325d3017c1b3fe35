"""Reading and writing the project's text files safely.

Input is UTF-8; a BOM and CRLF/CR line ends are accepted and normalised. Output is
written to a temporary file beside the target and renamed over it, so a failure never
leaves a half-written file.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Final

from triglot.errors import TriglotError

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# What a translation or a definition has no use for: C0 controls but tab and line feed,
# DEL and C1 (terminal escapes, characters XML cannot carry, gettext's warned-about CR).
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""``text`` safe to print on one terminal line: control characters escaped.

    >>> printable("x.po:3: bad \x1b[2J\nline")
    'x.po:3: bad \\x1b[2J\\nline'
    """
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


def control_characters(text: str) -> list[str]:
    r"""The control characters of ``text`` but tab and line feed, as ``U+XXXX``, once each.

    >>> control_characters("a\tb\x01\x1b[31m\n\x01")
    ['U+0001', 'U+001B']
    """
    return list(dict.fromkeys(f"U+{ord(ch):04X}" for ch in _STRAY_CONTROL.findall(text)))


def cache_dir() -> Path:
    """triglot's folder in the user's cache (``$XDG_CACHE_HOME/triglot``, else
    ``~/.cache/triglot``): lemma tables, extracted templates."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "triglot"


def decode_text(data: bytes, path: str | os.PathLike[str]) -> str:
    """Decode UTF-8 ``data`` read from ``path``; errors name the byte offset.

    >>> decode_text(b"\\xef\\xbb\\xbfone\\r\\ntwo", "x.txt")
    'one\\ntwo'
    >>> decode_text(b"ok \\xff", "x.txt")
    Traceback (most recent call last):
    ...
    triglot.errors.TriglotError: x.txt: not valid UTF-8 at byte offset 3
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TriglotError(f"not valid UTF-8 at byte offset {exc.start}", path=path) from None
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise TriglotError("contains a NUL byte (binary file?)", path=path, line=line)
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: str | os.PathLike[str], max_bytes: int | None = None,
               kind: str = "file") -> bytes:
    """Read a file's bytes, raising :class:`TriglotError` for every reading problem, and
    for a file larger than ``max_bytes`` (a ``kind`` of file refused before it is read)."""
    try:
        with Path(path).open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise TriglotError(f"the file is {size / 2**20:.0f} MiB, more than the "
                                   f"{max_bytes / 2**20:.0f} MiB a {kind} may be",
                                   path=path)
            return handle.read()
    except FileNotFoundError:
        raise TriglotError("no such file", path=path) from None
    except IsADirectoryError:
        raise TriglotError("is a directory, not a file", path=path) from None
    except OSError as exc:
        raise TriglotError(f"cannot read: {exc.strerror}", path=path) from None


def read_text(path: str | os.PathLike[str], max_bytes: int | None = None,
              kind: str = "file") -> str:
    """Read a UTF-8 text file, raising :class:`TriglotError` for every input problem."""
    return decode_text(read_bytes(path, max_bytes, kind), path)


def version_of(data: bytes | None) -> str | None:
    """The version of a file's content that :func:`write_atomic` compares (None: no file)."""
    return None if data is None else hashlib.sha256(data).hexdigest()


def current_version(path: str | os.PathLike[str]) -> str | None:
    """The version of the file at ``path`` now (None when there is none)."""
    try:
        return version_of(Path(path).read_bytes())
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise TriglotError(f"cannot read: {exc.strerror}", path=path) from None


#: ``expected`` of :func:`write_atomic` when the file may hold anything.
ANY: Final = "any"


def write_atomic(path: str | os.PathLike[str], data: bytes, *,
                 expected: str | None = ANY) -> bool:
    """Write ``data`` to ``path`` all at once; return False when the file already held it.

    ``expected`` is the :func:`version_of` the content the caller read (None: there was
    no file): when the file no longer holds it, someone saved it meanwhile and nothing is
    written. Every failure is a :class:`TriglotError` naming ``path``; the file is then
    as it was.
    """
    target = Path(path)
    try:
        if target.is_file() and target.read_bytes() == data:
            return False
    except OSError:
        pass
    with atomic_output(target, expected=expected) as handle:
        handle.write(data)
    return True


@contextmanager
def atomic_output(path: str | os.PathLike[str], *, expected: str | None = ANY
                  ) -> Iterator[BinaryIO]:
    """A file to write ``path``'s new content into piece by piece (a report that is
    never held whole), put in place when the block ends without an error; on an error
    the file is as it was. ``expected`` is as for :func:`write_atomic`; a path that is
    not a regular file (/dev/stdout) is written through."""
    target = Path(path)
    if target.is_dir():
        raise TriglotError("is a directory; name a file to write", path=path)
    if target.exists() and not target.is_file():  # /dev/stdout, a pipe: no rename
        try:
            with target.open("wb") as through:
                yield through
        except OSError as exc:
            raise TriglotError(f"cannot write: {exc.strerror}", path=target) from None
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise TriglotError(f"cannot write: {exc.strerror}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        # mkstemp makes the file private; give it the mode a plain open() would have
        os.chmod(tmp, _existing_mode(target) or 0o666 & ~_umask())
        # as late as can be: what was read must still be there
        if expected != ANY and current_version(target) != expected:
            raise TriglotError("changed on disk while triglot worked (saved by someone "
                               "else?); nothing written: run the command again", path=path)
        os.replace(tmp, target)
    except OSError as exc:
        raise TriglotError(f"cannot write: {exc.strerror}", path=path) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def refuse_overwriting(output: str | os.PathLike[str],
                       inputs: Iterable[str | os.PathLike[str]]) -> None:
    """An error when ``output`` is one of ``inputs`` (the same file by any name)."""
    for source in inputs:
        try:
            same = os.path.samefile(output, source)
        except OSError:
            continue  # one of them does not exist: not the same file
        if same:
            raise TriglotError("is an input of this command; name another file to write",
                               path=output)


#: How long :func:`locked` waits for another process's lock, in seconds.
LOCK_TIMEOUT = 300.0


@contextmanager
def locked(path: str | os.PathLike[str], *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock of ``path`` (``.<name>.lock`` beside it) while the block runs.

    Other processes locking the same path wait up to ``timeout`` seconds. The lock is the
    kernel's (``flock``): a process that dies, killed or not, releases it, so a lock file
    left behind never blocks. The file is removed on release; a process that locked a file
    removed meanwhile locks afresh.
    """
    import fcntl  # POSIX; imported here so that reading and writing work everywhere

    target = Path(path)
    lock = target.with_name(f".{target.name}.lock")
    deadline = time.monotonic() + timeout
    while True:
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise TriglotError(f"cannot lock for writing: {exc.strerror}", path=path) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                raise TriglotError(f"another triglot process has held {lock.name} for "
                                   f"{timeout:.0f} s; try again later", path=path) from None
            time.sleep(0.05)
            continue
        if _same_file(fd, lock):
            break
        os.close(fd)  # its holder removed it after we opened it: lock the new one
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, now = os.fstat(fd), path.stat()
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


def _existing_mode(path: Path) -> int | None:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return None


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask

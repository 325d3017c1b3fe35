"""Reading and writing the project's text files safely.

Input is UTF-8; a BOM and CRLF/CR line ends are accepted and normalised. Output is
written to a temporary file beside the target and renamed over it, so a failure never
leaves a half-written file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from triglot.errors import TriglotError


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


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file, raising :class:`TriglotError` for every input problem."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise TriglotError("no such file", path=path) from None
    except IsADirectoryError:
        raise TriglotError("is a directory, not a file", path=path) from None
    except OSError as exc:
        raise TriglotError(f"cannot read: {exc.strerror}", path=path) from None
    return decode_text(data, path)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> bool:
    """Write ``data`` to ``path`` all at once; return False when the file already held it."""
    target = Path(path)
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private; give it the mode a plain open() would have
        os.chmod(tmp, _existing_mode(target) or 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _existing_mode(path: Path) -> int | None:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return None


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask

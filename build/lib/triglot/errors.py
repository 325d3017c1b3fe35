"""The one error type the command line turns into a clean message and exit code 2."""

from __future__ import annotations

from os import PathLike


class TriglotError(Exception):
    """A problem with the user's input: names the file, the line when known, and the problem.

    >>> str(TriglotError("not valid UTF-8 at byte offset 12", path="a.txt"))
    'a.txt: not valid UTF-8 at byte offset 12'
    >>> print(TriglotError("unknown status 'maybe'", path="g.yaml", line=4))
    g.yaml:4: unknown status 'maybe'
    """

    def __init__(
        self, message: str, path: str | PathLike[str] | None = None, line: int | None = None
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message

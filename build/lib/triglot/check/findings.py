"""What a check reports."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Finding:
    """One departure from the glossary in one catalog entry."""

    path: str
    line: int | None
    language: str
    code: str
    severity: str
    concept: str | None
    msgid: str
    message: str
    found: str | None = None
    expected: str | None = None
    msgstr: str = field(default="", repr=False)
    span: tuple[int, int] | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span) if self.span else None
        return data

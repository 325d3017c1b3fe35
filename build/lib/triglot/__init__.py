"""triglot: documentation in several languages, aligned, term-checked and cross-linked."""

from __future__ import annotations

__version__ = "0.1.0"

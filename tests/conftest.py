from __future__ import annotations

from pathlib import Path

import pytest

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the fixture projects (tests/roots/test-<name>/)."""
    return ROOTS

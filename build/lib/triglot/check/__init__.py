"""Terminology checks of gettext catalogs against a termbase, and their report formats."""

from __future__ import annotations

from triglot.check.checker import Checker, check_catalogs
from triglot.check.codes import CHECKS, SEVERITIES
from triglot.check.findings import Finding

__all__ = ["CHECKS", "SEVERITIES", "Checker", "Finding", "check_catalogs"]

"""Executable architecture diagrams: models, an executor, claims and DOT views.

The engine is generic: a model is built in Python (see :mod:`.model`), requests are run
through it (:mod:`.executor`), claims of a text are checked against it (:mod:`.claims`),
and :mod:`.dot` draws it. Labels and links come from callbacks, so the engine knows
nothing of Sphinx or of the glossary.
"""

from __future__ import annotations

"""The extension's configuration values, each declared once: name, default, type, help."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    types: tuple[type, ...]
    help: str
    rebuild: str = "env"


OPTIONS = (
    Option("triglot_languages", ["en"], (list, tuple),
           "The site's languages as catalog codes; the first is the source language."),
    Option("triglot_glossary", "", (str,),
           "The termbase, relative to the configuration directory (YAML or TBX); "
           "empty for none."),
    Option("triglot_check_terms", True, (bool,),
           "Check the translation catalogs' terminology and report findings as warnings "
           "of type 'triglot' (subtype: the check code)."),
)


def _resolve_paths(app: Sphinx, config: Config) -> None:
    if config.triglot_glossary:
        config.triglot_glossary = str(Path(app.confdir, config.triglot_glossary))


def setup(app: Sphinx) -> None:
    for option in OPTIONS:
        app.add_config_value(option.name, option.default, option.rebuild, types=option.types,
                             description=option.help)
    app.connect("config-inited", _resolve_paths)

"""The extension's configuration values, each declared once: name, default, type, help."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging

from triglot.errors import TriglotError
from triglot.languages import get_language
from triglot.sphinxext.core.locations import file_location

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    types: tuple[type, ...]
    help: str
    rebuild: Literal["env", "html", ""] = "env"


OPTIONS = (
    Option("triglot_languages", ["en"], (list, tuple),
           "The site's languages as catalog codes; the first is the source language."),
    Option("triglot_glossary", "", (str,),
           "The termbase, relative to the configuration directory (YAML or TBX); "
           "empty for none."),
    Option("triglot_source_dir", "", (str,),
           "Where the triglot command finds the sources when it is not given SOURCEDIR, "
           "relative to the configuration directory; empty for the configuration "
           "directory itself (Sphinx ignores it: sphinx-build is given the sources).", ""),
    Option("triglot_language_url", "", (str,),
           "Where each language's site is published, for the links between them (switcher, "
           "hreflang, paragraph links): a URL pattern with {lang} (the site folder, "
           "'pt-br'), {lang_path} (the same, but empty for the source language), {code} "
           "('pt_BR'), {tag} ('pt-BR') and {page} (the page's path, 'tutorial/index.html'), "
           "e.g. 'https://docs.python.org/{lang_path}/3.13/{page}'. Empty: the sites are "
           "sibling folders of one site folder, linked relatively.", "html"),
    Option("triglot_language_urls", {}, (dict,),
           "Base URLs per language code, e.g. {'ja': 'https://example.org/ja/latest/'}, "
           "each followed by the page's path; a language listed here is linked there, "
           "whatever triglot_language_url says.", "html"),
    Option("triglot_counterparts", "on-demand", (str,),
           "How each paragraph's text in the other languages reaches the page: "
           "'on-demand' (loaded from one small script per page when a fold is opened; "
           "pages stay the size of plain Sphinx's) or 'inline' (in the page, no script "
           "needed).", "html"),
    Option("triglot_term_links", "paragraph", (str,),
           "Which occurrences of a glossary term link to its entry: 'paragraph' (the "
           "first in each paragraph), 'page' (the first in the page) or 'none' (none; the "
           "glossary still lists every paragraph that uses the term)."),
    Option("triglot_check_terms", True, (bool,),
           "Check the translation catalogs' terminology and report findings as warnings "
           "of type 'triglot' (subtype: the check code)."),
    Option("triglot_term_min_confidence", 0.5, (float, int),
           "Terminology findings less sure than this (0 to 1) are not warned about; 0 "
           "warns about the hints too (see 'triglot check --explain')."),
    Option("triglot_template_cache", "", (str,),
           "A folder for the HTML theme's compiled templates that the builds of several "
           "languages share (triglot site sets it), relative to the configuration "
           "directory; empty: in the build's doctree folder.", ""),
    Option("triglot_model_time_limit", 10.0, (float, int),
           "Seconds the code of a diagram's model file (the module, its claims' tests) may "
           "run before the build fails with an error at the line it was running; 0 for no "
           "limit."),
)


TERM_LINKS = ("paragraph", "page", "none")


def reference_table() -> str:
    """The configuration values as the README's Markdown table: name, type, default and
    what it does, from the declarations above (a test keeps the README equal to it).

    >>> print(reference_table().splitlines()[2][:50])
    | `triglot_languages` | list or tuple | `['en']` |
    """
    rows = ["| name | type | default | what it does |", "|---|---|---|---|"]
    for option in OPTIONS:
        types = " or ".join(kind.__name__ for kind in option.types)
        rows.append(f"| `{option.name}` | {types} | `{option.default!r}` | {option.help} |")
    return "\n".join(rows) + "\n"


def _check_languages(app: Sphinx, config: Config) -> None:
    """Warn about a language list the site cannot use, and build with what is usable.

    Unknown or repeated codes are dropped, and a build language missing from the list is
    added, so one typo in ``conf.py`` costs a warning, not the build (``-W`` fails it).
    """
    where = file_location(Path(app.confdir, "conf.py"))
    usable: list[str] = []
    for code in config.triglot_languages:
        try:
            tag = get_language(code).tag
        except TriglotError as exc:
            logger.warning("triglot_languages: %s; left out", exc, type="triglot",
                           subtype="config", location=where)
            continue
        if tag in (get_language(known).tag for known in usable):
            logger.warning("triglot_languages names %s twice; the second is left out", code,
                           type="triglot", subtype="config", location=where)
            continue
        usable.append(code)
    here = config.language
    if here and here not in usable:
        try:
            get_language(here)
        except TriglotError as exc:
            raise ConfigError(f"language: {exc}") from None
        logger.warning("language %r is not in triglot_languages (%s); added", here,
                       ", ".join(usable) or "empty", type="triglot", subtype="config",
                       location=where)
        usable.append(here)
    config.triglot_languages = usable or ["en"]


def _check_urls(config: Config) -> None:
    """Fail the build on a URL setting no link can be made from (every page would be
    wrong)."""
    from triglot.sphinxext.core.site import published_url, site_languages

    try:
        for language in site_languages(config):
            published_url(config, language, "index.html")
        for code in config.triglot_language_urls:
            get_language(code)
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"triglot_language_url: {config.triglot_language_url!r} has an "
                          f"unknown placeholder or a stray brace ({exc}); it may use {{lang}}, "
                          "{lang_path}, {code}, {tag} and {page}") from None
    except TriglotError as exc:
        raise ConfigError(f"triglot_language_urls: {exc}") from None


# What term analysis needs beside the core install: (module, the extra that installs it,
# the languages that need it; empty for all).
ANALYSIS_MODULES = (("spacy", "triglot[terms]", ()), ("spacy_lookups_data", "triglot[terms]", ()),
                    ("sudachipy", "triglot[ja]", ("ja",)), ("sudachidict_core", "triglot[ja]",
                                                         ("ja",)))


@cache
def missing_extra(code: str) -> str | None:
    """The extra to install before terms can be analysed in language ``code``, or None
    when everything is there."""
    base = code.replace("-", "_").split("_")[0]
    for module, extra, languages in ANALYSIS_MODULES:
        if (not languages or base in languages) and importlib.util.find_spec(module) is None:
            return extra
    return None


def _check_extras(app: Sphinx, config: Config) -> None:
    """Without the analysis extras the site is built without term links and checks, with a
    note saying what to install (the glossary page and diagram labels need none)."""
    if not config.triglot_glossary:
        return
    code = config.language or config.triglot_languages[0]
    extra = missing_extra(code)
    if extra is not None:
        logger.warning("term links and terminology checks in %s need %s (pip install '%s'); "
                       "built without them", code, extra, extra, type="triglot",
                       subtype="missing-extra", location=file_location(
                           Path(app.confdir, "conf.py")))
        config.triglot_check_terms = False


def _on_config_inited(app: Sphinx, config: Config) -> None:
    if config.triglot_counterparts not in ("on-demand", "inline"):
        raise ConfigError(f"triglot_counterparts: {config.triglot_counterparts!r} is "
                          "neither 'on-demand' nor 'inline'")
    if config.triglot_term_links not in TERM_LINKS:
        raise ConfigError(f"triglot_term_links: {config.triglot_term_links!r} is not one of "
                          f"{', '.join(map(repr, TERM_LINKS))}")
    _check_languages(app, config)
    _check_urls(config)
    _check_extras(app, config)
    if config.triglot_glossary:
        config.triglot_glossary = str(Path(app.confdir, config.triglot_glossary))


def setup(app: Sphinx) -> None:
    for option in OPTIONS:
        app.add_config_value(option.name, option.default, option.rebuild, types=option.types,
                             description=option.help)
    app.connect("config-inited", _on_config_inited)

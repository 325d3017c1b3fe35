"""The HTML theme's templates, compiled once per build folder instead of once per build.

Sphinx compiles the theme's Jinja templates (``layout.html``, ``page.html`` and what they
include) in every build, a tenth of a second or more for Furo, before it writes the
first page: on an incremental build that writes a page or two, that is much of the build.
Jinja keeps compiled templates in a bytecode cache when the environment has one; this
gives Sphinx's template environment one in the doctree folder, where Sphinx keeps the
rest of what a rebuild reuses, or in ``triglot_template_cache``, which the builds of
several languages share (``triglot site``'s language builds: the first to write a page
compiles the theme, the others load it). Jinja checks each entry against its template's
source, the folder is named after what compiling depends on (the environment's class,
extensions and syntax settings) and each entry's key after the filters and tests
templates are compiled against, so a changed template or setting is compiled again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from sphinx.util import logging

from triglot.sphinxext.core.locations import file_location

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FOLDER = "triglot-templates"
logger = logging.getLogger(__name__)


def compile_settings(environment: jinja2.Environment) -> str | None:
    """A digest of what the code Jinja compiles a template to depends on, besides the
    template's source and name; None when that is a function of the project's (a callable
    ``autoescape`` or ``finalize``), whose code no digest can vouch for.

    >>> plain, i18n = jinja2.Environment(), jinja2.Environment(extensions=["jinja2.ext.i18n"])
    >>> compile_settings(plain) == compile_settings(jinja2.Environment())
    True
    >>> compile_settings(plain) == compile_settings(i18n)
    False
    >>> print(compile_settings(jinja2.Environment(finalize=str)))
    None
    """
    if not isinstance(environment.autoescape, bool) or environment.finalize is not None:
        return None
    settings = (type(environment).__module__, type(environment).__qualname__,
                jinja2.__version__, sorted(environment.extensions),
                environment.block_start_string, environment.block_end_string,
                environment.variable_start_string, environment.variable_end_string,
                environment.comment_start_string, environment.comment_end_string,
                environment.line_statement_prefix, environment.line_comment_prefix,
                environment.trim_blocks, environment.lstrip_blocks,
                environment.newline_sequence, environment.keep_trailing_newline,
                environment.optimized, environment.is_async, environment.autoescape,
                sorted(getattr(environment, "intercepted_binops", ())),
                sorted(getattr(environment, "intercepted_unops", ())))
    return hashlib.sha1(repr(settings).encode("utf-8")).hexdigest()[:16]


def _callables(environment: jinja2.Environment) -> str:
    """A digest of the filters and tests compiled code calls: which exist, and what each
    is passed (Jinja's ``pass_context`` and the like), which an extension may change.

    >>> plain, more = jinja2.Environment(), jinja2.Environment()
    >>> more.filters["shout"] = str.upper
    >>> _callables(plain) == _callables(jinja2.Environment()), _callables(plain) == _callables(more)
    (True, False)
    """
    names = [(kind, name, str(getattr(function, "jinja_pass_arg", None)))
             for kind, table in (("filter", environment.filters), ("test", environment.tests))
             for name, function in table.items()]
    return hashlib.sha1(repr(sorted(names)).encode("utf-8")).hexdigest()[:16]


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache in a folder, each entry keyed by the filters and tests as well."""

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        return super().get_bucket(environment, f"{_callables(environment)}|{name}",
                                  filename, source)


def _cache_templates(app: Sphinx) -> None:
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if not isinstance(environment, jinja2.Environment) or environment.bytecode_cache:
        return  # another template bridge, or a cache of the project's own
    settings = compile_settings(environment)
    if settings is None:
        return
    shared = app.config.triglot_template_cache
    base = Path(app.confdir, shared) if shared else Path(app.doctreedir, FOLDER)
    folder = base / settings
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # the cache only saves time: build without it
        logger.warning("triglot_template_cache: cannot keep compiled templates in %s (%s); "
                       "building without", base, exc.strerror or exc, type="triglot",
                       subtype="template-cache",
                       location=file_location(Path(app.confdir, "conf.py")))
        return
    environment.bytecode_cache = _TemplateCache(str(folder))


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _cache_templates)

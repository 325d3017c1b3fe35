"""The language switcher and ``<link rel="alternate" hreflang>``, computed at build time.

A page is linked to the same page in each language when that language's site has it,
and to that language's root page otherwise. Every site has every page except the
documents that list their languages in a file-wide field (``:triglot-languages: en ja``
as the first line): those are left out of the other languages' builds, and every build
reads the same fields, so each knows what the others have. The links are plain ``href``s; a
few lines of script only carry the URL fragment (the paragraph being read) over.

The switcher is placed at the start of the page's main content (the element with
``role="main"``, which Sphinx's themes share) by wrapping the template renderer, so pages
rendered without a ``body`` (search, index) have it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.config import Config
from sphinx.jinja2glue import BuiltinTemplateLoader

from triglot.languages import get_language
from triglot.sphinxext.core.pagelinks import page_links
from triglot.sphinxext.core.site import page_in, page_language, site_languages
from triglot.sphinxext.core.state import PerBuild
from triglot.sphinxext.core.templates import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from triglot.languages import Language

SWITCHER = "triglot_switcher"
LANGUAGES_FIELD = re.compile(r"^:triglot-languages:[ \t]*(.+)$", re.MULTILINE)
# Where the main content starts in Sphinx's themes; a theme without it gets the top of <body>.
MAIN = (re.compile(r'<[a-z]+\b[^>]*\brole="main"[^>]*>'), re.compile(r"<body\b[^>]*>"))


def _restricted_pages(srcdir: str | Path, suffixes: Iterable[str]) -> dict[str, set[str]]:
    """Documents that name their languages in a ``:triglot-languages:`` field, e.g.
    ``:triglot-languages: en ja`` at the top: docname -> the language tags it is in.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = Path(folder, "notes.rst").write_text(":triglot-languages: en pt_BR\\n\\nText")
    ...     sorted(_restricted_pages(folder, [".rst"])["notes"])
    ['en', 'pt-BR']
    """
    restricted = {}
    for suffix in suffixes:
        for path in sorted(Path(srcdir).rglob(f"*{suffix}")):
            head = path.read_text(encoding="utf-8", errors="replace")[:2000]
            found = LANGUAGES_FIELD.search(head)
            if found:
                docname = path.relative_to(srcdir).with_suffix("").as_posix()
                restricted[docname] = {get_language(code).tag for code in found[1].split()}
    return restricted


# The documents that name their languages, read once per build (every build reads all).
RESTRICTED: PerBuild[dict[str, set[str]]] = PerBuild(lambda app: {})


def _exclude_other_languages(app: Sphinx, config: Config) -> None:
    """Leave pages restricted to other languages out of this language's build."""
    restricted = _restricted_pages(app.srcdir, config.source_suffix)
    here = page_language(config).tag
    config.exclude_patterns = [
        *config.exclude_patterns,
        *(f"{docname}{suffix}" for docname, tags in sorted(restricted.items())
          if here not in tags for suffix in config.source_suffix)]
    RESTRICTED.of(app).update(restricted)


def target_in(app: Sphinx, pagename: str, language: Language) -> tuple[str, bool]:
    """The page of ``language``'s site to link from ``pagename``, and whether it is the
    same page (False: that site leaves the page out, the link goes to its root)."""
    tags = RESTRICTED.of(app).get(pagename)
    if tags is not None and language.tag not in tags:
        return app.config.root_doc, False
    return pagename, True


def alternates(app: Sphinx, pagename: str) -> str:
    languages = site_languages(app.config)
    links = [(lang.tag, page_in(app, pagename, lang))
             for lang in languages if target_in(app, pagename, lang)[1]]
    source = languages[0]
    links.append(("x-default", page_in(app, pagename, source,
                                       target=target_in(app, pagename, source)[0])))
    return render("alternates.html", links=links)


def switcher(app: Sphinx, pagename: str) -> str:
    here = page_language(app.config)
    items: list[dict[str, Any]] = []
    for lang in site_languages(app.config):
        if lang == here:
            items.append({"current": True, "tag": lang.tag, "name": lang.name})
            continue
        target, same = target_in(app, pagename, lang)
        items.append({"current": False, "tag": lang.tag, "name": lang.name,
                      "href": page_in(app, pagename, lang, target=target),
                      "kind": "triglot-switch" if same else "triglot-switch-root"})
    return render("switcher.html", items=items)


class SwitcherTemplates(BuiltinTemplateLoader):
    """The builder's renderer, with the switcher put at the start of the main content."""

    def __init__(self, inner: BuiltinTemplateLoader) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:  # everything else is the inner renderer's
        return getattr(self.inner, name)

    def init(self, *args: Any, **kwargs: Any) -> None:
        self.inner.init(*args, **kwargs)

    def newest_template_mtime(self) -> float:
        return self.inner.newest_template_mtime()

    def render_string(self, template: str, context: dict[str, Any]) -> str:
        return self.inner.render_string(template, context)

    # Sphinx types TemplateBridge.render as returning None; its loaders return the page.
    def render(self, template: str, context: dict[str, Any]) -> str:  # type: ignore[override]
        output = self.inner.render(template, context)
        nav = context.get(SWITCHER)
        if nav:
            nav += page_links(context)
        for start in MAIN if nav else ():
            found = start.search(output)
            if found:
                return f"{output[:found.end()]}\n{nav}{output[found.end():]}"
        return output


def _wrap_renderer(app: Sphinx) -> None:
    if app.builder.format == "html" and getattr(app.builder, "templates", None) is not None:
        app.builder.templates = SwitcherTemplates(app.builder.templates)


def _on_page_context(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: Any) -> None:
    if app.builder.format != "html":
        return
    context["metatags"] = context.get("metatags", "") + alternates(app, pagename) + "\n"
    context[SWITCHER] = switcher(app, pagename)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _exclude_other_languages)
    app.connect("builder-inited", _wrap_renderer)
    app.connect("html-page-context", _on_page_context)

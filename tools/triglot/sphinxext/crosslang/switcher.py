"""The language switcher and ``<link rel="alternate" hreflang>``, computed at build time.

A page is linked to the same page in each language when that language's site has it,
and to that language's root page otherwise. Every site has every page except the
documents that list their languages in a file-wide field (``:triglot-languages: en ja``
as the first line): those are left out of the other languages' builds, and every build
reads the same fields, so each knows what the others have. A language whose catalogs leave
paragraphs of the page in the source language is marked as partly translated. The links
are plain ``href``s, which work without scripts; the site's script (``triglot-site.js``)
points them, when clicked, at the paragraph at the top of the window, and carries the
search query and the scroll position over.

The switcher is placed at the start of the page's main content by a template block
override: each page is rendered through a small template of the extension's that extends
the page's own template (``page.html``, ``search.html``, ``genindex.html``, ...) and
prepends the switcher to the theme's main-content block, so pages rendered without a
``body`` (search, index) have it too. That block is ``content`` in themes built on
sphinx-basic-ng (furo) and ``body`` in those built on Sphinx's basic theme (basic,
alabaster, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.config import Config

from triglot.languages import get_language
from triglot.sphinxext.core.catalogs import catalogs_for, translation
from triglot.sphinxext.core.pagelinks import page_links
from triglot.sphinxext.core.paragraphs import MSGID, anchored_paragraphs
from triglot.sphinxext.core.site import absolute_url, page_in, page_language, site_languages
from triglot.sphinxext.core.state import PerBuild
from triglot.sphinxext.core.templates import TEMPLATES, render
from triglot.sphinxext.core.uitext import ui_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from triglot.languages import Language

SWITCHER = "triglot_switcher"
LANGUAGES_FIELD = re.compile(r"^:triglot-languages:[ \t]*(.+)$", re.MULTILINE)
PAGE_TEMPLATE = "triglot_page_template"
# Languages shown as a line of links; more go into a disclosure.
INLINE = 4
# The wrapper templates, by the name of the theme's main-content block.
WRAPPERS = {"body": "triglot/switcher-in-body.html", "content": "triglot/switcher-in-content.html"}


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
    """The ``<link rel="alternate" hreflang>`` of the page in every language that has it,
    and ``x-default`` (the source language): absolute when the site's URL is known
    (:func:`~triglot.sphinxext.core.site.absolute_url`), as search engines require."""
    def href(lang: Language, target: str) -> str:
        url = absolute_url(app.config, lang, app.builder.get_target_uri(target))
        return url or page_in(app, pagename, lang, target=target)

    languages = site_languages(app.config)
    links = [(lang.tag, href(lang, pagename))
             for lang in languages if target_in(app, pagename, lang)[1]]
    source = languages[0]
    links.append(("x-default", href(source, target_in(app, pagename, source)[0])))
    return render("alternates.html", links=links)


def untranslated_count(app: Sphinx, docname: str, doctree: Any, language: Language) -> int:
    """How many of the document's paragraphs ``language``'s site shows in the source
    language (untranslated or outdated in its catalogs); 0 for the source language."""
    if doctree is None or language == site_languages(app.config)[0]:
        return 0
    catalogs = catalogs_for(app, docname, language.code)
    return sum(translation(catalogs, para[MSGID]).state != "translated"
               for para in anchored_paragraphs(doctree))


def switcher(app: Sphinx, pagename: str, doctree: Any = None) -> str:
    """The switcher of ``pagename``: the languages in the site's order, each marked when
    its page is missing or partial."""
    here = page_language(app.config)
    source = site_languages(app.config)[0]
    items: list[dict[str, Any]] = []
    for lang in site_languages(app.config):
        if lang == here:
            items.append({"current": True, "tag": lang.tag, "name": lang.name})
            continue
        target, same = target_in(app, pagename, lang)
        state, mark = "", ""
        if not same:
            state, mark = "missing", ui_text("switch_missing")
        elif untranslated_count(app, pagename, doctree, lang):
            state, mark = "partial", ui_text("switch_partial", source=source.name)
        items.append({"current": False, "tag": lang.tag, "name": lang.name, "state": state,
                      "mark": mark, "href": page_in(app, pagename, lang, target=target),
                      "kind": "triglot-switch" if same else "triglot-switch-root"})
    return render("switcher.html", items=items, inline=INLINE, here=here.tag,
                  label=ui_text("languages"), more=ui_text("more_languages"))


def _add_templates(app: Sphinx, config: Config) -> None:
    """Let Sphinx's template loader find the wrapper templates."""
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def main_block(theme_dirs: Iterable[str | Path]) -> str:
    """The block holding the main content in the theme with these folders (the theme's
    own first, then those it inherits from).

    >>> main_block(["/themes/furo", "/themes/basic-ng", "/themes/basic"])
    'content'
    >>> main_block(["/themes/alabaster", "/themes/basic"])
    'body'
    """
    return "content" if any(Path(folder).name == "basic-ng" for folder in theme_dirs) else "body"


def _on_page_context(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: Any) -> str | None:
    theme = getattr(app.builder, "theme", None)
    if app.builder.format != "html" or theme is None:
        return None
    context["metatags"] = context.get("metatags", "") + alternates(app, pagename) + "\n"
    nav = switcher(app, pagename, doctree)
    context[PAGE_TEMPLATE] = templatename
    # Called while the page renders: the links other handlers add to the context are in.
    context[SWITCHER] = lambda: nav + page_links(context)
    return WRAPPERS[main_block(theme.get_theme_dirs())]


def setup(app: Sphinx) -> None:
    app.add_js_file("triglot-switcher.js")
    app.connect("config-inited", _exclude_other_languages)
    app.connect("config-inited", _add_templates)
    # Late, so that a template another handler picks for its page takes precedence (the
    # event keeps the first name returned); that page then goes without the switcher.
    app.connect("html-page-context", _on_page_context, priority=900)

"""What every feature of the extension shares: configuration values, the site's languages
and the links between their sites, build state kept per document, paragraph anchors,
catalog reading and compiling, the termbase and its match cache, the extension's message
catalog, page furniture nodes, the templates of generated pages and when they are out of
date, the theme's compiled templates, and warning locations. Nothing
here depends on a feature.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triglot.sphinxext.core import (
    catalogs,
    config,
    i18n,
    matchcache,
    outdated,
    paragraphs,
    site,
    termbase,
    theme_templates,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    for module in (config, site, paragraphs, matchcache, catalogs, outdated, termbase,
                   theme_templates):
        module.setup(app)
    # once the builder has made the translator its templates use
    app.connect("builder-inited", i18n.add_theme_words)

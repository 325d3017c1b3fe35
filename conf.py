# Sphinx configuration of the triglot documentation project.
# Builds run from the repository root: sphinx-build -c . docs <out> [-D language=ja];
# triglot_source_dir tells the triglot command the same (triglot site = triglot site docs -c .).
from __future__ import annotations

import os

project = "IIS 5 and 6 work differently"
author = "triglot"
copyright = "triglot contributors"

extensions = ["sphinx.ext.graphviz", "triglot.sphinxext"]

language = "en"
# The translations: one catalog per document, as the Python docs translations keep them.
locale_dirs = ["../locale"]
gettext_compact = False
gettext_uuid = False
gettext_location = True

exclude_patterns = ["_build"]
root_doc = "index"

html_theme = "furo"
html_title = project
html_static_path: list[str] = []
html_favicon = "docs/_static/favicon.svg"
# Where the site is published (the folder holding en/, ja/, pt-br/): canonical URLs and
# hreflang alternates are absolute, as search engines require. The publishing job says
# where (DOCS_BASEURL, as Read the Docs' READTHEDOCS_CANONICAL_URL does); the default is a
# placeholder until the site has its real address.
html_baseurl = os.environ.get("DOCS_BASEURL", "https://example.org/triglot/")

graphviz_output_format = "svg"

# triglot: the site's languages (catalog codes; the first is the source language),
# and the termbase every language's glossary page, term links and diagram labels use.
triglot_languages = ["en", "ja", "pt_BR"]
triglot_glossary = "glossary/termbase.yaml"
triglot_source_dir = "docs"
# Counterparts written into the page: the article is short, and readable without scripts.
triglot_counterparts = "inline"
# A term links to its glossary entry where the page first uses it, not in every paragraph:
# the article names the same dozen terms throughout.
triglot_term_links = "page"

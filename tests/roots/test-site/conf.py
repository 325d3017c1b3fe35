extensions = ["triglot.sphinxext"]
project = "site"
locale_dirs = ["locale"]
gettext_compact = False
html_theme = "basic"
triglot_languages = ["en", "ja", "pt_BR"]
triglot_glossary = "glossary/termbase.yaml"
# The fixture leaves paragraphs untranslated and outdated on purpose, and has a term
# finding to count on the status page; tests build it with -W.
# It is never published: no html_baseurl.
suppress_warnings = ["triglot.untranslated", "triglot.outdated", "triglot.term-missing",
                     "triglot.baseurl"]
triglot_counterparts = "inline"

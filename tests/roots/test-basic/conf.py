extensions = ["sphinx.ext.graphviz", "triglot.sphinxext"]
project = "basic"
locale_dirs = ["locale"]
gettext_compact = False
triglot_languages = ["en", "ja"]
triglot_glossary = "glossary/termbase.yaml"

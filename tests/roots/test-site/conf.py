extensions = ["triglot.sphinxext"]
project = "site"
locale_dirs = ["locale"]
gettext_compact = False
html_theme = "basic"
triglot_languages = ["en", "ja", "pt_BR"]
triglot_glossary = "glossary/termbase.yaml"
suppress_warnings = ["triglot.term-missing"]  # counted on the status page instead

extensions = ["triglot.sphinxext"]
project = "crosslang"
locale_dirs = ["locale"]
gettext_compact = False
html_theme = "basic"
triglot_languages = ["en", "ja", "pt_BR"]
triglot_counterparts = "inline"

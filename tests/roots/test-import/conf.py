extensions = ["triglot.sphinxext"]
project = "import"
locale_dirs = ["../locale"]
gettext_compact = False
triglot_languages = ["en", "ja", "pt_BR"]
triglot_source_dir = "docs"

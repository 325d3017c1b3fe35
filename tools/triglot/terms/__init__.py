"""Term matching: per-language analysis with spaCy (:mod:`.analyze`), the language
profiles (:mod:`.languages`) and the longest-match term index (:mod:`.match`).

Kept import-free: the glossary validates languages through :mod:`.languages` without
loading spaCy.
"""

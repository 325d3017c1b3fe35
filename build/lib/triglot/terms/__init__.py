"""Term matching: per-language analysis with spaCy (:mod:`.analyze`) and the
longest-match term index (:mod:`.match`); what is known about each language comes from
:mod:`triglot.languages`.

Kept import-free: ``import triglot.terms`` does not load spaCy.
"""

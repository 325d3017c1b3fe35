"""New catalogs and bringing a catalog up to date with its English template."""

from __future__ import annotations

from babel.messages.catalog import Catalog

from triglot.catalog.layout import msgid_of
from triglot.catalog.reading import PoCatalog
from triglot.catalog.writing import layout_of
from triglot.languages import get_language

#: The flags Babel sets by itself from a msgid's look (``%d``, ``{name}``).
GUESSED_FLAGS = frozenset({"python-format", "python-brace-format"})


def new_catalog(language: str, template: Catalog) -> PoCatalog:
    """An empty catalog for ``language`` with the template's project metadata, its header
    as msginit writes one."""
    name = get_language(language).name
    babel = Catalog(locale=language, project=template.project,
                    version=template.version or "1", creation_date=template.creation_date,
                    last_translator="triglot import", language_team=name, fuzzy=False)
    layout = layout_of(babel)
    layout.header_comments = [f"# {name} translation of {template.project}.",
                              "# Started by triglot import; re-imports keep translators' edits.",
                              "#"]
    catalog = PoCatalog(locale=language, fuzzy=False, layout=layout)
    catalog.mime_headers = layout.header_fields
    return catalog


def update_catalog(catalog: Catalog, template: Catalog) -> None:
    """Bring ``catalog`` up to date with the English ``template`` (Babel's update, as
    msgmerge does it: locations and extracted comments from the template).

    Entries whose English changed become fuzzy with the previous English kept; an entry
    that is still fuzzy from an earlier change keeps its previous English too. The header
    stays the catalog's.
    """
    previous = {message.id: message.previous_id for message in catalog if message.previous_id}
    flags = {msgid_of(m): m.flags for source in (catalog, template) for m in source if m.id}
    catalog.update(template, update_creation_date=False)
    for message in catalog:
        if message.fuzzy and not message.previous_id and message.id in previous:
            message.previous_id = previous[message.id]
        # Babel guesses format flags afresh on every message it copies: keep the files'
        known = flags.get(msgid_of(message), set()) | flags.get(
            message.previous_id[0] if message.previous_id else "", set())
        message.flags -= GUESSED_FLAGS - known


"""Writing a catalog as GNU gettext's tools write it, changing only what changed.

An entry that says what it said when read is written with its own lines; any other is
laid out as msgmerge would (the file's wrap width, references filled, comments whole,
``fuzzy`` first among the flags). The header keeps its comment, its fields in their
order and each unchanged field's lines; ``PO-Revision-Date`` moves only when a
translation changed, so a run that changes no translation rewrites nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from triglot.catalog.layout import Layout, msgid_of, snapshot
from triglot.catalog.reading import PoCatalog, read_catalog
from triglot.catalog.wrap import escape, reference_lines, string_lines
from triglot.textio import write_atomic

#: The header fields in the order msginit and msgmerge write them.
GETTEXT_FIELDS = ("Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date",
                  "PO-Revision-Date", "Last-Translator", "Language-Team", "Language",
                  "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Plural-Forms")
REVISION = "PO-Revision-Date"


def gettext_header(catalog: Catalog) -> list[tuple[str, str]]:
    """A Babel catalog's header fields in gettext's order and spelling (no Babel
    ``Generated-By``, which would change with every Babel release)."""
    fields = {name: value for name, value in catalog.mime_headers if name != "Generated-By"}
    if "Content-Type" in fields:
        fields["Content-Type"] = fields["Content-Type"].replace("charset=utf-8", "charset=UTF-8")
    ordered = [(name, fields.pop(name)) for name in GETTEXT_FIELDS if name in fields]
    return ordered + list(fields.items())


def layout_of(catalog: Catalog) -> Layout:
    """The file layout of a catalog that was read; a new file's for any other."""
    if isinstance(catalog, PoCatalog):
        return catalog.layout
    fields = gettext_header(catalog)
    comments = [f"# {line}".rstrip() if not line.startswith("#") else line
                for line in catalog.header_comment.splitlines()]
    return Layout(header_comments=comments, header_fields=fields,
                  header_field_lines=[[] for _ in fields])


def render_catalog(catalog: Catalog, layout: Layout | None = None) -> bytes:
    """The catalog's ``.po`` file (laid out as ``layout``, by default the catalog's own)."""
    layout = layout or layout_of(catalog)
    blocks = [layout.header_comments + _header_lines(catalog, layout)]
    for message in catalog:
        if message.id:
            blocks.append(_entry_lines(catalog, layout, message, obsolete=False))
    for message in catalog.obsolete.values():
        blocks.append(_entry_lines(catalog, layout, message, obsolete=True))
    return ("\n\n".join("\n".join(block) for block in blocks) + "\n").encode("utf-8")


def _header_lines(catalog: Catalog, layout: Layout) -> list[str]:
    flags = (["fuzzy"] if catalog.fuzzy else []) + [f for f in layout.header_flags
                                                    if f != "fuzzy"]
    lines = [f"#, {', '.join(flags)}"] if flags else []
    lines += ['msgid ""', 'msgstr ""']
    for (name, value), own in zip(layout.header_fields, layout.header_field_lines, strict=True):
        lines += own or _field_lines(f"{name}: {value}\n", layout.width)
    return lines


def _field_lines(text: str, width: int) -> list[str]:
    lines = string_lines("msgstr", text, width)
    return lines[1:] if len(lines) > 1 else [f'"{escape(text)}"']


def _entry_lines(catalog: Catalog, layout: Layout, message: Message, *,
                 obsolete: bool) -> list[str]:
    key = catalog._key_for(message.id, message.context)
    context = layout.previous_contexts.get(key) if message.previous_id else None
    kept = layout.entries.get((obsolete, key))
    if kept is not None and kept[0] == snapshot(message, context):
        return kept[1]
    prefix = "#~ " if obsolete else ""
    width = layout.width
    lines = [f"# {c}".rstrip() for c in message.user_comments]
    lines += [f"#. {c}".rstrip() for c in message.auto_comments]
    if not obsolete:
        lines += reference_lines([f"{f}:{n}" if n is not None else f
                                  for f, n in message.locations], width)
    flags = sorted(message.flags, key=lambda flag: (flag != "fuzzy", flag))
    if flags:
        lines.append(f"#, {', '.join(flags)}")
    previous = f"{prefix}#| " if not obsolete else "#~| "
    if context is not None:
        lines += string_lines("msgctxt", context, width, previous)
    for name, text in zip(("msgid", "msgid_plural"), message.previous_id, strict=False):
        lines += string_lines(name, text, width, previous)
    if message.context is not None:
        lines += string_lines("msgctxt", message.context, width, prefix)
    if isinstance(message.id, (list, tuple)):
        lines += string_lines("msgid", message.id[0], width, prefix)
        lines += string_lines("msgid_plural", message.id[1], width, prefix)
        strings = message.string if isinstance(message.string, (list, tuple)) else (
            message.string,)
        for index, plural in enumerate(strings):
            lines += string_lines(f"msgstr[{index}]", plural or "", width, prefix)
    else:
        lines += string_lines("msgid", message.id, width, prefix)
        lines += string_lines("msgstr", str(message.string or ""), width, prefix)
    return lines


def translations_changed(old: Catalog, new: Catalog) -> bool:
    """Whether ``new`` holds a translation ``old`` did not: a text or fuzzy state changed,
    or a new entry has a text not carried over by the merge (one it fuzzy-matched keeps
    its previous msgid), or an entry with a text is gone.
    """
    before = {old._key_for(m.id, m.context): m for m in old if m.id}  # msgid or (id, ctxt)
    after = {new._key_for(m.id, m.context): m for m in new if m.id}
    for key, message in after.items():
        was = before.get(key)
        if was is None:
            if message.string and not message.previous_id:
                return True
        elif (was.string, was.fuzzy) != (message.string, message.fuzzy):
            return True
    carried = {m.previous_id[0] for m in after.values() if m.previous_id}
    return any(m.string and key not in after and key not in new.obsolete
               and msgid_of(m) not in carried for key, m in before.items())



def write_catalog(path: str | Path, catalog: Catalog) -> bool:
    """Write ``catalog`` to ``path`` atomically; return whether the file changed.

    ``PO-Revision-Date`` becomes now when a translation differs from the file's (or the
    file is new) and stays the file's otherwise, as with msgmerge.
    """
    path = Path(path)
    layout = layout_of(catalog)
    old = read_catalog(path) if path.is_file() else None
    if old is not None and not translations_changed(old, catalog):
        revision = old.layout.field(REVISION)
    else:
        revision = datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")
    if revision is not None and layout.field(REVISION) != revision:
        layout.set_field(REVISION, revision)
    return write_atomic(path, render_catalog(catalog, layout))

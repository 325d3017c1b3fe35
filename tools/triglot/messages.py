"""The English messages of the documents, as Sphinx's own gettext builder extracts them.

triglot does not re-implement extraction: it runs the ``gettext`` builder on the project
and reads the templates it writes, so the message ids are exactly the ones Sphinx will
look up when it builds a translated site.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog

from triglot.errors import TriglotError
from triglot.project import Project

GETTEXT_DIR = Path("_build") / "gettext"


def build_templates(project: Project) -> Path:
    """Run Sphinx's gettext builder over the project; return the folder of its ``.pot``."""
    from sphinx.application import Sphinx
    from sphinx.errors import SphinxError

    outdir = project.root / GETTEXT_DIR
    warnings = io.StringIO()
    try:
        app = Sphinx(
            srcdir=project.source_dir,
            confdir=project.root,
            outdir=outdir,
            doctreedir=outdir / ".doctrees",
            buildername="gettext",
            confoverrides={"gettext_compact": False, "language": project.source_language.code},
            status=None,
            warning=warnings,
            freshenv=False,
        )
        app.build()
    except SphinxError as exc:
        raise TriglotError(f"Sphinx could not extract the messages: {exc}",
                           path=project.source_dir) from None
    return outdir


def read_template(project: Project, docname: str) -> Catalog:
    """The message template of one document, locations made relative to the project root.

    Messages keep Sphinx's order, which is the document's order.
    """
    from babel.messages.pofile import read_po

    outdir = build_templates(project)
    pot = outdir / f"{docname}.pot"
    if not pot.is_file():
        known = sorted(p.relative_to(outdir).with_suffix("").as_posix()
                       for p in outdir.glob("**/*.pot"))
        raise TriglotError(f"no document {docname!r} in the sources (known: {', '.join(known)})",
                           path=project.source_dir)
    with pot.open("rb") as handle:
        template = read_po(handle)
    for message in template:
        message.locations = [
            (project.relative((outdir / filename).resolve()), lineno)
            for filename, lineno in message.locations
        ]
    return template

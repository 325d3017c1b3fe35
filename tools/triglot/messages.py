"""The English messages of one document, as Sphinx's own gettext builder extracts them.

triglot does not re-implement extraction: it runs the ``gettext`` builder, so the
message ids are exactly the ones Sphinx will look up when it builds a translated site.
Only the document asked for is read (Sphinx's ``include_patterns``, with the root
document it insists on), and its template is kept in the user cache
(``$XDG_CACHE_HOME/triglot/templates``) with the digests of every file it was made
from (``conf.py``, the source, what it includes): an unchanged document is not
extracted again. Locations are written as Sphinx writes them into
``<project>/_build/gettext``, the form ``make gettext`` and sphinx-intl give.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog

from triglot import __version__
from triglot.catalog import read_catalog
from triglot.errors import TriglotError
from triglot.project import Project
from triglot.textio import cache_dir, write_atomic

#: Where ``make gettext`` writes templates: their locations are relative to it.
GETTEXT_DIR = Path("_build") / "gettext"


def read_template(project: Project, docname: str) -> Catalog:
    """The message template of ``docname``, in the document's order."""
    outdir = _template_dir(project)
    pot = outdir / f"{docname}.pot"
    if not _is_fresh(pot):
        _extract(project, docname, outdir)
        if not pot.is_file():
            raise TriglotError(f"no messages to translate in {docname!r}",
                               path=project.source_dir)
    template = read_catalog(pot)
    nominal = project.root.resolve() / GETTEXT_DIR
    for message in template:
        message.locations = [(_relative(os.path.join(outdir, filename), nominal), line)
                             for filename, line in message.locations]
    return template


def _relative(path: str, start: Path) -> str:
    return Path(os.path.relpath(os.path.normpath(path), start)).as_posix()


def _template_dir(project: Project) -> Path:
    where = f"{project.root.resolve()}\0{project.source_dir.resolve()}".encode()
    return cache_dir().resolve() / "templates" / hashlib.sha256(where).hexdigest()[:16]


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _fingerprint(files: list[Path]) -> dict[str, object]:
    from sphinx import __version__ as sphinx_version

    return {"sphinx": sphinx_version, "triglot": __version__,
            "files": {str(path): _digest(path) for path in sorted(set(files))}}


def _is_fresh(pot: Path) -> bool:
    try:
        recorded = json.loads(pot.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not pot.is_file() or not isinstance(recorded, dict):
        return False
    files = [Path(name) for name in recorded.get("files", {})]
    return bool(files) and recorded == _fingerprint(files)


def _extract(project: Project, docname: str, outdir: Path) -> None:
    """Run Sphinx's gettext builder on ``docname`` alone; record what it depended on."""
    from sphinx.application import Sphinx
    from sphinx.errors import SphinxError

    warnings = io.StringIO()
    with tempfile.TemporaryDirectory(prefix="triglot-doctrees-") as doctrees:
        try:
            app = Sphinx(srcdir=project.source_dir, confdir=project.root, outdir=outdir,
                         doctreedir=doctrees, buildername="gettext",
                         confoverrides={"gettext_compact": False,
                                        "language": project.source_language.code},
                         status=None, warning=warnings, freshenv=True)
            known = app.project.discover(app.config.exclude_patterns,
                                         app.config.include_patterns)
            if docname not in known:
                raise TriglotError(f"no document {docname!r} in the sources (known: "
                                   f"{', '.join(sorted(known))})", path=project.source_dir)
            app.config.include_patterns = [
                name + suffix for name in (app.config.root_doc, docname)
                for suffix in app.config.source_suffix]
            app.build()
        except SphinxError as exc:
            raise TriglotError(f"Sphinx could not extract the messages: {exc}",
                               path=project.source_dir) from None
        files = [Path(app.srcdir, app.project.doc2path(docname, absolute=False)),
                 Path(app.confdir, "conf.py")]
        files += [Path(app.srcdir, dependency)
                  for dependency in app.env.dependencies.get(docname, ())]
    record = json.dumps(_fingerprint(files), indent=1, sort_keys=True)
    write_atomic((outdir / f"{docname}.pot").with_suffix(".json"), record.encode("utf-8"))

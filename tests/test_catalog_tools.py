"""Catalogs triglot writes, put through the gettext ecosystem's own tools: GNU gettext's
msgfmt, msgcat and msgmerge, sphinx-intl and polib."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from triglot.catalog import read_catalog
from triglot.catalog.markers import comments_of, import_marker
from triglot.importing import import_translation
from triglot.project import load_project

ROOT = Path(__file__).parent / "roots" / "test-import"
#: Longer than the 76 columns Babel (and so sphinx-intl) wraps comments at, with the marker.
LONG_NAME = "index.as-delivered-by-the-translation-agency-after-review-round-two.ja.txt"
CATALOG = Path("locale/ja/LC_MESSAGES/index.po")
SHORT_ENGLISH = "In IIS6, every application pool is a w3wp.exe worker process."
OLD_ENGLISH = ("In IIS6, every application pool is a w3wp.exe worker process, and the "
               "worker processes of the pools are kept apart from one another.")
LONG_ENGLISH = OLD_ENGLISH.replace("every", "each")

gettext = pytest.mark.skipif(shutil.which("msgmerge") is None,
                             reason="GNU gettext is not installed (Debian: gettext)")


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """test-import with a long sentence, imported into ja from a long-named original, then
    a word of the sentence changed and imported again: a fuzzy entry with a long previous
    msgid and a marker longer than a line."""
    target = tmp_path / "project"
    shutil.copytree(ROOT, target)
    originals = target / "locale" / "originals"
    (originals / "index.ja.txt").rename(originals / LONG_NAME)
    source = target / "docs" / "index.rst"
    english = source.read_text(encoding="utf-8")
    source.write_text(english.replace(SHORT_ENGLISH, OLD_ENGLISH), encoding="utf-8")
    project = load_project(target)
    import_translation(project, "ja", originals / LONG_NAME)
    source.write_text(english.replace(SHORT_ENGLISH, LONG_ENGLISH), encoding="utf-8")
    import_translation(project, "ja", originals / LONG_NAME)
    return target


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run([str(part) for part in command], cwd=cwd, check=True,
                          capture_output=True, text=True)
    return done.stdout


def _templates(project_dir: Path) -> Path:
    """Sphinx's own templates, in ``_build/gettext`` as ``make gettext`` writes them."""
    outdir = project_dir / "_build" / "gettext"
    _run(sys.executable, "-m", "sphinx", "-q", "-b", "gettext", "-c", project_dir,
         project_dir / "docs", outdir)
    return outdir


def test_the_catalog_has_what_the_tools_must_keep(project_dir: Path) -> None:
    text = (project_dir / CATALOG).read_text(encoding="utf-8")
    assert '#| msgid ""\n#| "In IIS6, every application pool is a w3wp.exe worker process' in text
    assert f"# triglot: imported from {LONG_NAME} ¶3 [" in text  # one line, not wrapped
    assert "#: ../../docs/index.rst:" in text  # locations as Sphinx writes them


@gettext
def test_msgfmt_check_accepts_every_catalog_triglot_writes(project_dir: Path) -> None:
    project = load_project(project_dir)
    import_translation(project, "pt_BR", project_dir / "locale/originals/index.pt-BR.txt")
    for path in sorted((project_dir / "locale").glob("*/LC_MESSAGES/*.po")):
        _run("msgfmt", "--check", "-o", "/dev/null", path)


@gettext
def test_msgcat_lays_out_a_triglot_catalog_as_triglot_did(project_dir: Path) -> None:
    path = project_dir / CATALOG
    assert _run("msgcat", path) == path.read_text(encoding="utf-8")


@gettext
def test_msgmerge_previous_changes_only_what_it_takes_from_the_template(
        project_dir: Path) -> None:
    path = project_dir / CATALOG
    merged = _run("msgmerge", "--quiet", "--previous", path, _templates(project_dir) / "index.pot")
    ours = path.read_text(encoding="utf-8").split("\n")
    theirs = merged.split("\n")
    changed = {line for line in set(ours) ^ set(theirs)}
    # msgmerge copies these two header fields from the template, into any catalog
    assert all(line.startswith(('"POT-Creation-Date:', '"Report-Msgid-Bugs-To:'))
               for line in changed), sorted(changed)
    assert len(ours) == len(theirs)


def test_sphinx_intl_update_keeps_what_triglot_needs(project_dir: Path) -> None:
    path = project_dir / CATALOG
    before = read_catalog(path)
    source = project_dir / "docs" / "index.rst"  # sphinx-intl writes only when msgids change
    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n",
                      encoding="utf-8")
    sphinx_intl = Path(sys.executable).with_name("sphinx-intl")
    _run(sphinx_intl, "update", "-p", _templates(project_dir), "-d", project_dir / "locale",
         "-l", "ja")
    text = path.read_text(encoding="utf-8")
    assert f"# triglot: imported from {LONG_NAME} ¶3 [" not in text  # Babel wraps comments
    after = read_catalog(path)
    for message in before:
        if message.id:
            again = after[message.id]
            assert (again.string, again.fuzzy) == (message.string, message.fuzzy)
            assert import_marker(again) == import_marker(message)  # read back whole
            assert not comments_of(again).stray
    project = load_project(project_dir)
    report = import_translation(project, "ja", project_dir / "locale/originals" / LONG_NAME)
    assert report.kept == 0 and not report.unknown_comments  # its entries are still its own
    final = {m.id: (m.string, m.fuzzy) for m in read_catalog(path) if m.id}
    assert final == {**{m.id: (m.string, m.fuzzy) for m in before if m.id},
                     "A new paragraph.": ("", False)}


def test_polib_reads_the_previous_msgid_and_flags_and_its_save_reads_back(
        project_dir: Path) -> None:
    import polib

    path = project_dir / CATALOG
    ours = read_catalog(path)
    theirs = polib.pofile(str(path))
    fuzzy = theirs.find(LONG_ENGLISH)
    assert fuzzy is not None and "fuzzy" in fuzzy.flags
    assert fuzzy.previous_msgid == OLD_ENGLISH
    assert [(e.msgid, e.msgstr, e.fuzzy) for e in theirs] == [
        (m.id, m.string, m.fuzzy) for m in ours if m.id]
    theirs.save()
    saved = read_catalog(path)
    assert saved[LONG_ENGLISH].previous_id == ours[LONG_ENGLISH].previous_id
    assert [(m.id, m.string, sorted(m.flags)) for m in saved] == [
        (m.id, m.string, sorted(m.flags)) for m in ours]

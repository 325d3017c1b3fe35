"""Reading someone else's Sphinx project as sphinx-build reads it (``triglot.project``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from triglot.cli import main
from triglot.errors import TriglotError
from triglot.project import catalog_paths, load_project, project_catalogs

# A conf.py in the style of CPython's: it reads files relative to its own folder, uses
# `tags`, and names no triglot_source_dir (the sources are beside it).
CONF = """\
import os
extensions = [name for name in os.listdir("exts")]
if "draft" in tags:
    project = "draft"
gettext_compact = False
triglot_languages = ["en", "zh_CN", "pt_BR"]
"""


@pytest.fixture
def adopted(tmp_path: Path) -> Path:
    doc = tmp_path / "Doc"
    (doc / "exts").mkdir(parents=True)
    (doc / "conf.py").write_text(CONF, encoding="utf-8")
    (doc / "index.rst").write_text("Title\n=====\n", encoding="utf-8")
    for code in ("zh_CN", "pt_BR"):
        folder = tmp_path / "locales" / code / "LC_MESSAGES" / "tutorial"
        folder.mkdir(parents=True)
        (folder / "index.po").write_text("", encoding="utf-8")
    (tmp_path / "locales" / "pt_BR" / "LC_MESSAGES" / "glossary.po").write_text("")
    return doc


def test_conf_py_is_read_from_its_folder_with_tags_and_overrides(
        adopted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(adopted.parent)  # not conf.py's folder: Sphinx changes into it
    project = load_project(adopted, overrides={"locale_dirs": "../locales"}, tags=["draft"])
    assert project.source_dir.resolve() == adopted.resolve()
    assert [lang.code for lang in project.languages] == ["en", "zh_CN", "pt_BR"]
    assert project.locale_dir.resolve() == (adopted.parent / "locales").resolve()
    assert project.sphinx_options() == ["-Dlocale_dirs=../locales", "-tdraft"]
    # gettext_compact = False: one catalog per document, in the project's own spelling
    assert project.catalog_path(project.languages[1], "tutorial/index").resolve() == (
        adopted.parent / "locales/zh_CN/LC_MESSAGES/tutorial/index.po").resolve()


def test_the_default_catalogs_are_every_catalog_under_the_locale_dirs(adopted: Path) -> None:
    found = project_catalogs(load_project(adopted, overrides={"locale_dirs": "../locales"}))
    assert [path.relative_to(adopted.parent / "Doc/../locales").as_posix()
            for path in found] == ["zh_CN/LC_MESSAGES/tutorial/index.po",
                                   "pt_BR/LC_MESSAGES/glossary.po",
                                   "pt_BR/LC_MESSAGES/tutorial/index.po"]
    with pytest.raises(TriglotError, match=r"no catalogs of zh_CN, pt_BR in .*locales"):
        project_catalogs(load_project(adopted))  # Sphinx's default locale_dirs: Doc/locales


def test_catalog_folders_are_searched_recursively(adopted: Path) -> None:
    locales = adopted.parent / "locales"
    assert len(catalog_paths([locales])) == 3
    assert catalog_paths([locales / "pt_BR/LC_MESSAGES/glossary.po"]) == [
        locales / "pt_BR/LC_MESSAGES/glossary.po"]
    with pytest.raises(TriglotError, match="no such catalog or folder"):
        catalog_paths([locales / "fr"])
    with pytest.raises(TriglotError, match="no catalogs"):
        catalog_paths([adopted / "exts"])


@pytest.mark.parametrize(("conf", "expected"), [
    ("x = 1\ny = tagz\n", "conf.py:2: cannot be read: NameError: name 'tagz' is not defined"),
    ("x = (\n", "conf.py:1: cannot be read: SyntaxError: "),
    ("triglot_languages = ['en', 'xx']\n",
     "conf.py: triglot_languages: unknown language code 'xx'"),
])
def test_a_bad_conf_py_is_one_line_naming_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], conf: str, expected: str) -> None:
    (tmp_path / "conf.py").write_text(conf, encoding="utf-8")
    assert main(["site", "-c", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1 and "Traceback" not in err


def test_site_names_a_missing_source_dir_and_an_unknown_language(
        adopted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["site", str(adopted / "nowhere"), "-c", str(adopted)]) == 2
    assert "nowhere: no source directory here: give it with its SOURCEDIR argument" in (
        capsys.readouterr().err)
    assert main(["site", str(adopted), "-l", "ja"]) == 2
    assert "-l ja: not one of triglot_languages (en, zh_CN, pt_BR)" in capsys.readouterr().err
    assert main(["site", str(adopted), "-D", "language"]) == 2
    assert "-D language: expected name=value" in capsys.readouterr().err


def test_the_readme_lists_every_configuration_value_as_declared() -> None:
    from triglot.sphinxext.core.config import reference_table

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert reference_table() in readme

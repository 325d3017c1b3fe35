"""The theme's compiled templates kept in the doctree folder: reused by the next build,
compiled again when a template changes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment
from triglot.sphinxext.core.theme_templates import FOLDER


def test_a_rebuild_uses_the_compiled_templates_and_follows_an_edited_one(
        rootdir: Path, tmp_path: Path, sphinx_html: Callable[..., Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-site", source)
    (source / "_templates").mkdir()
    layout = source / "_templates" / "layout.html"
    layout.write_text('{% extends "!layout.html" %}{% block footer %}first{% endblock %}\n',
                      encoding="utf-8")
    doctrees = tmp_path / "doctrees"
    build = ["-D", "templates_path=_templates"]
    sphinx_html(source, tmp_path / "out", "en", *build, doctrees=doctrees)
    cached = sorted(doctrees.glob(f"{FOLDER}/*/*.cache"))
    assert len(cached) > 3  # the project's layout, the theme's and what they include
    assert "first" in (tmp_path / "out" / "article.html").read_text(encoding="utf-8")
    layout.write_text('{% extends "!layout.html" %}{% block footer %}second{% endblock %}\n',
                      encoding="utf-8")
    compiled = []
    compile_template = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None,
                 *args: object, **kwargs: object) -> object:
        compiled.append(name)
        return compile_template(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    sphinx_html(source, tmp_path / "out", "en", *build, doctrees=doctrees)
    # the edited template; the theme's came from the cache (strings are not cached: static
    # files' templates)
    assert [name for name in compiled if name] == ["layout.html"]
    page = (tmp_path / "out" / "article.html").read_text(encoding="utf-8")
    assert "second" in page and "first" not in page
    assert sorted(doctrees.glob(f"{FOLDER}/*/*.cache")) == cached


def test_builds_of_several_languages_share_one_compile_of_the_theme(
        rootdir: Path, tmp_path: Path, sphinx_html: Callable[..., Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-site", source)
    shared = tmp_path / "shared"
    option = ["-D", f"triglot_template_cache={shared}"]
    sphinx_html(source, tmp_path / "en", "en", *option, doctrees=tmp_path / "d-en")
    assert len(list(shared.glob("*/*.cache"))) > 3
    assert not (tmp_path / "d-en" / FOLDER).exists()
    compiled: list[str | None] = []
    compile_template = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None,
                 *args: object, **kwargs: object) -> object:
        if isinstance(self, SandboxedEnvironment):  # Sphinx's, not the extension's own
            compiled.append(name)
        return compile_template(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    sphinx_html(source, tmp_path / "ja", "ja", *option, doctrees=tmp_path / "d-ja")
    assert [name for name in compiled if name] == []  # the English build's, loaded
    # a build whose templates are compiled against other filters compiles its own
    with open(source / "conf.py", "a", encoding="utf-8") as conf:
        conf.write("\ndef setup(app):\n    app.connect('builder-inited', lambda app: "
                   "app.builder.templates.environment.filters.update(shout=str.upper))\n")
    sphinx_html(source, tmp_path / "pt", "pt_BR", *option, doctrees=tmp_path / "d-pt")
    assert "page.html" in compiled


def test_a_cache_folder_that_cannot_be_made_is_a_warning_not_a_failure(
        rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sphinx.locale
    from sphinx.cmd.build import build_main

    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-site", source)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    sphinx.locale.translators.clear()
    status = build_main(["-b", "html", "-q", "-d", str(tmp_path / "doctrees"),
                         "-D", f"triglot_template_cache={blocker / 'cache'}",
                         str(source), str(tmp_path / "out")])
    sphinx.locale.translators.clear()
    err = capsys.readouterr().err
    assert status == 0 and (tmp_path / "out" / "article.html").is_file()
    assert f"conf.py:1: WARNING: triglot_template_cache: cannot keep compiled templates in " \
           f"{blocker / 'cache'} (Not a directory); building without" in err
    assert "[triglot.template-cache]" in err

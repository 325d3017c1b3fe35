"""The CI recipes other projects copy (examples/ci/, .pre-commit-hooks.yaml) run as written."""

from __future__ import annotations

import json
import re
import shlex
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from triglot.cli import main

ROOT = Path(__file__).resolve().parents[1]
MINI_TERMBASE = ROOT / "tests/data/terms/mini.yaml"
HEADER = ('msgid ""\nmsgstr ""\n"Language: pt_BR\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
FORBIDDEN = 'msgid "It listens on a named pipe."\nmsgstr "Ele escuta em um canal nomeado."\n'
CLEAN = 'msgid "It listens on a named pipe."\nmsgstr "Ele escuta em um pipe nomeado."\n'


def _catalog(folder: Path, body: str) -> Path:
    path = folder / "locale/pt_BR/LC_MESSAGES/doc.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _steps(workflow: dict[str, Any], prefix: str) -> list[str]:
    return [" ".join(step["run"].split()) for job in workflow["jobs"].values()
            for step in job["steps"] if step.get("run", "").lstrip().startswith(prefix)]


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "examples/ci/github-actions-docs.yml").read_text("utf-8"))


def test_pre_commit_hook_runs_triglot_check_on_the_changed_catalogs(tmp_path: Path, capsys,
                                                                    monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    command, *entry_args = shlex.split(hook["entry"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert command in scripts  # pre-commit installs the package and runs its console script
    files = re.compile(hook["files"])
    assert files.search("locale/ja/LC_MESSAGES/library/os.po")
    assert not files.search("docs/index.rst") and not files.search("build/gettext/index.pot")

    # pre-commit appends the user's args and then the changed files that match `files`.
    monkeypatch.chdir(tmp_path)
    args = [*entry_args, "--glossary", str(MINI_TERMBASE)]
    bad = _catalog(tmp_path / "bad", FORBIDDEN)
    assert main([*args, str(bad.relative_to(tmp_path))]) == 1
    assert "bad/locale/pt_BR/LC_MESSAGES/doc.po:6: term-forbidden" in capsys.readouterr().out
    assert main([*args, str(_catalog(tmp_path / "clean", CLEAN))]) == 0


def test_workflow_terminology_step_writes_sarif_with_the_finding(
        tmp_path: Path, monkeypatch, workflow: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    (run,) = _steps(workflow, "triglot check")
    argv = shlex.split(run)[1:]
    # The step's own paths (termbase, catalogs) stand for the adopting project's: point them
    # at a small project laid out the same way.
    glossary = argv[argv.index("--glossary") + 1]
    (tmp_path / glossary).parent.mkdir(parents=True)
    (tmp_path / glossary).write_bytes(MINI_TERMBASE.read_bytes())
    _catalog(tmp_path, FORBIDDEN)  # under locale/, the folder the step names
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1

    output = argv[argv.index("--output") + 1]
    (result,) = json.loads((tmp_path / output).read_text("utf-8"))["runs"][0]["results"]
    assert result["ruleId"] == "term-forbidden"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "locale/pt_BR/LC_MESSAGES/doc.po"
    assert location["region"]["startLine"] == 6

    upload = [step for job in workflow["jobs"].values() for step in job["steps"]
              if "upload-sarif" in step.get("uses", "")]
    assert upload and upload[0]["with"]["sarif_file"] == output


def test_workflow_builds_each_language_strictly(workflow: dict[str, Any]) -> None:
    from sphinx.cmd.build import get_parser

    (run,) = _steps(workflow, "sphinx-build")
    languages = workflow["jobs"]["build"]["strategy"]["matrix"]["language"]
    for language in languages:
        argv = shlex.split(run.replace("${{ matrix.language }}", language))[1:]
        options = get_parser().parse_args(argv)
        assert options.warningiserror and options.builder == "html"
        assert f"language={language}" in options.define
        assert options.outputdir.endswith(language)

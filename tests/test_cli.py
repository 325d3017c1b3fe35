"""The ``triglot`` command's dispatch (triglot.cli): one subcommand per module of
triglot.commands, and the exit codes of the module docstring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from triglot import __version__
from triglot.cli import _command_modules, main
from triglot.errors import TriglotError

TOOLS = str(Path(__file__).parents[1] / "tools")


def test_every_command_module_is_a_subcommand_with_its_help(capsys) -> None:
    modules = _command_modules()
    names = [module.NAME for module in modules]
    assert {"arch", "screenshots", "site"} <= set(names)
    assert len(names) == len(set(names))
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    listing = " ".join(capsys.readouterr().out.split())  # as argparse wrapped it
    for module in modules:
        assert f"{module.NAME} {module.HELP}" in listing
        with pytest.raises(SystemExit) as caught:
            main([module.NAME, "--help"])
        assert caught.value.code == 0
        assert capsys.readouterr().out.startswith(f"usage: triglot {module.NAME}")


def test_version_and_usage_errors(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"triglot {__version__}\n"
    for argv in ([], ["no-such-command"], ["arch", "run"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2, argv
        assert "usage: triglot" in capsys.readouterr().err


@pytest.mark.parametrize(("raised", "status", "stderr"), [
    (TriglotError("unknown status 'maybe'", "g.yaml", 4), 2,
     "triglot arch: error: g.yaml:4: unknown status 'maybe'\n"),
    (KeyboardInterrupt(), 130, ""),
    (BrokenPipeError(), 0, ""),  # a reader such as head(1) went away
])
def test_what_a_command_raises_becomes_its_exit_code(monkeypatch, capsys, raised, status,
                                                     stderr) -> None:
    from triglot.commands import arch

    def run(_args: object) -> int:
        raise raised

    monkeypatch.setattr(arch, "run", run)
    assert main(["arch", "claims", "x.py"]) == status
    assert capsys.readouterr().err == stderr


def test_a_command_s_own_status_is_the_exit_code(monkeypatch) -> None:
    from triglot.commands import arch

    monkeypatch.setattr(arch, "run", lambda _args: 1)
    assert main(["arch", "claims", "x.py"]) == 1


def test_python_dash_m_triglot_is_the_command() -> None:
    done = subprocess.run([sys.executable, "-m", "triglot", "--version"], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": TOOLS})
    assert (done.returncode, done.stdout) == (0, f"triglot {__version__}\n")

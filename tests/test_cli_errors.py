"""What the command line makes of errors: one line on stderr, exit 2, never a traceback."""

from __future__ import annotations

import argparse
import errno
import os

import pytest
from triglot import cli
from triglot.errors import TriglotError


def _run_raising(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    def run(args: argparse.Namespace) -> int:
        raise error

    parser = cli.build_parser()
    real = parser.parse_args
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    monkeypatch.setattr(parser, "parse_args", lambda argv: argparse.Namespace(
        **{**vars(real(argv)), "run": run}))


def test_control_characters_in_a_message_are_escaped(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _run_raising(monkeypatch, TriglotError('duplicate message "\x1b]0;owned\x07\nfake"',
                                           path="x.po", line=3))
    assert cli.main(["export", "x.po"]) == 2
    assert capsys.readouterr().err == (
        'triglot export: error: x.po:3: duplicate message "\\x1b]0;owned\\x07\\nfake"\n')


def test_an_os_error_is_one_line_naming_the_file(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _run_raising(monkeypatch, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "out.tmx"))
    assert cli.main(["export", "x.po"]) == 2
    assert capsys.readouterr().err == "triglot export: error: out.tmx: No space left on device\n"


def test_a_closed_pipe_is_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _run_raising(monkeypatch, BrokenPipeError(errno.EPIPE, "Broken pipe"))
    assert cli.main(["export", "x.po"]) == 0

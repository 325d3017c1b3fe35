"""The ``triglot`` command: dispatches to the modules of :mod:`triglot.commands`.

Exit codes: 0 success, 1 findings (``check``), 2 usage or input error. Input errors are
one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from triglot import __version__, commands
from triglot.errors import TriglotError
from triglot.textio import printable


def _command_modules() -> list[ModuleType]:
    names = sorted(info.name for info in pkgutil.iter_modules(commands.__path__))
    return [importlib.import_module(f"{commands.__name__}.{name}") for name in names]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="triglot",
        description="Align, check and build documentation written in several languages.",
    )
    parser.add_argument("--version", action="version", version=f"triglot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except TriglotError as exc:
        return _fail(args.command, str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # one not met as a TriglotError: still the user's system's
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(args.command, f"{where}{exc.strerror or exc}")


def _fail(command: str, message: str) -> int:
    print(f"triglot {command}: error: {printable(message)}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())

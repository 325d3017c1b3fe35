"""``triglot arch``: run requests through an architecture model, crash its processes."""

from __future__ import annotations

import argparse

NAME = "arch"
HELP = "run a request through an architecture model, or show the effect of a crash"

MODEL_HELP = (
    "the model as FILE.py:NAME, where FILE.py defines NAME at module level "
    "(e.g. docs/architecture/iis.py:IIS6)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "examples:\n"
        "  triglot arch run docs/architecture/iis.py:IIS6 GET /app1/default.aspx\n"
        "  triglot arch crash docs/architecture/iis.py:IIS6 AppPool1\n"
        "  triglot arch claims docs/architecture/iis.py"
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    run = actions.add_parser("run", help="print the trace of one request")
    run.add_argument("model", help=MODEL_HELP)
    run.add_argument("method", help="the request method, e.g. GET")
    run.add_argument("path", help="the request path, e.g. /app1/default.aspx")
    crash = actions.add_parser(
        "crash", help="run the model's requests right after a crash and after recovery"
    )
    crash.add_argument("model", help=MODEL_HELP)
    crash.add_argument("process", help="the id of the process to crash, e.g. AppPool1")
    crash.add_argument(
        "--request", action="append", metavar="'METHOD PATH'",
        help="a request to run (repeatable; default: the requests the model declares)",
    )
    claims = actions.add_parser("claims", help="check every claim of a model file")
    claims.add_argument("file", help="a model file defining CLAIMS")


def run(args: argparse.Namespace) -> int:
    from triglot.architecture.claims import check_all
    from triglot.architecture.executor import Simulation, crash_report
    from triglot.architecture.loader import claims_of, load_model, load_module

    if args.action == "run":
        print(Simulation(load_model(args.model)).run(f"{args.method} {args.path}").describe())
    elif args.action == "crash":
        print(crash_report(load_model(args.model), args.process, args.request).describe())
    else:
        for claim, verdict in check_all(claims_of(load_module(args.file))):
            print(f"true  [{claim.model.name}] {claim.statement} ({verdict.reason})")
    return 0

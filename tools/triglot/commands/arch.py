"""``triglot arch``: run requests through an architecture model, crash its processes."""

from __future__ import annotations

import argparse

NAME = "arch"
HELP = "run a request through an architecture model, or show the effect of a crash"

MODEL_HELP = (
    "the model as FILE.py:NAME, where FILE.py defines NAME at module level "
    "(e.g. models/shop.py:SHOP)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "examples:\n"
        "  triglot arch run models/shop.py:SHOP GET /cart/index.html\n"
        "  triglot arch crash models/shop.py:SHOP cart\n"
        "  triglot arch claims models/shop.py"
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--time-limit", type=float, default=10.0, metavar="SECONDS",
                        help="how long the model file's code may run (default: 10; 0 for "
                        "no limit)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    run = actions.add_parser("run", help="print the trace of one request")
    run.add_argument("model", help=MODEL_HELP)
    run.add_argument("method", help="the request method, e.g. GET")
    run.add_argument("path", help="the request path, e.g. /cart/index.html")
    crash = actions.add_parser(
        "crash", help="run the model's requests right after a crash and after recovery"
    )
    crash.add_argument("model", help=MODEL_HELP)
    crash.add_argument("process", help="the id of the process to crash, e.g. cart")
    crash.add_argument(
        "--request", action="append", metavar="'METHOD PATH'",
        help="a request to run (repeatable; default: the requests the model declares)",
    )
    claims = actions.add_parser("claims", help="check every claim of a model file")
    claims.add_argument("file", help="a model file defining CLAIMS")


def run(args: argparse.Namespace) -> int:
    from triglot.architecture.claims import check_all
    from triglot.architecture.executor import Simulation, crash_report
    from triglot.architecture.loader import claims_of, load_model, load_module, model_code

    path = args.file if args.action == "claims" else args.model.rpartition(":")[0]
    with model_code(path or args.model, args.time_limit):
        if args.action == "run":
            trace = Simulation(load_model(args.model)).run(f"{args.method} {args.path}")
            print(trace.describe())
        elif args.action == "crash":
            print(crash_report(load_model(args.model), args.process, args.request).describe())
        else:
            for claim, verdict in check_all(claims_of(load_module(args.file))):
                print(f"true  [{claim.model.name}] {claim.statement} ({verdict.reason})")
    return 0

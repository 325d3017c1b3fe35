"""The architecture engine: routing, boundaries, lifecycle, crashes, claims, model errors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from triglot.architecture import claims
from triglot.architecture.executor import Simulation, crash_report
from triglot.architecture.loader import load_model
from triglot.architecture.model import (
    FIRST_REQUEST,
    IN_PROCESS,
    KERNEL_QUEUE,
    NAMED_PIPE,
    Model,
)
from triglot.errors import TriglotError

REPO = Path(__file__).resolve().parent.parent
IIS = REPO / "docs" / "architecture" / "iis.py"
ARTICLE = REPO.parent / "shared" / "seeds" / "iis-aspnet.en.txt"


def load_iis():
    spec = importlib.util.spec_from_file_location("iis_models", IIS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def iis():
    return load_iis()


def here() -> int:
    """The line of the caller."""
    import inspect

    return inspect.stack()[1].lineno


def test_routing_by_virtual_path_and_extension(iis):
    sim = Simulation(iis.IIS6)
    assert sim.run("GET /app2/default.aspx").served_by.id == "AppPool2/runtime"
    assert sim.run("GET /app1/logo.gif").served_by.id == "AppPool1"
    assert sim.run("GET /other/default.aspx").served_by.id == "DefaultAppPool/runtime"
    # /app10 is not under /app1: path prefixes match whole segments.
    assert sim.run("GET /app10/x.aspx").served_by.id == "DefaultAppPool/runtime"


def test_hops_record_process_and_kernel_boundaries(iis):
    hops = Simulation(iis.IIS6).run("GET /app1/default.aspx").hops
    assert [(h.channel, h.crosses_kernel, h.crosses_process) for h in hops] == [
        (KERNEL_QUEUE, True, True),
        (IN_PROCESS, False, False),
        (IN_PROCESS, False, False),
    ]
    iis5 = Simulation(iis.IIS5).run("GET /app1/default.aspx").hops
    assert [(h.channel, h.crosses_process, h.crosses_kernel) for h in iis5] == [
        (IN_PROCESS, False, False),
        (NAMED_PIPE, True, False),
    ]


def test_first_request_starts_the_worker_once(iis):
    sim = Simulation(iis.IIS5)
    assert "aspnet_wp" not in sim.running
    assert sim.run("GET /index.html").events == ()  # static content does not start it
    first = sim.run("GET /app1/default.aspx")
    assert [(e.kind, e.process.id, e.by.id, e.at_hop) for e in first.events] == [
        ("start", "aspnet_wp", "aspnet_isapi", 2)
    ]
    assert sim.run("GET /app2/default.aspx").events == ()


def test_crash_isolation_and_restart_in_iis6(iis):
    report = crash_report(iis.IIS6, "AppPool1")
    assert [t.ok for t in report.during] == [False, True, True]
    assert report.during[0].failure == "AppPool1 has crashed"
    assert [(e.kind, e.process.id, e.by.id) for e in report.recovery] == [
        ("restart", "AppPool1", "monitor")
    ]
    assert all(t.ok for t in report.after)


def test_crash_of_inetinfo_stops_everything_in_iis5_but_nothing_in_iis6(iis):
    assert not any(t.ok for t in crash_report(iis.IIS5, "inetinfo").during)
    assert all(t.ok for t in crash_report(iis.IIS6, "inetinfo").during)


def test_crashed_first_request_worker_comes_back_on_next_request(iis):
    report = crash_report(iis.IIS5, "aspnet_wp")
    assert [t.ok for t in report.during] == [False, False, True]
    assert report.recovery == ()
    assert report.after[0].events[0].kind == "start"


def test_every_article_claim_holds(iis):
    # Each claim checked on its own (check_all stops at the first false one): a failure
    # names every false claim.
    verdicts = [(claim.statement, claim.check()) for claim in iis.CLAIMS]
    assert len(verdicts) >= 8
    assert [(statement, verdict) for statement, verdict in verdicts if not verdict.ok] == []


@pytest.mark.skipif(not ARTICLE.exists(), reason="the shared seeds are absent")
def test_every_claim_quotes_a_sentence_of_the_article(iis):
    article = ARTICLE.read_text(encoding="utf-8")
    for claim in iis.CLAIMS:
        assert claim.sentence and claim.sentence in article, claim.statement


FALSE_CLAIMS = [
    ("isolated", ("IIS5_HIGH", "APP1", "APP2"), "share aspnet_wp"),
    ("avoids", ("IIS5", "inetinfo", "APP1"), "passes through inetinfo"),
    ("survives_crash", ("IIS5", "inetinfo"), "every request of the model goes through"),
    ("started_on_first_request", ("IIS6", "inetinfo", "APP1"), "already runs before any"),
    ("started_on_first_request", ("IIS5", "aspnet_wp", "GET /index.html"), "does not start"),
    ("restarted_after_crash", ("IIS5", "aspnet_wp", "APP1"), "no health monitor restarts"),
    ("crosses", ("IIS6", "NAMED_PIPE"), "never crosses a named pipe"),
    ("served_in", ("IIS6", "AppPool1", "APP1", "APP2"), "is not served in AppPool1"),
    ("in_process", ("IIS5", "aspnet_isapi", "runtime", "APP1"), "live in different processes"),
]


@pytest.mark.parametrize(("kind", "arguments", "reason"), FALSE_CLAIMS)
def test_each_kind_of_claim_can_be_false(iis, kind, arguments, reason):
    # names of the models file's constants are looked up there; other words are as written
    values = [getattr(iis, name, name) for name in arguments]
    verdict = getattr(claims, kind)("A false statement.", *values).check()
    assert not verdict.ok
    assert reason in verdict.reason


def test_a_claim_about_an_extension_no_request_has_is_false(iis):
    verdict = claims.crosses("x", iis.IIS6, iis.NAMED_PIPE, extension=".xyz").check()
    assert (verdict.ok, verdict.reason) == (False, "no request ends with .xyz")


def test_false_claim_names_claim_model_and_trace(iis):
    claim = claims.in_process(
        "In IIS5 the ISAPI extension and the runtime share a process.",
        iis.IIS5, "aspnet_isapi", "runtime", "GET /app1/default.aspx",
    )
    line = here() - 4
    with pytest.raises(claims.ClaimFailed) as caught:
        claims.check_all([claim])
    message = str(caught.value)
    assert message.startswith(f"{__file__}:{line}: claim 'In IIS5 the ISAPI")
    assert "false of model IIS5 (low isolation)" in message
    assert "aspnet_isapi -> runtime over named pipe [process boundary]" in message


def tiny() -> Model:
    model = Model("Tiny")
    front = model.process("front")
    back = model.process("back", start=FIRST_REQUEST, serves=True)
    model.entry(front).route(front, back, NAMED_PIPE, extension=".aspx")
    return model


def test_unknown_component_names_where_it_is_used():
    model = tiny()
    with pytest.raises(TriglotError) as caught:
        model.route("front", "nowhere", IN_PROCESS)
    assert caught.value.path == __file__ and caught.value.line == here() - 1
    assert "unknown component 'nowhere' as rule target" in caught.value.message


def test_routing_cycle_is_reported_at_the_closing_rule():
    model = tiny()
    model.route("back", "front", NAMED_PIPE)
    line = here() - 1
    with pytest.raises(TriglotError, match=r"routing cycle (front -> back -> front|back -> "
                       r"front -> back)") as caught:
        Simulation(model)
    assert caught.value.line == line


def test_request_that_no_rule_routes_names_the_component():
    model = tiny()
    with pytest.raises(TriglotError, match=r"no rule routes GET /a.html at component 'front'"):
        Simulation(model).run("GET /a.html")


def test_claim_about_a_missing_component_fails_at_its_declaration():
    with pytest.raises(TriglotError) as caught:
        claims.served_in("served by ghost", tiny(), "ghost", "GET /a.aspx")
    assert caught.value.line == here() - 1 and caught.value.path == __file__


def test_channel_must_fit_the_boundary():
    model = tiny()
    with pytest.raises(TriglotError, match="in-process channel cannot cross"):
        model.route("front", "back", IN_PROCESS)
    driver = model.driver("drv")
    with pytest.raises(TriglotError, match="goes from kernel mode to user mode"):
        model.route("front", driver, KERNEL_QUEUE)


def test_load_model_syntax_errors(tmp_path):
    with pytest.raises(TriglotError, match="expected FILE.py:NAME"):
        load_model("iis.py")
    with pytest.raises(TriglotError, match="no model named 'IIS7'"):
        load_model(f"{IIS}:IIS7")
    broken = tmp_path / "broken.py"
    broken.write_text("x = (\n", encoding="utf-8")
    with pytest.raises(TriglotError) as caught:
        load_model(f"{broken}:X")
    assert caught.value.path == str(broken) and caught.value.line == 1


def test_cli_run_and_crash(capsys):
    from triglot.cli import main

    assert main(["arch", "run", f"{IIS}:IIS6", "GET", "/app1/default.aspx"]) == 0
    out = capsys.readouterr().out
    assert "1. http.sys -> AppPool1 over kernel queue [kernel/user boundary, process boundary]" \
        in out
    assert main(["arch", "crash", f"{IIS}:IIS6", "AppPool2"]) == 0
    out = capsys.readouterr().out
    recovery = out[out.index("recovery:"):]
    assert "GET /app2/default.aspx: FAILED: AppPool2 has crashed" in out
    assert "AppPool2 is restarted by monitor (health monitoring)" in recovery
    assert "GET /app2/default.aspx: ok again (served by AppPool2/runtime)" in recovery
    assert main(["arch", "crash", f"{IIS}:IIS5", "aspnet_wp"]) == 0
    recovery = capsys.readouterr().out.split("recovery:")[1]
    assert "no health monitor restarts aspnet_wp" in recovery
    assert "GET /app1/default.aspx: ok again (served by runtime); starts aspnet_wp" in recovery
    assert main(["arch", "crash", f"{IIS}:IIS6", "http.sys"]) == 2
    assert "only a process can crash" in capsys.readouterr().err


def test_arch_help_examples_run_on_a_model_of_any_project(tmp_path, monkeypatch, capsys):
    # the help names no model of this repository, and its examples work as written
    import argparse

    from triglot.cli import main
    from triglot.commands import arch

    helps = []
    for action in ([], ["run"], ["crash"], ["claims"]):
        with pytest.raises(SystemExit):
            main(["arch", *action, "--help"])
        helps.append(capsys.readouterr().out)
    assert "/cart/index.html" in helps[1] and "e.g. cart" in helps[2]
    assert not [text for text in helps if "iis" in text.lower() or "aspx" in text.lower()]
    parser = argparse.ArgumentParser(prog="triglot arch")
    arch.add_arguments(parser)
    assert parser.epilog is not None and parser.epilog in helps[0]
    examples = [line.split()[1:] for line in parser.epilog.splitlines()
                if line.startswith("  triglot arch ")]
    assert [args[1] for args in examples] == ["run", "crash", "claims"]
    (tmp_path / "models").mkdir()
    fixture = Path(__file__).parent / "roots" / "test-architecture" / "architecture" / "shop.py"
    (tmp_path / "models" / "shop.py").write_text(
        fixture.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    outputs = []
    for args in examples:
        assert main(args) == 0, args
        outputs.append(capsys.readouterr().out)
    assert "served by cart" in outputs[0]
    assert "GET /cart/a.page: FAILED: cart has crashed" in outputs[1]
    assert outputs[2].count("true  [Shop]") == 2


def test_descriptions_say_what_starts_what_fails_and_each_route_once():
    from triglot.architecture.describe import describe_models, describe_trace

    model = tiny()
    model.route("front", "back", NAMED_PIPE, path="/shop")  # the same link as the .aspx rule
    simulation = Simulation(model)
    assert describe_trace(simulation.run("GET /a.aspx")) == [
        "front → back: named pipe; crosses a process boundary; starts back."]
    simulation.crash("back")
    failed = describe_trace(simulation.run("GET /a.aspx"))
    assert failed[-1] == "The request fails: back has crashed."
    sentences = describe_models([model])
    assert sentences.count("Tiny: front → back: named pipe.") == 1
    assert "Tiny: front, user mode." in sentences


def _module_into_a_driver(model: Model) -> None:
    model.driver("drv").module("m")


def _duplicate_id(model: Model) -> None:
    model.process("front")


def _unknown_start(model: Model) -> None:
    model.process("p", start="on-tuesdays")


def _other_models_component(model: Model) -> None:
    model.route("front", Model("Other").process("x"), NAMED_PIPE)


def _same_process_pipe(model: Model) -> None:
    model.route("front", model.components["front"].module("m"), NAMED_PIPE)


@pytest.mark.parametrize(("build", "problem"), [
    (_module_into_a_driver, "module 'm' loaded into 'drv', which is a driver, not a process"),
    (_duplicate_id, "component 'front' declared twice (first at "),
    (_unknown_start, "process 'p' has unknown start 'on-tuesdays'"),
    (_other_models_component, "rule target 'x' belongs to model Other"),
    (_same_process_pipe, "rule 'front' -> 'm': a named pipe needs two different processes"),
])
def test_each_model_error_names_the_line_that_makes_it(build, problem):
    model = tiny()
    with pytest.raises(TriglotError) as caught:
        build(model)
    assert caught.value.path == __file__
    assert caught.value.line == build.__code__.co_firstlineno + 1
    assert problem in caught.value.message


def test_a_model_without_entry_point_and_how_rules_and_components_read():
    from triglot.architecture.model import Condition

    model = Model("Bare")
    front = model.process("front")
    with pytest.raises(TriglotError, match="model Bare: no entry point declared"):
        model.check()
    back = model.process("back")
    model.entry(front).route(front, back, NAMED_PIPE, extension="ASPX", path="/app/")
    when = model.rules[0].when
    assert str(when) == "*.aspx and /app/*"
    assert when.matches("/app/x.ASPX")
    assert not when.matches("/apple/x.aspx") and not when.matches("/app/x.html")
    assert str(Condition()) == "every request"
    assert repr(back) == "<process 'back' of Bare>"
    assert str(back.origin) == f"{__file__}:{back.origin.line}"

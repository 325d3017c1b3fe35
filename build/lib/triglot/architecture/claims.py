"""Claims of a text, stated as assertions on a model and checked by running it.

Each factory returns a :class:`Claim`; components are resolved when the claim is declared,
so a claim about a component that does not exist fails there, naming its file and line.

>>> from triglot.architecture.model import Model, IN_PROCESS
>>> m = Model("Tiny")
>>> web = m.process("web")
>>> app = web.module("app", serves=True)
>>> _ = m.entry(web).route(web, app, IN_PROCESS).request("GET", "/x")
>>> verdict = in_process("web talks to app in process", m, "web", "app", "GET /x").check()
>>> verdict.ok, verdict.reason
(True, 'web and app share process web')
>>> served_in("served elsewhere", m, "nowhere", "GET /x")
Traceback (most recent call last):
...
triglot.errors.TriglotError: <doctest ...>:1: model Tiny: unknown component 'nowhere' ...
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from triglot.architecture.executor import Simulation, Trace, crash_report
from triglot.architecture.model import ChannelKind, Component, Model, Origin, _caller_origin
from triglot.errors import TriglotError


@dataclass(frozen=True)
class Verdict:
    """The result of a claim: true or false, why, and the trace that shows it."""

    ok: bool
    reason: str
    trace: Trace | None = None


@dataclass(frozen=True, eq=False)
class Claim:
    """A statement of the text, the model it is about, and how to check it."""

    statement: str
    model: Model
    sentence: str
    origin: Origin
    test: Callable[[], Verdict]

    def check(self) -> Verdict:
        return self.test()


class ClaimFailed(TriglotError):
    """A claim is false of its model: names the claim, the model and the failing trace."""

    def __init__(self, claim: Claim, verdict: Verdict) -> None:
        self.claim = claim
        self.verdict = verdict
        message = (
            f"claim {claim.statement!r} is false of model {claim.model.name}: {verdict.reason}"
        )
        if verdict.trace is not None:
            message += "\n" + verdict.trace.describe()
        super().__init__(message, claim.origin.path, claim.origin.line)


def check_all(claims: Sequence[Claim]) -> list[tuple[Claim, Verdict]]:
    """Check every claim; raise :class:`ClaimFailed` for the first false one."""
    results = []
    for claim in claims:
        verdict = claim.check()
        if not verdict.ok:
            raise ClaimFailed(claim, verdict)
        results.append((claim, verdict))
    return results


def _claim(statement: str, model: Model, sentence: str, test: Callable[[], Verdict]) -> Claim:
    return Claim(statement, model, sentence, _caller_origin(), test)


def _requests(model: Model, requests: Sequence[str]) -> list[str]:
    chosen = list(requests) or [f"{m} {p}" for m, p in model.requests]
    if not chosen:
        origin = _caller_origin()
        raise TriglotError(
            f"model {model.name}: the claim names no request and the model declares none",
            origin.path,
            origin.line,
        )
    return chosen


def _first_failure(
    traces: Sequence[Trace], predicate: Callable[[Trace], str | None], success: str
) -> Verdict:
    for trace in traces:
        problem = predicate(trace)
        if problem is not None:
            return Verdict(False, problem, trace)
    return Verdict(True, success, traces[0] if traces else None)


def in_process(
    statement: str, model: Model, a: str, b: str, request: str, sentence: str = ""
) -> Claim:
    """``a`` and ``b`` both handle ``request`` and live in the same process."""
    first, second = model.component(a), model.component(b)

    def test() -> Verdict:
        trace = Simulation(model).run(request)
        visited = trace.components() + trace.processes()
        for component in (first, second):
            if component not in visited:
                return Verdict(False, f"{component.id} does not handle {request}", trace)
        if first.process is not second.process:
            return Verdict(False, f"{a} and {b} live in different processes", trace)
        assert first.process is not None
        return Verdict(True, f"{a} and {b} share process {first.process.id}", trace)

    return _claim(statement, model, sentence, test)


def crosses(
    statement: str,
    model: Model,
    channel: ChannelKind,
    *,
    extension: str | None = None,
    requests: Sequence[str] = (),
    sentence: str = "",
) -> Claim:
    """Every request (of the model, or given; optionally with ``extension``) uses ``channel``."""
    chosen = [r for r in _requests(model, requests) if extension is None or r.endswith(extension)]

    def test() -> Verdict:
        if not chosen:
            return Verdict(False, f"no request ends with {extension}")
        sim = Simulation(model)
        return _first_failure(
            [sim.run(r) for r in chosen],
            lambda t: None
            if any(h.channel == channel for h in t.hops)
            else f"{t.request} never crosses a {channel.name}",
            f"all {len(chosen)} requests cross a {channel.name}",
        )

    return _claim(statement, model, sentence, test)


def served_in(
    statement: str, model: Model, process: str, *requests: str, sentence: str = ""
) -> Claim:
    """Every one of ``requests`` is served inside ``process``."""
    target = _process(model, process)

    def test() -> Verdict:
        sim = Simulation(model)
        return _first_failure(
            [sim.run(r) for r in requests],
            lambda t: None
            if t.served_by is not None and t.served_by.process is target
            else f"{t.request} is not served in {process}",
            f"{len(requests)} requests served in {process}",
        )

    return _claim(statement, model, sentence, test)


def isolated(statement: str, model: Model, *requests: str, sentence: str = "") -> Claim:
    """Each of ``requests`` is served in a process of its own."""

    def test() -> Verdict:
        sim = Simulation(model)
        owners: dict[str, Trace] = {}
        for trace in [sim.run(r) for r in requests]:
            owner = trace.served_by.process if trace.served_by else None
            if owner is None:
                return Verdict(False, f"{trace.request} is not served", trace)
            if owner.id in owners:
                return Verdict(
                    False, f"{trace.request} and {owners[owner.id].request} share {owner.id}",
                    trace,
                )
            owners[owner.id] = trace
        return Verdict(True, f"{len(owners)} requests in {len(owners)} processes")

    return _claim(statement, model, sentence, test)


def avoids(statement: str, model: Model, component: str, request: str, sentence: str = "") -> Claim:
    """``request`` is served without passing through ``component``."""
    target = model.component(component)

    def test() -> Verdict:
        trace = Simulation(model).run(request)
        if not trace.ok:
            return Verdict(False, f"{request} fails", trace)
        hosts = {c.id for c in trace.components()} | {p.id for p in trace.processes()}
        if target.id in hosts:
            return Verdict(False, f"{request} passes through {component}", trace)
        return Verdict(True, f"{request} never reaches {component}", trace)

    return _claim(statement, model, sentence, test)


def survives_crash(statement: str, model: Model, process: str, sentence: str = "") -> Claim:
    """After a crash of ``process``, every request that did not use it still succeeds."""
    target = _process(model, process)

    def test() -> Verdict:
        report = crash_report(model, target.id, _requests(model, ()))
        independent = [
            during
            for before, during in zip(report.before, report.during, strict=True)
            if target not in before.processes()
        ]
        if not independent:
            return Verdict(False, f"every request of the model goes through {process}")
        return _first_failure(
            independent,
            lambda t: None if t.ok else f"{t.request} fails after {process} crashed",
            f"{len(independent)} requests keep being served while {process} is down",
        )

    return _claim(statement, model, sentence, test)


def started_on_first_request(
    statement: str, model: Model, process: str, request: str, sentence: str = ""
) -> Claim:
    """``process`` does not run until ``request`` arrives, which starts it (once)."""
    target = _process(model, process)

    def test() -> Verdict:
        sim = Simulation(model)
        if target.id in sim.running:
            return Verdict(False, f"{process} already runs before any request")
        first, second = sim.run(request), sim.run(request)
        if not any(e.kind == "start" and e.process is target for e in first.events):
            return Verdict(False, f"{request} does not start {process}", first)
        if second.events:
            return Verdict(False, f"a second {request} starts a process again", second)
        return Verdict(True, f"the first {request} starts {process}", first)

    return _claim(statement, model, sentence, test)


def restarted_after_crash(
    statement: str, model: Model, process: str, request: str, sentence: str = ""
) -> Claim:
    """After ``process`` crashes, its health monitor restarts it and ``request`` succeeds."""
    target = _process(model, process)

    def test() -> Verdict:
        report = crash_report(model, target.id, [request])
        if not any(e.process is target for e in report.recovery):
            return Verdict(False, f"no health monitor restarts {process}", report.during[0])
        return _first_failure(
            report.after,
            lambda t: None if t.ok else f"{t.request} still fails after the restart",
            f"{process} is restarted by {target.restarted_by.id if target.restarted_by else ''}",
        )

    return _claim(statement, model, sentence, test)


def _process(model: Model, process: str) -> Component:
    component = model.component(process)
    if component.kind != "process":
        origin = _caller_origin()
        raise TriglotError(
            f"model {model.name}: {process!r} is a {component.kind}, not a process",
            origin.path,
            origin.line,
        )
    return component

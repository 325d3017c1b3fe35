"""Run requests through a model: traces of hops, lifecycle events, crashes and restarts.

>>> from triglot.architecture.model import Model, NAMED_PIPE, IN_PROCESS, FIRST_REQUEST
>>> m = Model("Tiny")
>>> front = m.process("front")
>>> worker = m.process("worker", start=FIRST_REQUEST, started_by="front", serves=True)
>>> _ = m.entry(front).route(front, worker, NAMED_PIPE, extension=".aspx")
>>> sim = Simulation(m)
>>> print(sim.run("GET /a/default.aspx").describe())
GET /a/default.aspx in Tiny: served by worker
  1. front -> worker over named pipe [process boundary]
     start worker (by front)
>>> sim.run("GET /a/default.aspx").events
()
"""

from __future__ import annotations

from dataclasses import dataclass, field

from triglot.architecture.model import (
    FIRST_REQUEST,
    ChannelKind,
    Component,
    Model,
    Rule,
    crosses_kernel,
    crosses_process,
)
from triglot.errors import TriglotError


@dataclass(frozen=True)
class Hop:
    """One step of a request: from one component to the next over a channel."""

    index: int
    source: Component
    target: Component
    channel: ChannelKind
    rule: Rule

    @property
    def crosses_process(self) -> bool:
        return crosses_process(self.source, self.target)

    @property
    def crosses_kernel(self) -> bool:
        return crosses_kernel(self.source, self.target)

    def describe(self) -> str:
        marks = [
            name
            for name, crossed in (
                ("kernel/user boundary", self.crosses_kernel),
                ("process boundary", self.crosses_process),
            )
            if crossed
        ]
        suffix = f" [{', '.join(marks)}]" if marks else ""
        return (
            f"{self.index}. {self.source.id} -> {self.target.id} over {self.channel.name}{suffix}"
        )


@dataclass(frozen=True)
class Event:
    """A lifecycle event during a request: a process started or restarted."""

    kind: str  # "start" or "restart"
    process: Component
    by: Component | None
    at_hop: int  # the event happens as this hop arrives (0: at the entry point)

    def describe(self) -> str:
        by = f" (by {self.by.id})" if self.by is not None else ""
        return f"{self.kind} {self.process.id}{by}"


@dataclass(frozen=True)
class Trace:
    """What happened to one request: its hops, events, and where it ended."""

    model: Model
    request: str
    hops: tuple[Hop, ...]
    events: tuple[Event, ...] = ()
    served_by: Component | None = None
    failure: str | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None

    def components(self) -> list[Component]:
        """The components visited, in order of first visit (the participants)."""
        entry = self.hops[0].source if self.hops else self.model.entry_point
        assert entry is not None  # a trace only exists for a checked model
        seen = [entry]
        for hop in self.hops:
            if hop.target not in seen:
                seen.append(hop.target)
        return seen

    def processes(self) -> list[Component]:
        """The processes the request passed through, in order."""
        found: list[Component] = []
        for component in self.components():
            if component.process is not None and component.process not in found:
                found.append(component.process)
        return found

    def describe(self) -> str:
        outcome = (
            f"served by {self.served_by.id}" if self.served_by else f"FAILED: {self.failure}"
        )
        lines = [f"{self.request} in {self.model.name}: {outcome}"]
        for index in range(len(self.hops) + 1):
            if index:
                lines.append("  " + self.hops[index - 1].describe())
            lines += ["     " + e.describe() for e in self.events if e.at_hop == index]
        return "\n".join(lines)


def parse_request(request: str) -> tuple[str, str]:
    """``"GET /app1/default.aspx"`` -> ``("GET", "/app1/default.aspx")``.

    >>> parse_request("get /a.aspx")
    ('GET', '/a.aspx')
    """
    parts = request.split()
    if len(parts) != 2 or not parts[1].startswith("/"):
        raise TriglotError(f"bad request {request!r}: expected METHOD /path, e.g. GET /a.aspx")
    return parts[0].upper(), parts[1]


@dataclass
class Simulation:
    """The running state of a model: which processes run, which have crashed."""

    model: Model
    running: set[str] = field(default_factory=set)
    crashed: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.model.check()
        self.running = {p.id for p in self.model.processes() if p.start != FIRST_REQUEST}

    def run(self, request: str) -> Trace:
        """Route ``request`` from the entry point until a component serves it."""
        method, path = parse_request(request)
        request = f"{method} {path}"
        current = self.model.entry_point
        assert current is not None  # model.check() guarantees it
        hops: list[Hop] = []
        events: list[Event] = []
        failure = self._enter(current, None, 0, events)
        while failure is None:
            rule = next(
                (r for r in self.model.rules if r.source is current and r.when.matches(path)),
                None,
            )
            if rule is None:
                if current.serves:
                    return Trace(self.model, request, tuple(hops), tuple(events), current)
                raise TriglotError(
                    f"model {self.model.name}: no rule routes {request} at component "
                    f"{current.id!r}, which does not serve requests itself",
                    current.origin.path,
                    current.origin.line,
                )
            hops.append(Hop(len(hops) + 1, current, rule.target, rule.channel, rule))
            failure = self._enter(rule.target, current, len(hops), events)
            current = rule.target
        return Trace(self.model, request, tuple(hops), tuple(events), None, failure)

    def _enter(
        self, component: Component, source: Component | None, hop: int, events: list[Event]
    ) -> str | None:
        process = component.process
        if process is None or process.id in self.running:
            return None
        if process.id in self.crashed:
            return f"{process.id} has crashed"
        starter = process.started_by or source
        events.append(Event("start", process, starter, hop))
        self.running.add(process.id)
        return None

    def crash(self, process: str | Component) -> Component:
        """Crash a process: every module it hosts goes down with it."""
        # A name typed by a user: the error points at the model's definition.
        target = (
            self.model.component(process, self.model.origin)
            if isinstance(process, str)
            else process
        )
        if target.kind != "process":
            raise TriglotError(
                f"model {self.model.name}: only a process can crash, and {target.id!r} is a "
                f"{target.kind}",
                target.origin.path,
                target.origin.line,
            )
        self.running.discard(target.id)
        self.crashed.add(target.id)
        return target

    def recover(self) -> list[Event]:
        """Let the health monitors act: restart crashed processes that have one.

        A crashed process started on first request is started again by the next request;
        any other crashed process without a monitor stays down.
        """
        events = []
        for process in self.model.processes():
            if process.id not in self.crashed:
                continue
            if process.restarted_by is not None:
                self.crashed.discard(process.id)
                self.running.add(process.id)
                events.append(Event("restart", process, process.restarted_by, 0))
            elif process.start == FIRST_REQUEST:
                self.crashed.discard(process.id)
        return events


@dataclass(frozen=True)
class CrashReport:
    """The model's requests before a crash, right after it, and after recovery."""

    process: Component
    before: tuple[Trace, ...]
    during: tuple[Trace, ...]
    recovery: tuple[Event, ...]
    after: tuple[Trace, ...]

    def describe(self) -> str:
        """Right after the crash, the recovery (who restarts what), then the next requests.

        A request that failed right after the crash and succeeds after recovery is marked
        ``ok again``; a process that the next request starts again says so.
        """
        name = self.process.id
        lines = [f"crash of {name} in {self.process.model.name}", "right after the crash:"]
        lines += [f"  {t.request}: {_outcome(t)}" for t in self.during]
        lines.append("recovery:")
        lines += [
            f"  {e.process.id} is restarted by {e.by.id} ({e.by.name})" if e.by else
            f"  {e.process.id} is restarted"
            for e in self.recovery
        ] or [f"  no health monitor restarts {name}"]
        lines.append("next requests:")
        for during, after in zip(self.during, self.after, strict=True):
            again = " again" if after.ok and not during.ok else ""
            starts = "".join(f"; starts {e.process.id}" for e in after.events)
            lines.append(f"  {after.request}: {_outcome(after, again)}{starts}")
        return "\n".join(lines)


def _outcome(trace: Trace, again: str = "") -> str:
    if trace.served_by is None:
        return f"FAILED: {trace.failure}"
    return f"ok{again} (served by {trace.served_by.id})"


def crash_report(model: Model, process: str, requests: list[str] | None = None) -> CrashReport:
    """Run ``requests`` (default: the model's own) around a crash of ``process``."""
    chosen = requests or [f"{m} {p}" for m, p in model.requests]
    if not chosen:
        raise TriglotError(
            f"model {model.name}: no requests to run (declare some with model.request())",
            model.origin.path,
            model.origin.line,
        )
    sim = Simulation(model)
    before = tuple(sim.run(r) for r in chosen)
    target = sim.crash(process)
    during = tuple(sim.run(r) for r in chosen)
    recovery = tuple(sim.recover())
    after = tuple(sim.run(r) for r in chosen)
    return CrashReport(target, before, during, recovery, after)

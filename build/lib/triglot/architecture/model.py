"""A declarative model of a server architecture: modes, processes, modules, channels, rules.

Every element remembers the file and line that declared it, so that an error about it can
say where to look.

>>> m = Model("Tiny")
>>> web = m.process("web", name="web.exe", start=ALWAYS)
>>> app = web.module("app", name="app.dll", serves=True)
>>> _ = m.entry(web).route(web, app, IN_PROCESS)
>>> m.component("app").process.id
'web'
"""

from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from triglot.errors import TriglotError

KERNEL = "kernel"
USER = "user"

ALWAYS = "always"
FIRST_REQUEST = "first-request"


def N_(message: str) -> str:  # the name that gettext extractors look for
    """Mark ``message`` for translation; hosts translate it through ``Labels.message``."""
    return message


@dataclass(frozen=True)
class Origin:
    """Where a model element is declared (the caller's file and line)."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def _caller_origin() -> Origin:
    """The first frame outside this package: the model source that declared the element."""
    frame = sys._getframe(1)
    package_dir = str(PurePosixPath(__file__).parent)
    # Frames of this package, and of the __init__ that dataclasses generate, are skipped.
    while frame is not None and (
        frame.f_code.co_filename.startswith(package_dir) or frame.f_code.co_filename == "<string>"
    ):
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:  # pragma: no cover - only when called from inside the package
        return Origin("<unknown>", 0)
    return Origin(inspect.getsourcefile(frame) or frame.f_code.co_filename, frame.f_lineno)


@dataclass(frozen=True)
class ChannelKind:
    """How two components talk: in-process call, named pipe, kernel queue..."""

    id: str
    name: str
    concept: str | None = None
    same_process: bool = False  # an in-process call cannot leave its process
    kernel_to_user: bool = False  # a kernel queue hands a request from kernel to user mode
    style: str = "solid"  # how a DOT edge draws it


IN_PROCESS = ChannelKind("in-process", N_("in-process call"), same_process=True)
NAMED_PIPE = ChannelKind("named-pipe", N_("named pipe"), concept="named-pipe", style="dashed")
KERNEL_QUEUE = ChannelKind("kernel-queue", N_("kernel queue"), kernel_to_user=True, style="bold")


@dataclass(eq=False)
class Component:
    """A process, a module loaded into one (a DLL, a runtime), or a kernel-mode driver."""

    model: Model
    id: str
    name: str
    kind: str  # "process", "module" or "driver"
    mode: str
    origin: Origin
    concept: str | None = None
    detail: str = ""
    process: Component | None = None  # the hosting process (itself for a process)
    serves: bool = False  # a request that reaches it with no further rule is served here
    start: str = ALWAYS
    started_by: Component | None = None
    restarted_by: Component | None = None

    def module(
        self,
        id: str,
        *,
        name: str | None = None,
        concept: str | None = None,
        detail: str = "",
        serves: bool = False,
    ) -> Component:
        """Load a module (DLL, runtime) into this process."""
        if self.kind != "process":
            raise TriglotError(
                f"model {self.model.name}: module {id!r} loaded into {self.id!r}, "
                f"which is a {self.kind}, not a process",
                *_where(_caller_origin()),
            )
        return self.model._add(
            Component(
                self.model, id, name or id, "module", USER, _caller_origin(), concept,
                detail, process=self, serves=serves,
            )
        )

    def __repr__(self) -> str:
        return f"<{self.kind} {self.id!r} of {self.model.name}>"


@dataclass(frozen=True)
class Condition:
    """Which requests a rule applies to: by file extension, by virtual path, or all."""

    extension: str | None = None
    path_prefix: str | None = None

    def matches(self, path: str) -> bool:
        if self.extension is not None and PurePosixPath(path).suffix.lower() != self.extension:
            return False
        if self.path_prefix is not None:
            prefix = self.path_prefix.rstrip("/")
            if path != prefix and not path.startswith(prefix + "/"):
                return False
        return True

    def __str__(self) -> str:
        parts = []
        if self.extension:
            parts.append(f"*{self.extension}")
        if self.path_prefix:
            parts.append(f"{self.path_prefix.rstrip('/')}/*")
        return " and ".join(parts) or "every request"


@dataclass(frozen=True, eq=False)
class Rule:
    """At ``source``, requests matching ``when`` go to ``target`` over ``channel``."""

    source: Component
    target: Component
    channel: ChannelKind
    when: Condition
    origin: Origin
    concept: str | None = None  # e.g. the glossary entry of a script map


@dataclass(eq=False)
class Model:
    """An architecture: components, the entry point of requests, routing rules, requests."""

    name: str
    kernel_concept: str | None = None
    user_concept: str | None = None
    components: dict[str, Component] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    entry_point: Component | None = None
    origin: Origin = field(default_factory=_caller_origin)

    def _add(self, component: Component) -> Component:
        if component.id in self.components:
            first = self.components[component.id].origin
            raise TriglotError(
                f"model {self.name}: component {component.id!r} declared twice "
                f"(first at {first})",
                *_where(component.origin),
            )
        self.components[component.id] = component
        return component

    def driver(
        self, id: str, *, name: str | None = None, concept: str | None = None, detail: str = ""
    ) -> Component:
        """A kernel-mode component (a driver), hosted by no process."""
        return self._add(
            Component(self, id, name or id, "driver", KERNEL, _caller_origin(), concept, detail)
        )

    def process(
        self,
        id: str,
        *,
        name: str | None = None,
        concept: str | None = None,
        detail: str = "",
        serves: bool = False,
        start: str = ALWAYS,
        started_by: Component | str | None = None,
        restarted_by: Component | str | None = None,
    ) -> Component:
        """A user-mode process, running from the start or started by its first request."""
        origin = _caller_origin()
        if start not in (ALWAYS, FIRST_REQUEST):
            raise TriglotError(
                f"model {self.name}: process {id!r} has unknown start {start!r} "
                f"(expected {ALWAYS!r} or {FIRST_REQUEST!r})",
                *_where(origin),
            )
        process = Component(
            self, id, name or id, "process", USER, origin, concept, detail, serves=serves,
            start=start,
        )
        process.process = process
        process.started_by = self._resolve(started_by, origin, f"starter of {id!r}")
        process.restarted_by = self._resolve(restarted_by, origin, f"monitor of {id!r}")
        return self._add(process)

    def entry(self, component: Component | str) -> Model:
        """Requests arrive at ``component`` first."""
        self.entry_point = self._resolve(component, _caller_origin(), "entry point")
        return self

    def route(
        self,
        source: Component | str,
        target: Component | str,
        channel: ChannelKind,
        *,
        extension: str | None = None,
        path: str | None = None,
        concept: str | None = None,
    ) -> Model:
        """Add a routing rule; at each component the first matching rule (in order) wins."""
        origin = _caller_origin()
        src = self._resolve(source, origin, "rule source")
        dst = self._resolve(target, origin, "rule target")
        assert src is not None and dst is not None
        if extension is not None and not extension.startswith("."):
            extension = "." + extension
        rule = Rule(src, dst, channel, Condition(extension and extension.lower(), path), origin,
                    concept)
        _check_channel(self, rule)
        self.rules.append(rule)
        return self

    def request(self, method: str, path: str) -> Model:
        """A representative request: shown in crash reports and the sequence view."""
        self.requests.append((method, path))
        return self

    def component(self, id: str, origin: Origin | None = None) -> Component:
        """The component ``id``; an error at ``origin`` (default: the caller) when unknown."""
        found = self._resolve(id, origin or _caller_origin(), "component")
        assert found is not None
        return found

    def _resolve(self, ref: Component | str | None, origin: Origin, role: str) -> Component | None:
        if ref is None or isinstance(ref, Component):
            if ref is not None and ref.model is not self:
                raise TriglotError(
                    f"model {self.name}: {role} {ref.id!r} belongs to model {ref.model.name}",
                    *_where(origin),
                )
            return ref
        try:
            return self.components[ref]
        except KeyError:
            known = ", ".join(sorted(self.components)) or "none"
            raise TriglotError(
                f"model {self.name}: unknown component {ref!r} as {role} (known: {known})",
                *_where(origin),
            ) from None

    def processes(self) -> list[Component]:
        return [c for c in self.components.values() if c.kind == "process"]

    def check(self) -> Model:
        """Validate the whole model: an entry point, and no routing cycle."""
        if self.entry_point is None:
            raise TriglotError(f"model {self.name}: no entry point declared", *_where(self.origin))
        _check_cycles(self)
        return self


def _where(origin: Origin) -> tuple[str, int]:
    return origin.path, origin.line


def crosses_process(source: Component, target: Component) -> bool:
    return source.process is not target.process


def crosses_kernel(source: Component, target: Component) -> bool:
    return source.mode != target.mode


def _check_channel(model: Model, rule: Rule) -> None:
    problem = None
    if rule.channel.same_process and crosses_process(rule.source, rule.target):
        problem = "an in-process channel cannot cross a process boundary"
    elif not rule.channel.same_process and not crosses_process(rule.source, rule.target):
        problem = f"a {rule.channel.name} needs two different processes"
    elif rule.channel.kernel_to_user and not (
        rule.source.mode == KERNEL and rule.target.mode == USER
    ):
        problem = f"a {rule.channel.name} goes from kernel mode to user mode"
    if problem:
        raise TriglotError(
            f"model {model.name}: rule {rule.source.id!r} -> {rule.target.id!r}: {problem}",
            *_where(rule.origin),
        )


def _check_cycles(model: Model) -> None:
    following: dict[str, list[Rule]] = {}
    for rule in model.rules:
        following.setdefault(rule.source.id, []).append(rule)
    finished: set[str] = set()

    def visit(node: str, path: list[str]) -> None:
        for rule in following.get(node, []):
            target = rule.target.id
            if target in path or target == node:
                cycle = [*path[path.index(target):], node, target] if target in path else [
                    node, target]
                raise TriglotError(
                    f"model {model.name}: routing cycle " + " -> ".join(cycle),
                    *_where(rule.origin),
                )
            if target not in finished:
                visit(target, [*path, node])
        finished.add(node)

    for node in list(following):
        if node not in finished:
            visit(node, [])

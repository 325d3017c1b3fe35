"""The steps a reader walks through in a diagram: one per hop of a request's trace, with
the ids of what the hop lights up in the SVG (its arrow and the two components).

In a sequence view the steps are the hops of its one request. In a component view the
request is followed through each model shown, one model after the other, each step
named with its model, so that the reader sees where the same request goes in IIS5 and
in IIS6.

>>> from triglot.architecture.model import Model, IN_PROCESS
>>> m = Model("Tiny")
>>> web = m.process("web", name="web.exe")
>>> app = web.module("app", name="app.dll", serves=True)
>>> _ = m.entry(web).route(web, app, IN_PROCESS).request("GET", "/x")
>>> [(s.text, s.targets) for s in component_steps([m], first_request([m], ""))]
[('Tiny: web.exe → app.dll: in-process call.', ('arch-0-route-1', 'arch-0-web', 'arch-0-app'))]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triglot.architecture.describe import describe_trace
from triglot.architecture.dot import (
    PLAIN,
    Labels,
    component_id,
    hop_id,
    participant_id,
    route_id,
)
from triglot.architecture.executor import Simulation, Trace
from triglot.architecture.model import Model


@dataclass(frozen=True)
class Step:
    """One hop: its sentence in the reader's language and the SVG ids it lights up."""

    text: str
    targets: tuple[str, ...]


def first_request(models: Sequence[Model], request: str) -> str:
    """``request``, else the first representative request the models declare, else ``""``
    (no step-through)."""
    if request:
        return request
    declared = [f"{method} {path}" for model in models for method, path in model.requests]
    return declared[0] if declared else ""


def component_steps(models: Sequence[Model], request: str, labels: Labels = PLAIN,
                    prefix: str = "arch") -> list[Step]:
    """``request`` hop by hop through each of ``models`` (as :func:`component_view` draws
    them with ``prefix``); none without a request."""
    steps = []
    for index, model in enumerate(models if request else ()):
        trace = Simulation(model).run(request)
        name = labels.message(model.name)
        for hop, sentence in zip(trace.hops, describe_trace(trace, labels), strict=False):
            steps.append(Step(f"{name}: {sentence}", (
                route_id(prefix, index, model, hop.rule),
                component_id(prefix, index, hop.source),
                component_id(prefix, index, hop.target))))
    return steps


def sequence_steps(trace: Trace, labels: Labels = PLAIN, prefix: str = "seq") -> list[Step]:
    """The hops of ``trace`` (as :func:`sequence_view` draws it with ``prefix``)."""
    return [Step(sentence, (hop_id(prefix, hop.index), participant_id(prefix, hop.source),
                            participant_id(prefix, hop.target)))
            for hop, sentence in zip(trace.hops, describe_trace(trace, labels), strict=False)]

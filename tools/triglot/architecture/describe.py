"""Text descriptions of the views, for screen readers and for pages without images.

Sentences go through ``labels.message`` (gettext-style, identity by default) so that a
host such as Sphinx can translate them; component names come from the same
:class:`Labels` as the diagrams.

>>> from triglot.architecture.model import Model, IN_PROCESS
>>> m = Model("Tiny")
>>> web = m.process("web", name="web.exe")
>>> app = web.module("app", name="app.dll", serves=True)
>>> _ = m.entry(web).route(web, app, IN_PROCESS)
>>> from triglot.architecture.executor import Simulation
>>> describe_trace(Simulation(m).run("GET /x"))
['web.exe → app.dll: in-process call.']
"""

from __future__ import annotations

from collections.abc import Sequence

from triglot.architecture.dot import PLAIN, Labels, routes
from triglot.architecture.executor import Trace
from triglot.architecture.model import KERNEL, N_, Model


def describe_trace(trace: Trace, labels: Labels = PLAIN) -> list[str]:
    """One sentence per hop: who talks to whom, over what, which boundaries it crosses."""
    _ = labels.message
    sentences = []
    for hop in trace.hops:
        text = (
            f"{labels.component(hop.source)} → {labels.component(hop.target)}: "
            f"{labels.channel(hop.channel)}"
        )
        if hop.crosses_kernel:
            text += "; " + _("crosses the kernel/user boundary")
        if hop.crosses_process:
            text += "; " + _("crosses a process boundary")
        for event in trace.events:
            if event.at_hop == hop.index:
                text += "; " + _("starts %s") % labels.component(event.process)
        sentences.append(text + ".")
    if trace.served_by is None:
        sentences.append(_("The request fails: %s.") % trace.failure)
    return sentences


def describe_models(models: Sequence[Model], labels: Labels = PLAIN) -> list[str]:
    """One sentence per process or driver, then one per route and restart, model by model."""
    _ = labels.message
    sentences = []
    for model in models:
        name = _(model.name)
        for component in model.components.values():
            if component.kind == "module":
                continue
            hosted = [
                labels.component(c)
                for c in model.components.values()
                if c.kind == "module" and c.process is component
            ]
            mode = labels.text(
                model.kernel_concept if component.mode == KERNEL else model.user_concept,
                N_("kernel mode") if component.mode == KERNEL else N_("user mode"),
            )
            text = f"{name}: {labels.component(component)}"
            text += f" ({_(component.detail)})" if component.detail else ""
            text += f", {mode}"
            if hosted:
                text += "; " + _("hosts %s") % ", ".join(hosted)
            sentences.append(text + ".")
        for rule in routes(model):
            sentences.append(
                f"{name}: {labels.component(rule.source)} → "
                f"{labels.component(rule.target)}: {labels.channel(rule.channel)}."
            )
        for process in model.processes():
            if process.restarted_by is not None:
                caption = f" ({_(process.detail)})" if process.detail else ""
                sentences.append(f"{name}: " + _("%(monitor)s restarts %(process)s after a crash.")
                                 % {"monitor": labels.component(process.restarted_by),
                                    "process": labels.component(process) + caption})
    return sentences

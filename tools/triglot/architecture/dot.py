"""Graphviz DOT for a model (component view) and for a trace (sequence view).

Output is deterministic: declaration order everywhere, no hashing of Python objects.
Labels and links come from callbacks keyed by concept id; ``None`` falls back to the
component's own name (labels) or no link (urls). Every other word drawn (channel and mode
names, model names, process captions) goes through the ``message`` callback, gettext-style.

>>> print(quote('a "b" \\\\ <c> & 日本'))
"a \\"b\\" \\\\ &lt;c&gt; &amp; 日本"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from triglot.architecture.executor import Trace
from triglot.architecture.model import KERNEL, N_, ChannelKind, Component, Model, Rule

Lookup = Callable[[str], "str | None"]
Gettext = Callable[[str], str]

FONT = "sans-serif"
STYLE_CROSS_PROCESS = 'color="#b03a2e", fontcolor="#b03a2e"'
STYLE_CROSS_KERNEL = "penwidth=2.5"


def _nothing(_concept: str) -> str | None:
    return None


def _same(message: str) -> str:
    return message


@dataclass(frozen=True)
class Labels:
    """The callbacks that give a concept's label and link, and any other word, in the
    reader's language."""

    label_for: Lookup = _nothing
    url_for: Lookup = _nothing
    message: Gettext = _same

    def text(self, concept: str | None, fallback: str) -> str:
        """The concept's label, else ``fallback`` translated as a message."""
        found = self.label_for(concept) if concept else None
        return found or self.message(fallback)

    def component(self, component: Component) -> str:
        return self.text(component.concept, component.name)

    def channel(self, channel: ChannelKind) -> str:
        return self.text(channel.concept, channel.name)

    def url(self, concept: str | None) -> str | None:
        return self.url_for(concept) if concept else None


PLAIN = Labels()  # every component under its own name, no links


def quote(text: str) -> str:
    """A DOT double-quoted string that Graphviz shows exactly as ``text``.

    Graphviz reads HTML entities inside ordinary strings, so ``&`` and ``<`` are written
    as entities; backslashes and quotes are escaped; newlines become centred line breaks.
    """
    escaped = (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
    )
    return f'"{escaped}"'


def _attrs(**attributes: str | None) -> str:
    """``[a="x", b="y"]`` in argument order; ``None`` values are left out."""
    items = [f"{key}={quote(value)}" for key, value in attributes.items() if value is not None]
    return f"[{', '.join(items)}]" if items else ""


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "x"


def _header(prefix: str, rankdir: str) -> list[str]:
    return [
        f"digraph {quote(prefix)} {{",
        (
            f'  graph [id={quote(prefix)}, rankdir={rankdir}, fontname="{FONT}", fontsize=11, '
            'compound=true, newrank=true];'
        ),
        (
            f'  node [fontname="{FONT}", fontsize=10, shape=box, style="rounded,filled", '
            'fillcolor="#ffffff"];'
        ),
        f'  edge [fontname="{FONT}", fontsize=9];',
    ]


def component_id(prefix: str, index: int, component: Component) -> str:
    """The SVG id of ``component``'s node in model ``index`` of a component view."""
    return f"{prefix}-{index}-{_slug(component.id)}"


def participant_id(prefix: str, component: Component) -> str:
    """The SVG id of ``component``'s lifeline head in a sequence view."""
    return f"{prefix}-p-{_slug(component.id)}"


def hop_id(prefix: str, hop: int) -> str:
    """The SVG id of hop number ``hop`` (from 1) in a sequence view."""
    return f"{prefix}-hop-{hop}"


def routes(model: Model) -> list[Rule]:
    """The model's rules, one per source, target and channel: the arrows drawn (several
    rules may route different paths along one arrow)."""
    seen: dict[tuple[str, str, str], Rule] = {}
    for rule in model.rules:
        seen.setdefault((rule.source.id, rule.target.id, rule.channel.id), rule)
    return list(seen.values())


def route_id(prefix: str, index: int, model: Model, rule: Rule) -> str:
    """The SVG id of the arrow that ``rule`` of model ``index`` is drawn as."""
    key = (rule.source.id, rule.target.id, rule.channel.id)
    drawn = [(r.source.id, r.target.id, r.channel.id) for r in routes(model)]
    return f"{prefix}-{index}-route-{drawn.index(key) + 1}"


def _node_id(index: int, component: Component) -> str:
    return quote(f"m{index}:{component.id}")


def _component_node(index: int, component: Component, labels: Labels, prefix: str) -> str:
    shape = {"process": "component", "driver": "box3d"}.get(component.kind, "box")
    label = labels.component(component)
    if component.kind == "process" and component.detail:
        # In the node, not on the cluster's border, where request arrows would cross it.
        label += "\n" + _caption(component, labels)
    return f"{_node_id(index, component)} " + _attrs(
        id=component_id(prefix, index, component),
        label=label,
        tooltip=label,
        shape=shape,
        URL=labels.url(component.concept),
        target="_top" if labels.url(component.concept) else None,
        **{"class": "triglot-component"},
    ) + ";"


def _caption(process: Component, labels: Labels) -> str:
    """What sets this instance of a process apart (e.g. its application pool)."""
    return labels.message(process.detail) if process.detail else ""


def component_view(models: Sequence[Model], labels: Labels = PLAIN, prefix: str = "arch") -> str:
    """One DOT graph with each model as a cluster, side by side, boundaries as clusters."""
    lines = _header(prefix, "TB")
    for index, model in enumerate(models):
        lines.append(f"  subgraph {quote(f'cluster_m{index}')} {{")
        lines.append(
            "    graph "
            + _attrs(id=f"{prefix}-{index}", label=labels.message(model.name), fontsize="14",
                     peripheries="0")
            + ";"
        )
        drivers = [c for c in model.components.values() if c.mode == KERNEL]
        for mode, members, fill, concept, fallback in (
            ("user", model.processes(), "#eef3fb", model.user_concept, N_("user mode")),
            ("kernel", drivers, "#f6ece1", model.kernel_concept, N_("kernel mode")),
        ):
            if not members:
                continue
            mode_label = labels.text(concept, fallback)
            lines.append(f"    subgraph {quote(f'cluster_m{index}_{mode}')} {{")
            lines.append(
                "      graph "
                + _attrs(id=f"{prefix}-{index}-{mode}", label=mode_label, style="filled",
                         fillcolor=fill)
                + ";"
            )
            for member in members:
                if member.kind != "process":
                    lines.append("      " + _component_node(index, member, labels, prefix))
                    continue
                lines.append(f"      subgraph {quote(f'cluster_m{index}_p_{member.id}')} {{")
                lines.append(
                    "        graph "
                    + _attrs(id=f"{prefix}-{index}-p-{_slug(member.id)}",
                             label="", style="rounded,filled",  # not the parent's
                             # room for edge labels, which dot lets stick out of clusters
                             fillcolor="#ffffff", margin="18")
                    + ";"
                )
                for component in model.components.values():
                    if component.process is member:
                        lines.append("        " + _component_node(index, component, labels, prefix))
                lines.append("      }")
            lines.append("    }")
        lines.append("  }")
        for number, rule in enumerate(routes(model), 1):
            lines.append(
                f"  {_node_id(index, rule.source)} -> {_node_id(index, rule.target)} "
                + _edge_attrs(rule.source, rule.target, rule.channel, labels.channel(rule.channel),
                              id=f"{prefix}-{index}-route-{number}")
                + ";"
            )
        lines += _restart_edges(index, model, labels, prefix)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _restart_edges(index: int, model: Model, labels: Labels, prefix: str) -> list[str]:
    """The lifecycle: a dashed arrow from each health monitor to each process it restarts.

    The arrow points at the process's cluster (the whole process restarts) and is laid out
    from the process's last module to the monitor, so that monitors rank below the
    processes and their labels stay clear of the request edges above them.
    """
    _ = labels.message
    lines = []
    for process in model.processes():
        if process.restarted_by is None:
            continue
        last = [c for c in model.components.values() if c.process is process][-1]
        lines.append(
            f"  {_node_id(index, last)} -> {_node_id(index, process.restarted_by)} "
            + _attrs(id=f"{prefix}-{index}-restart-{_slug(process.id)}", label=_("restarts"),
                     ltail=f"cluster_m{index}_p_{process.id}", dir="back", style="dashed",
                     color="#5d6d7e", fontcolor="#5d6d7e", **{"class": "triglot-lifecycle"})
            + ";"
        )
    return lines


def _edge_attrs(source: Component, target: Component, channel: ChannelKind, label: str,
                **extra: str | None) -> str:
    styles = []
    if source.process is not target.process:
        styles.append(STYLE_CROSS_PROCESS)
    if source.mode != target.mode:
        styles.append(STYLE_CROSS_KERNEL)
    attrs = _attrs(label=label, style=channel.style, **extra)
    return attrs[:-1] + "".join(", " + s for s in styles) + "]"


def sequence_view(trace: Trace, labels: Labels = PLAIN, prefix: str = "seq") -> str:
    """A sequence diagram of ``trace``: one lifeline per component, one row per hop.

    Hop edges carry ``id="<prefix>-hop-<n>"`` and class ``triglot-hop`` so that a script
    can step through them; processes started by the request get a double border.
    """
    participants = trace.components()
    column = {c.id: i for i, c in enumerate(participants)}
    started = {e.process.id for e in trace.events}
    rows = len(trace.hops)
    lines = _header(prefix, "TB")
    for i, component in enumerate(participants):
        host = component.process
        label = labels.component(component)
        if host is not None and host is not component:
            caption = _caption(host, labels)
            label += f"\n({labels.component(host)}{' ' + caption if caption else ''})"
        lines.append(
            f"  h{i} "
            + _attrs(
                id=participant_id(prefix, component),
                group=str(i),
                label=label,
                tooltip=label,
                URL=labels.url(component.concept),
                target="_top" if labels.url(component.concept) else None,
                fillcolor="#f6ece1" if component.mode == KERNEL else "#eef3fb",
                peripheries="2" if host is not None and host.id in started else None,
                **{"class": "triglot-participant"},
            )
            + ";"
        )
    lines.append('  node [shape=point, width=0.04, label="", color="#888888"];')
    for i in range(len(participants)):
        lines += [f"  p{i}_{row} [group={i}];" for row in range(1, rows + 1)]
        chain = " -> ".join([f"h{i}", *(f"p{i}_{row}" for row in range(1, rows + 1))])
        lines.append(f'  {chain} [arrowhead=none, style=dashed, color="#888888"];')
    for row in range(rows + 1):
        names = [f"h{i}" if row == 0 else f"p{i}_{row}" for i in range(len(participants))]
        lines.append(f"  {{ rank=same; {' -> '.join(names)} [style=invis]; }}")
    for hop in trace.hops:
        src, dst = column[hop.source.id], column[hop.target.id]
        lines.append(
            f"  p{src}_{hop.index} -> p{dst}_{hop.index} "
            + _edge_attrs(
                hop.source, hop.target, hop.channel,
                f"{hop.index}. {labels.channel(hop.channel)}",
                id=hop_id(prefix, hop.index),
                arrowhead="normal",
                constraint="false",
                **{"class": "triglot-hop"},
            )
            + ";"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"

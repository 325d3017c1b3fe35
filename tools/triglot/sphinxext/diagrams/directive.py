"""The ``architecture`` directive: a diagram produced by running a model at build time.

.. code-block:: rst

   .. architecture:: architecture/iis.py
      :models: IIS5 IIS6
      :view: components
      :claims:
      :name: figure-2

      IIS5 and IIS6 side by side

The argument is a model file relative to the document; ``:view: sequence`` with
``:request: GET /app1/default.aspx`` draws the trace of one request. In a component view
``:request:`` names the request a reader steps through, hop by hop, in each model shown
(default: the first request the models declare; see :mod:`.steps`). The content is the
figure's caption (extracted by the gettext builder as one message). Every claim of the
file is checked when the directive runs; a false claim stops the build with
:class:`ArchitectureClaimError`. ``:claims:`` also lists the claims and their results.

Every word in the diagram is in the page's language: components and glossary terms from
the termbase, the extension's own words from its ``triglot`` catalog, a model's own words
from the catalog beside the model file (see :mod:`.model_words`).

Rendering reuses :mod:`sphinx.ext.graphviz` (its cache: one ``dot`` run per distinct
diagram, kept across builds) and inlines the SVG, so that links and the step-through
script work; the SVG is complete without scripts. The text description and the steps are
written under it, and are the text of the node, so the search index holds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError
from sphinx.ext.graphviz import figure_wrapper, graphviz, render_dot
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from triglot.architecture.claims import ClaimFailed, check_all
from triglot.architecture.describe import describe_models, describe_trace
from triglot.architecture.dot import Labels, component_view, sequence_view
from triglot.architecture.executor import Simulation
from triglot.architecture.loader import claims_of, load_module, model_code, models_of
from triglot.architecture.model import Model
from triglot.errors import TriglotError
from triglot.sphinxext.core import i18n
from triglot.sphinxext.core.i18n import CATALOG
from triglot.sphinxext.core.termbase import note_concepts, termbase_for
from triglot.sphinxext.diagrams.model_words import model_catalog_path, model_messages
from triglot.sphinxext.diagrams.steps import component_steps, first_request, sequence_steps
from triglot.sphinxext.diagrams.svg import inline_svg

logger = logging.getLogger(__name__)
_ = get_translation(CATALOG)
# Links in the cached SVG point here; each page rewrites them relative to itself, so
# one rendered file serves every page (graphviz rewrites relative links for <object>).
PLACEHOLDER = "https://triglot.invalid/concept/"

Lookup = Callable[[str], "str | None"]


class ArchitectureClaimError(SphinxError):
    """A claim of the text is false of its model (or the model itself is broken)."""

    category = "Architecture claim failed"


class DiagramRenderError(SphinxError):
    """Graphviz's SVG of a diagram cannot be read (a damaged file in the image cache)."""

    category = "Diagram rendering failed"


class architecture_diagram(graphviz):
    """A graphviz node whose DOT is produced at write time from a model."""


def _termbase(env: BuildEnvironment) -> Any | None:
    """The project's termbase, when ``triglot_glossary`` names one."""
    return termbase_for(env) if env.config.triglot_glossary else None


def label_provider(
    env: BuildEnvironment, builder: Any | None = None, fromdocname: str | None = None
) -> tuple[Lookup, Lookup]:
    """``(label_for, url_for)`` for concept ids, in the language of ``env``.

    Labels are the concept's preferred term in ``env.config.language`` (then English);
    without a termbase every lookup gives ``None`` and components keep their own names.
    A link goes to the glossary entry registered for that term in Sphinx's standard
    domain (a ``glossary`` directive), relative to ``fromdocname``.
    """
    termbase = _termbase(env)
    language = env.config.language or "en"

    def label_for(concept_id: str) -> str | None:
        concept = termbase.get(concept_id) if termbase is not None else None
        if concept is None:
            return None
        term = concept.preferred(language) or concept.preferred("en")
        return term.text if term is not None else None

    terms = {
        name.lower(): target
        for (kind, name), target in env.domains.standard_domain.objects.items()
        if kind == "term"
    }

    def url_for(concept_id: str) -> str | None:
        if builder is None or fromdocname is None:
            return None
        concept = termbase.get(concept_id) if termbase is not None else None
        if concept is None:
            return None
        for lang in (language, "en"):
            term = concept.preferred(lang)
            target = terms.get(term.text.lower()) if term is not None else None
            if target is not None:
                docname, anchor = target
                return f"{builder.get_relative_uri(fromdocname, docname)}#{anchor}"
        return None

    return label_for, url_for


class ArchitectureDirective(SphinxDirective):
    """``.. architecture:: FILE.py`` with options :models:, :view:, :request:, :claims:."""

    has_content = True
    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "models": directives.unchanged_required,
        "view": lambda arg: directives.choice(arg, ("components", "sequence")),
        "request": directives.unchanged_required,
        "claims": directives.flag,
        "alt": directives.unchanged,
        "name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        rel, path = self.env.relfn2path(self.arguments[0], self.env.current_document.docname)
        self.env.note_dependency(rel)
        catalog = model_catalog_path(path, self.config.language or "en")
        if catalog.is_file():
            self.env.note_dependency(str(catalog))
        try:
            with model_code(path, self.config.triglot_model_time_limit):
                module = load_module(path)
                models = models_of(module)
                names = self.options.get("models", "").split() or list(models)
                unknown = [n for n in names if n not in models]
                if unknown:
                    raise TriglotError(f"no model named {', '.join(unknown)} (defined: "
                                       f"{', '.join(models)})", path)
                view = self.options.get("view", "components")
                request = self.options.get("request")
                for name in names:
                    models[name].check()  # an entry point, no routing cycle
                if view == "sequence" and (len(names) != 1 or not request):
                    raise TriglotError("a sequence view needs one model and a :request:",
                                       path)
                # the request drawn or stepped through: one that no rule routes fails here
                walked = first_request([models[name] for name in names], request or "")
                for name in names if walked else ():
                    Simulation(models[name]).run(walked)
                results = check_all(claims_of(module))
        except ClaimFailed as exc:
            raise ArchitectureClaimError(f"{self.get_location()}: {exc}") from None
        except TriglotError as exc:
            raise ArchitectureClaimError(f"{self.get_location()}: {exc}") from None
        note_concepts(self.env, model_concepts(models[name] for name in names))

        node = architecture_diagram()
        node["code"] = ""  # produced at write time, in the page's language
        node["options"] = {"docname": self.env.current_document.docname}
        node["model_path"] = str(path)
        node["models"] = names
        node["view"] = view
        node["request"] = request or ""
        node["alt"] = self.options.get("alt", "")
        node["classes"] = ["triglot-architecture-svg"]
        result: list[nodes.Node]
        if self.content:
            figure = figure_wrapper(self, node, "\n".join(self.content))
            figure["classes"].append("triglot-architecture")
            self.add_name(figure)
            result = [figure]
        else:
            self.add_name(node)
            result = [node]
        if "claims" in self.options:
            result.append(self._claims_list(results, str(path)))
        return result

    def _claims_list(self, results: list[Any], model_path: str) -> nodes.Element:
        listing = nodes.bullet_list(classes=["triglot-claims"])
        own_words = model_messages(model_path, self.config.language or "en")
        for claim, _verdict in results:
            # The statement is its own paragraph so that gettext extracts and translates it;
            # its result and model are added once translated (see _mark_claims).
            statement = nodes.paragraph(claim.statement, claim.statement)
            self.set_source_info(statement)
            statement["triglot_claim"] = [_("passed"),
                                          own_words.get(claim.model.name, claim.model.name)]
            listing += nodes.list_item("", statement, classes=["triglot-claim-true"])
        return listing


def _mark_claims(_app: Sphinx, doctree: nodes.document, _docname: str) -> None:
    """Put each claim's result and model around its statement, after translation.

    Translating a paragraph replaces its children, so these are added afterwards.
    """
    for statement in doctree.findall(nodes.paragraph):
        if "triglot_claim" in statement:
            result, model = statement["triglot_claim"]
            statement.insert(0, nodes.inline("", f"✔ {result}: ", classes=["triglot-claim-mark"]))
            statement += nodes.inline("", f" [{model}]", classes=["triglot-claim-model"])


def _labels(env: BuildEnvironment, node: architecture_diagram, url_for: Lookup) -> Labels:
    """Every word of the diagram in the page's language; components linked by ``url_for``."""
    label_for, _url_for = label_provider(env)
    own_words = model_messages(node["model_path"], env.config.language or "en")

    def message(text: str) -> str:
        return own_words.get(text) or (_(text) if text else text)

    return Labels(label_for, url_for, message)


def _chosen(node: architecture_diagram) -> list[Model]:
    models = models_of(load_module(node["model_path"]))
    return [models[name] for name in node["models"]]


def _describe(app: Sphinx, doctree: nodes.document, _docname: str) -> None:
    """Write each diagram's text description and steps into its node, in the page's
    language, before the page is indexed for search and written."""
    # Unique within the page, and the same on every page: one cached SVG serves them all.
    for index, node in enumerate(doctree.findall(architecture_diagram)):
        prefix = f"triglot-arch-{index}"
        labels = _labels(app.env, node, lambda _concept: None)
        chosen = _chosen(node)
        if node["view"] == "sequence":
            trace = Simulation(chosen[0]).run(node["request"])
            description, walk = describe_trace(trace, labels), sequence_steps(trace, labels, prefix)
        else:
            description = describe_models(chosen, labels)
            node["walked"] = first_request(chosen, node["request"])
            walk = component_steps(chosen, node["walked"], labels, prefix)
        node["prefix"], node["description"] = prefix, description
        node["steps"] = [(step.text, " ".join(step.targets)) for step in walk]
        node["alt"] = node["alt"] or " ".join(description)
        node.children = []
        node += nodes.Text(" ".join([*description, *(text for text, _targets in node["steps"])]))


def _render(translator: Any, node: architecture_diagram, fromdocname: str | None) -> None:
    """Fill ``node['code']`` with DOT in the page's language."""
    env = translator.builder.env
    _label_for, url_for = label_provider(env, translator.builder, fromdocname)
    chosen = _chosen(node)
    node["urls"] = {c: url for c in model_concepts(chosen) if (url := url_for(c))}
    labels = _labels(env, node, lambda c: PLACEHOLDER + c if c in node["urls"] else None)
    if node["view"] == "sequence":
        trace = Simulation(chosen[0]).run(node["request"])
        node["code"] = sequence_view(trace, labels, node["prefix"])
    else:
        node["code"] = component_view(chosen, labels, node["prefix"])


def model_concepts(models: Iterable[Model]) -> set[str]:
    """The glossary concepts whose terms label or link ``models``' diagrams: those of the
    components, the channels the rules use and the processor modes."""
    found: set[str] = set()
    for model in models:
        named = [*(c.concept for c in model.components.values()),
                 *(rule.channel.concept for rule in model.rules),
                 model.kernel_concept, model.user_concept]
        found.update(concept for concept in named if concept)
    return found


def html_visit(translator: Any, node: architecture_diagram) -> None:
    _render(translator, node, translator.builder.current_docname)
    _relfn, outfn = render_dot(
        translator, node["code"], node["options"], "svg", prefix="architecture"
    )
    body = translator.body
    steps = node["steps"]
    # The controls' words, for the script (it has no English of its own).
    words = {"controls": _("Step through the request"), "previous": _("previous hop"),
             "next": _("next hop"), "open": _("Open the figure full size"),
             "close": _("Close"), "zoom-in": _("Zoom in"), "zoom-out": _("Zoom out")}
    body.append(
        f'<div class="triglot-architecture-view" data-prefix="{node["prefix"]}" '
        f'data-steps="{len(steps)}"'
        + "".join(f' data-label-{key}="{translator.attval(text)}"' for key, text in words.items())
        + ">"
    )
    if outfn is None:  # dot is missing: graphviz already warned; the description remains
        body.append(f"<pre>{translator.encode(node['code'])}</pre>")
    else:
        try:
            body.append(inline_svg(Path(outfn).read_bytes(), PLACEHOLDER, node["urls"],
                                   node["alt"], source=outfn))
        except TriglotError as exc:
            raise DiagramRenderError(str(exc)) from None
    body.append('<details class="triglot-architecture-description"><summary>')
    body.append(translator.encode(_("Text description")) + "</summary>")
    step_items = [f'<li data-targets="{translator.attval(targets)}">{translator.encode(text)}</li>'
                  for text, targets in steps]
    if node["view"] == "sequence":  # the description is the steps, and the failure if any
        body.append("<ol>" + "".join(step_items) + "".join(
            f"<li>{translator.encode(line)}</li>" for line in node["description"][len(steps):])
            + "</ol>")
    else:
        body.append("<ol>" + "".join(f"<li>{translator.encode(line)}</li>"
                                     for line in node["description"]) + "</ol>")
        if steps:
            walked = _("Hop by hop: %s") % node["walked"]
            body.append(f"<p>{translator.encode(walked)}</p>")
            body.append("<ol>" + "".join(step_items) + "</ol>")
    body.append("</details></div>\n")
    raise nodes.SkipNode


def _delegate(visitor: Callable[[Any, graphviz], None]) -> Callable[[Any, Any], None]:
    """Other builders: produce the DOT, then let sphinx.ext.graphviz render it."""

    def visit(translator: Any, node: architecture_diagram) -> None:
        _render(translator, node, None)
        visitor(translator, node)  # the description is its alt text

    return visit


def setup(app: Sphinx) -> None:
    from sphinx.ext import graphviz as ext

    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(
        architecture_diagram,
        html=(html_visit, None),
        latex=(_delegate(ext.latex_visit_graphviz), None),
        texinfo=(_delegate(ext.texinfo_visit_graphviz), None),
        text=(_delegate(ext.text_visit_graphviz), None),
        man=(_delegate(ext.man_visit_graphviz), None),
    )
    app.add_directive("architecture", ArchitectureDirective)
    app.connect("doctree-resolved", _mark_claims)
    app.connect("doctree-resolved", _describe)
    i18n.register(app)
    app.add_css_file("triglot-architecture.css")
    app.add_js_file("triglot-architecture.js")

"""The diagram's SVG read as XML before it is inlined (triglot.sphinxext.diagrams.svg)."""

from __future__ import annotations

import pytest
from lxml import etree
from triglot.errors import TriglotError
from triglot.sphinxext.diagrams.svg import SVG, XLINK_HREF, inline_svg, parse_svg

PLACEHOLDER = "https://triglot.invalid/concept/"
GRAPHVIZ = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
 "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Title: triglot&#45;arch&#45;0 Pages: 1 -->
<svg width="10pt" height="10pt" xmlns="http://www.w3.org/2000/svg"
 xmlns:xlink="http://www.w3.org/1999/xlink">
<g id="triglot&#45;arch&#45;0&#45;hop&#45;1" class="graph">
<g id="a_node"><a xlink:href="{PLACEHOLDER}worker-process" xlink:title="w3wp.exe" target="_top">
<text>w3wp.exe &lt;pool&gt;</text></a></g>
<a xlink:href="{PLACEHOLDER}unknown-concept"><text>x</text></a>
<a xlink:href="https://example.org/{PLACEHOLDER}"><text>y</text></a>
</g>
</svg>
""".encode()


def test_links_point_at_the_page_and_the_image_has_a_name() -> None:
    html = inline_svg(GRAPHVIZ, PLACEHOLDER,
                      {"worker-process": "../glossary.html#term-worker-process"},
                      'Pools "A" & <B>', source="a.svg")
    assert html.startswith("<svg ")  # no prolog, doctype or comment before it
    root = etree.fromstring(html)
    assert root.get("role") == "img"
    assert root.get("aria-label") == 'Pools "A" & <B>'
    hrefs = [a.get(XLINK_HREF) for a in root.iter(f"{{{SVG}}}a")]
    # a concept without a glossary entry goes nowhere; a link that is not ours is kept
    assert hrefs == ["../glossary.html#term-worker-process", "#",
                     f"https://example.org/{PLACEHOLDER}"]
    # the character references become characters: the same ids for the step-through script
    assert root.find(f"{{{SVG}}}g").get("id") == "triglot-arch-0-hop-1"
    assert root.find(f".//{{{SVG}}}text").text == "w3wp.exe <pool>"
    assert "&lt;pool&gt;" in html and "triglot.invalid" not in html.replace(
        f"https://example.org/{PLACEHOLDER}", "")


@pytest.mark.parametrize(("data", "line", "problem"), [
    (b'<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>', 3, "not well-formed XML"),
    (b"", 1, "not well-formed XML"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY big "lol">]>\n'
     b'<svg xmlns="http://www.w3.org/2000/svg"><text>&big;</text></svg>', 3,
     "an SVG file may not declare entities"),
    (b'<?xml version="1.0"?>\n\n<html><svg/></html>', 3, "not an SVG document (root element html)"),
])
def test_a_damaged_file_is_one_located_error(data: bytes, line: int, problem: str) -> None:
    with pytest.raises(TriglotError) as caught:
        parse_svg(data, "_images/architecture-1.svg")
    assert str(caught.value).startswith(f"_images/architecture-1.svg:{line}: {problem}")
    assert "\n" not in str(caught.value)


def test_external_entities_are_not_fetched(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    data = (f'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
            '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>').encode()
    with pytest.raises(TriglotError, match="may not declare entities"):
        inline_svg(data, PLACEHOLDER, {}, "")

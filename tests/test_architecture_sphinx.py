"""The ``architecture`` directive in a real Sphinx build (tests/roots/test-architecture)."""

from __future__ import annotations

import re
import shutil

import pytest
from sphinx.search.en import SearchEnglish
from triglot.sphinxext.diagrams.directive import ArchitectureClaimError, DiagramRenderError

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is missing")


@needs_dot
@pytest.mark.sphinx("html", testroot="architecture", freshenv=True)
def test_build_inlines_svg_with_claims_description_and_script(app):
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert page.count("<svg ") == 2
    assert 'data-steps="2"' in page  # the sequence view can be stepped through
    assert "✔ passed: </span>A crash of the cart leaves the shelf serving." in page
    # each step names the SVG ids it lights up: the hop's arrow and its two ends
    assert re.search(r'<li data-targets="triglot-arch-1-hop-1 triglot-arch-1-p-\S+ '
                     r'triglot-arch-1-p-\S+">listener.sys → cart.exe: kernel queue; crosses '
                     r'the kernel/user boundary', page)
    # the description and the steps are the diagram's text in the search index
    index = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    # listener.sys, which only the diagram names, as this Sphinx's English stemmer keys it
    assert f'"{SearchEnglish({}).stem("sys")}":0' in index
    assert "The shop &amp; its “workers” &lt;side by side&gt;" in page
    assert (app.outdir / "_static" / "triglot-architecture.js").is_file()
    assert "triglot-architecture.js" in page
    assert len(list((app.outdir / "_images").glob("architecture-*.svg"))) == 2
    assert 'data-label-previous="previous hop" data-label-next="next hop"' in page


@needs_dot
@pytest.mark.sphinx("html", testroot="architecture", freshenv=True,
                    confoverrides={"language": "ja"})
def test_japanese_build_draws_and_describes_in_japanese(app):
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    svgs = [page[start:page.index("</svg>", start)] for start in _starts(page, "<svg ")]
    assert ">カーネル キュー</text>" in svgs[0]  # the extension's catalog
    assert ">ショップ</text>" in svgs[0]  # the model's own catalog, beside shop.py
    assert ">1. カーネル キュー</text>" in svgs[1]
    opening = '<details class="triglot-architecture-description"'
    descriptions = [page[start:page.index("</details>", start)]
                    for start in _starts(page, opening)]
    assert len(descriptions) == 2
    assert not any("kernel queue" in part for part in (*svgs, *descriptions))
    assert "Text description" not in page
    assert "<summary>テキストによる説明</summary>" in page
    assert ('">listener.sys → cart.exe: カーネル キュー; '
            "カーネル モードとユーザー モードの境界を越える; プロセスの境界を越える.</li>") in page
    # a translated claim keeps its result and model around the translation
    assert ('<span class="triglot-claim-mark">✔ 成功: </span>カートがクラッシュしても、棚は処理を'
            '続けます。<span class="triglot-claim-model"> [ショップ]</span>') in page
    assert 'data-label-previous="前のホップ" data-label-next="次のホップ"' in page
    # compiled once into the doctree directory; nothing binary is shipped
    assert (app.doctreedir / "triglot-locales/ja/LC_MESSAGES/triglot.mo").is_file()


@needs_dot
def test_a_damaged_svg_in_the_image_cache_stops_the_build_naming_it(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-architecture", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    cached = sorted((app.outdir / "_images").glob("architecture-*.svg"))[0]
    cached.write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n', encoding="utf-8")
    with pytest.raises(DiagramRenderError) as caught:
        app.build(force_all=True)
    message = str(caught.value)
    assert message.startswith(f"{cached}:3: not well-formed XML")
    assert "\n" not in message


def _starts(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


@pytest.mark.sphinx("gettext", testroot="architecture", freshenv=True)
def test_caption_and_claims_are_messages_for_translators(app):
    app.build()
    pot = (app.outdir / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "The shop & its \\"workers\\" <side by side>"' in pot
    assert 'msgid "Every request crosses a kernel queue."' in pot


@pytest.mark.sphinx("html", testroot="architecture", freshenv=True)
def test_false_claim_fails_the_build_with_claim_model_and_trace(app):
    model = app.srcdir / "architecture" / "shop.py"
    source = model.read_text(encoding="utf-8")
    model.write_text(
        source.replace(
            "    claims.crosses(",
            '    claims.in_process("Cart and shelf share a process.", SHOP, "cart", "shelf",\n'
            '                      "GET /cart/a.page"),\n    claims.crosses(',
        ),
        encoding="utf-8",
    )
    with pytest.raises(ArchitectureClaimError) as caught:
        app.build()
    message = str(caught.value)
    assert "index.rst:4" in message
    assert "shop.py:17: claim 'Cart and shelf share a process.' is false of model Shop" in message
    assert "shelf does not handle GET /cart/a.page" in message
    assert "1. listener -> cart over kernel queue" in message


# Each bad input of a model, as a change to the fixture: (where, old text, new text),
# the line of shop.py the error must name, and what it must say.
BAD_INPUTS = {
    "unknown component": (
        "shop.py", "SHOP.entry(listener)",
        'SHOP.route("cart", "nowhere", IN_PROCESS)\nSHOP.entry(listener)',
        13, "model Shop: unknown component 'nowhere' as rule target",
    ),
    "routing cycle": (
        "shop.py", "SHOP.entry(listener)",
        'SHOP.route("cart/runtime", "cart", IN_PROCESS)\nSHOP.entry(listener)',
        13, "model Shop: routing cycle cart -> cart/runtime -> cart",
    ),
    "request no rule routes": (
        "index.rst", ":request: GET /cart/a.page", ":request: GET /basket/a.page",
        7, "model Shop: no rule routes GET /basket/a.page at component 'listener'",
    ),
    "component view's request no rule routes": (
        "index.rst", ":models: SHOP\n   :claims:",
        ":models: SHOP\n   :request: GET /basket/a.page\n   :claims:",
        7, "model Shop: no rule routes GET /basket/a.page at component 'listener'",
    ),
    "claim about a missing component": (
        "shop.py", "CLAIMS = [",
        'CLAIMS = [\n    claims.served_in("Ghost serves.", SHOP, "ghost", "GET /cart/a.page"),',
        16, "model Shop: unknown component 'ghost' as component",
    ),
}


def break_fixture(srcdir, case: str) -> None:
    where, old, new, _line, _message = BAD_INPUTS[case]
    path = srcdir / ("architecture/shop.py" if where == "shop.py" else where)
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_stops_the_build_with_one_line_naming_the_element(make_app, rootdir, tmp_path,
                                                                    case):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-architecture", srcdir)
    break_fixture(srcdir, case)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    with pytest.raises(ArchitectureClaimError) as caught:
        app.build()
    message = str(caught.value)
    *_, line, expected = BAD_INPUTS[case]
    assert "\n" not in message
    assert message.startswith(f"{srcdir / 'index.rst'}:")  # the directive's place
    assert f"shop.py:{line}: {expected}" in message  # the model element's place


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_on_the_command_line_is_one_line_and_exit_2(rootdir, tmp_path, capsys, case):
    from triglot.cli import main

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-architecture", srcdir)
    break_fixture(srcdir, case)
    model = srcdir / "architecture" / "shop.py"
    request = "/basket/a.page" if case.endswith("request no rule routes") else "/cart/a.page"
    assert main(["arch", "run", f"{model}:SHOP", "GET", request]) == 2
    err = capsys.readouterr().err
    *_, line, expected = BAD_INPUTS[case]
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"shop.py:{line}: {expected}" in err


POOLS = '''from triglot.architecture.model import KERNEL_QUEUE, Model

POOLS = Model("Pools")
queue = POOLS.driver("queue", name="queue.sys")
pool = POOLS.process("pool", name="pool.exe", concept="application-pool", serves=True)
worker = POOLS.process("worker", name="worker.exe", concept="worker-process", serves=True)
POOLS.route(queue, pool, KERNEL_QUEUE, path="/a").route(queue, worker, KERNEL_QUEUE)
POOLS.entry(queue)
'''


@needs_dot
@pytest.mark.parametrize("language", ["ja", "pt_BR"])  # en links the same way
def test_every_component_links_to_its_glossary_entry(make_app, rootdir, tmp_path, language):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-site", srcdir)
    (srcdir / "architecture").mkdir()
    (srcdir / "architecture" / "pools.py").write_text(POOLS, encoding="utf-8")
    with (srcdir / "article.rst").open("a", encoding="utf-8") as article:
        article.write("\n.. architecture:: architecture/pools.py\n")
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"language": language})
    app.build()
    page = (app.outdir / "article.html").read_text(encoding="utf-8")
    start = page.index("<svg ", page.index("triglot-architecture-view"))
    svg = page[start:page.index("</svg>", start)]
    links = re.findall(r'<a xlink:href="([^"]*)"', svg)
    assert sorted(links) == ["glossary.html#term-application-pool",
                             "glossary.html#term-worker-process"]
    glossary = (app.outdir / "glossary.html").read_text(encoding="utf-8")
    assert all(f'id="{link.partition("#")[2]}"' in glossary for link in links)


@needs_dot
def test_a_diagram_is_drawn_again_when_a_concept_it_labels_changes(rootdir, tmp_path,
                                                                   sphinx_html):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-site", srcdir)
    (srcdir / "architecture").mkdir()
    (srcdir / "architecture" / "pools.py").write_text(POOLS, encoding="utf-8")
    (srcdir / "pools.rst").write_text("Pools\n=====\n\n.. architecture:: architecture/pools.py\n",
                                      encoding="utf-8")
    with (srcdir / "index.rst").open("a", encoding="utf-8") as index:
        index.write("   pools\n")
    out = tmp_path / "ja"
    sphinx_html(srcdir, out, "ja")
    special = (out / "special.html").stat().st_mtime_ns  # its text has no pool
    termbase = srcdir / "glossary" / "termbase.yaml"
    text = termbase.read_text(encoding="utf-8")
    termbase.write_text(text.replace("ja: [アプリケーション プール]", "ja: [アプリ プール]"),
                        encoding="utf-8")
    sphinx_html(srcdir, out, "ja")
    page = (out / "pools.html").read_text(encoding="utf-8")
    svg = page[page.index("<svg "):page.index("</svg>")]
    assert ">アプリ プール</text>" in svg and "アプリケーション" not in svg
    assert (out / "special.html").stat().st_mtime_ns == special


@needs_dot
def test_a_reader_steps_through_the_request_and_follows_a_component_link(make_app, rootdir,
                                                                        tmp_path):
    # the inlined SVG in headless Chromium: its ids still match the step-through script's,
    # its links still lead to the glossary entry, its labels are the page's language
    from triglot.browser import browser_paths, chromium, serve

    if browser_paths() is None:
        pytest.skip("needs chromium and chromedriver")
    by = pytest.importorskip("selenium.webdriver.common.by").By
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-site", srcdir)
    (srcdir / "architecture").mkdir()
    (srcdir / "architecture" / "pools.py").write_text(POOLS, encoding="utf-8")
    with (srcdir / "article.rst").open("a", encoding="utf-8") as article:
        article.write("\n.. architecture:: architecture/pools.py\n   :view: sequence\n"
                      "   :request: GET /a/page\n")
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"language": "ja"})
    app.build()
    with serve(app.outdir) as url, chromium() as driver:
        driver.get(f"{url}/article.html")
        view = driver.find_element(by.CSS_SELECTOR, ".triglot-architecture-view")
        svg = view.find_element(by.CSS_SELECTOR, "svg")
        assert svg.get_attribute("role") == "img"
        assert "アプリケーション プール" in svg.get_attribute("aria-label")
        assert "アプリケーション プール" in svg.text
        hop = driver.find_element(by.ID, f"{view.get_attribute('data-prefix')}-hop-1")
        assert "active" not in hop.get_attribute("class")
        view.find_element(by.CSS_SELECTOR, "button[aria-label='次のホップ']").click()
        assert "active" in hop.get_attribute("class").split()
        step = view.find_element(by.CSS_SELECTOR, ".triglot-architecture-description li")
        assert "active" in step.get_attribute("class").split()
        view.find_element(by.CSS_SELECTOR, "button[aria-label='前のホップ']").click()
        assert "active" not in hop.get_attribute("class").split()
        hrefs = driver.execute_script("return Array.from(arguments[0].querySelectorAll('a'))"
                                      ".map(a => a.href.baseVal)", svg)
        assert "glossary.html#term-application-pool" in hrefs
        link = svg.find_elements(by.CSS_SELECTOR, "a")[
            hrefs.index("glossary.html#term-application-pool")]
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', "
                              "{bubbles: true}))", link)
        assert driver.current_url == f"{url}/glossary.html#term-application-pool"
        assert driver.find_element(by.ID, "term-application-pool").is_displayed()


@needs_dot
def test_an_unsafe_link_in_a_models_words_is_drawn_as_text_and_reported(make_app, rootdir,
                                                                        tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-architecture", srcdir)
    catalog = srcdir / "architecture/locales/ja/LC_MESSAGES/shop.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('msgstr "ショップ"',
                                    'msgstr "`ショップ <javascript:alert(1)>`_"'),
                       encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"language": "ja"})
    app.build()
    line = text.splitlines().index('msgid "Shop"') + 1
    assert (f"{catalog}:{line}: WARNING: link to 'javascript:alert(1)' in the model's words "
            "is shown as text") in app.warning.getvalue()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "`ショップ &lt;javascript:alert(1)&gt;`_</text>" in page
    assert 'href="javascript' not in page


# A model file is code: what goes wrong in it, at module level or in a claim's test.
HOSTILE_MODELS = {
    "raises": ("raise ValueError('no model today')  # here",
               "the model file raised ValueError: no model today"),
    "exits": ("import sys\nsys.exit(0)  # here", "the model file called sys.exit(0)"),
    "loops": ("while True: pass  # here",
              "the model file ran for more than 0.5 s (an endless loop?"),
    "claim raises": ("CLAIMS.append(claims.Claim('Bad.', SHOP, 'Bad.', CLAIMS[0].origin,\n"
                     "                          lambda: 1 / 0))  # here",
                     "the model file raised ZeroDivisionError: division by zero"),
}


def hostile_model(srcdir, case: str) -> int:
    """Append the case's code to the fixture's model file; the line it fails at."""
    model = srcdir / "architecture" / "shop.py"
    text = model.read_text(encoding="utf-8")
    code = HOSTILE_MODELS[case][0]
    model.write_text(f"{text}\n{code}\n", encoding="utf-8")
    lines = model.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.endswith("# here"))


@pytest.mark.parametrize("case", sorted(HOSTILE_MODELS))
def test_a_model_file_that_fails_fails_the_build_with_one_line(make_app, rootdir, tmp_path,
                                                              case):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-architecture", srcdir)
    line = hostile_model(srcdir, case)
    app = make_app("html", srcdir=srcdir, freshenv=True,
                   confoverrides={"triglot_model_time_limit": 0.5})
    with pytest.raises(ArchitectureClaimError) as caught:
        app.build()
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{srcdir / 'index.rst'}:")
    assert f"shop.py:{line}: {HOSTILE_MODELS[case][1]}" in message


@pytest.mark.parametrize("case", ["raises", "exits", "loops"])
def test_a_model_file_that_fails_is_one_line_and_exit_2_on_the_command_line(
        rootdir, tmp_path, capsys, case):
    from triglot.cli import main

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-architecture", srcdir)
    line = hostile_model(srcdir, case)
    model = srcdir / "architecture" / "shop.py"
    assert main(["arch", "--time-limit", "0.5", "run", f"{model}:SHOP", "GET",
                 "/cart/a.page"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"shop.py:{line}: {HOSTILE_MODELS[case][1]}" in err

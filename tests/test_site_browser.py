"""The built site in headless Chromium: switch language and land on the same paragraph,
hover a term for its definition, open a paragraph's counterparts, search the Japanese site
for ``w3wp.exe``, and no request leaves localhost. Skipped when Chromium, chromedriver or
Selenium are absent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from triglot.browser import browser_paths, chromium, serve
from triglot.sphinxext.core.paragraphs import anchor_for

if browser_paths() is None:
    pytest.skip("needs chromium and chromedriver", allow_module_level=True)
pytest.importorskip("selenium.webdriver")


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def _wait(driver: Any, condition: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 10).until(condition)


def _requests_stay_local(driver: Any, site_url: str) -> None:
    names = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert names and all(name.startswith(site_url) for name in names), names


def test_switching_language_lands_on_the_same_paragraph(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By

    anchor = anchor_for("Each application pool runs in its own worker process.")
    browser.get(f"{site_url}/ja/article.html#{anchor}")
    browser.find_element(By.CSS_SELECTOR, "nav.triglot-languages a[hreflang='pt-BR']").click()
    _wait(browser, lambda d: "/pt-br/" in d.current_url)
    assert browser.current_url == f"{site_url}/pt-br/article.html#{anchor}"
    target = browser.execute_script("return document.querySelector(':target').id")
    assert target == anchor
    assert "pool de aplicativos" in browser.find_element(By.ID, anchor).text
    _requests_stay_local(browser, site_url)


def test_hovering_a_term_shows_its_definition(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(f"{site_url}/ja/article.html")
    term = browser.find_element(By.CSS_SELECTOR, "a.triglot-term[href$='#term-application-pool']")
    ActionChains(browser).move_to_element(term).perform()
    assert term.text == "アプリケーション プール"
    assert term.get_attribute("title") == (
        "同じワーカー プロセスで処理される <Web> アプリケーションのグループ。")
    term.click()
    _wait(browser, lambda d: d.current_url.endswith("/ja/glossary.html#term-application-pool"))


@pytest.mark.parametrize(("site", "query"), [
    ("ja", "w3wp.exe"), ("ja", "aspnet_isapi.dll"), ("ja", "アプリケーション プール"),
    ("ja", "アプリケーションプール"), ("pt-br", "processos"),
])
def test_search_finds_the_article(browser: Any, site_url: str, site: str, query: str) -> None:
    from urllib.parse import quote

    from selenium.webdriver.common.by import By

    browser.get(f"{site_url}/{site}/search.html?q={quote(query)}")
    results = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "ul.search li a"))
    assert any(link.get_attribute("href").endswith("article.html") for link in results)
    _requests_stay_local(browser, site_url)


def test_opening_a_paragraphs_counterparts_shows_the_japanese(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By

    anchor = anchor_for("Each application pool runs in its own worker process.")
    browser.get(f"{site_url}/en/article.html")
    box = browser.find_element(By.CSS_SELECTOR, f"#{anchor} + details.triglot-counterparts")
    japanese = box.find_element(By.CSS_SELECTOR, "div[lang='ja']")
    assert not japanese.is_displayed()
    box.find_element(By.TAG_NAME, "summary").click()
    _wait(browser, lambda d: japanese.is_displayed())
    assert japanese.text == (
        "日本語 各アプリケーション プールは独自のワーカー プロセスで実行されます。")
    assert box.find_element(By.CSS_SELECTOR, "div[lang='pt-BR']").text.startswith(
        "Português (Brasil) Cada pool de aplicativos")


def test_glossary_back_link_lands_on_the_paragraph(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By

    anchor = anchor_for(
        "In IIS 6, ``w3wp.exe`` loads ``aspnet_isapi.dll`` for every application pool.")
    browser.get(f"{site_url}/ja/glossary.html")
    browser.find_element(
        By.CSS_SELECTOR, f"dt#term-application-pool + dd .triglot-backlinks a[href$='#{anchor}']"
    ).click()
    _wait(browser, lambda d: d.current_url == f"{site_url}/ja/article.html#{anchor}")
    assert browser.execute_script("return document.querySelector(':target').id") == anchor


def test_status_page_is_linked_and_its_chart_renders(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site_url}/pt-br/article.html")
    browser.find_element(By.CSS_SELECTOR, "p.triglot-status-link a").click()
    _wait(browser, lambda d: d.current_url.endswith("/pt-br/triglot-status.html"))
    chart = browser.find_element(By.CSS_SELECTOR, "svg.triglot-chart[role='img']")
    assert chart.size["width"] > 300 and chart.size["height"] > 50
    assert chart.get_attribute("aria-label").startswith("6 de 9 parágrafos traduzidos")
    _requests_stay_local(browser, site_url)


def test_an_on_demand_fold_loads_its_text_from_the_file_system(
        browser: Any, built_site: Path, tmp_path: Path) -> None:
    import shutil
    from io import StringIO

    from selenium.webdriver.common.by import By
    from sphinx.testing.util import SphinxTestApp

    source = tmp_path / "src"
    shutil.copytree(built_site.parent / "src", source,
                    ignore=shutil.ignore_patterns("_build"))
    app = SphinxTestApp("html", srcdir=source, builddir=tmp_path / "_build",
                        confoverrides={"language": "en", "triglot_counterparts": "on-demand"},
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    anchor = anchor_for("Each application pool runs in its own worker process.")
    browser.get((Path(app.outdir) / "article.html").as_uri())  # file://: no fetch possible
    box = browser.find_element(By.CSS_SELECTOR, f"#{anchor} + details.triglot-counterparts")
    assert box.find_elements(By.CSS_SELECTOR, "div[lang='ja']") == []
    box.find_element(By.TAG_NAME, "summary").click()
    japanese = _wait(browser, lambda d: box.find_element(By.CSS_SELECTOR, "div[lang='ja']"))
    assert japanese.text == (
        "日本語 各アプリケーション プールは独自のワーカー プロセスで実行されます。")
    link = japanese.find_element(By.CSS_SELECTOR, "a[hreflang='ja']")
    assert link.get_attribute("href").endswith(f"/ja/article.html#{anchor}")


def test_no_script_of_a_translation_runs(browser: Any, built_site: Path, tmp_path: Path) -> None:
    import shutil
    from io import StringIO

    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    from sphinx.testing.util import SphinxTestApp

    source = tmp_path / "src"
    shutil.copytree(built_site.parent / "src", source,
                    ignore=shutil.ignore_patterns("_build"))
    catalog = source / "locale" / "ja" / "LC_MESSAGES" / "article.po"
    hostile = ("`ここ <javascript:window.ran=1>`_ `そこ <JaVa&#83;cript:window.ran=2>`_ "
               "<data:text/html,<script>window.ran=3</script>> 各アプリケーション プールは")
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'msgstr "各アプリケーション プールは', f'msgstr "{hostile}'), encoding="utf-8")
    app = SphinxTestApp("html", srcdir=source, builddir=tmp_path / "_build",
                        confoverrides={"language": "ja"}, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    browser.get((Path(app.outdir) / "article.html").as_uri())
    shown = browser.find_elements(By.CSS_SELECTOR, ".triglot-unsafe-link")
    assert [element.text for element in shown] == ["ここ", "そこ", "data:text/html"]
    for element in shown:
        element.click()
    for link in browser.find_elements(By.TAG_NAME, "a"):
        assert not (link.get_attribute("href") or "").lower().startswith(
            ("javascript:", "data:", "vbscript:"))
    assert browser.execute_script("return window.ran") is None
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018  (the fixture's <script>alert(1)</script>)


REPO = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def article_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This repository's own article (Figure 2, the Japanese translation), built in ja."""
    import shutil

    from conftest import build_in_process

    base = tmp_path_factory.mktemp("article")
    shutil.copy(REPO / "conf.py", base)
    for folder in ("docs", "locale", "glossary"):
        shutil.copytree(REPO / folder, base / folder,
                        ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    build_in_process(base / "docs", base / "site" / "ja", "ja", "-c", str(base),
                     doctrees=base / "doctrees")
    with serve(base / "site") as url:
        yield url


@pytest.mark.parametrize("query", ["名前付きパイプ", "分離レベル", "正常性の監視", "w3wp.exe"])
def test_japanese_search_finds_the_article_for_words_typed_without_spaces(
        browser: Any, article_url: str, query: str) -> None:
    from urllib.parse import quote

    from selenium.webdriver.common.by import By

    browser.get(f"{article_url}/ja/search.html?q={quote(query)}")
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "ul.search li p.context"))
    items = browser.find_elements(By.CSS_SELECTOR, "ul.search li")
    article = [item for item in items
               if item.find_element(By.TAG_NAME, "a").get_attribute("href").endswith(
                   "/ja/iis-aspnet.html")]
    assert article, [item.text for item in items]
    snippet = _wait(browser, lambda d: article[0].find_element(By.CSS_SELECTOR, "p.context"))
    # the page's own text: no folded English or Portuguese, no diagram ids
    assert not any(noise in snippet.text for noise in ("triglot-arch", "cluster_m", "m0:",
                                                       "processo", "English"))
    _requests_stay_local(browser, article_url)


def _figure(browser: Any, article_url: str) -> Any:
    from selenium.webdriver.common.by import By

    browser.get(f"{article_url}/ja/iis-aspnet.html")
    return browser.find_element(By.CSS_SELECTOR, "#figure-2 .triglot-architecture-view")


def test_figure_2_steps_through_a_request_by_keyboard(browser: Any, article_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    view = _figure(browser, article_url)
    steps = view.find_elements(By.CSS_SELECTOR, "li[data-targets]")
    assert len(steps) == int(view.get_attribute("data-steps")) > 3
    status = view.find_element(By.CSS_SELECTOR, "[role='status'][aria-live='polite']")
    following = view.find_element(By.CSS_SELECTOR, "button[aria-label='次のホップ']")
    following.send_keys(Keys.ENTER)  # a real key press on the focused button
    assert browser.switch_to.active_element == following
    first = steps[0].get_attribute("data-targets").split()
    lit = browser.execute_script(
        "return Array.from(document.querySelectorAll('svg .active')).map(e => e.id)")
    assert sorted(lit) == sorted(first) and len(first) == 3  # the arrow and its two ends
    assert status.get_attribute("textContent").startswith(f"1/{len(steps)} IIS5")
    following.send_keys(Keys.ARROW_RIGHT)
    assert "active" in steps[1].get_attribute("class").split()
    assert status.get_attribute("textContent").startswith(f"2/{len(steps)} ")
    following.send_keys(Keys.END)
    assert status.get_attribute("textContent").startswith(f"{len(steps)}/{len(steps)} IIS6")
    following.send_keys(Keys.ARROW_LEFT)
    assert "active" in steps[-2].get_attribute("class").split()
    following.send_keys(Keys.HOME)
    assert "stepping" not in view.get_attribute("class").split()
    assert status.get_attribute("textContent") == ""


def test_figure_2_opened_on_a_phone_has_labels_of_11_css_px(browser: Any,
                                                           article_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(390, 844)
    try:
        view = _figure(browser, article_url)
        view.find_element(By.CSS_SELECTOR, "button.triglot-arch-open").send_keys(Keys.ENTER)
        dialog = browser.find_element(By.CSS_SELECTOR, "dialog.triglot-arch-dialog")
        assert dialog.get_attribute("open") is not None
        smallest = browser.execute_script(
            "return Math.min(...Array.from(arguments[0].querySelectorAll('svg text')).map("
            "t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))", dialog)
        assert smallest >= 11, smallest
        dialog.find_element(By.CSS_SELECTOR, "button[aria-label='拡大']").click()
        larger = browser.execute_script(
            "return arguments[0].querySelector('svg text').getScreenCTM().a", dialog)
        assert larger > smallest / 9 * 1.2
        browser.switch_to.active_element.send_keys(Keys.ESCAPE)
        _wait(browser, lambda d: dialog.get_attribute("open") is None)
        # the SVG goes back into the figure on the dialog's close event, just after
        _wait(browser, lambda d: d.find_elements(
            By.CSS_SELECTOR, "#figure-2 .triglot-architecture-view svg"))
    finally:
        browser.set_window_size(1200, 900)


def _luminance(css_color: str) -> float:
    import re

    red, green, blue = (float(v) / 255 for v in re.findall(r"[\d.]+", css_color)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_figure_2_in_dark_mode_is_dark(browser: Any, article_url: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        view = _figure(browser, article_url)
        colours = browser.execute_script(
            "const svg = arguments[0].querySelector('svg');"
            "const box = svg.querySelector('[fill=\"#ffffff\"]');"
            "return [getComputedStyle(box).fill, getComputedStyle(svg.querySelector('text')).fill,"
            " getComputedStyle(document.body).backgroundColor]", view)
        paper, ink, page = (_luminance(c) for c in colours)
        assert paper < 0.25 and ink > 0.7 and abs(paper - page) < 0.1, colours
        (tmp_path / "figure-2-dark.png").write_bytes(
            browser.find_element(By.ID, "figure-2").screenshot_as_png)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

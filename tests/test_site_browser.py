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

"""The reader's site in headless Chromium, with the theme this project uses (Furo): the
switcher keeps the paragraph at the top of the window, the search query and the reader's
choice; definitions open on focus and touch; the parallel view and status page fit a
390-pixel phone; axe-core finds nothing serious or critical. Skipped when Chromium,
chromedriver or Selenium are absent; the accessibility tests also when axe-core is not
installed (``make test`` installs it from package-lock.json with npm)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from triglot.browser import accessibility_violations, browser_paths, chromium, serve
from triglot.languages import get_language
from triglot.sphinxext.core.paragraphs import anchor_for

if browser_paths() is None:
    pytest.skip("needs chromium and chromedriver", allow_module_level=True)
pytest.importorskip("selenium.webdriver")

AXE = Path(__file__).parents[1] / "node_modules" / "axe-core" / "axe.min.js"
SITES = ("en", "ja", "pt-br")
FIRST = anchor_for("Each application pool runs in its own worker process.")
# The paragraph scrolled to the top of the window before switching.
READ = anchor_for("This paragraph has no translation yet.")


@pytest.fixture(scope="module")
def site_url(built_furo_site: Path) -> Iterator[str]:
    with serve(built_furo_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # a short window, so that the article scrolls
    with chromium(1000, 500) as driver:
        yield driver


def _wait(driver: Any, condition: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 10).until(condition)


def _switch(browser: Any, language: str) -> None:
    from selenium.webdriver.common.by import By

    browser.find_element(By.CSS_SELECTOR,
                         f"nav.triglot-languages a[hreflang='{language}']").click()
    _wait(browser, lambda d: f"/{get_language(language).site_dir}/" in d.current_url
          and d.execute_script("return document.readyState") == "complete")


def _box(browser: Any, anchor: str) -> dict[str, float]:
    return browser.execute_script(
        "var box = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return {top: box.top, bottom: box.bottom, height: innerHeight};", anchor)


@pytest.mark.parametrize("stale", [False, True], ids=["no-hash", "stale-hash"])
@pytest.mark.parametrize(("source", "target"), list(itertools.permutations(SITES, 2)))
def test_switching_after_scrolling_keeps_the_paragraph_at_the_top(
        browser: Any, site_url: str, source: str, target: str, stale: bool) -> None:
    browser.get(f"{site_url}/{source}/article.html" + (f"#{FIRST}" if stale else ""))
    browser.execute_async_script("document.fonts.ready.then(arguments[0])")
    # a reader scrolls until the paragraph is just under the sticky switcher (again, should
    # the browser still be scrolling to the URL's paragraph)
    _wait(browser, lambda d: d.execute_script(
        "var nav = document.querySelector('nav.triglot-languages');"
        "var gap = document.getElementById(arguments[0]).getBoundingClientRect().top"
        " - nav.getBoundingClientRect().bottom;"
        "if (gap >= 0 && gap < 8) { return true; }"
        "window.scrollBy({top: gap - 4, behavior: 'instant'}); return false;", READ))
    assert browser.execute_script("return scrollY") > 0
    _switch(browser, get_language(target.replace("-br", "_BR")).tag)
    assert browser.current_url == f"{site_url}/{target}/article.html#{READ}"
    box = _box(browser, READ)
    assert 0 <= box["top"] <= box["height"] / 3, box


def test_switching_at_the_top_of_the_page_opens_the_other_at_its_top(
        browser: Any, site_url: str) -> None:
    browser.get(f"{site_url}/ja/article.html")
    _switch(browser, "pt-BR")
    assert browser.current_url == f"{site_url}/pt-br/article.html"
    assert browser.execute_script("return scrollY") == 0


def test_the_search_query_goes_along(browser: Any, site_url: str) -> None:
    browser.get(f"{site_url}/ja/search.html?q=w3wp.exe")
    _switch(browser, "en")
    assert browser.current_url == f"{site_url}/en/search.html?q=w3wp.exe"


def test_the_root_page_opens_the_language_last_chosen(browser: Any, site_url: str,
                                                      built_furo_site: Path) -> None:
    from triglot.site import root_page

    (built_furo_site / "index.html").write_text(
        root_page([get_language(code) for code in ("en", "ja", "pt_BR")]), encoding="utf-8")
    browser.get(f"{site_url}/index.html")
    _wait(browser, lambda d: "/en/index.html" in d.current_url)  # the browser's language
    browser.get(f"{site_url}/en/article.html")
    _switch(browser, "pt-BR")
    browser.get(f"{site_url}/index.html")
    _wait(browser, lambda d: "/pt-br/index.html" in d.current_url)
    browser.execute_script("localStorage.clear()")


def test_a_definition_opens_on_focus_and_on_a_first_tap(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site_url}/ja/article.html")
    term = browser.find_element(By.CSS_SELECTOR, "a.triglot-term[href$='#term-application-pool']")
    shown = "return getComputedStyle(arguments[0], '::after').content"
    assert browser.execute_script(shown, term) == "none"
    browser.execute_script("arguments[0].focus()", term)
    assert "ワーカー プロセスで処理される" in browser.execute_script(shown, term)
    browser.execute_script("arguments[0].blur()", term)
    browser.execute_script(
        "arguments[0].dispatchEvent(new PointerEvent('pointerdown',"
        " {pointerType: 'touch', bubbles: true})); arguments[0].click();", term)
    assert browser.current_url == f"{site_url}/ja/article.html"  # the first tap only shows
    assert "ワーカー プロセスで処理される" in browser.execute_script(shown, term)
    browser.execute_script(
        "arguments[0].dispatchEvent(new PointerEvent('pointerdown',"
        " {pointerType: 'touch', bubbles: true})); arguments[0].click();", term)
    _wait(browser, lambda d: d.current_url.endswith("/ja/glossary.html#term-application-pool"))


@pytest.mark.parametrize("page", ["parallel/article.html", "triglot-status.html"])
def test_a_phone_reads_the_page_without_scrolling_sideways(
        browser: Any, site_url: str, page: str) -> None:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 390, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        for site in SITES:
            browser.get(f"{site_url}/{site}/{page}")
            assert browser.execute_script(
                "return document.documentElement.scrollWidth") <= 390, (site, page)
            # the parallel view's cells are stacked, a full line wide, never cut mid-word
            widths = browser.execute_script(
                "return [...document.querySelectorAll('table.triglot-parallel td')]"
                ".map(td => td.getBoundingClientRect().width)")
            assert all(width > 300 for width in widths), (site, widths)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.skipif(not AXE.is_file(), reason="needs axe-core: npm ci --omit=dev")
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["article.html", "glossary.html", "parallel/article.html",
                                  "triglot-status.html", "search.html?q=pool"])
def test_axe_finds_nothing_serious(browser: Any, site_url: str, page: str, scheme: str) -> None:
    axe = AXE.read_text(encoding="utf-8")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": scheme}]})
    try:
        for site in SITES:
            browser.get(f"{site_url}/{site}/{page}")
            assert accessibility_violations(browser, axe) == [], (site, page, scheme)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

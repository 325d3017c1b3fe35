"""The built site in a real browser: a local HTTP server and headless Debian Chromium.

Used by ``triglot screenshots`` and the browser tests. Chromium runs with a fresh
profile and without the services that would make requests of their own (sync, component
updates, background networking), so every request it makes is one the page makes.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from triglot.errors import TriglotError

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free localhost port; yield its URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def browser_paths() -> tuple[str, str] | None:
    """(chromium, chromedriver) when both are installed."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@contextmanager
def chromium(width: int = 1200, height: int = 900) -> Iterator[Any]:
    """A Selenium driver of headless Chromium with a fresh profile, quit on exit."""
    paths = browser_paths()
    if paths is None:
        raise TriglotError("needs Chromium and its driver: apt-get install chromium "
                           "chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise TriglotError("needs Selenium: pip install selenium") from None
    with tempfile.TemporaryDirectory(prefix="triglot-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = paths[0]
        for flag in (*CHROMIUM_FLAGS, f"--window-size={width},{height}",
                     f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service(executable_path=paths[1]))
        try:
            yield driver
        finally:
            driver.quit()


def full_page_png(driver: Any) -> bytes:
    """A PNG of the whole page, beyond the window (Chromium's DevTools protocol)."""
    import base64

    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
    })
    return base64.b64decode(shot["data"])


def accessibility_violations(driver: Any, axe_script: str,
                             impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """The axe-core violations of the page open in ``driver`` with one of ``impacts``, one
    line each (rule, impact, the first offending elements); ``axe_script`` is axe-core's
    ``axe.min.js``, injected into the page."""
    driver.execute_script(axe_script)
    result = driver.execute_async_script(
        "axe.run(document, {resultTypes: ['violations']}).then(arguments[0], "
        "function (error) { arguments[0]({error: String(error)}); });")
    if "error" in result:
        raise TriglotError(f"axe-core failed: {result['error']}")
    return [f"{v['id']} ({v['impact']}): "
            + "; ".join(" ".join(node["target"]) for node in v["nodes"][:3])
            + f" [{len(v['nodes'])} elements]"
            for v in result["violations"] if v["impact"] in impacts]

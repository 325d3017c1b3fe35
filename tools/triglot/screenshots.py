"""Screenshots of one page of the built site in every language.

``triglot screenshots`` serves ``_build/site`` on localhost, opens
``<language>/<page>.html`` of each language in headless Chromium, and writes the whole
page to ``_build/screenshots/<language>.png`` (the language's site folder: ``en``,
``ja``, ``pt-br``). Given several window widths, or colour schemes (the reader's
``prefers-color-scheme``, which themes such as Furo follow), it writes one PNG per
combination: ``<language>-<width>-<scheme>.png``, each part only when asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from triglot.browser import chromium, full_page_png, serve
from triglot.errors import TriglotError
from triglot.project import Project
from triglot.textio import write_atomic

SCREENSHOTS_DIR = Path("_build") / "screenshots"
ROOT_PAGE = "index"  # Sphinx's default root_doc


SCHEMES = ("light", "dark")


def take_screenshots(project: Project, site: Path, outdir: Path, page: str = ROOT_PAGE,
                     width: int | Sequence[int] = 1200, height: int = 900,
                     schemes: Sequence[str] = ()) -> list[Path]:
    """Write a PNG of the whole of ``page`` (however long: the window is ``width`` x
    ``height``) in each of the project's languages, at each width and in each colour
    scheme of ``schemes`` (default: the browser's); return the files."""
    widths = [width] if isinstance(width, int) else list(width)
    unknown = sorted(set(schemes) - set(SCHEMES))
    if unknown or not widths or min(widths) < 1:
        raise TriglotError(f"screenshots: widths must be positive and schemes one of "
                           f"{', '.join(SCHEMES)} (got {widths}, {list(schemes)})")
    missing = [lang.site_dir for lang in project.languages
               if not (site / lang.site_dir / f"{page}.html").is_file()]
    if missing:
        raise TriglotError(f"no {page}.html for {', '.join(missing)}: build the site first "
                           "(triglot site)", path=site)
    written = []
    with serve(site) as url, chromium(widths[0], height) as driver:
        # as on a phone: no scrollbar taking a strip of the page's width
        driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
        for size in widths:
            # the layout viewport itself, whatever room the window leaves for scrollbars
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": size, "height": height, "deviceScaleFactor": 1, "mobile": False})
            for scheme in schemes or [""]:
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
                    {"name": "prefers-color-scheme", "value": scheme}]})
                for lang in project.languages:
                    driver.get(f"{url}/{lang.site_dir}/{page}.html")
                    # laid out once its fonts are: wait for them, not for a delay
                    driver.execute_async_script("document.fonts.ready.then(arguments[0])")
                    name = "-".join([lang.site_dir, *([str(size)] if len(widths) > 1 else []),
                                     *([scheme] if scheme else [])])
                    path = outdir / f"{name}.png"
                    write_atomic(path, full_page_png(driver))
                    written.append(path)
    return written

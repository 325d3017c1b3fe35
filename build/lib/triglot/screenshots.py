"""Screenshots of one page of the built site in every language.

``triglot screenshots`` serves ``_build/site`` on localhost, opens
``<language>/<page>.html`` of each language in headless Chromium, and writes the whole
page to ``_build/screenshots/<language>.png`` (the language's site folder: ``en``,
``ja``, ``pt-br``).
"""

from __future__ import annotations

from pathlib import Path

from triglot.browser import chromium, full_page_png, serve
from triglot.errors import TriglotError
from triglot.project import Project
from triglot.textio import write_atomic

SCREENSHOTS_DIR = Path("_build") / "screenshots"
ROOT_PAGE = "index"  # Sphinx's default root_doc


def take_screenshots(project: Project, site: Path, outdir: Path, page: str = ROOT_PAGE,
                     width: int = 1200, height: int = 900) -> list[Path]:
    """Write a PNG of the whole of ``page`` (however long: the window is ``width`` x
    ``height``) in each of the project's languages; return the files."""
    missing = [lang.site_dir for lang in project.languages
               if not (site / lang.site_dir / f"{page}.html").is_file()]
    if missing:
        raise TriglotError(f"no {page}.html for {', '.join(missing)}: build the site first "
                           "(triglot site)", path=site)
    written = []
    with serve(site) as url, chromium(width, height) as driver:
        for lang in project.languages:
            driver.get(f"{url}/{lang.site_dir}/{page}.html")
            # the page is laid out once its fonts are: wait for them, not for a delay
            driver.execute_async_script("document.fonts.ready.then(arguments[0])")
            path = outdir / f"{lang.site_dir}.png"
            write_atomic(path, full_page_png(driver))
            written.append(path)
    return written

"""Building the whole site: one Sphinx HTML build per language, and a root page.

Each language is a separate ``sphinx-build -c <root> docs <out>/<lang> -D language=<code>``
run (Sphinx builds one language per run), with its own doctrees so that rebuilds stay
incremental. The runs are forked one after the other from this process, after it has
imported Sphinx and the extension and loaded the source language's term analyzer once:
each starts warm, yet with the fresh global state of its own process (Sphinx keeps the
translations of its messages per process, and the first language's would stick). The
root page links the languages and sends a reader with scripts on to the one their
browser prefers.
"""

from __future__ import annotations

import html
import json
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path

from triglot.errors import TriglotError
from triglot.languages import Language
from triglot.project import Project
from triglot.textio import write_atomic

SITE_DIR = Path("_build") / "site"
DOCTREES_DIR = Path("_build") / "doctrees"


def sphinx_arguments(project: Project, language: Language, outdir: Path,
                     extra: Sequence[str] = ()) -> list[str]:
    """The ``sphinx-build`` arguments that build ``language`` into ``outdir``."""
    return [
        "-b", "html", "-q",
        "-c", str(project.root), "-d", str(project.root / DOCTREES_DIR / language.code),
        "-D", f"language={language.code}", *extra,
        str(project.source_dir), str(outdir / language.site_dir),
    ]


def build_site(project: Project, outdir: Path | None = None,
               extra: Sequence[str] = ()) -> Path:
    """Build every language of ``project``; return the site's folder.

    The builds are forks of the calling process: call this from one that has not run
    Sphinx itself (as ``triglot site`` does), or they inherit its docutils registrations.
    """
    outdir = outdir or project.root / SITE_DIR
    _warm_up(project)
    for language in project.languages:
        print(f"triglot site: building {language.name} ({language.code}) "
              f"into {project.relative(outdir / language.site_dir)}", file=sys.stderr)
        status = _forked(sphinx_arguments(project, language, outdir, extra))
        if status != 0:
            raise TriglotError(f"sphinx-build failed for {language.code} "
                               f"(exit {status}); its messages are above")
    write_atomic(outdir / "index.html", root_page(project.languages).encode("utf-8"))
    return outdir


def _warm_up(project: Project) -> None:
    """Import what every build imports; on a first build, also load the term analyzer
    every build then uses (term links in the source language, and the source side of the
    translations' checks). Later builds find their matches in their term-match cache and
    mostly load no analyzer at all."""
    import sphinx.builders.html
    import sphinx.cmd.build  # noqa: F401

    import triglot.sphinxext  # noqa: F401
    from triglot.sphinxext.matchcache import FILENAME

    first = any(not (project.root / DOCTREES_DIR / lang.code / FILENAME).is_file()
                for lang in project.languages)
    if first and project.glossary.is_file():
        from triglot.terms.analyze import analyzer

        analyzer(project.source_language.code)


def _sphinx_build(arguments: list[str]) -> None:
    from sphinx.cmd.build import build_main

    sys.exit(build_main(arguments))


def _forked(arguments: list[str]) -> int:
    """``sphinx-build arguments`` in a forked child; its exit status."""
    child = multiprocessing.get_context("fork").Process(target=_sphinx_build, args=(arguments,))
    child.start()
    child.join()
    return child.exitcode if child.exitcode is not None else 1


def root_page(languages: Sequence[Language]) -> str:
    """The site's front door: plain links, and a script that follows the browser's language."""
    links = "\n".join(
        f'    <li><a href="{html.escape(lang.site_dir)}/index.html" hreflang="{lang.tag}" '
        f'lang="{lang.tag}">{html.escape(lang.name)}</a></li>'
        for lang in languages
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{lang.tag}" href="{lang.site_dir}/index.html">'
        for lang in languages
    )
    targets = json.dumps({lang.tag.lower(): lang.site_dir for lang in languages})
    default = languages[0].site_dir
    return f"""<!DOCTYPE html>
<html lang="{languages[0].tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Choose a language</title>
{alternates}
<link rel="alternate" hreflang="x-default" href="index.html">
<script>
(function () {{
  var sites = {targets};
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {{
    var tag = String(wanted[i]).toLowerCase();
    var site = sites[tag] || sites[tag.split("-")[0]];
    if (site) {{ location.replace(site + "/index.html" + location.hash); return; }}
  }}
  location.replace("{default}/index.html" + location.hash);
}})();
</script>
</head>
<body>
<ul>
{links}
</ul>
</body>
</html>
"""

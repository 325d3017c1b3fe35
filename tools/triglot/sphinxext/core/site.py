"""The site's languages, and links between the language sites.

By default the site is ``<site>/<language folder>/<page>.html`` for every language (see
:mod:`triglot.site`), so the same page in another language is a relative link computed
at build time. A project that publishes each language elsewhere (one build per language,
as Read the Docs or docs.python.org do) says where in ``triglot_language_urls`` or
``triglot_language_url``, and the links are absolute.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from triglot.languages import Language, get_language
from triglot.sphinxext.core.state import PerBuild

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


# The extension's scripts and styles, shipped with every site.
STATIC = Path(__file__).parent.parent / "static"


def site_languages(config: Config) -> list[Language]:
    return [get_language(code) for code in config.triglot_languages]


def page_language(config: Config) -> Language:
    return get_language(config.language or config.triglot_languages[0])


def is_translation_build(app_or_env: Sphinx | BuildEnvironment) -> bool:
    """Whether this build is of a language other than the source language."""
    config = app_or_env.config
    return bool(config.language) and page_language(config) != site_languages(config)[0]


def is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


# The builder's format per environment, for transforms (they are given the environment,
# not the builder); noted when the builder is made.
_FORMATS: PerBuild[list[str]] = PerBuild(lambda env: [])


def builds_html(env: BuildEnvironment) -> bool:
    """Whether ``env`` is being read for an HTML builder (``is_html`` for transforms)."""
    return _FORMATS.of(env) == ["html"]


def _note_format(app: Sphinx) -> None:
    _FORMATS.of(app.env)[:] = [app.builder.format]


def page_in(app: Sphinx, pagename: str, language: Language, fragment: str = "", *,
            target: str | None = None) -> str:
    """The link from ``pagename`` to the same page (or ``target``) in ``language``'s site.

    >>> from types import SimpleNamespace
    >>> app = SimpleNamespace(builder=SimpleNamespace(get_target_uri=lambda name: name + ".html"),
    ...                       config=SimpleNamespace(triglot_language_urls={},
    ...                                              triglot_language_url=""))
    >>> page_in(app, "a/b", get_language("pt_BR"), "p-1")
    '../../pt-br/a/b.html#p-1'
    >>> page_in(app, "parallel/a", get_language("ja"), target="a")
    '../../ja/a.html'
    """
    page = app.builder.get_target_uri(target or pagename)
    uri = published_url(app.config, language, page)
    if uri is None:
        uri = f"{'../' * (pagename.count('/') + 1)}{language.site_dir}/{page}"
    return f"{uri}#{fragment}" if fragment else uri


def published_url(config: Config, language: Language, page: str) -> str | None:
    """The absolute URL of ``page`` in ``language``'s site when the configuration gives
    one (``triglot_language_urls``, then ``triglot_language_url``), else None.

    >>> from types import SimpleNamespace
    >>> config = SimpleNamespace(triglot_languages=["en", "ja", "pt_BR"],
    ...     triglot_language_urls={"ja": "https://example.org/ja/latest"},
    ...     triglot_language_url="https://docs.python.org/{lang_path}/3.13/{page}")
    >>> published_url(config, get_language("en"), "tutorial/index.html")
    'https://docs.python.org/3.13/tutorial/index.html'
    >>> published_url(config, get_language("pt_BR"), "index.html")
    'https://docs.python.org/pt-br/3.13/index.html'
    >>> published_url(config, get_language("ja"), "index.html")
    'https://example.org/ja/latest/index.html'
    """
    bases = {get_language(code): base for code, base in config.triglot_language_urls.items()}
    if language in bases:
        return f"{bases[language].rstrip('/')}/{page}"
    if not config.triglot_language_url:
        return None
    source = get_language(config.triglot_languages[0])
    url = config.triglot_language_url.format(
        lang=language.site_dir, code=language.code, tag=language.tag, page=page,
        lang_path="" if language == source else language.site_dir)
    scheme, sep, rest = url.rpartition("://")
    while "//" in rest:  # an empty {lang_path} between two slashes
        rest = rest.replace("//", "/")
    return f"{scheme}{sep}{rest}"


def absolute_url(config: Config, language: Language, page: str) -> str | None:
    """The absolute URL of ``page`` in ``language``'s site, for ``hreflang`` alternates and
    the canonical link: where the configuration publishes the language, else under
    ``html_baseurl`` taken as the site folder holding every language's folder, else None.

    >>> from types import SimpleNamespace
    >>> config = SimpleNamespace(triglot_languages=["en", "ja"], triglot_language_urls={},
    ...                          triglot_language_url="", html_baseurl="https://a.org/docs/")
    >>> absolute_url(config, get_language("ja"), "b/c.html")
    'https://a.org/docs/ja/b/c.html'
    >>> absolute_url(SimpleNamespace(**{**vars(config), "html_baseurl": ""}),
    ...              get_language("ja"), "c.html") is None
    True
    """
    url = published_url(config, language, page)
    if url is None and config.html_baseurl:
        url = f"{config.html_baseurl.rstrip('/')}/{language.site_dir}/{page}"
    return url


def _add_static(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _add_static)
    app.connect("builder-inited", _note_format)


def add_site_files(app: Sphinx) -> None:
    """The site's own styles and script; added after every feature's, so their rules win
    (files of one priority keep the order they were added in): the layout, then the
    reader's needs (switcher in reach, contrast, tooltips on focus, phones)."""
    app.add_css_file("triglot-site.css")
    app.add_css_file("triglot-reader.css")
    app.add_js_file("triglot-site.js")

"""The words triglot adds to pages (counterparts, parallel view), in the page's language.

One table, by language (base code); a language without its own falls back to English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from triglot.languages import Language

TEXTS = {
    "en": {
        "other-languages": "Other languages",
        "untranslated": "Not translated yet.",
        "outdated": "Out of date:",
        "parallel": "Side by side",
        "parallel-title": "{title} — side by side",
        "back": "Back to the page",
        "open": "Open this paragraph in {name}",
        "bead": "{source} English paragraph(s) aligned with {target} paragraph(s) "
                "of the translation",
    },
    "ja": {
        "other-languages": "他の言語",
        "untranslated": "まだ翻訳されていません。",
        "outdated": "古い翻訳:",
        "parallel": "対訳表示",
        "parallel-title": "{title} — 対訳表示",
        "back": "ページに戻る",
        "open": "この段落を{name}で開く",
        "bead": "英語の {source} 段落が翻訳の {target} 段落に対応しています",
    },
    "pt": {
        "other-languages": "Outros idiomas",
        "untranslated": "Ainda não traduzido.",
        "outdated": "Desatualizado:",
        "parallel": "Lado a lado",
        "parallel-title": "{title} — lado a lado",
        "back": "Voltar à página",
        "open": "Abrir este parágrafo em {name}",
        "bead": "{source} parágrafo(s) em inglês alinhado(s) com {target} parágrafo(s) "
                "da tradução",
    },
}


def ui_text(language: Language, key: str, **values: str | int) -> str:
    """The text ``key`` in ``language``, with ``values`` filled in (not escaped).

    >>> from triglot.languages import get_language
    >>> ui_text(get_language("pt_BR"), "parallel-title", title="IIS")
    'IIS — lado a lado'
    >>> ui_text(get_language("fr"), "parallel")
    'Side by side'
    """
    texts = TEXTS.get(language.base, TEXTS["en"])
    return texts.get(key, TEXTS["en"][key]).format(**values)

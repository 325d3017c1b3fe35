"""The words triglot adds to the site's pages (status notes, counterparts, parallel view,
glossary back-links, status page), by language (base code): one table, so a new language
is one entry; a language or a key without its own text falls back to English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from triglot.languages import Language

TEXTS = {
    "en": {
        "other_languages": "Other languages",
        "note_untranslated": "Not translated yet.",
        "note_outdated": "Out of date:",
        "parallel": "Side by side",
        "parallel_title": "{title} — side by side",
        "back": "Back to the page",
        "open": "Open this paragraph in {name}",
        "bead": ("{source} English paragraph(s) aligned with {target} paragraph(s) of "
                 "the translation"),
        "status_untranslated": "Not translated yet.",
        "status_outdated": "This translation is out of date.",
        "status_original": "Original",
        "used_in": "Used in",
        "status_link": "Translation status",
        "status_title": "Translation status: {language}",
        "status_intro": ("Paragraphs of each document: translated, outdated (the English "
                         "changed after it was translated) and untranslated. Outdated and "
                         "untranslated paragraphs show the English."),
        "source_note": ("{language} is the source language: it has no translation figures. The "
                        "status of each translation:"),
        "document": "Document",
        "paragraphs": "Paragraphs",
        "translated": "Translated",
        "outdated": "Outdated",
        "untranslated": "Untranslated",
        "coverage": "Coverage",
        "total": "Total",
        "term_findings": "Terminology findings",
        "terminology": "Terminology",
        "terminology_intro": "Findings of the terminology check of this language's catalogs.",
        "check": "Check",
        "severity": "Severity",
        "findings": "Findings",
        "no_termbase": "The project has no termbase: no terminology figures.",
        "check_failed": "The terminology check could not run: see the build's warnings.",
        "chart_title": "Paragraphs per document: translated, outdated, untranslated",
        "chart_summary": ("{translated} of {total} paragraphs translated, {outdated} outdated, "
                          "{untranslated} untranslated"),
    },
    "ja": {
        "other_languages": "他の言語",
        "note_untranslated": "まだ翻訳されていません。",
        "note_outdated": "古い翻訳:",
        "parallel": "対訳表示",
        "parallel_title": "{title} — 対訳表示",
        "back": "ページに戻る",
        "open": "この段落を{name}で開く",
        "bead": "英語の {source} 段落が翻訳の {target} 段落に対応しています",
        "status_untranslated": "この段落はまだ翻訳されていません。",
        "status_outdated": "この段落の翻訳は古くなっています。",
        "status_original": "英語の原文",
        "used_in": "使用箇所",
        "status_link": "翻訳の状況",
        "status_title": "翻訳の状況: {language}",
        "status_intro": "各文書の段落の状況: 翻訳済み、古い翻訳 (翻訳後に英語が変更されたもの)、未翻訳。古い翻訳と未翻訳の段落には英語が表示されます。",
        "source_note": "{language}は原文の言語のため、翻訳の数値はありません。各翻訳の状況:",
        "document": "文書",
        "paragraphs": "段落",
        "translated": "翻訳済み",
        "outdated": "古い翻訳",
        "untranslated": "未翻訳",
        "coverage": "翻訳率",
        "total": "合計",
        "term_findings": "用語の指摘",
        "terminology": "用語",
        "terminology_intro": "この言語のカタログに対する用語チェックの指摘。",
        "check": "チェック",
        "severity": "重大度",
        "findings": "指摘",
        "no_termbase": "用語集がないため、用語の数値はありません。",
        "check_failed": "用語チェックを実行できませんでした。ビルドの警告を参照してください。",
        "chart_title": "文書ごとの段落: 翻訳済み、古い翻訳、未翻訳",
        "chart_summary": "{total} 段落のうち翻訳済み {translated}、古い翻訳 {outdated}、未翻訳 {untranslated}",
    },
    "pt": {
        "other_languages": "Outros idiomas",
        "note_untranslated": "Ainda não traduzido.",
        "note_outdated": "Desatualizado:",
        "parallel": "Lado a lado",
        "parallel_title": "{title} — lado a lado",
        "back": "Voltar à página",
        "open": "Abrir este parágrafo em {name}",
        "bead": "{source} parágrafo(s) em inglês alinhado(s) com {target} parágrafo(s) da tradução",
        "status_untranslated": "Este parágrafo ainda não foi traduzido.",
        "status_outdated": "A tradução deste parágrafo está desatualizada.",
        "status_original": "Original em inglês",
        "used_in": "Usado em",
        "status_link": "Status da tradução",
        "status_title": "Status da tradução: {language}",
        "status_intro": ("Parágrafos de cada documento: traduzidos, desatualizados (o inglês "
                         "mudou depois da tradução) e não traduzidos. Os desatualizados e os "
                         "não traduzidos são mostrados em inglês."),
        "source_note": ("{language} é o idioma de origem: não tem números de tradução. O "
                        "status de cada tradução:"),
        "document": "Documento",
        "paragraphs": "Parágrafos",
        "translated": "Traduzidos",
        "outdated": "Desatualizados",
        "untranslated": "Não traduzidos",
        "coverage": "Cobertura",
        "total": "Total",
        "term_findings": "Problemas de terminologia",
        "terminology": "Terminologia",
        "terminology_intro": ("Resultados da verificação de terminologia dos catálogos deste idioma."),
        "check": "Verificação",
        "severity": "Gravidade",
        "findings": "Ocorrências",
        "no_termbase": "O projeto não tem glossário: não há números de terminologia.",
        "check_failed": ("A verificação de terminologia não pôde ser executada: veja os avisos "
                         "da compilação."),
        "chart_title": "Parágrafos por documento: traduzidos, desatualizados, não traduzidos",
        "chart_summary": ("{translated} de {total} parágrafos traduzidos, {outdated} "
                          "desatualizados, {untranslated} não traduzidos"),
    },
}


def ui_words(language: Language) -> dict[str, str]:
    """Every UI text in ``language``, English where it has none.

    >>> from triglot.languages import get_language
    >>> ui_words(get_language("pt_BR"))["used_in"], ui_words(get_language("de"))["used_in"]
    ('Usado em', 'Used in')
    """
    return {**TEXTS["en"], **TEXTS.get(language.base, {})}


def ui_text(language: Language, key: str, **values: str | int) -> str:
    """The text ``key`` in ``language``, with ``values`` filled in (not escaped).

    >>> from triglot.languages import get_language
    >>> ui_text(get_language("pt_BR"), "parallel_title", title="IIS")
    'IIS — lado a lado'
    >>> ui_text(get_language("fr"), "parallel")
    'Side by side'
    """
    return ui_words(language)[key].format(**values)

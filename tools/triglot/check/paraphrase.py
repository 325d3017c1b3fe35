"""Legitimate omissions: where a concept of the English has none of its terms in the
translation and a reviewer would still not ask for one (GUIDELINES of real catalogs).

A term-missing finding is then only a hint (low confidence) when every use of the
concept in the English is one of:

- a verb ("to loop over" -> "percorrer"), as :mod:`triglot.terms.usage` reads it;
- the noun beside code or an identifier the translation keeps (":func:`eval` function"
  -> ":func:`eval` を", "the Ascii85 encoding" -> "Ascii85"), or the English word that
  is also a kept parameter's name ("the *iterable* ... if the iterable is empty") or the
  last part of a kept dotted name (":mod:`http.server` ... the server");
- a word next to another concept's term that the translation renders, whose content
  the sentence still carries ("constructor functions" -> コンストラクタ, "the callback
  callable" -> "o retorno de chamada");
- the noun of a noun phrase that ends in kept code ("the attribute value *attr*" ->
  "*attr*"; not across a preposition: "sets the attribute to ``True``");
- the noun after a demonstrative ("this function returns"), in a language that leaves
  out what the context gives (Japanese: "...を返し"), where the translation has fewer
  demonstratives than the English (この with another noun is a mistranslation);
- a bare plural opening a sentence that says what someone is to do ("Users are expected
  to subclass X"), in a language that leaves out what the context gives, which says it
  without an agent;
- a collective noun before the plural it enumerates ("the list of search functions"),
  in a language without grammatical number, which says the plural alone (検索関数);

or when the translation has a word derived from one of the concept's terms (a verb or
a periphrasis: "debugger commands" -> "comandos de depuração", "encoding X" ->
"codificar"; a Japanese term made of a verb, in another form of the verb or with another
verb before its head: 呼び出し可能 -> 呼び出せる, 戻り値 -> 返される値), or every
word of a multi-word term in another order ("positional and keyword arguments" ->
"argumentos posicionais e nomeados"; 基底クラス -> 基底となるクラス).
A word that differs from a term by a letter or two is a misspelling ("decoracores"),
not a derivation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from triglot.glossary import Concept
from triglot.languages import get_language
from triglot.terms.markup import TEXT_ROLES
from triglot.terms.match import Match
from triglot.terms.usage import (
    DEFINITE,
    DEMONSTRATIVES,
    GENERIC_AGENT,
    PARTITIVE,
    PREPOSITIONS,
    ZERO_ANAPHORA,
)

# code in reST: a role's or literal's text (group 2; group 1 the role), a *parameter* (3)
_CODE_TEXT = re.compile(r"(?::([\w.+-]+(?::[\w.+-]+)*):)?`+([^`<]+?)(?:\s*<[^`]*>)?`+"
                        r"|\*([^*\s]+)\*")
_WORD = re.compile(r"\w+")
# a word that names code: with digits, an underscore or inner capitals (Ascii85, PyObject)
_IDENTIFIER = re.compile(r"\w*\d\w*|\w+_\w+|[A-Za-z][a-z]+[A-Z]\w*")
_LAST_WORD = re.compile(r"(\S+) +$")
_FIRST_WORD = re.compile(r" +(\S+)")
# endings that inflect a word, stripped before telling a misspelling from a derivation
_INFLECTION = re.compile(r"(?:es|as|os|s|a|o)$")


class Omission:
    """What one entry's English and translation say about omitted terms."""

    def __init__(self, original: str, shown: str, source: Sequence[Match],
                 translation: str, shown_translation: str, target: Sequence[Match],
                 lang: str, source_lang: str) -> None:
        self.original, self.shown, self.source = original, shown, source
        self.translation = translation
        self.target = target
        self.rendered = {m.concept for m in target}
        self.cjk = get_language(lang).script == "cjk"
        self.numberless = get_language(lang).numberless
        self.lang = lang
        self.source_lang = get_language(source_lang).base
        self.links = PREPOSITIONS.get(self.source_lang, frozenset())
        self.text = shown_translation

    @functools.cached_property
    def words(self) -> list[str]:
        """The translation's words, casefolded (made only for an entry that lacks a term:
        most entries do not)."""
        return [w.casefold() for w in _WORD.findall(self.text)] if not self.cjk else []

    def legitimate(self, concept: Concept, uses: Sequence[Match]) -> bool:
        if self._derived(concept):
            return True
        return all(m.verbal or self._beside_kept_code(m, concept) or self._names_kept_code(m)
                   or self._beside_rendered(m) or self._beside_identifier(m)
                   or self._anaphoric(m) or self._partitive(m) or self._generic_agent(m)
                   for m in uses)

    def _anaphoric(self, match: Match) -> bool:
        """The term after a demonstrative ("this function returns") in the English, and
        a translation into a language that may leave out what the context gives: it
        names again what the text already named ("...を返し")."""
        own = ZERO_ANAPHORA.get(get_language(self.lang).base)
        english = DEMONSTRATIVES.get(self.source_lang, frozenset())
        left = _LAST_WORD.search(self.shown, 0, match.start)
        if own is None or not left or left.group(1).casefold() not in english:
            return False
        said = sum(self.text.count(word) for word in own)
        return said < sum(w.casefold() in english for w in _WORD.findall(self.shown))

    def _generic_agent(self, match: Match) -> bool:
        """A bare plural opening a sentence that says what someone is to do ("Users are
        expected to subclass X") in the English, and a translation into a language that
        leaves out what the context gives, which says it without an agent ("X はサブ
        クラス化して利用することが前提")."""
        after = GENERIC_AGENT.get(self.source_lang)
        if after is None or get_language(self.lang).base not in ZERO_ANAPHORA:
            return False
        word, term = match.text, match.term.text
        opens = not self.shown[:match.start].strip() or \
            self.shown[:match.start].rstrip()[-1] in ".:;!?"
        return opens and word[-1:] == "s" and term[-1:] != "s" \
            and after.match(self.shown, match.end) is not None

    def _partitive(self, match: Match) -> bool:
        """A collective noun before the plural it enumerates ("first in the list of search
        functions"), in the English, and a translation without grammatical number, which
        says the plural alone ("検索関数の先頭")."""
        if not self.numberless or self.source_lang not in PARTITIVE:
            return False
        articles, complement = PARTITIVE[self.source_lang]
        left = _LAST_WORD.search(self.shown, 0, match.start)
        return bool(left and left.group(1).casefold() in articles
                    and complement.match(self.shown, match.end))

    def rendered_by_other(self, match: Match) -> bool:
        """Whether a match of the translation is part of another concept's longer term
        that renders a use of that concept, not one of its own: in a language written
        without spaces, where the longer term is one word (the ループ of イベントループ
        renders "event loop", not the "asyncio loop" the English also says), when the
        translation says the longer term no more often than the English uses its
        concept. Not where the English says both concepts side by side ("callback
        function", which one longer term may render) or this one only as a definite
        repeat ("the descriptor" after "a file descriptor")."""
        if not self.cjk:
            return False  # each word of a longer term is a word of its own
        own = [m for m in self.source if m.concept == match.concept]
        for other in self.target:
            if other.concept == match.concept or not (
                    other.start <= match.start and match.end <= other.end
                    and other.end - other.start > match.end - match.start):
                continue
            theirs = [m for m in self.source if m.concept == other.concept]
            said = sum(m.concept == other.concept for m in self.target)
            if theirs and said <= len(theirs) and not self._repeats(own) and not any(
                    _side_by_side(self.shown, a, b) for a in own for b in theirs):
                return True
        return False

    def _repeats(self, uses: Sequence[Match]) -> bool:
        """Whether every use is a definite noun phrase ("the descriptor" after "a file
        descriptor"): it names again what the text named."""
        definite = DEFINITE.get(self.source_lang, frozenset())
        return all((left := _LAST_WORD.search(self.shown, 0, m.start)) is not None
                   and left.group(1).casefold() in definite for m in uses)

    def names_code(self, uses: Sequence[Match]) -> bool:
        """Whether every use is the name of code the translation keeps: that English
        word left in the translation is the code's name, not untranslated prose."""
        return all(self._names_kept_code(m) for m in uses)

    def _beside_kept_code(self, match: Match, concept: Concept) -> bool:
        """Code (a role, a literal, a parameter) right before or after the match in the
        English, kept by the translation, which drops the term there: a translation
        written head-last (Japanese) that puts another noun right after code the English
        names before the term has replaced the term, not dropped it
        (":keyword:`with` statement" -> ":keyword:`with` 構文"), unless that noun is part of
        one of the concept's terms ("``dest`` キーワード" for keyword argument)."""
        original, shown = self.original, self.shown
        for step, edge in ((-1, match.start - 1), (1, match.end)):
            # after the term, the code may be one word further on, in the same noun
            # phrase: "the attribute value *attr*" (before it, "*x* is deprecated" is a
            # sentence about the code, which does not name the concept)
            further = _past_word(shown, edge, step)
            gap = shown[edge:further].strip().casefold()
            for k in (edge, further)[:1 if step < 0 or gap in self.links else 2]:
                hidden = []
                while 0 <= k < len(original) and shown[k].isspace():
                    if not original[k].isspace():
                        hidden.append(k)
                    elif hidden:
                        break
                    k += step
                if hidden:
                    run = original[min(hidden):max(hidden) + 1]
                    names = _code_names(run) or [run]
                    kept = [name for name in names if name.lstrip("~!").rsplit(".", 1)[-1]
                            .strip("()") in self.translation]
                    if kept and not (step < 0 and self.cjk
                                     and self._noun_after(kept, concept)):
                        return True
                    break
        return False

    def _noun_after(self, names: list[str], concept: Concept) -> bool:
        """Whether the translation has a noun (a run of kanji or katakana) right after the
        code naming one of ``names``, other than a part of one of the concept's terms."""
        for code in _CODE_TEXT.finditer(self.translation):
            if (code.group(2) or code.group(3)) not in names:
                continue
            noun = _SCRIPT_RUN.match(self.translation, _skip_spaces(self.translation,
                                                                     code.end()))
            if noun and not any(noun.group(0) in term.text for term in concept.terms(self.lang)):
                return True
        return False

    def _beside_identifier(self, match: Match) -> bool:
        """A word naming code (Ascii85, PyObject) right before or after the match,
        kept by the translation ("the Ascii85 encoding" -> "Ascii85")."""
        left = _LAST_WORD.search(self.shown, 0, match.start)
        right = _FIRST_WORD.match(self.shown, match.end)
        return any(m and _IDENTIFIER.fullmatch(m.group(1)) and m.group(1) in self.translation
                   for m in (left, right))

    def _names_kept_code(self, match: Match) -> bool:
        """The English word is the name of code the translation keeps, or the last part
        of its dotted name (":mod:`http.server` ... the server"): the word names again
        what the code named."""
        word = match.text.casefold()
        return any(word in (name.casefold(), name.rsplit(".", 1)[-1].strip("()").casefold())
                   and name in self.translation for name in _code_names(self.original))

    def _beside_rendered(self, match: Match) -> bool:
        """Another concept's match right before or after this one (only spaces or a
        hyphen between), and that concept rendered in the translation."""
        return any(other.concept != match.concept and other.concept in self.rendered
                   and _side_by_side(self.shown, match, other) for other in self.source)

    def _derived(self, concept: Concept) -> bool:
        for term in concept.terms(self.lang):
            words = [w.casefold() for w in _WORD.findall(term.text)]
            if self.cjk:
                if _shares_stem_cjk(term.text, self.text) or _parts_present(term.text,
                                                                             self.text):
                    return True
            elif words and all(any(_derived_word(word, w) for w in self.words)
                               for word in words):
                return True
        return False


def _side_by_side(text: str, a: Match, b: Match) -> bool:
    """Whether two matches of ``text`` are next to each other, only spaces or a hyphen
    between."""
    gap = text[a.end:b.start] if a.end <= b.start else text[b.end:a.start]
    return len(gap) <= 2 and not gap.strip(" -")


def _past_word(text: str, k: int, step: int) -> int:
    """Where the next word of ``text`` from ``k`` (going by ``step``) ends, spaces first.

    >>> _past_word("a value *x*", 1, 1), _past_word("a value *x*", 6, -1)
    (7, 1)
    """
    while 0 <= k < len(text) and text[k].isspace():
        k += step
    while 0 <= k < len(text) and text[k].isalnum():
        k += step
    return k


def _skip_spaces(text: str, k: int) -> int:
    while k < len(text) and text[k].isspace():
        k += 1
    return k


def _code_names(text: str) -> list[str]:
    """The names in the code of a reST text: literals, code roles, *parameters* (not
    the text of :term: and the other text roles)."""
    return [m.group(2) or m.group(3) for m in _CODE_TEXT.finditer(text)
            if not (m.group(1) and m.group(1).rsplit(":", 1)[-1].lower() in TEXT_ROLES)]


def _derived_word(term_word: str, word: str) -> bool:
    """Whether ``word`` is ``term_word`` inflected or a word derived from it.

    >>> _derived_word("depurador", "depuração"), _derived_word("decorador", "decoracores")
    (True, False)
    """
    if word == term_word:
        return True
    need = max(5, len(term_word) - 3) if len(term_word) > 4 else len(term_word)
    shared = 0
    for a, b in zip(term_word, word, strict=False):
        if a != b:
            break
        shared += 1
    if shared < need:
        return False
    stem_a, stem_b = _INFLECTION.sub("", term_word), _INFLECTION.sub("", word)
    return stem_a == stem_b or _distance(stem_a, stem_b) > 2  # else a misspelling


_KATAKANA = re.compile(r"[\u30a0-\u30ff]{4,}")
# a verb (kanji, then its kana ending) and a kanji head: 呼び出し可能 is 呼び出 + し +
# 可能, 戻り値 is 戻 + り + 値
_VERB_COMPOUND = re.compile(r"(?P<stem>[\u4e00-\u9fff](?:[\u3040-\u309f]*[\u4e00-\u9fff])*)"
                            r"[\u3040-\u309f]+(?P<head>[\u4e00-\u9fff]+)")


def _shares_stem_cjk(term: str, text: str) -> bool:
    """A loanword of the text that begins with the katakana term's first two thirds
    (デバッガ -> デバッグ), or a form of the verb a term is made of (呼び出し可能 ->
    呼び出せる), or another verb before its head (戻り値 -> 返される値); a kanji
    compound's first characters are another word.

    >>> _shares_stem_cjk("デバッガ", "デバッグする"), _shares_stem_cjk("文字列", "文字")
    (True, False)
    >>> _shares_stem_cjk("呼び出し可能", "呼び出せる"), _shares_stem_cjk("戻り値", "返される値")
    (True, True)
    >>> _shares_stem_cjk("書き換え可能", "変更可能"), _shares_stem_cjk("戻り値", "値")
    (False, False)
    """
    verb = _VERB_COMPOUND.fullmatch(term)
    if verb:  # the verb in another form (呼び出せる), or another verb before the head
        stem, head = map(re.escape, verb.group("stem", "head"))
        return re.search(f"{stem}[\u3040-\u309f]|[\u3040-\u309f]{head}", text) is not None
    if not _KATAKANA.fullmatch(term):
        return False
    return term[: -(-2 * len(term) // 3)] in text


_SCRIPT_RUN = re.compile(r"[\u4e00-\u9fff]+|[\u30a0-\u30ff]+")


def _parts_present(term: str, text: str) -> bool:
    """Whether a term written in two scripts or more has each part in the text, apart
    (基底クラス -> 基底となるクラス), as a multi-word term's words in another order.

    >>> _parts_present("基底クラス", "基底となるクラス"), _parts_present("属性", "属")
    (True, False)
    """
    parts = _SCRIPT_RUN.findall(term)
    return len(parts) >= 2 and all(len(p) >= 2 and p in text for p in parts)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]

"""How a term is used where it is matched: as a verb, or inside an idiom, in the source.

A blank spaCy pipeline has no tagger, so these are the word-order cues of the language's
grammar that tell a verb from a noun around one word ("to process", "signals that",
"List all", "listed"), and the idioms in which a noun is not itself ("for instance").
They are data per language (English here); a language without them has no verb cues
and no idioms. A termbase's own ``pos`` and ``exclude`` values come on top of these.

>>> from triglot.terms.analyze import Token
>>> words = "It never signals Underflow".split()
>>> toks = [Token(w.lower(), w, i * 10, i * 10 + len(w)) for i, w in enumerate(words)]
>>> looks_verbal("en", toks, 2, "signal")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol


class _Token(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_VERB_CUES: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        # before a verb in its base form (an infinitive after "to", a modal)
        "base": frozenset({"to", "can", "could", "may", "might", "must", "shall", "should",
                           "will", "would", "cannot", "don't", "doesn't", "didn't"}),
        # adverbs before a verb in any form, unless they follow a form of "be" ("are also
        # strings", "is not callable": a noun or an adjective comes next)
        # ("then" is left out: it as often opens a clause whose subject follows, "and
        # then compilers that ...")
        "adverbs": frozenset({"not", "never", "also", "always", "automatically", "who"}),
        "be": frozenset({"is", "are", "was", "were", "be", "been", "being", "isn't",
                         "aren't"}),
        # after a verb ending in -s, or after an imperative opening a sentence
        "object": frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "these",
                             "those", "all", "each", "every", "whether", "how", "what", "it",
                             "them", "itself", "over", "through", "any", "some", "one"}),
        "endings": frozenset({"ed", "ing"}),
        # a noun is seldom followed by one of these; a verb often is
        "determiners": frozenset({"the", "a", "an", "its", "their", "his", "her", "this",
                                  "these", "those", "every", "each"}),
        # a relative pronoun before a verb whose object or "to" follows ("which default
        # to", "that lists the")
        "relative": frozenset({"which", "that"}),
    },
}
# Determiners that refer back to something already named ("this function returns").
DEMONSTRATIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"this", "that", "these", "those"}),
}
# Determiners of a noun phrase that names something already known ("the descriptor").
DEFINITE: dict[str, frozenset[str]] = {
    "en": DEMONSTRATIVES["en"] | {"the", "its", "their"},
}
# What follows a bare plural that opens a sentence and says what someone is to do
# ("Users are expected to subclass ...", "Callers must call ..."): a modal or a passive
# with "to", then a verb (not "be": "parameters can be passed" is done to them; not a
# determiner: "are converted to those units" is no duty). A language that leaves out
# what the context gives says it impersonally.
GENERIC_AGENT: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\s+(?:can|could|may|might|must|shall|should|need\s+to|have\s+to"
                     r"|are\s+(?:not\s+)?[a-z]+ed\s+to)\s+(?!(?:[a-z]+\s+)?be(?:en)?\b)"
                     r"(?!(?:the|a|an|those|these|this|that|its|their)\b)[a-z]"),
}
# Languages that leave out a subject or an object the context gives (zero anaphora), so
# that a translation need not name again what "this function" refers to, with their
# demonstrative determiners: a translation that has one said "this ..." with a noun.
# (Portuguese drops subjects only, and says "este atributo".)
ZERO_ANAPHORA: dict[str, tuple[str, ...]] = {
    "ja": ("この", "その", "あの", "これらの", "それらの"),
    "ko": ("이 ", "그 ", "저 "),
    "zh": ("这个", "这些", "那个", "那些", "此", "该"),
}
# Words that link a noun to what follows without being part of its noun phrase.
PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"to", "in", "of", "for", "on", "at", "by", "with", "from", "as",
                     "into", "than", "and", "or", "is", "are"}),
}
# What follows a collective noun given a plural complement, "the list of search
# functions": "of", up to two modifiers, a plural. With "the" before it the noun names an
# enumeration the text already has, which a language without grammatical number says with
# the plural alone (検索関数); "a list of strings" says what a function returns, and stays.
PARTITIVE: dict[str, tuple[frozenset[str], re.Pattern[str]]] = {
    "en": (frozenset({"the"}),
           re.compile(r"\s+of\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*[^\Ws]s\b")),
}
IDIOMS: dict[str, tuple[str, ...]] = {
    "en": ("for instance", "with the exception of", "the exception being",
           "an exception to the rule", "in the process of", "the process of"),
}


_COMPOUND_HEAD = re.compile(r"\w-\w+-$")


def not_the_word(text: str, token: _Token) -> bool:
    """Whether a one-word match is not that word at all: written in capitals (POINTER,
    EXPRESSION: an identifier), or the last part of a compound of three words or more
    ("end-of-file"; "get-attribute" is still *attribute*).

    >>> from triglot.terms.analyze import Token
    >>> not_the_word("an end-of-file", Token("file", "file", 10, 14))
    True
    """
    word = token.text
    if len(word) > 1 and word.isupper() and word.isalpha():
        return True
    return bool(_COMPOUND_HEAD.search(text, 0, token.start))


def looks_verbal(lang: str, tokens: Sequence[_Token], i: int, term: str) -> bool:
    """Whether the one-word term ``term`` at ``tokens[i]`` reads as a verb there."""
    cues = _VERB_CUES.get(lang.split("_", 1)[0])
    if cues is None:
        return False
    word = tokens[i].text
    lower, base = word.lower(), term.lower()
    if lower != base and any(lower.endswith(e) and not base.endswith(e)
                             for e in cues["endings"]):
        return True  # listed, processing, queued: not the noun
    before = tokens[i - 1].text.lower() if i else ""
    after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    if before in cues["base"]:
        return lower == base  # "to list" is a verb, "to files" a noun
    if before in cues["adverbs"] and not (i > 1 and tokens[i - 2].text.lower() in cues["be"]):
        return True
    if lower.endswith("s") and not base.endswith("s") and after == "to":
        return True  # "defaults to"
    if lower.endswith("s") and not base.endswith("s") and len(before) > 4 \
            and before.endswith("ly"):
        return True  # "normally signals": a verb after an adverb
    if before in cues["relative"] and (after == "to" or after in cues["determiners"]):
        return True  # "which default to"
    if after in cues["determiners"]:
        return True  # "signals a", "processes its arguments", "encoding the mapping"
    opening = not before or before in (".", ":", ";", "!", "?")
    return opening and word[:1].isupper() and lower == base and after in cues["object"]

"""Raw text -> sentences of tokens with character offsets, split like ANERcorp.

ANERcorp's tokens are white-space words with punctuation split off (every punctuation or symbol
character is a token of its own, as camel-tools' `simple_word_tokenize` does), except that a
decimal number (0.3, 1,500) stays one token. Clitics are not split (وقال, للأمم stay whole).
Diacritics and tatweel stay inside their word.
"""

from __future__ import annotations

import re

#: A token: a decimal number, a run of letters / digits / combining marks (Arabic diacritics,
#: tatweel), or any other single non-space character (punctuation, symbol, emoji).
TOKEN = re.compile(
    r"\d+(?:[.,٫]\d+)+"
    r"|[^\W_][\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]*"
    r"|[\u0610-\u061a\u064b-\u065f\u0670\u0640]+[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]*"
    r"|\S",
    re.UNICODE,
)
#: Tokens that end a sentence (ANERcorp's sentences end at them).
SENTENCE_END = frozenset(".!?؟")
#: A sequence longer than this is cut (at the longest possible place): keeps decoding fast and
#: bounded on text with no punctuation (lists, tables).
MAX_SENTENCE_TOKENS = 120


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every token of `text`: text[start:end] == token."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def sentences(text: str) -> list[list[tuple[str, int, int]]]:
    """Tokens of `text` grouped into sentences: a sentence ends after . ! ? ؟ or at a line break,
    and is cut after MAX_SENTENCE_TOKENS tokens."""
    out: list[list[tuple[str, int, int]]] = []
    for line in re.finditer(r"[^\n]+", text):
        base = line.start()
        current: list[tuple[str, int, int]] = []
        for m in TOKEN.finditer(line.group()):
            tok = m.group()
            current.append((tok, base + m.start(), base + m.end()))
            if (tok in SENTENCE_END and len(current) > 1) or len(current) >= MAX_SENTENCE_TOKENS:
                out.append(current)
                current = []
        if current:
            out.append(current)
    return out

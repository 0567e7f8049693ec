"""Text → features for the crisis classifier: the one definition training and inference share.

The input is ``crisis_view`` of the normalizer's lower-case view (accents dropped, homoglyphs
folded, spaced-out letters joined, leetspeak inside words read as letters), so
"S U I C I D E", "sùicide" and "su1cide" all read "suicide".
Here we only tokenize:

* words: runs of letters and digits; apostrophes vanish ("i'm" → "im", like chat spelling),
  a star inside a word vanishes too ("k*ll" → "kll"), every digit reads "0" ("30 pills" and
  "40 pills" are one feature);
* features: ``w:`` each word, ``b:`` each pair of neighbouring words, and ``c:`` every 3-, 4-
  and 5-character piece of each word padded with spaces (so "unalive" shares " una", "aliv"
  and "live " with "alive", and misspellings keep most of their pieces).

Words and pairs count once each (the model reads presence, not counts); character pieces
count once per distinct word, so each word's pieces can be looked up once and cached.
"""

from __future__ import annotations

import re

__all__ = ["crisis_view", "tokens", "features", "word_features", "char_grams", "CHAR_SIZES", "MAX_WORDS"]

CHAR_SIZES = (3, 4, 5)
# Long posts are scored on their first MAX_WORDS words and their last MAX_WORDS words:
# enough to keep a buried sentence, bounded so a 4,000-character post stays cheap.
MAX_WORDS = 400

_LEET_INSIDE = re.compile(r"(?<=[a-z])[013457@$!|](?=[a-z])|(?<![a-z0-9])[$@](?=[a-z])")
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "i"}


def crisis_view(lower: str) -> str:
    """The text as the crisis detector reads it: the normalizer's lower-case view with
    leetspeak read only where a symbol sits inside a word ("k1ll", "su1c1de", "$elf") — not
    "everyone!" → "everyonei", not "500mg" or "2am"."""
    return _LEET_INSIDE.sub(lambda m: _LEET[m.group()], lower)


_DROP = re.compile(r"(?<=[a-z])[*'’](?=[a-z])")
_WORD = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"[0-9]")


def tokens(text: str) -> list[str]:
    """The words of a lower-case text, as the classifier sees them."""
    text = _DROP.sub("", text)
    words = _WORD.findall(text)
    if len(words) > 2 * MAX_WORDS:
        words = words[:MAX_WORDS] + words[-MAX_WORDS:]
    return [_DIGIT.sub("0", w) if not w.isalpha() else w for w in words]


def word_features(words: list[str]) -> list[tuple[str, int]]:
    """Every distinct word (``w:``) and pair of neighbouring words (``b:``) with the index of
    the word it came from (a pair is credited to its second word)."""
    seen: set[str] = set()
    out: list[tuple[str, int]] = []
    prev = ""
    for i, w in enumerate(words):
        f = "w:" + w
        if f not in seen:
            seen.add(f)
            out.append((f, i))
        if prev:
            f = "b:" + prev + " " + w
            if f not in seen:
                seen.add(f)
                out.append((f, i))
        prev = w
    return out


def char_grams(word: str) -> list[str]:
    """The distinct 3-, 4- and 5-character pieces (``c:``) of one word padded with spaces."""
    padded = " " + word + " "
    n = len(padded)
    grams = {"c:" + padded[j:j + size] for size in CHAR_SIZES for j in range(n - size + 1)}
    return sorted(grams)


def features(words: list[str]) -> list[str]:
    """All features of a text as training sees them: distinct words and pairs, then the
    character pieces of each distinct word (a piece shared by two different words counts
    twice, so inference can cache each word's pieces on their own)."""
    out = [f for f, _ in word_features(words)]
    for w in dict.fromkeys(words):
        out.extend(char_grams(w))
    return out

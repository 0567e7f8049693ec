"""Text normalization with an offset map back to the original string.

Rules match on a canonical form (NFKC-ish, zero-width stripped, confusables folded, spaced
letters joined, spelled-out digit runs turned into digits) so that obfuscation does not
defeat them. Redaction, however, must act on what the user actually typed, so every
normalized character remembers the half-open range of original characters it came from.
A match ``[a, b)`` in normalized coordinates maps back to ``[starts[a], ends[b - 1])``,
which always covers (never undercuts) the original characters that produced it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["Normalized", "normalize", "LEET_TABLE"]

# Homoglyphs that NFKD leaves alone but that people use to dodge filters.
_CONFUSABLES: dict[str, str] = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ɡ": "g", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H",
    "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y",
    "Χ": "X",
    # Latin oddities and punctuation
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "\u3002": ".", "\uff61": ".", "\u2024": ".", "\u00b7": ".",
    "\u2022": ".", "\u0660": "0",
}

# Control characters (other than newline / tab) become spaces; length is unchanged.
_ASCII_CTRL = {i: " " for i in range(32) if chr(i) not in "\n\t"} | {127: " "}

LEET_TABLE = str.maketrans({
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
    "!": "i", "|": "i",
})

_LEET_CHARS = re.compile(r"[013457@$!|]")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_LEET_TOKEN = re.compile(r"[a-z0-9@$!|*']+")


def _leet_token(m: re.Match[str]) -> str:
    tok = m.group()
    if tok.isdigit() or not any(c.isalpha() for c in tok):
        return tok
    return tok.translate(LEET_TABLE)


_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # Spanish, Portuguese, French and German (accents are folded before this runs)
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
    "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
    "um": "1", "dois": "2", "duas": "2", "quatro": "4", "meia": "6", "sete": "7",
    "oito": "8", "nove": "9",
    "un": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "sept": "7",
    "huit": "8", "neuf": "9",
    "null": "0", "eins": "1", "zwei": "2", "zwo": "2", "drei": "3", "vier": "4",
    "funf": "5", "fuenf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
}
_WORDS_ALT = "|".join(sorted((w for w in _DIGIT_WORDS if w != "oh"), key=len, reverse=True))
_DW = rf"(?:{_WORDS_ALT})(?![a-z])"
# "double seven" / "triple oh" repeat one digit; "oh" reads as zero inside a run, and may
# start one when a digit word follows ("oh seven seven…").
_REPEAT = rf"(?:double|triple|doble|triplo|doppel)[ \t]+(?:{_DW}|oh(?![a-z])|\d(?![a-z0-9]))"
_DIGIT_RUN = re.compile(
    rf"(?<![a-z0-9])(?:{_REPEAT}|{_DW}|oh(?=[ \t,.\-]+(?:double|triple|{_DW}))|\d+)"
    rf"(?:[ \t,.\-]+(?:{_REPEAT}|{_DW}|oh(?![a-z])|\d+(?![a-z]))){{2,}}"
)
_DIGIT_TOKEN = re.compile(rf"double|triple|doble|triplo|doppel|oh|{_WORDS_ALT}|\d+")
_REPEATS = {"double": 2, "triple": 3, "doble": 2, "triplo": 3, "doppel": 2}
_DIGIT_WORD_HINT = re.compile(
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|cero|uno|dos|tres|cuatro|cinco|"
    r"seis|siete|ocho|nueve|um|dois|duas|quatro|meia|sete|oito|nove|un|deux|trois|quatre|"
    r"cinq|sept|huit|neuf|null|eins|zwei|zwo|drei|vier|funf|fuenf|sechs|sieben|acht|neun)\b"
)

# Three or more single characters separated by short gaps: "j a n e", "k-i-l-l",
# "5 5 5", "j a n e @ g m a i l . c o m" (a lone "@" or "." counts as a character, so the
# email survives joining), and dot-joined letters "k.i.l.l".
_SPACED = re.compile(
    r"(?<!\S)@?[a-z0-9@.](?:[ \t_*\-]{1,2}[a-z0-9@.](?!\S)){2,}"
)
_DOTTED = re.compile(r"(?<![a-z0-9.])[a-z0-9](?:\.[a-z0-9](?![a-z0-9])){2,}")
_SPACED_HINT = re.compile(
    r"(?<!\S)@?[a-z0-9@.][ \t_*\-]{1,2}[a-z0-9@.][ \t_*\-]{1,2}[a-z0-9@.](?!\S)"
    r"|[a-z0-9]\.[a-z0-9]\.[a-z0-9](?![a-z0-9])"
)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Canonical ASCII-ish form of one non-ASCII character ('' to drop it)."""
    mapped = _CONFUSABLES.get(ch)
    if mapped is not None:
        return mapped
    cat = unicodedata.category(ch)
    if cat == "Cf" or cat == "Mn" or cat == "Me":  # zero-width, bidi controls, marks
        return ""
    if cat in ("Cc", "Zs", "Zl", "Zp"):
        return "\n" if ch in "\u2028\u2029\x85" else " "
    decomposed = unicodedata.normalize("NFKD", ch)
    out = []
    for c in decomposed:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Cf"):
            continue
        out.append(_CONFUSABLES.get(c, c))
    return "".join(out)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Normalized:
    """A normalized view of one text plus the map back to original offsets."""

    __slots__ = ("original", "text", "lower", "_starts", "_ends", "_leet", "_words")

    def __init__(
        self,
        original: str,
        text: str,
        lower: str,
        starts: Sequence[int] | None,
        ends: Sequence[int] | None,
    ) -> None:
        self.original = original
        self.text = text
        self.lower = lower
        self._starts = starts
        self._ends = ends
        self._leet: str | None = None
        self._words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The distinct lower-case words (letters, digits, apostrophes), computed once.

        Detectors test it against their cue words (``not n.words.isdisjoint(CUES)``), a
        far cheaper pre-filter than a regex scan per detector.
        """
        if self._words is None:
            self._words = frozenset(_WORD.findall(self.lower))
        return self._words

    @property
    def leet(self) -> str:
        """Lower-case view with leetspeak read as letters (same length).

        Only tokens that already contain a letter are translated, so "sh1t" becomes "shit"
        but a phone number like "455 0000" stays digits (it would otherwise read "ass oooo").
        """
        if self._leet is None:
            low = self.lower
            if _LEET_CHARS.search(low) is None:
                self._leet = low
            else:
                self._leet = _LEET_TOKEN.sub(_leet_token, low)
        return self._leet

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized half-open span to the original span that covers it."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if self._starts is None or self._ends is None:
            return start, end
        if start == end:
            pos = self._starts[start] if start < n else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]


def _char_pass(original: str) -> tuple[str, list[int] | None, list[int] | None]:
    if original.isascii():
        return original.translate(_ASCII_CTRL), None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(original):
        if ch < "\x80":
            rep = _ASCII_CTRL.get(ord(ch), ch)
        else:
            rep = _fold_char(ch)
        for c in rep:
            out.append(c)
            starts.append(i)
            ends.append(i + 1)
    return "".join(out), starts, ends


def _apply_edits(
    text: str,
    lower: str,
    starts: list[int],
    ends: list[int],
    edits: list[tuple[int, int, str]],
) -> tuple[str, str, list[int], list[int]]:
    """Replace non-overlapping ``[a, b)`` ranges; new chars map to the whole old range."""
    t_parts: list[str] = []
    l_parts: list[str] = []
    ns: list[int] = []
    ne: list[int] = []
    pos = 0
    for a, b, rep in edits:
        t_parts.append(text[pos:a])
        l_parts.append(lower[pos:a])
        ns.extend(starts[pos:a])
        ne.extend(ends[pos:a])
        if rep:
            t_parts.append(rep)
            l_parts.append(rep.lower())
            ns.extend([starts[a]] * len(rep))
            ne.extend([ends[b - 1]] * len(rep))
        pos = b
    t_parts.append(text[pos:])
    l_parts.append(lower[pos:])
    ns.extend(starts[pos:])
    ne.extend(ends[pos:])
    return "".join(t_parts), "".join(l_parts), ns, ne


def _separator_edits(
    lower: str, pattern: re.Pattern[str], keep: str
) -> list[tuple[int, int, str]]:
    """Delete the separators inside each match, keeping the single characters."""
    edits: list[tuple[int, int, str]] = []
    for m in pattern.finditer(lower):
        i = m.start() + 1
        while i < m.end():
            j = i
            while j < m.end() and not (lower[j].isalnum() or lower[j] in keep):
                j += 1
            if j > i:
                edits.append((i, j, ""))
            i = j + 1
    return edits


def _spaced_edits(lower: str) -> list[tuple[int, int, str]]:
    return _separator_edits(lower, _SPACED, "@.")


def _dotted_edits(lower: str) -> list[tuple[int, int, str]]:
    return _separator_edits(lower, _DOTTED, "")


def _digit_edits(lower: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    for m in _DIGIT_RUN.finditer(lower):
        tokens = _DIGIT_TOKEN.findall(m.group())
        words = sum(1 for t in tokens if not t.isdigit())
        parts: list[str] = []
        repeat = 1
        for t in tokens:
            if t in _REPEATS:
                repeat = _REPEATS[t]
                continue
            parts.append(_DIGIT_WORDS.get(t, t) * repeat if len(t) == 1 or not t.isdigit()
                         else t)
            repeat = 1
        digits = "".join(parts)
        if words >= 2 and len(digits) >= 7:
            edits.append((m.start(), m.end(), digits))
    return edits


def normalize(original: str) -> Normalized:
    """Normalize ``original`` for matching; see the module docstring for the steps."""
    text, starts, ends = _char_pass(original)
    lower = _lower_same_length(text)
    if _SPACED_HINT.search(lower) or _DIGIT_WORD_HINT.search(lower):
        s = starts if starts is not None else list(range(len(text)))
        e = ends if ends is not None else list(range(1, len(text) + 1))
        for make_edits in (_spaced_edits, _dotted_edits, _digit_edits):
            edits = make_edits(lower)
            if edits:
                text, lower, s, e = _apply_edits(text, lower, s, e, edits)
                starts, ends = s, e
    return Normalized(original, text, lower, starts, ends)

"""Email addresses, plain and obfuscated, in the supported languages.

* plain ``local@domain.tld``;
* the "at" written out or bracketed: ``@``, ``(at)``, ``[at]``, ``{at}``, ``<at>``, ``(a)``,
  `` at ``, Spanish/Portuguese ``arroba``, French ``arobase``;
* the dots written out or bracketed: ``.``, ``(dot)``, ``[.]``, `` dot ``, Spanish/Italian
  ``punto``, French ``point``, Portuguese ``ponto``, German ``punkt``;
* with a known top-level domain at the end ("jane dot doe at outlook dot co dot uk"), or a
  known mail provider without one ("janedoe99 at gmail", "jane(at)posteo").
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit
from moderation.rules.wordlists import COMMON_WORDS

__all__ = ["find_emails"]

_TLDS = (
    r"(?:com|net|org|edu|gov|io|co|uk|us|ca|au|de|fr|nl|me|info|ie|nz|es|ch|se|no|dk|be|"
    r"biz|mail|pt|br|mx|at|it|eu|lu|pl|ar|cl|pe|ai|app|dev|xyz|online|email|li|fi|cz|"
    r"gr|ro|in|jp|ru|tv|ly|gg|pm|tk|cat|gal|eus|page|site|blog|live|ac|gouv|gob)"
)
_DOT_WORD = r"(?:dot|punto|point|ponto|punkt)"
_AT_WORD = r"(?:at|arroba|arobase)"
_OPEN = r"[\(\[\{<]"
_CLOSE = r"[\)\]\}>]"
_DOT = (
    rf"(?:\s?\.\s?|\s*{_OPEN}\s*(?:{_DOT_WORD}|\.)\s*{_CLOSE}\s*|\s+{_DOT_WORD}\s+)"
)
# Inside the local part a plain dot takes no spaces ("tired. jane at gmail" keeps "tired").
_LOCAL_DOT = rf"(?:\.|\s*{_OPEN}\s*(?:{_DOT_WORD}|\.)\s*{_CLOSE}\s*|\s+{_DOT_WORD}\s+)"
_AT = rf"(?:\s*@\s*|\s*{_OPEN}\s*(?:{_AT_WORD}|@|a)\s*{_CLOSE}\s*|\s+{_AT_WORD}\s+)"
_LOCAL_CHARS = r"[a-z0-9_%+\-]"

_EMAIL = re.compile(
    r"(?<![a-z0-9._%+\-])[a-z0-9_%+\-][a-z0-9._%+\-]{0,63}@[a-z0-9\-]{1,63}"
    r"(?:\.[a-z0-9\-]{1,63}){0,4}\.[a-z]{2,24}(?![a-z0-9])"
)
_EMAIL_OBFUSCATED = re.compile(
    rf"(?<![a-z0-9_%+\-]){_LOCAL_CHARS}{{1,64}}(?:{_LOCAL_DOT}{_LOCAL_CHARS}{{1,64}}){{0,3}}{_AT}"
    rf"[a-z0-9\-]{{1,63}}(?:{_DOT}[a-z0-9\-]{{1,63}}){{0,2}}{_DOT}{_TLDS}(?![a-z0-9])"
)
_PROVIDERS = (
    r"(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|protonmail|proton|aol|gmx|ymail|"
    r"posteo|tutanota|tuta|fastmail|zoho|yandex|mailbox|msn|laposte|wanadoo|t-online|"
    r"hotmail|uol|terra|sapo|telefonica|orange\.fr|free\.fr|web\.de)"
)
_EMAIL_PROVIDER = re.compile(
    rf"(?<![a-z0-9_%+\-])({_LOCAL_CHARS}{{2,64}}(?:{_LOCAL_DOT}{_LOCAL_CHARS}{{1,64}}){{0,3}}){_AT}"
    rf"{_PROVIDERS}(?![a-z])"
)
_PROVIDER_WORDS = (
    "gmail", "googlemail", "yahoo", "hotmail", "outlook", "icloud", "proton", "aol", "gmx",
    "ymail", "posteo", "tuta", "fastmail", "zoho", "yandex", "mailbox", "msn", "laposte",
    "wanadoo", "t-online", "uol", "terra", "sapo", "telefonica", "orange", "free", "web",
)
# Characters around an "at" marker searched for an obfuscated address (local part before,
# domain after); longer addresses than this are not written out by hand.
_WINDOW = 160
_NOT_LOCAL = frozenset(
    "me us him her them you it or and is my email mail dm message text reach find here "
    "there on at through via using use correo mi su courriel mon moi mich mir mein meu "
    "minha".split()
)
_SPELLED_AT = re.compile(r"\s(?:at|arroba|arobase)\s+([a-z0-9\-]+)")
_EMAIL_HINT = re.compile(
    rf"@|{_OPEN}\s*(?:{_AT_WORD}|@|a)\s*{_CLOSE}|\s(?:at|arroba|arobase)\s"
)


def _windows(low: str) -> list[tuple[int, int]]:
    """Stretches around each "at" marker where an obfuscated address could be."""
    spans: list[tuple[int, int]] = []
    for m in _EMAIL_HINT.finditer(low):
        start = max(0, m.start() - _WINDOW)
        end = low.find(" ", m.end() + _WINDOW)  # end at a space, never inside a word
        end = len(low) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _prose(match: str) -> bool:
    """A spelled-out "at" followed by an ordinary word is prose ("a senior at this point in
    life" is not senior@this.in)."""
    at = _SPELLED_AT.search(match)
    return at is not None and at.group(1) in COMMON_WORDS and at.group(1) not in _PROVIDER_WORDS


def find_emails(n: Normalized) -> list[Hit]:
    """Email hits (plain and obfuscated) in normalized coordinates."""
    low = n.lower
    windows = _windows(low)
    if not windows:
        return []
    hits: list[Hit] = []
    if "@" in low:
        hits.extend((m.start(), m.end(), "email") for m in _EMAIL.finditer(low))
    for start, end in windows:
        for m in _EMAIL_OBFUSCATED.finditer(low, start, end):
            if not _prose(m.group()):
                hits.append((m.start(), m.end(), "email"))
    if any(p in low for p in _PROVIDER_WORDS):
        for m in _EMAIL_PROVIDER.finditer(low):
            if m.group(1).strip() not in _NOT_LOCAL:
                hits.append((m.start(), m.end(), "email"))
    return hits

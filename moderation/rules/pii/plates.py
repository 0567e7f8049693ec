"""Vehicle registration plates.

Shapes that are distinctive on their own (upper case as people write them):

* UK ``AB12 CDE`` and the older prefix form ``A123 BCD``;
* French / Italian ``AB-123-CD`` (also with spaces);
* German ``B-MW 1234``, ``HH-AB 123E`` (district, hyphen, letters, number);
* Spanish ``1234 BCD`` (consonants only; not a year + an acronym like ``2024 BMW``);
* Portuguese ``AA-00-AA``, ``00-AA-00``, ``00-00-AA``, ``AA-00-00``;
* Dutch side codes (three hyphenated groups of letters or digits, six characters:
  ``12-ABC-3``), Italian ``FG123AB`` written without spaces, Brazilian Mercosul ``ABC1D23``.

After a cue ("plate", "number plate", "reg", "registration", "tag", "Kennzeichen",
"matrícula", "placa", "plaque", "immatriculation", "targa", "kenteken") the plate may be
any of the next five words, alone or joined with the next one or two ("a placa do carro é
ABC-1234", "Kennzeichen M AB 1234", "reg yk15 xyz"): 4-8 characters mixing letters and
digits, no run of more than four letters ("covid19"), not a time, unit or device name
("9am", "rtx 3060"), and no ordinary word inside ("at 9am").
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit, is_year
from moderation.rules.wordlists import COMMON_WORDS

__all__ = ["find_plates"]

_CODE = "plate"
_L = r"[A-HJ-PR-Z]"  # letters used on UK plates (no I, Q)
_UK = re.compile(rf"(?<![A-Za-z0-9]){_L}{_L}\d{{2}} ?{_L}{{3}}(?![A-Za-z0-9])")
_FR = re.compile(r"(?<![A-Za-z0-9\-])[A-HJ-NP-TV-Z]{2}([- ])\d{3}\1[A-HJ-NP-TV-Z]{2}(?![A-Za-z0-9\-])")
_DE = re.compile(
    r"(?<![A-Za-z0-9\-])[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?(\d{1,4})[EH]?(?![A-Za-z0-9\-])"
)
_ES = re.compile(r"(?<![A-Za-z0-9\-])(\d{4})[ \-]?([BCDFGHJKLMNPRSTVWXYZ]{3})(?![A-Za-z0-9\-])")
_PT = re.compile(
    r"(?<![A-Za-z0-9\-])(?:[A-Z]{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|"
    r"[A-Z]{2}-\d{2}-\d{2})(?![A-Za-z0-9\-])"
)
# Older UK formats: prefix "A123 BCD" (1983-2001); Dutch side codes "12-ABC-3",
# "AB-123-C"; Italian "FG123AB" written without spaces; Brazilian Mercosul "ABC1D23".
_UK_PREFIX = re.compile(r"(?<![A-Za-z0-9\-])[A-HJ-NPR-Y]\d{1,3} [A-HJ-PR-Y]{3}(?![A-Za-z0-9\-])")
_NL = re.compile(
    r"(?<![A-Za-z0-9\-])(?:[A-Z]{1,3}|\d{1,3})-(?:[A-Z]{1,3}|\d{1,3})-(?:[A-Z]{1,3}|\d{1,3})"
    r"(?![A-Za-z0-9\-])"
)
_IT_BR = re.compile(
    r"(?<![A-Za-z0-9\-])(?:[A-HJ-NPR-Z]{2}\d{3}[A-HJ-NPR-Z]{2}|[A-Z]{3}\d[A-Z]\d{2})(?![A-Za-z0-9\-])"
)
_CUE = re.compile(
    r"(?:(?:licen[cs]e|number|numberplate|registration|reg)\s+plate|plate(?:\s+(?:number|no))?|"
    r"\breg(?:istration)?(?:\s+(?:number|no|plate))?|\brego|\btag(?:\s+(?:number|no))?|"
    r"kennzeichen|nummernschild|matr[ií]cula|placa|immatriculation|plaque|targa|kenteken)\b",
    re.IGNORECASE,
)
# The plate is one of the next few words ("a placa do carro é ABC-1234").
_WINDOW_TOKEN = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")
_WINDOW_WORDS = 5
_LETTER_RUN = re.compile(r"[A-Za-z]+")
_ORDINAL = re.compile(r"^\d{1,4}(?:am|pm|st|nd|rd|th|h|kg|km|mg|ml|gb|mb)$", re.IGNORECASE)
_TECH = re.compile(r"^(?:rtx|gtx|rx|gb|mb|tb|mp|ps|xp|iphone|ipad|pixel|galaxy|covid|sars|usb|hdmi|"
                   r"ddr|gen|mk|v|ver|version|win|model|no|nr)\d", re.IGNORECASE)
# Acronyms that follow a number without being a plate ("2400 BTC", "1080 DPI").
_NOT_PLATE = frozenset(
    "BTC CHF GBP MXN DKK CZK PLN HKD SGD NZD KWH MPH BPM PPM RPM MHZ GHZ KHZ FPS DPI PSN GMT "
    "BST CST PST MST CDT PDT NHS BBC CNN DVD HDD SSD CPU GPU RGB PDF MPG BMW VW SMS XXL".split()
)
_DE_NOT = frozenset("CD DVD TV PC USB UK EU US UN NHS HIV COVID MP ID PS XP GP".split())
_DIGIT = re.compile(r"\d")
_SHAPE_GATE = re.compile(r"[A-Z][ \-]?\d|\d[ \-]?[A-Z]")
_CUE_WORDS = ("plate", "reg", "tag", "kennzeichen", "nummernschild", "matr", "placa",
              "immatric", "plaque", "targa", "kenteken")


def _plate_like(token: str) -> bool:
    compact = token.replace(" ", "").replace("-", "")
    if not 4 <= len(compact) <= 8 or _TECH.match(compact) or _ORDINAL.match(compact):
        return False
    runs = _LETTER_RUN.findall(compact)
    return bool(runs) and any(c.isdigit() for c in compact) and max(map(len, runs)) <= 4


def _cued(text: str, hits: list[Hit]) -> None:
    for m in _CUE.finditer(text):
        words: list[re.Match[str]] = []
        for w in _WINDOW_TOKEN.finditer(text, m.end(), min(len(text), m.end() + 48)):
            if not w.group()[0].isalnum():
                if w.group() in (":", "'", "#", "-", "’"):
                    continue
                break  # a sentence stop ends the search
            words.append(w)
            if len(words) == _WINDOW_WORDS + 2:
                break
        found = False
        for i in range(min(_WINDOW_WORDS, len(words))):
            for k in (3, 2, 1):
                group = words[i:i + k]
                if len(group) < k or any(
                        text[a.end():b.start()] not in (" ", "-") for a, b in zip(group, group[1:], strict=False)):
                    continue
                token = text[group[0].start():group[-1].end()]
                if any(w.group().isalpha() and w.group().lower() in COMMON_WORDS for w in group):
                    continue  # "registration opens at 9am"
                if _plate_like(token):
                    hits.append((group[0].start(), group[-1].end(), _CODE))
                    found = True
                    break
            if found:
                break


def find_plates(n: Normalized) -> list[Hit]:
    """Licence plate hits (code ``plate``) in normalized coordinates."""
    text = n.text
    if _DIGIT.search(text) is None:
        return []  # every plate has a digit
    hits: list[Hit] = []
    if _SHAPE_GATE.search(text):  # a capital next to a digit: "AB12", "1234 BCD", "MW 1"
        for m in _UK.finditer(text):
            hits.append((m.start(), m.end(), _CODE))
        for m in _FR.finditer(text):
            hits.append((m.start(), m.end(), _CODE))
        for m in _DE.finditer(text):
            district = m.group().split("-", 1)[0]
            if district not in _DE_NOT and not is_year(m.group(1)):
                hits.append((m.start(), m.end(), _CODE))
        for m in _ES.finditer(text):
            if m.group(2) not in _NOT_PLATE and not is_year(m.group(1)):
                hits.append((m.start(), m.end(), _CODE))
        for pat in (_PT, _UK_PREFIX, _IT_BR):
            for m in pat.finditer(text):
                hits.append((m.start(), m.end(), _CODE))
        for m in _NL.finditer(text):
            groups = m.group().split("-")
            if (sum(len(g) for g in groups) == 6 and any(g.isdigit() for g in groups)
                    and any(g.isalpha() for g in groups)):
                hits.append((m.start(), m.end(), _CODE))
    if any(word in n.lower for word in _CUE_WORDS):
        _cued(text, hits)
    return hits

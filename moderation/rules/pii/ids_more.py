"""More national identity numbers (``ids.py`` has the US, UK, CA, ES, FR, DE, BR basics).

* Mexican CURP ``GODE561231HDFRRN00`` (18 characters, check digit) and RFC
  ``GODE561231GR8`` (upper case, or any case after "CURP" / "RFC");
* Italian codice fiscale ``RSSMRA85T10A562S`` (check letter), any case;
* Irish PPS ``1234567T`` / ``1234567TW`` (check letter; lower case after "PPS");
* Portuguese NIF ``234 567 899`` after "NIF" / "contribuinte" (check digit);
* Australian TFN after "TFN" / "tax file number" (check digit) and Medicare numbers after
  "Medicare" (check digit, optional issue number);
* Brazilian RG ``12.345.678-9`` after "RG" (no public checksum: the cue decides);
* Spanish DNI with a spaced lower-case letter after "DNI" / "NIF" ("dni 12345678 z");
* identity cards and passports whose cue is glued to "Nummer" / "Nr." ("Reisepassnummer",
  "Personalausweis-Nr.", "numéro de carte d'identité", "ID card number").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stdnum.au import tfn
from stdnum.es import dni
from stdnum.ie import pps
from stdnum.it import codicefiscale
from stdnum.mx import curp, rfc
from stdnum.pt import nif

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit, digit_count_at_least, digits_of

__all__ = ["find_more_ids"]

_CODE = "national_id"
_CURP = re.compile(r"(?<![a-z0-9])[a-z]{4}\d{6}[hmx][a-z]{5}[a-z0-9]\d(?![a-z0-9])")
_RFC = re.compile(r"(?<![a-z0-9])[a-z&]{3,4}\d{6}[a-z0-9]{3}(?![a-z0-9])")
_CF = re.compile(
    r"(?<![a-z0-9])[a-z]{6}[\dlmnpqrstuv]{2}[abcdehlmprst][\dlmnpqrstuv]{2}[a-z]"
    r"[\dlmnpqrstuv]{3}[a-z](?![a-z0-9])"
)
_PPS = re.compile(r"(?<![a-z0-9])\d{7}[a-w][abhwtx]?(?![a-z0-9])")
_NIF = re.compile(
    r"(?:\bnif|contribuinte)\W{0,3}(?:(?:e|is|:|n[o.]?)\W{0,2})?(\d{3}\s?\d{3}\s?\d{3})(?![\w\-])"
)
_TFN = re.compile(
    r"(?:\btfn|tax\s+file\s+(?:number|no|#))\W{0,3}(?:is\W{0,2})?(\d{3}\s?\d{3}\s?\d{2,3})(?![\w\-])"
)
_MEDICARE = re.compile(
    r"\bmedicare(?:\s+(?:card\s+)?(?:number|no|#))?\W{0,3}(?:is\W{0,2})?"
    r"([2-6]\d{3}\s?\d{5}(?:\s?\d)?)(?![\w\-])"
)
_RG = re.compile(
    r"\brg\W{0,3}(?:(?:e|is|:|n[o.]?)\W{0,2})?(\d{1,2}\.?\d{3}\.?\d{3}-?[\dx])(?![\w\-])"
)
_DNI_SPACED = re.compile(r"\b(?:dni|nif)\W{0,3}(?:(?:es|:)\W{0,2})?(\d{8})[ \-]([a-z])(?![a-z0-9])")
_CARD_CUE = re.compile(
    r"(?:reisepass|personalausweis|ausweis|passport|passeport|pasaporte|passaporte|"
    r"carte\s+d'identite|cni|id\s+card|identity\s+card|cedula|carteira\s+de\s+identidade)"
    r"[\s\-]?(?:nummer|nr\.?|number|no\.?|numero|#)?"
    r"(?:\W{1,3}(?:ist|is|es|e|est|lautet|:|#))?\W{1,3}([a-z0-9]{6,10})(?![a-z0-9])"
)
_LETTER_DIGIT = re.compile(r"[a-z]\d|\d[a-z]")
_CUES = ("curp", "rfc", "nif", "contribuinte", "tfn", "tax file", "medicare", "rg", "dni",
         "pass", "ausweis", "identit", "id card", "cni", "cedula")


def _shaped(low: str, hits: list[Hit], text: str) -> None:
    for m in _CURP.finditer(low):
        if curp.is_valid(m.group().upper()):
            hits.append((m.start(), m.end(), _CODE))
    for m in _CF.finditer(low):
        if codicefiscale.is_valid(m.group().upper()):
            hits.append((m.start(), m.end(), _CODE))
    for m in _RFC.finditer(low):
        cued = "rfc" in low[max(0, m.start() - 16):m.start()]
        if (cued or text[m.start():m.end()].isupper()) and rfc.is_valid(m.group().upper()):
            hits.append((m.start(), m.end(), _CODE))
    for m in _PPS.finditer(low):
        cued = "pps" in low[max(0, m.start() - 24):m.start()]
        if (cued or text[m.end() - 1].isupper()) and pps.is_valid(m.group().upper()):
            hits.append((m.start(), m.end(), _CODE))


def _cued(low: str, hits: list[Hit]) -> None:
    checks: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = (
        (_NIF, nif.is_valid), (_TFN, tfn.is_valid), (_MEDICARE, _medicare_ok),
        (_RG, lambda digits: len(digits) >= 7),  # no public checksum: the cue decides
    )
    for pattern, valid in checks:
        for m in pattern.finditer(low):
            if valid(digits_of(m.group(1))):
                hits.append((m.start(1), m.end(1), _CODE))
    for m in _DNI_SPACED.finditer(low):
        if dni.is_valid(m.group(1) + m.group(2).upper()):
            hits.append((m.start(1), m.end(2), _CODE))
    for m in _CARD_CUE.finditer(low):
        token = m.group(1)
        if sum(c.isdigit() for c in token) >= 2 and (_LETTER_DIGIT.search(token) or token.isdigit()):
            hits.append((m.start(1), m.end(1), _CODE))


def _medicare_ok(digits: str) -> bool:
    if len(digits) not in (10, 11):
        return False
    weights = (1, 3, 7, 9, 1, 3, 7, 9)
    return sum(int(d) * w for d, w in zip(digits[:8], weights, strict=True)) % 10 == int(digits[8])


def find_more_ids(n: Normalized) -> list[Hit]:
    """National id hits (code ``national_id``) in normalized coordinates."""
    low = n.lower
    if not digit_count_at_least(low, 6):
        return []
    hits: list[Hit] = []
    if _LETTER_DIGIT.search(low):
        _shaped(low, hits, n.text)
    if any(cue in low for cue in _CUES):
        _cued(low, hits)
    return hits

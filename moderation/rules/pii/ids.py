"""National identity numbers, validated by their checksums where they have one.

* US SSN ``123-45-6789`` (dashes or spaces; 9 plain digits only after "SSN" / "social
  security"), checked by ``stdnum.us.ssn`` (no 000/666/9xx areas, no 00 group, …);
* UK National Insurance ``AB 12 34 56 C`` (prefix letter rules, suffix A-D);
* Canadian SIN ``146 454 286`` (Luhn; without a "SIN" cue only in 3-3-3 grouping, starting
  with 1-5 and not after a "+34" country code: 6/7/9 are Spanish and Portuguese mobiles);
* Spanish DNI ``12345678Z`` and NIE ``X1234567L`` (check letter);
* French INSEE / NIR ``2 55 08 14 168 025 38`` (15 digits, mod-97 key);
* German Steuer-ID ``36 574 261 809`` (11 digits, ISO 7064 check digit; plain 11 digits
  need a cue, otherwise the phone detector decides);
* Brazilian CPF ``390.533.447-05`` (two check digits; plain 11 digits need "CPF");
* passports: a 6-9 character number with at least two digits right after "passport"
  (pasaporte, passaporte, passeport, Reisepass).
"""

from __future__ import annotations

import re

from stdnum import luhn
from stdnum.br import cpf
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.us import ssn

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit, digits_of, reference_before

__all__ = ["find_national_ids"]

_CODE = "national_id"

_SSN = re.compile(r"(?<![\w\-.])\d{3}([- ])\d{2}\1\d{4}(?![\w\-])")
_SSN_CUED = re.compile(
    r"(?:ssn|social\s+security(?:\s+(?:number|no|num|#))?)\W{0,3}(?:is\s+|:\s*|#\s*)?"
    r"(\d{3}[- ]?\d{2}[- ]?\d{4})(?![\w\-])"
)
_NINO = re.compile(
    r"(?<![a-z0-9])([a-z]{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([a-d])(?![a-z0-9])"
)
_NINO_BAD_PREFIX = frozenset({"bg", "gb", "nk", "kn", "tn", "nt", "zz"})
_NINO_CUE = re.compile(r"(?:\bni\b|national\s+insurance|nino)")
_SIN = re.compile(r"(?<![\w\-.])(\d{3})([- ])(\d{3})\2(\d{3})(?![\w\-])")
_SIN_CUED = re.compile(
    r"(?:\bsin\b|social\s+insurance(?:\s+number)?|\bnas\b|assurance\s+sociale)\W{0,3}"
    r"(?:(?:is|est|no|number|#)\W{0,2})?(\d{3}[- ]?\d{3}[- ]?\d{3})(?![\w\-])"
)
_COUNTRY_CODE = re.compile(r"(?:\+|00)\d{1,3}[ \t]*$")
_DNI = re.compile(r"(?<![a-z0-9\-])(\d{8})[- ]?([a-z])(?![a-z0-9])")
_NIE = re.compile(r"(?<![a-z0-9\-])([xyz])[- ]?(\d{7})[- ]?([a-z])(?![a-z0-9])")
_NIR = re.compile(
    r"(?<![\w\-.])[1-478]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[ab])\s?\d{3}\s?\d{3}\s?\d{2}(?![\w\-])"
)
_IDNR_SPACED = re.compile(r"(?<![\w\-.])[1-9]\d \d{3} \d{3} \d{3}(?![\w\-])")
_IDNR_CUED = re.compile(
    r"(?:steuer[\s\-]?id|steuerliche\s+identifikationsnummer|identifikationsnummer|idnr|"
    r"steuer[\s\-]?identifikationsnummer|tax\s+id|\btin\b)\W{0,3}(?:(?:ist|is|nr|:)\W{0,2})?"
    r"([1-9]\d\s?\d{3}\s?\d{3}\s?\d{3})(?![\w\-])"
)
_CPF = re.compile(r"(?<![\w\-.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w\-])")
_CPF_CUED = re.compile(
    r"\bcpf\W{0,3}(?:(?:e|é|is|:)\W{0,2})?(\d{3}[.\s]?\d{3}[.\s]?\d{3}[\-.\s]?\d{2})(?![\w\-])"
)
_PASSPORT = re.compile(
    r"(?:passport|pasaporte|passaporte|passeport|reisepass)"
    r"(?:\W{1,3}(?:number|no|num|n[o°º]|id|numero|nummer|is|es|e|é|est|ist|my|mi|meu|mon|"
    r"mein|de|do|du|:|#)){0,4}\W{1,3}([a-z0-9]{6,9})(?![a-z0-9])"
)
_DIGIT = re.compile(r"\d")
_NINO_GATE = re.compile(r"\d\d\s?[a-d](?![a-z0-9])")


def _nino_ok(prefix: str) -> bool:
    a, b = prefix[0], prefix[1]
    return (a not in "dfiquv" and b not in "dfiquvo" and prefix not in _NINO_BAD_PREFIX)


def _ssn(low: str, hits: list[Hit]) -> None:
    for m in _SSN.finditer(low):
        if ssn.is_valid(digits_of(m.group())) and not reference_before(low[max(0, m.start() - 32):m.start()]):
            hits.append((m.start(), m.end(), _CODE))
    if "ssn" in low or "social" in low:
        for m in _SSN_CUED.finditer(low):
            if ssn.is_valid(digits_of(m.group(1))):
                hits.append((m.start(1), m.end(1), _CODE))


def _nino(text: str, low: str, hits: list[Hit]) -> None:
    cued = _NINO_CUE.search(low) is not None
    for m in _NINO.finditer(low):
        if not _nino_ok(m.group(1)):
            continue
        # "on 12 34 56 a" is prose: spaced lower-case needs a cue, upper case does not.
        shaped = " " not in m.group() or (text[m.start():m.start() + 2].isupper()
                                          and text[m.end() - 1].isupper())
        if cued or (shaped and not reference_before(low[max(0, m.start() - 32):m.start()])):
            hits.append((m.start(), m.end(), _CODE))


def _sin(low: str, hits: list[Hit]) -> None:
    for m in _SIN.finditer(low):
        digits = digits_of(m.group())
        before = low[max(0, m.start() - 32):m.start()]
        # Uncued: not 6/7/9 (Spanish and Portuguese mobiles) and no "+34" before it.
        if digits[0] in "12345" and luhn.is_valid(digits) and not _COUNTRY_CODE.search(before):
            if not reference_before(before):
                hits.append((m.start(), m.end(), _CODE))
    if "sin" in low or "social" in low or "nas" in low or "sociale" in low:
        for m in _SIN_CUED.finditer(low):
            digits = digits_of(m.group(1))
            if digits[0] not in "08" and luhn.is_valid(digits):
                hits.append((m.start(1), m.end(1), _CODE))


def _spanish(text: str, low: str, hits: list[Hit]) -> None:
    for m in _DNI.finditer(low):
        if m.end(1) < m.start(2) and not text[m.start(2)].isupper():
            continue  # "12345678 y ...": a spaced lower-case letter is a word
        if dni.is_valid(m.group(1) + m.group(2).upper()):
            hits.append((m.start(), m.end(), _CODE))
    for m in _NIE.finditer(low):
        if nie.is_valid((m.group(1) + m.group(2) + m.group(3)).upper()):
            hits.append((m.start(), m.end(), _CODE))


def _french_german_brazilian(low: str, hits: list[Hit]) -> None:
    for m in _NIR.finditer(low):
        if nir.is_valid(m.group().replace(" ", "").upper()):
            hits.append((m.start(), m.end(), _CODE))
    for m in _IDNR_SPACED.finditer(low):
        if idnr.is_valid(digits_of(m.group())):
            hits.append((m.start(), m.end(), _CODE))
    if "steuer" in low or "idnr" in low or "identifikation" in low or "tax" in low or "tin" in low:
        for m in _IDNR_CUED.finditer(low):
            if idnr.is_valid(digits_of(m.group(1))):
                hits.append((m.start(1), m.end(1), _CODE))
    for m in _CPF.finditer(low):
        if cpf.is_valid(m.group()):
            hits.append((m.start(), m.end(), _CODE))
    if "cpf" in low:
        for m in _CPF_CUED.finditer(low):
            if cpf.is_valid(digits_of(m.group(1))):
                hits.append((m.start(1), m.end(1), _CODE))


def _passports(low: str, hits: list[Hit]) -> None:
    for m in _PASSPORT.finditer(low):
        token = m.group(1)
        if sum(c.isdigit() for c in token) >= 2:
            hits.append((m.start(1), m.end(1), _CODE))


def find_national_ids(n: Normalized) -> list[Hit]:
    """National id hits in normalized coordinates (code ``national_id``)."""
    low = n.lower
    if _DIGIT.search(low) is None:
        return []
    nd = len(_DIGIT.findall(low))  # each kind runs only when there are enough digits
    hits: list[Hit] = []
    if nd >= 9:
        _ssn(low, hits)
        _sin(low, hits)
    if nd >= 6 and _NINO_GATE.search(low):
        _nino(n.text, low, hits)
    if nd >= 7:
        _spanish(n.text, low, hits)
    if nd >= 11:
        _french_german_brazilian(low, hits)
    if nd >= 2 and ("pass" in low or "pasaport" in low):
        _passports(low, hits)
    return hits

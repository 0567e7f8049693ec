"""Addresses and postcodes as chat writes them (``addresses.py`` reads the formal shapes).

* Irish Eircodes ``D02 X285`` (upper case with a letter and a digit in the second half, or
  any case after "eircode");
* Dutch postcodes ``1012 AB`` before a capitalised place name ("1012 AB Amsterdam");
* a flat or apartment on its own when its number has a letter ("apartment 4B", "apt b2"),
  or any number after "I live in" / "my" ("my apartment 12");
* Mexican colonias ("Col. Centro", "vivo en la col. roma norte", "Colonia Del Valle");
* a postcode after any cue, however it is introduced ("my zip code's 10001", "mon code
  postal c'est 75011", "meine PLZ lautet 10115", "eircode: a65f4e2");
* street names in lower case with a house number in Spanish, Portuguese, French and German
  ("calle mayor 12", "rua augusta 45", "12 rue victor hugo", "hauptstraße 5").
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit, is_year
from moderation.rules.wordlists import COMMON_WORDS

__all__ = ["find_chat_addresses"]

_CODE = "address"
_EIR_ID = r"[0-9AC-FHKNPRTV-Y]{4}"
_EIRCODE = re.compile(rf"(?<![A-Za-z0-9])(?:[AC-FHKNPRTV-Y]\d{{2}}|D6W) {_EIR_ID}(?![A-Za-z0-9])")
_NL_POSTCODE = re.compile(
    r"(?<![\w\-.,])[1-9]\d{3} ?(?!AD|BC|AM|PM|CE|SA|SD|SS)[A-Z]{2}(?![A-Za-z0-9])"
    r"(?=[ \t,]+[A-Z][a-z])"
)
_UNIT = re.compile(
    r"\b(?:apartment|apt|flat|unit|suite|apto|apartamento|appartement|appt|wohnung|piso|depto|"
    r"departamento)\.?[ \t]*(?:no\.?[ \t]*|#[ \t]*)?(\d{1,4}[a-z]|[a-z]\d{1,4}|\d{1,4})(?![a-z0-9])"
)
_UNIT_OWNED = re.compile(r"(?:\bmy|\bour|live\s+in|living\s+in|vivo\s+en\s+el|moro\s+no)[ \t]+$")
_COLONIA = re.compile(
    r"(?<![A-Za-z])(?:[Cc]ol\.|COL\.|[Cc]olonia)[ \t]+((?:[A-Za-z][A-Za-z'\-]+[ \t]*){1,3})"
)
_CUED_POSTCODE = re.compile(
    r"(?:post\s?code|zip\s?code|zip|postal\s+code|eircode|code\s+postal|codigo\s+postal|"
    r"\bcp|\bcep|\bplz|postleitzahl)"
    r"(?:'s|[ \t]+(?:is|was|es|e|est|c'est|ist|lautet|era))?[ \t]*[:=]?[ \t]*"
    r"([a-z0-9]{2,8}(?:[ \-](?=[a-z]{0,3}\d)[a-z0-9]{2,4})?)(?![a-z0-9\-])"
)
_ES_PT = re.compile(
    r"\b(?:calle|c/|avenida|avda\.?|plaza|paseo|camino|carretera|ronda|rua|travessa|largo|"
    r"praca|alameda|estrada)[ \t]+(?:(?:de|del|da|do|das|dos)[ \t]+(?:la[ \t]+|los[ \t]+|las[ \t]+)?)?"
    r"([a-z][a-z'\-]+(?:[ \t]+[a-z][a-z'\-]+){0,2}?)[ \t]*,?[ \t]*(?:n[o]\.?[ \t]*)?\d{1,5}(?![\d:])"
)
_FR = re.compile(
    r"(?<![\w.,])\d{1,4}(?:[ \t]*(?:bis|ter))?,?[ \t]+(?:rue|avenue|boulevard|bd|allee|impasse|"
    r"chemin|quai|route)[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l'|du[ \t]+|des[ \t]+|de[ \t]+)?"
    r"([a-z][a-z'\-]+(?:[ \t]+[a-z][a-z'\-]+){0,2})"
)
_DE = re.compile(
    r"\b[a-z]{3,}(?:strasse|str\.|weg|gasse|allee|platz|damm|ring|ufer)[ \t]*\d{1,4}[a-z]?(?![\w:])"
)
_PARTICLES = frozenset("de del la las los el da do das dos du des san santa sao".split())
_UNIT_WORDS = frozenset(
    "apartment apt flat unit suite apto apartamento appartement appt wohnung piso depto "
    "departamento".split()
)
_COLONIA_WORDS = frozenset(("col", "colonia"))
_POSTCODE_WORDS = frozenset(
    "postcode post zip zipcode postal eircode codigo cp cep plz postleitzahl".split()
)
_ES_PT_WORDS = frozenset(
    "calle c avenida avda plaza paseo camino carretera ronda rua travessa largo praca alameda "
    "estrada".split()
)
_FR_WORDS = frozenset("rue avenue boulevard bd allee impasse chemin quai route".split())
_DE_TAILS = ("strasse", "str", "weg", "gasse", "allee", "platz", "damm", "ring", "ufer")
_DIGIT = re.compile(r"\d")
_SHAPES = re.compile(r"[A-Z]\d\d |D6W |\d{4} ?[A-Z]{2}")


def _words_ok(words: str) -> int:
    """Length of the leading run of words that are not ordinary ones (0: none)."""
    end = 0
    for m in re.finditer(r"[a-z][a-z'\-]*", words):
        if m.group() in _PARTICLES:
            continue  # "del valle", "de la paz": a particle joins two name words
        if m.group() in COMMON_WORDS:
            break
        end = m.end()
    return end


def find_chat_addresses(n: Normalized) -> list[Hit]:
    """Address / postcode hits (code ``address``) in normalized coordinates."""
    text, low, words = n.text, n.lower, n.words
    hits: list[Hit] = []
    if not words.isdisjoint(_COLONIA_WORDS):
        for m in _COLONIA.finditer(text):
            end = _words_ok(low[m.start(1):m.end(1)])
            named = text[m.start(1)].isupper() or low[m.start():m.start() + 4] == "col."
            if end and named:
                hits.append((m.start(1), m.start(1) + end, _CODE))
    if _DIGIT.search(low) is None:
        return hits
    if _SHAPES.search(text):
        for m in _EIRCODE.finditer(text):
            tail = m.group()[-4:]
            if any(c.isalpha() for c in tail) and any(c.isdigit() for c in tail):
                hits.append((m.start(), m.end(), _CODE))
        hits.extend((m.start(), m.end(), _CODE) for m in _NL_POSTCODE.finditer(text))
    if not words.isdisjoint(_UNIT_WORDS):
        for m in _UNIT.finditer(low):
            owned = _UNIT_OWNED.search(low, max(0, m.start() - 16), m.start()) is not None
            if owned or not m.group(1).isdigit():
                hits.append((m.start(1), m.end(1), _CODE))
    if not words.isdisjoint(_POSTCODE_WORDS):
        for m in _CUED_POSTCODE.finditer(low):
            code = m.group(1)
            if not any(c.isdigit() for c in code) or code.split()[0] in COMMON_WORDS:
                continue
            if is_year(code) and low[m.start():m.start() + 3] in ("plz", "cp "):
                continue  # "plz 2024 was hard": "please", not a postcode
            hits.append((m.start(1), m.end(1), _CODE))
    if not words.isdisjoint(_ES_PT_WORDS):
        for m in _ES_PT.finditer(low):
            if _words_ok(m.group(1)) == len(m.group(1)):
                hits.append((m.start(1), m.end(), _CODE))
    if not words.isdisjoint(_FR_WORDS):
        for m in _FR.finditer(low):
            end = _words_ok(m.group(1))
            if end:
                hits.append((m.start(), m.start(1) + end, _CODE))
    if any(w.endswith(_DE_TAILS) for w in words):
        hits.extend((m.start(), m.end(), _CODE) for m in _DE.finditer(low))
    return hits

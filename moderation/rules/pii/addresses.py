"""Street addresses and postcodes in the local writing of the supported countries.

The English house-number-first shapes ("42 Maple Street"), UK postcodes and US ZIPs are in
``rules/pii_patterns.py``; this module adds:

* **Canada**: postal codes ``K1A 0B1`` (upper case, or any case after "postal code");
* **Australia**: ``3/45 Smith St``, the AU street types (Pde, Cct, Esp, Tce …) and
  suburb + state + 4-digit postcode ("Newtown NSW 2042");
* **Spain / Mexico**: "Calle Mayor 12, 3º B", "C/ Mayor 12", "Avda. de la Constitución 5",
  "Plaza …", "Paseo …" with floor and door, and a 5-digit CP after the street or a cue;
* **Portugal / Brazil**: "Rua Augusta, nº 45", "Av. Paulista, 1578, apto 12", CEP
  ``01310-100``, Portuguese ``4000-123 Porto``;
* **France**: "12 rue de la Paix, 75002 Paris", "5 bis avenue …", "3 allée …";
* **Germany / Austria / Switzerland**: "Hauptstraße 5", "Musterweg 3a", "Berliner Str.
  12", with ", 10115 Berlin" / ", 1010 Wien";
* "I live on …" in those languages ("vivo en la calle Mayor", "moro na Rua Augusta",
  "j'habite rue de la Paix", "ich wohne in der Hauptstraße"), and cued postcodes
  ("código postal 28013", "code postal 75002", "PLZ 10115", "CEP 01310100").

All matching is on the normalized text (accents folded: "Straße" reads "Strasse",
"3º" reads "3o").
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit

__all__ = ["find_local_addresses"]

_CODE = "address"
# A capitalised name word, or a linking particle ("de la", "das", "von", "l'").
_W = r"(?:[A-Z][A-Za-z'\-]*[a-z][A-Za-z'\-]*|[A-Z]\.?)"
_P = r"(?:de|del|la|las|los|el|y|da|das|do|dos|du|des|le|l'|d'|von|van|der|of|the|san|santa|sao)"
_NAME = rf"(?:(?:{_P}[ \t]+|{_P}(?=[A-Z]))*{_W})(?:[ \t]+(?:(?:{_P}[ \t]+|{_P}(?=[A-Z]))*{_W})){{0,4}}"
_CITY_TAIL = r"(?:,?[ \t]+\d{4,5}[ \t]+[A-Z][A-Za-z\-]+(?:[ \t]+[A-Z][a-z]+)?)?"

_CA_POSTAL = re.compile(
    r"(?<![A-Za-z0-9])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9])"
)
_AU_STATE = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+,?[ \t]+"
    r"(NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+(\d)\d{3}(?!\d)"
)
# First digit of the postcodes each state uses ("WA 2024" is a year, not a postcode).
_AU_POSTCODE_FIRST = {
    "NSW": "12", "ACT": "02", "VIC": "38", "QLD": "49", "SA": "5", "WA": "6", "TAS": "7",
    "NT": "0",
}
_AU_STREET = re.compile(
    r"(?<![\w/])\d{1,4}[a-z]?/\d{1,5}[a-z]?[ \t]+(?:[A-Z][a-z'\-]+[ \t]+){1,3}"
    r"(?:St|Street|Rd|Road|Ave|Avenue|Pde|Parade|Cct|Circuit|Esp|Esplanade|Tce|Terrace|Cres|"
    r"Crescent|Crt|Court|Cl|Close|Dr|Drive|Hwy|Highway|Pl|Place|Bvd|Blvd|Boulevard|Way|Lane|Ln)"
    r"\b\.?"
)
_AU_TYPES = re.compile(
    r"(?<![\w$£€.,/:\-])\d{1,5}[a-z]?[ \t]+(?:[A-Z][a-z'\-]+[ \t]+){1,3}"
    r"(?:Pde|Parade|Cct|Circuit|Esp|Esplanade|Tce|Bvd|Crt)\b\.?"
)
_ES_TYPE = (
    r"(?:calle|c/|avda\.?|avenida|plaza|pza\.?|paseo|po\.?|camino|carretera|ctra\.?|ronda|"
    r"travesia|glorieta|callejon|rambla|pasaje|urbanizacion|urb\.)"
)
_ES_FLOOR = (
    r"(?:,?[ \t]*(?:\d{1,2}[ \t]*[oa]\.?(?:[ \t]*[A-Z](?![a-z]))?|piso[ \t]+\d{1,2}|bajo|"
    r"izq(?:uierda|da)?\.?|dcha\.?|derecha|puerta[ \t]+\w{1,3}|esc(?:alera)?\.?[ \t]*\w{1,2}))"
)
_ES_STREET = re.compile(
    rf"(?<![A-Za-z])(?i:{_ES_TYPE})[ \t]*{_NAME},?[ \t]*(?:(?i:n)[o°]\.?[ \t]*)?\d{{1,4}}[a-z]?"
    rf"(?![\d:])(?:{_ES_FLOOR}){{0,3}}{_CITY_TAIL}"
)
_PT_TYPE = r"(?:rua|r\.|avenida|av\.|travessa|tv\.|largo|praca|alameda|al\.|estrada|rodovia|beco|calcada)"
_PT_EXTRA = (
    r"(?:,?[ \t]*(?:apto|apt|ap|andar|bloco|bl|casa|sala|lote|conj|cj)\.?[ \t]*\w{1,4}|"
    r",?[ \t]*\d{1,2}[ \t]*[oa]?[ \t]*(?:andar|esq\.?|dto\.?|esquerdo|direito|frente))"
)
_PT_STREET = re.compile(
    rf"(?<![A-Za-z])(?i:{_PT_TYPE})[ \t]*{_NAME},?[ \t]*(?:(?i:n)[o°]\.?[ \t]*|numero[ \t]+)?"
    rf"\d{{1,5}}[a-z]?(?![\d:])(?:{_PT_EXTRA}){{0,3}}"
)
_CEP = re.compile(r"(?<![\w\-.])\d{5}-\d{3}(?![\w\-])")
_PT_POSTAL = re.compile(r"(?<![\w\-.])\d{4}-\d{3}[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?")
_FR_TYPE = (
    r"(?:rue|avenue|av\.|boulevard|bd|bld|place|allee|impasse|chemin|quai|cours|route|rte|"
    r"square|passage|villa|cite|residence|voie|sentier|promenade|faubourg|fbg|rond-point)"
)
_FR_STREET = re.compile(
    rf"(?<![\w$£€.,/:\-])\d{{1,4}}(?:[ \t]*(?:bis|ter|[a-c](?![a-z])))?,?[ \t]+"
    rf"(?P<type>(?i:{_FR_TYPE}))[ \t]+{_NAME}{_CITY_TAIL}"
)
_FR_ENGLISH_TYPES = frozenset(
    "avenue av. boulevard place square route passage villa cours residence promenade cite".split()
)
_FR_PARTICLE = re.compile(r"(?:de|du|des|la|le|l'|d'|saint|sainte)\b", re.IGNORECASE)
_POSTCODE_CITY = re.compile(r"\d{5}[ \t]+[A-Z]")
_DE_STREET = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:strasse|str\.|weg|gasse|allee|platz|damm|"
    r"ufer|chaussee|steig|pfad|stieg)|(?:[A-Z][a-z]+[ \t]+)(?:Strasse|Str\.|Weg|Gasse|Allee|Platz|"
    r"Ring|Damm|Ufer|Chaussee))[ \t]*\d{1,4}[ \t]?[a-z]?(?![\w:])"
    rf"{_CITY_TAIL}"
)
_LIVE_ON = re.compile(
    r"(?i:vivo|vive|vivimos|moro|mora|moramos|j'habite|habite|habitons|ich\s+wohne|wohne|wohnen)"
    r"[ \t]+(?i:en\s+la|en\s+el|en|na|no|em|a|au|dans\s+la|in\s+der|im|am|an\s+der)[ \t]+"
    rf"((?i:{_ES_TYPE}|{_PT_TYPE}|{_FR_TYPE})[ \t]*{_NAME}"
    r"|[A-Z][a-z]+(?:strasse|str\.|weg|gasse|allee|platz|damm))"
)
_CUED_POSTAL = re.compile(
    r"(?:(?i:postal\s+code|code\s+postal|codigo\s+postal|postleitzahl)|C\.\s?P\.|CP|PLZ)"
    r"[ \t]*(?i:is|es|e|est|ist)?[ \t]*:?[ \t]*"
    r"(\d{4,5}(?:-\d{3,4})?|[A-Za-z]\d[A-Za-z][ \t]?\d[A-Za-z]\d)(?![\w\-])"
    r"|(?i:\bcep)[ \t]*:?[ \t]*(\d{5}-?\d{3})(?![\w\-])"
)
_CITY_CP = re.compile(
    r"(?<![\w\-.,])\d{5}[ \t]+(?:Paris|Lyon|Marseille|Toulouse|Nice|Nantes|Strasbourg|"
    r"Bordeaux|Lille|Rennes|Montpellier|Berlin|Hamburg|Munchen|Koln|Frankfurt|Stuttgart|"
    r"Dusseldorf|Leipzig|Dresden|Hannover|Nurnberg|Bremen|Madrid|Barcelona|Valencia|Sevilla|"
    r"Zaragoza|Malaga|Bilbao|Murcia|Palma|Alicante|Cordoba|Valladolid|Granada)\b"
)
_DIGIT = re.compile(r"\d")



def _french_street_ok(m: re.Match[str]) -> bool:
    """"3 Square Meals", "2 Place Cards" are English: a capitalised type word that is also
    English needs a French particle after it ("Place de la …") or a postcode + city."""
    street_type = m.group("type")
    if street_type[0].islower() or street_type.lower() not in _FR_ENGLISH_TYPES:
        return True
    rest = m.string[m.end("type"):m.end()].lstrip()
    return _FR_PARTICLE.match(rest) is not None or _POSTCODE_CITY.search(rest) is not None


# Cheap gates, one per shape: words (``Normalized.words``) one of which must occur.
_ES_WORDS = frozenset("calle c avda avenida plaza pza paseo po camino ctra carretera ronda "
                      "travesia glorieta callejon rambla pasaje urb urbanizacion".split())
_PT_WORDS = frozenset("rua r avenida av travessa tv largo praca alameda al estrada rodovia "
                      "beco calcada".split())
_FR_WORDS = frozenset("rue av avenue bd bld boulevard place allee impasse chemin quai cours "
                      "route rte square passage villa cite residence voie sentier promenade "
                      "faubourg fbg rond".split())
_DE_TAILS = ("str", "strasse", "weg", "gasse", "allee", "platz", "damm", "ufer", "chaussee",
             "steig", "pfad", "stieg", "ring")
_AU_WORDS = frozenset("pde parade cct circuit esp esplanade tce bvd crt".split())
_AU_STATES = ("NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT")
_POSTAL_WORDS = frozenset("postal codigo c cp cep plz postleitzahl".split())
_LIVE_WORDS = frozenset("vivo vive vivimos moro mora moramos j'habite habite habitons wohne "
                        "wohnen".split())
_CA_GATE = re.compile(r"\d[A-Z] ?\d")
_FIVE_DIGITS = re.compile(r"\d{5}")


def find_local_addresses(n: Normalized) -> list[Hit]:
    """Local street addresses and postcodes (code ``address``) in normalized coordinates."""
    text, words = n.text, n.words
    live = not words.isdisjoint(_LIVE_WORDS)
    if _DIGIT.search(text) is None:
        # Every shape but "I live on <street>" has a house number or a postcode.
        return [(m.start(1), m.end(1), _CODE) for m in _LIVE_ON.finditer(text)] if live else []
    patterns: list[re.Pattern[str]] = []
    if _CA_GATE.search(text):
        patterns.append(_CA_POSTAL)
    if "/" in text:
        patterns.append(_AU_STREET)
    if not words.isdisjoint(_AU_WORDS):
        patterns.append(_AU_TYPES)
    if not words.isdisjoint(_ES_WORDS):
        patterns.append(_ES_STREET)
    if not words.isdisjoint(_PT_WORDS):
        patterns.append(_PT_STREET)
    if "-" in text:
        patterns += [_CEP, _PT_POSTAL]
    if any(w.endswith(_DE_TAILS) for w in words):
        patterns.append(_DE_STREET)
    if _FIVE_DIGITS.search(text):
        patterns.append(_CITY_CP)
    hits: list[Hit] = []
    for pat in patterns:
        for m in pat.finditer(text):
            hits.append((m.start(), m.end(), _CODE))
    if not words.isdisjoint(_FR_WORDS):
        for m in _FR_STREET.finditer(text):
            if _french_street_ok(m):
                hits.append((m.start(), m.end(), _CODE))
    if any(state in text for state in _AU_STATES):
        for m in _AU_STATE.finditer(text):
            if m.group(2) in _AU_POSTCODE_FIRST[m.group(1)]:
                hits.append((m.start(), m.end(), _CODE))
    if live:
        for m in _LIVE_ON.finditer(text):
            hits.append((m.start(1), m.end(1), _CODE))
    if not words.isdisjoint(_POSTAL_WORDS):
        for m in _CUED_POSTAL.finditer(text):
            group = 1 if m.group(1) is not None else 2
            hits.append((m.start(group), m.end(group), _CODE))
    return hits

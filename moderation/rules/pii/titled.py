"""Titled and multi-part names: every surname part goes, not only the first.

* **titled**: Dr / Dra / Mr / Mrs / Ms / Mx / Miss / Prof / Sr / Sra / Srta / Herr / Frau /
  M. / Mme / Mlle (one or two titles, initials allowed) followed by a capitalised name,
  e.g. "Dr. Ana Müller-López", "Prof. Dr. Hans van der Berg", "Mme Dubois", "Sra. García
  López". The whole name after the title is removed: "Dr. [name removed]".
* **introductions in Spanish, Portuguese, French and German**: "me llamo", "mi apellido
  es", "meu nome é", "je m'appelle", "mon nom de famille est", "ich heiße", "mein Nachname
  ist" … A first name alone stays; two or more name words, or a surname cue, are removed.
* **surname extension** for every name hit of any detector: the span grows over the rest
  of a hyphenated or O'/Mc/Mac token and over following particles (van, van der, von, de,
  de la, da, dos, du, le, ter, bin …) and capitalised surname words, so "Jan van der
  Berg" or "Ana García López" never keeps a trailing part.
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit
from moderation.rules.wordlists import NOT_A_NAME

__all__ = ["find_titled_names", "find_intro_names_i18n", "extend_surnames"]

_CODE = "full_name"
_TOK = r"(?:(?:O'|Mc|Mac|D'|L')?[A-Z][a-z]+(?:-(?:O'|Mc|Mac|D')?[A-Z][a-z]+)*)"
_PARTICLE = (
    r"(?:van\s+der|van\s+den|van\s+de|von\s+der|von\s+dem|de\s+la|de\s+las|de\s+los|del|"
    r"van|von|der|den|dem|de|da|di|du|des|dos|das|do|le|la|ter|ten|zu|bin|ibn|al|el)"
)
_NAME = rf"(?:{_PARTICLE}\s+)*{_TOK}(?:[ \t]+(?:{_PARTICLE}\s+)*{_TOK}){{0,4}}"
_TITLE = (
    r"(?:Dr|Dra|Mr|Mrs|Ms|Mx|Prof|Sr|Sra|Srta|Dott|Doctor|Professor)\.?|Miss|Herr|Frau|"
    r"M\.|Mme\.?|Mlle\.?"
)
_TITLED = re.compile(
    rf"(?<![A-Za-z])((?:{_TITLE})[ \t]+(?:(?:{_TITLE})[ \t]+)?)((?:[A-Z]\.?[ \t]+){{0,2}}{_NAME})"
)
_INTRO_I18N = re.compile(
    r"(?i:me\s+llamo|mi\s+nombre\s+(?:completo\s+)?es|me\s+chamo|chamo-me|"
    r"(?:o\s+)?meu\s+nome\s+(?:completo\s+)?e|je\s+m'appelle|mon\s+nom\s+(?:complet\s+)?est|"
    r"ich\s+heisse|mein\s+name\s+ist|mein\s+vollstandiger\s+name\s+ist)\s+"
    rf"({_NAME})"
)
_SURNAME_I18N = re.compile(
    r"(?i:mi\s+apellido\s+es|mis\s+apellidos\s+son|(?:o\s+)?meu\s+(?:sobrenome|apelido)\s+e|"
    r"mon\s+nom\s+de\s+famille\s+est|mein\s+(?:nachname|familienname)\s+ist)\s+"
    rf"({_NAME})"
)
_NEXT_PART = re.compile(rf"[ \t]+((?:{_PARTICLE}[ \t]+)*)({_TOK})")
_TOKEN_REST = re.compile(r"[A-Za-z]*(?:['\-][A-Z][A-Za-z]+)*")
# Pre-filters: a title word (its first letter is a cheap character-class test), and the
# introduction phrases as plain substrings of the lower-case view.
_TITLE_HINT = re.compile(
    r"[DMPSHF](?:ra?|octor|rs?|s|x|iss|me|lle|rof|rofessor|ra|rta|err|rau|\.)(?![a-z])"
)
_INTRO_WORDS = ("llamo", "nombre", "chamo", "nome", "appelle", "heisse", "name ist", "nom ")
_SURNAME_WORDS = ("apellido", "nom de famille", "nachname", "familienname", "apelido",
                  "sobrenome")
_RELATION_WORDS = ("my ", "our ", "his ", "her ")
_PARTICLE_WORDS = (" van ", " von ", " de ", " del ", " der ", " den ", " da ", " di ", " du ",
                   " des ", " dos ", " das ", " do ", " le ", " la ", " ter ", " ten ", " zu ",
                   " bin ", " ibn ", " al ", " el ")
# "my boss, Pieter de Vries": a relation phrase before a name with particles (names.py
# handles two plain capitalised words).
_RELATION_PARTICLE = re.compile(
    r"(?<![A-Za-z])(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er)\s+(?:ex|boss|husband|wife|partner|boyfriend|"
    r"girlfriend|mum|mom|dad|father|mother|brother|sister|son|daughter|therapist|doctor|"
    r"counsell?or|teacher|manager|friend|neighbou?r|landlord|abuser|uncle|aunt|cousin|"
    r"coworker|colleague)(?:\s*,|\s+is)?\s+"
    rf"({_TOK}(?:[ \t]+{_TOK})?[ \t]+{_PARTICLE}[ \t]+{_TOK})"
)


def _is_word(tok: str) -> bool:
    return tok.lower() in NOT_A_NAME


def _trim_words(text: str, start: int, end: int) -> int:
    """Cut a name span before the first ordinary word ("Dr Patel Monday" -> "Dr Patel")."""
    pos = start
    for m in re.finditer(r"[A-Za-z'\-]+", text[start:end]):
        if m.start() > 0 and _is_word(m.group()):
            return pos
        pos = start + m.end()
    return pos


def find_titled_names(n: Normalized) -> list[Hit]:
    """A title followed by a name: the whole name (not the title) is a hit."""
    text = n.text
    if not _TITLE_HINT.search(text):
        return []
    hits: list[Hit] = []
    for m in _TITLED.finditer(text):
        start = m.start(2)
        end = _trim_words(text, start, m.end(2))
        if end > start and not _is_word(text[start:end].split()[0].strip(".")):
            hits.append((start, end, _CODE))
    return hits


def find_intro_names_i18n(n: Normalized) -> list[Hit]:
    """Names and surnames introduced in Spanish, Portuguese, French or German, and relation
    phrases before a name with particles ("my boss, Pieter de Vries")."""
    text, low = n.text, n.lower
    hits: list[Hit] = []
    if any(word in low for word in _INTRO_WORDS):
        for m in _INTRO_I18N.finditer(text):
            end = _trim_words(text, m.start(1), m.end(1))
            if len(text[m.start(1):end].split()) >= 2:  # a first name alone is fine
                hits.append((m.start(1), end, _CODE))
    if any(word in low for word in _RELATION_WORDS) and any(p in low for p in _PARTICLE_WORDS):
        for m in _RELATION_PARTICLE.finditer(text):
            hits.append((m.start(1), m.end(1), _CODE))
    if any(word in low for word in _SURNAME_WORDS):
        for m in _SURNAME_I18N.finditer(text):
            end = _trim_words(text, m.start(1), m.end(1))
            if end > m.start(1):
                hits.append((m.start(1), end, _CODE))
    return hits


def extend_surnames(text: str, hits: list[Hit]) -> list[Hit]:
    """Grow every ``full_name`` hit over the rest of its surname (see module docstring)."""
    out: list[Hit] = []
    for start, end, code in hits:
        if code == _CODE:
            rest = _TOKEN_REST.match(text, end)
            if rest is not None:
                end = rest.end()
            for _ in range(4):
                m = _NEXT_PART.match(text, end)
                if m is None or _is_word(m.group(2)):
                    break
                end = m.end()
        out.append((start, end, code))
    return out

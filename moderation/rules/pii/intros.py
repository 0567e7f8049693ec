"""Names in the shapes chat actually uses: lower case, sign-offs, relations, five languages.

``rules/names.py`` and ``titled.py`` read capitalised introductions. This module adds:

* **introductions in any case** in English, Spanish, Portuguese, French and German: strong
  cues ("my name is", "call me", "is called", "me llamo", "mi nombre es", "meu nome é",
  "me chamo", "je m'appelle", "ich heiße", "mein Name ist", "se llama") take the words
  after a first name that are not ordinary words; weak cues ("I'm", "this is", "soy",
  "sou", "je suis", "moi c'est", "ich bin") need a known first name followed by a
  surname-like word (on ``moderation/data/common_surnames.txt`` or with a distinctive
  ending: -ski, -wicz, -ez, -enko, -escu …), or two capitalised words that are not
  ordinary ones;
* **repeats**: "call me Priya, Priya Natarajan";
* **"Jenny Park here"** at the start of a message;
* **relations** in the five languages ("my ex Mark O'Brien", "my ex-husband Gary
  Whitfield", "mi ex, Juan Pérez", "mon ex Pierre Dubois", "mein Ex, Thomas Schulz"), also
  in lower case with a known first name and a surname-like word ("my ex mark obrien");
* **sign-offs** at the end of a message ("thanks, Karen Müller", "— Tom Reilly",
  "gracias, María Torres", "liebe Grüße, Sabine Hoffmann", a name alone on the last line);
* **lower-case titles** with a surname-like word ("dr patel", "my therapist, dr. hughes").

A first name alone always passes. Hits are ``full_name`` spans in normalized coordinates;
``people.py`` extends them over further surname parts and drops public figures.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit
from moderation.rules.wordlists import COMMON_WORDS, FIRST_NAMES, NOT_A_NAME

__all__ = ["find_intro_names", "surnames", "surname_like"]

_CODE = "full_name"
_W = r"[A-Za-z][A-Za-z'\-]{1,30}"
_PARTICLES = frozenset(
    "van von der den de del della la las los da das do dos di du des le ter ten zu bin ibn "
    "al el".split()
)
_SUFFIX = re.compile(
    r"(?:ski|ska|sky|wicz|czyk|czak|enko|ovic|evic|escu|oglu|poulos|akis|shvili|adze|"
    r"[aeiou]z|mann|stein|berg|sson|aitis|auskas)$"
)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Lower-case common surnames (particles, short and ordinary words dropped)."""
    from moderation.normalize import normalize

    raw = resources.files("moderation").joinpath("data/common_surnames.txt").read_text("utf-8")
    words: set[str] = set()
    for line in raw.splitlines():
        if line.startswith("#"):
            continue
        for word in normalize(line).lower.split():
            if len(word) >= 3 and word not in _PARTICLES and word not in COMMON_WORDS:
                words.add(word)
    return frozenset(words)


def surname_like(word: str) -> bool:
    """Whether a lower-case word reads as a surname (see the module docstring)."""
    w = word.lower().strip("'")
    if w in COMMON_WORDS or len(w) < 3:
        return False
    return w in surnames() or w.replace("'", "") in surnames() or _SUFFIX.search(w) is not None


def _ordinary(word: str) -> bool:
    w = word.lower().strip("'-")
    return w in COMMON_WORDS or len(w) < 2


def _cap(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _pair_ok(first: str, second: str) -> bool:
    """A first name followed by a surname, in any case."""
    if _ordinary(second):
        return False
    if _cap(first) and _cap(second):
        return not _ordinary(first)
    return first.lower() in FIRST_NAMES and surname_like(second)


_STRONG = re.compile(
    r"(?<![a-z])(?:my\s+name\s+is|my\s+name's|name's|full\s+name\s+is|i'?m\s+called|"
    r"i\s+am\s+called|(?:is|was|'s)\s+called|(?:is|was)\s+named|call\s+me|i\s+go\s+by|"
    r"me\s+llamo|se\s+llama|mi\s+nombre\s+(?:completo\s+)?es|me\s+chamo|chamo-me|"
    r"se\s+chama|(?:o\s+)?meu\s+nome\s+(?:completo\s+)?e|je\s+m'appelle|il\s+s'appelle|"
    r"elle\s+s'appelle|mon\s+nom\s+est|ich\s+heisse|er\s+heisst|sie\s+heisst|"
    r"mein\s+name\s+ist)"
    rf"[ \t]+({_W})((?:[ \t]+{_W}){{1,3}})"
)
_WEAK = re.compile(
    r"(?<![a-z])(?:i'?m|i\s+am|im|this\s+is|it'?s\s+me,?|it'?s|soy|sou(?:\s+[ao])?|"
    r"je\s+suis|moi\s+c'est|c'est|ich\s+bin|hier\s+ist|aqui\s+e|aqui\s+es),?"
    rf"[ \t]+({_W})[ \t]+({_W})((?:[ \t]+{_W}){{0,2}})"
)
_REPEAT = re.compile(rf"(?<![a-z])({_W}),[ \t]+\1[ \t]+({_W})")
# "Jenny Park here": two capitalised words before "here", opening the message or a
# sentence, or after a greeting.
_HERE_NAME = re.compile(r"([A-Z][a-z]+)[ \t]+([A-Z][A-Za-z'\-]{1,30})[ \t]+$")
_HERE_WORD = re.compile(r"\b(?:here|aqui|ici|hier)\b")
_HERE_OPEN = re.compile(
    r"(?:^|[.!?\n]|(?:hi|hey|hello|hiya|hola|oi|ola|salut|bonjour|hallo)(?:[ \t]+(?:all|"
    r"everyone|guys|folks|todos|gente|tout\s+le\s+monde|zusammen))?[,!]?)[ \t]*$"
)
_REL_EN = (
    r"ex|ex-?(?:husband|wife|boyfriend|girlfriend|partner|fiance|fiancee)|late\s+(?:husband|wife)|"
    r"boss|husband|wife|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|mum|mom|dad|"
    r"father|mother|stepdad|stepmom|stepmum|stepfather|stepmother|brother|sister|son|"
    r"daughter|grandma|grandpa|nan|gran|granddad|uncle|aunt|cousin|niece|nephew|"
    r"therapist|psychiatrist|psychologist|doctor|gp|nurse|counsell?or|social\s+worker|"
    r"case\s+worker|caseworker|key\s+worker|sponsor|teacher|tutor|coach|manager|supervisor|"
    r"friend|best\s+friend|bestie|mate|neighbou?r|landlord|landlady|roommate|flatmate|"
    r"housemate|coworker|co-worker|colleague|abuser|attacker|rapist|stalker|pastor|priest|"
    r"vicar|rabbi|imam|mentor|carer|lawyer|solicitor"
)
_REL_XX = (
    r"mi\s+(?:ex|jefa?|marido|esposa?|novia?|madre|padre|herman[oa]|hij[oa]|tia?|tio|prim[oa]|"
    r"psicolog[oa]|terapeuta|medic[oa]|amig[oa]|vecin[oa]|pareja)|"
    r"(?:meu|minha)\s+(?:ex|chefe|marido|esposa|namorad[oa]|mae|pai|irma|irmao|filh[oa]|"
    r"psicolog[oa]|terapeuta|medic[oa]|amig[oa]|vizinh[oa])|"
    r"(?:mon|ma)\s+(?:ex|patron|patronne|chef|mari|femme|copain|copine|mere|pere|frere|soeur|"
    r"fils|fille|psy|psychologue|therapeute|medecin|ami|amie|voisin|voisine)|"
    r"(?:mein|meine)\s+(?:ex|chef|chefin|mann|frau|freund|freundin|mutter|vater|bruder|"
    r"schwester|sohn|tochter|therapeut|therapeutin|arzt|arztin|nachbar|nachbarin)"
)
_RELATION = re.compile(
    rf"(?<![a-z])(?:(?:my|our|his|her)\s+(?:{_REL_EN})|{_REL_XX})(?:'s)?"
    r"(?:[ \t]*,|[ \t]*\(|[ \t]+(?:is|was|es|era|e|est|ist|war|called|named))?"
    rf"[ \t]+({_W})[ \t]+({_W})"
)
_SIGNOFF = re.compile(
    r"(?:(?i:(?<![a-z])(?:thanks|thank\s+you|thx|ty|cheers|love|lots\s+of\s+love|best|"
    r"best\s+wishes|regards|kind\s+regards|warm\s+regards|xo+|x+|hugs|take\s+care|"
    r"sincerely|warmly|signed|gracias|saludos|un\s+abrazo|abrazos|besos|obrigad[oa]|"
    r"abracos|beijos|merci|bisous|bises|cordialement|amities|danke|liebe\s+grusse|lg|"
    r"viele\s+grusse|gruss|grusse)(?:[ \t]+(?:all|everyone|guys|again|so\s+much|a\s+lot))?)"
    r"[ \t]*[,!.:\-]?[ \t]*\n?[ \t]*|[\-~][ \t]*|\n[ \t]*)"
    rf"({_W})[ \t]+({_W})((?:[ \t]+{_W})?)[ \t]*[.!]*[ \t]*(?i:x+|xo+)?[ \t]*$"
)
_TITLE_LOWER = re.compile(
    r"(?<![A-Za-z])(?:dr|doctor|mr|mrs|ms|miss|prof|dra|sr|sra|mme|herr|frau)\.?[ \t]+"
    r"([a-z][a-z'\-]{2,30})"
)
_NEXT = re.compile(rf"[ \t]+({_W})")
# A title written in lower case before a capitalised name ("soy la doctora Ana Ruiz").
_TITLE_CAP = re.compile(
    r"(?<![A-Za-z])(?:doctora|doctor|dra|dr|profesora|profesor|professora|professor|docteur|"
    r"doktorin|doktor|senora|senor|senhora|senhor|sra|sr|mrs|mr|ms|miss|madame|monsieur|"
    r"mademoiselle|mme|herr|frau|[DPSM](?:octora|rofesora|rofessora|enora|enor|enhora|enhor|"
    r"adame|onsieur|ademoiselle))\.?"
    r"[ \t]+([A-Z][a-z'\-]+)"
)


def _extend(text: str, end: int, lower_case: bool) -> int:
    """Grow a lower-case name over particles and further surname words ("da silva")."""
    if not lower_case:
        return end
    for _ in range(3):
        pos, particles = end, 0
        m = _NEXT.match(text, pos)
        while m is not None and m.group(1).lower() in _PARTICLES and particles < 3:
            pos, particles = m.end(), particles + 1  # "de la cruz", "van der berg"
            m = _NEXT.match(text, pos)
        if m is None:
            break
        word = m.group(1).lower()
        if particles and not _ordinary(word) or not particles and surname_like(word):
            end = m.end()
        else:
            break
    return end


def _surname_end(text: str, first: str, words_at: int) -> int | None:
    """End of the surname after ``first`` (words start at ``words_at``), or None.

    Particles are skipped ("van der Merwe", "da silva"); the first other word must read as
    a surname after ``first`` (see ``_pair_ok``); further surname words join it.
    """
    pos = words_at
    while True:
        m = _NEXT.match(text, pos)
        if m is None:
            return None
        word = m.group(1)
        if word.lower() not in _PARTICLES:
            break
        pos = m.end()
    if pos > words_at:  # after a particle any word that is not ordinary is a surname
        if _ordinary(word):
            return None
    elif not _pair_ok(first, word):
        return None
    end = m.end() - 2 if word.endswith("'s") else m.end()  # "van der Kolk's book"
    return _extend(text, end, not _cap(word))


def _add(text: str, hits: list[Hit], start: int, first: str, words_at: int) -> None:
    end = _surname_end(text, first, words_at)
    if end is not None:
        hits.append((start, end, _CODE))


def _group(text: str, m: re.Match[str], i: int) -> str:
    """Group ``i`` of a match on the lower-case view, as written in ``text``."""
    return text[m.start(i):m.end(i)]


def _strong(text: str, low: str, hits: list[Hit]) -> None:
    for m in _STRONG.finditer(low):
        first = _group(text, m, 1)
        if _ordinary(first):
            continue
        rest = _group(text, m, 2)
        second = rest.split()[0]
        if _cap(first) and _cap(second) and second.lower() not in NOT_A_NAME:
            hits.append((m.start(1), m.start(2) + rest.find(second) + len(second), _CODE))
            continue  # "my name is Walter White": a claimed capitalised name
        if not _cap(second) and first.lower() not in FIRST_NAMES and not surname_like(second):
            continue  # "call me sam please": a lower-case word after an unknown word
        if _cap(first) and not _cap(second) and not surname_like(second) and \
                second.lower() not in _PARTICLES:
            continue
        end = _surname_end(text, "Xx" if _cap(second) else first, m.end(1))
        if end is None and not _ordinary(second) and second.lower() not in _PARTICLES:
            end = _extend(text, m.end(1) + len(rest) - len(rest.lstrip()) + len(second),
                          not _cap(second))
        if end is not None:
            hits.append((m.start(1), end, _CODE))


def _weak(text: str, low: str, hits: list[Hit]) -> None:
    for m in _WEAK.finditer(low):
        first = _group(text, m, 1)
        if _ordinary(first) or not (first.lower() in FIRST_NAMES or _cap(first)):
            continue
        _add(text, hits, m.start(1), first, m.end(1))


def _relations(text: str, low: str, hits: list[Hit]) -> None:
    for m in _RELATION.finditer(low):
        first, second = _group(text, m, 1), _group(text, m, 2)
        if _ordinary(first):
            continue
        if surname_like(second) and second.lower() not in _PARTICLES:
            hits.append((m.start(1), _extend(text, m.end(2), not _cap(second)), _CODE))
        elif _cap(first) and (first.lower() in FIRST_NAMES or _cap(second)):
            _add(text, hits, m.start(1), "Xx" if _cap(second) else first, m.end(1))


def _signoffs(text: str, hits: list[Hit]) -> None:
    m = _SIGNOFF.search(text, max(0, len(text) - 90))  # it ends the message
    if m is None:
        return
    first, second = m.group(1), m.group(2)
    if not _pair_ok(first, second):
        return
    if not (first.lower() in FIRST_NAMES or surname_like(second) or m.group().lstrip()[:1] in "-~"):
        return  # "thanks, Happy Friday": an ordinary capitalised phrase
    third = m.group(3).strip()
    end = m.end(3) if third and not _ordinary(third) else m.end(2)
    hits.append((m.start(1), end, _CODE))


_STRONG_GATE = frozenset(
    "name name's called named llamo llama nombre chamo chama nome m'appelle s'appelle nom "
    "heisse heisst".split()
)
_WEAK_GATE = frozenset("i'm im am this it's its soy sou suis c'est bin ist aqui".split())
_RELATION_GATE = frozenset("my our his her mi meu minha mon ma mein meine".split())
_HERE_GATE = frozenset("here aqui ici hier".split())
_TITLE_GATE = frozenset(
    "dr doctor doctora mr mrs ms miss prof dra sr sra mme herr frau profesora profesor "
    "professora professor docteur doktor doktorin senora senor senhora senhor madame monsieur mademoiselle".split()
)
_CAP_AFTER = re.compile(r"[a-z,'][ \t]+[A-Z][a-z]")
_LAST_WORDS = re.compile(r"[A-Za-z][A-Za-z'\-]+")


def _signoff_possible(text: str) -> bool:
    """Cheap test on the message's last two words before the sign-off regex runs."""
    tail = text[-60:].rstrip(" \t.!xX")
    words = _LAST_WORDS.findall(tail[-40:])
    if len(words) < 2:
        return False
    first, second = words[-2], words[-1]
    if len(words) >= 3 and not _ordinary(words[-1]) and _cap(words[-1]) and _cap(words[-3]):
        first, second = words[-3], words[-2]  # "Ana García López"
    return _cap(second) or (first.lower() in FIRST_NAMES and surname_like(second))


def find_intro_names(n: Normalized) -> list[Hit]:
    """Surname hits (code ``full_name``) in normalized coordinates."""
    text, low, words = n.text, n.lower, n.words
    hits: list[Hit] = []
    named = (not words.isdisjoint(FIRST_NAMES) or not words.isdisjoint(surnames())
             or _CAP_AFTER.search(text) is not None)
    if not words.isdisjoint(_STRONG_GATE) or "call me" in low or "go by" in low:
        _strong(text, low, hits)
    if named and not words.isdisjoint(_WEAK_GATE):
        _weak(text, low, hits)
    if named and ", " in text:
        for m in _REPEAT.finditer(low):
            if not _ordinary(m.group(2)) and not _ordinary(m.group(1)):
                hits.append((m.start(2), _extend(text, m.end(2), True), _CODE))
    if named and not words.isdisjoint(_HERE_GATE):
        for h in _HERE_WORD.finditer(low):
            pair = _HERE_NAME.search(text, max(0, h.start() - 48), h.start())
            if pair is None or _HERE_OPEN.search(low, max(0, pair.start() - 30), pair.start()) is None:
                continue
            if not _ordinary(pair.group(2)) and not _ordinary(pair.group(1)):
                hits.append((pair.start(1), pair.end(2), _CODE))
    if named and not words.isdisjoint(_RELATION_GATE):
        _relations(text, low, hits)
    if _signoff_possible(text):
        _signoffs(text, hits)
    if not words.isdisjoint(_TITLE_GATE):
        for m in _TITLE_LOWER.finditer(text):
            if surname_like(m.group(1)):
                hits.append((m.start(1), m.end(1), _CODE))
        for m in _TITLE_CAP.finditer(text):
            if _ordinary(m.group(1)):
                continue
            if m.group(1).lower() in FIRST_NAMES:  # "the doctor Ana": a first name alone
                nxt = _NEXT.match(text, m.end(1))
                if nxt is None or not _cap(nxt.group(1)) or _ordinary(nxt.group(1)):
                    continue
            hits.append((m.start(1), m.end(1), _CODE))
    return hits

"""Workplaces and schools that pin a person down.

"I'm the only pharmacist at Greenway Clinic in Tenby", "I work at Hollis & Pryce", "I teach
year 6 at St Mary's Primary", "my son goes to Westfield High": the organisation's name is
removed (the town, the role and the rest of the sentence stay).

An organisation is a run of capitalised words (``&``, "and", "of", "de" … may join them,
``St``/``Mary's`` allowed). It counts only after a cue that ties it to the author or their
family: working ("work at/for", "employed by", "I'm a/the <role> at"), teaching or
studying, or a child going to school, in English, Spanish, Portuguese, French and German.

* With a head noun (Clinic, Surgery, Ltd, GmbH, Primary, High, Academy, Colegio, Lycée,
  Grundschule …) any of those cues is enough; school heads give ``school``, others
  ``workplace``.
* Without a head noun only the direct employment and study cues count ("I work at Hollis &
  Pryce", "I study at Greendale"), never "went to" / "goes to" ("I went to Tesco"); a
  one-word name needs a work/study verb (not "my shift at …") and is skipped when it is
  possessive like a shop ("Dickson's"), a lone first name, or a large chain or employer
  (``moderation/data/common_employers.txt``: "I work at Tesco" identifies nobody).

Lower-case generic mentions ("I work at a supermarket", "at the hospital") never match.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit
from moderation.rules.wordlists import COMMON_WORDS, FIRST_NAMES, NOT_A_NAME

__all__ = ["find_orgs", "common_employers"]

_TOKEN = r"(?:St\.?|Ste\.?|[A-Z][A-Za-z'’.]*[a-z][A-Za-z'’]*|[A-Z][A-Z&]{1,5}(?![a-z]))"
_JOIN = r"(?:[ \t]+(?:&|and|of|of\s+the|for|de|del|de\s+la|da|do|dos|das|du|des|fur)[ \t]+|[ \t]+|-)"
_ORG = rf"(?:The[ \t]+)?{_TOKEN}(?:{_JOIN}{_TOKEN}){{0,5}}"

# Cues, case-insensitive; each ends right before the organisation. Group "strong" marks
# cues that allow an organisation without a head noun.
_EN_WORK = (
    r"\b(?:work(?:s|ed|ing)?|employed|volunteer(?:s|ed|ing)?|intern(?:s|ed|ing)?|"
    r"clean(?:s|ed|ing)?|cook(?:s|ed|ing)?|waitress(?:es|ed|ing)?|bartend(?:s|ed|ing)?|"
    r"hired|fired|sacked|laid\s+off|quit|resigned|promoted|started\s+(?:work|a\s+job))\b"
    r"(?:[ \t]+[a-z'’\-]+){0,4}?[ \t]+(?:at|for|by|from)"
)
_EN_WORK_NOUN = (
    r"\b(?:job|shifts?|placement|colleagues?|co-?workers?|boss|manager|supervisor|hr|"
    r"interview|contract|team\s+lead|line\s+manager|director|ceo|owner|payroll)\b"
    r"(?:[ \t]+[a-z'’\-]+){0,3}?[ \t]+(?:at|for)"
)
# Studying or a school role: with no head noun the name is a school ("I'm a junior at
# Lincoln", "she's in year 4 at Brookfield", "the principal at Riverdale").
_EN_SCHOOL = (
    r"\b(?:(?:i'?m|i\s+am|i\s+was|she'?s|he'?s|they'?re)\s+(?:a|an|in\s+(?:my|her|his|their))"
    r"(?:[ \t]+[a-z0-9'’\-]+){0,2}?[ \t]+(?:junior|senior|freshman|fresher|sophomore|student|"
    r"undergrad|undergraduate|postgrad|grad|pupil|year|semester)|"
    r"in\s+(?:year|grade|form|class|p|s)\s*\w+|"
    r"(?:degree|masters|master's|phd|course|diploma|major(?:ing)?|principal|head\s*teacher|"
    r"headmaster|headmistress|classmates?|graduated|graduating|dropped\s+out|expelled|"
    r"kicked\s+out|excluded|suspended)\b(?:[ \t]+[a-z'’\-]+){0,3}?)[ \t]+(?:at|from|of)"
)
# A child or sibling at school: with no head noun the name is a school ("our kids go to
# Holy Cross", "my sister goes to UCLA", "my son's teacher at Greenfield").
_EN_CHILD = (
    r"\b(?:my|our|his|her)\s+(?:son|daughter|kids?|children|child|boy|girl|twins|stepson|"
    r"stepdaughter|grandson|granddaughter|eldest|youngest|sister|brother|niece|nephew)"
    r"(?:'s|’s|s)?(?:[ \t]+(?:school|college|uni|nursery|teachers?|class)(?=[ \t]*[(:,])|"
    r"[ \t]+(?:school|college|uni|nursery)[ \t]+(?:is|was)|[ \t]+(?:goes|go|attends|attend|started|starts|is|are|now)"
    r"(?:[ \t]+[a-z'’\-]+){0,2}?[ \t]+(?:to|at)|(?:[ \t]+[a-z'’\-]+){0,2}?[ \t]+"
    r"(?:teachers?|class|classmates|friends)[ \t]+at)"
)
_EN_ROLE = (
    r"\b(?:i'?m|i\s+am|i\s+was|i'?ve\s+been|ive\s+been|she'?s|he'?s)\s+(?:a|an|the|one\s+of\s+the)"
    r"(?:[ \t]+[a-z0-9'’\-]+){1,4}?[ \t]+at"
)
_EN_STUDY = (
    r"\b(?:teach(?:es|ing)?|taught|tutor(?:s|ing)?|lecture(?:s|r)?|study(?:ing)?|studies|"
    r"studied|attend(?:s|ed|ing)?|enrolled|student|pupil|pupils|students)\b"
    r"(?:[ \t]+[a-z0-9'’\-]+){0,4}?[ \t]+at"
)
_EN_GO = (
    r"\b(?:go(?:es)?|went|going|started|starts)"
    r"(?:[ \t]+(?:back|still|now|just))?[ \t]+(?:to|at)"
    r"|\b(?:my|our|his|her)\s+(?:son|daughter|kids?|children|child|boy|girl|twins|stepson|"
    r"stepdaughter|grandson|granddaughter|eldest|youngest)(?:'s|’s|s)?\b(?:[ \t]+[a-z0-9'’\-]+){0,4}?"
    r"[ \t]+(?:to|at|in)"
)
_I18N_STRONG = (
    r"\b(?:trabaj(?:o|a|aba|amos)\s+(?:para|con)|trabalh(?:o|a|ava)\s+para|"
    r"(?:travaill(?:e|es|ait|ons)|boss(?:e|es|ait))\s+(?:chez|pour)|arbeite(?:t|n)?\s+(?:bei|fur))"
)
_I18N_HEAD = (
    r"\b(?:trabaj(?:o|a|aba|amos)\s+en(?:\s+(?:el|la))?|estudi(?:o|a|aba)\s+en(?:\s+(?:el|la))?|"
    r"(?:va|van|estudia|estudian)\s+(?:al|a\s+la|en\s+el|en\s+la)|"
    r"trabalh(?:o|a|ava)\s+(?:na|no|em|numa|num)|estud(?:o|a|ava)\s+(?:na|no|em)|"
    r"(?:vai|vao|anda|andam)\s+(?:na|no|para\s+[ao])|"
    r"travaill(?:e|es|ait|ons)\s+(?:a|au|dans\s+(?:le|la|l'))|etudi(?:e|es|ait)\s+(?:a|au)|"
    r"(?:va|vont|est|suis)\s+(?:a|au)(?:\s+la|\s+le)?|"
    r"(?:enseign(?:e|es|ait|ons)|boss(?:e|es|ait))\s+(?:a|au|dans)(?:\s+la|\s+le|\s+l')?|"
    r"en\s+(?:terminale|seconde|premiere|[a-z0-9]+eme)\s+(?:a|au)(?:\s+la|\s+le)?|"
    r"(?:ist|bin|sind|war)\s+(?:am|im|an\s+der|auf\s+der|auf\s+dem)|"
    r"arbeite(?:t|n)?\s+(?:im|am|in\s+der|an\s+der|in\s+einer)|studiere\s+(?:an\s+der|in)|"
    r"(?:geht|gehen)\s+(?:auf\s+die|in\s+die|zur|zum|aufs))"
)
# A lower-case kind of place between cue and name ("va al colegio San José") is a head.
_GENERIC_HEAD = (
    r"(?:school|colegio|cole|instituto|escuela|escola|ecole|l'ecole|lycee|college|gymnasium|"
    r"grundschule|hospital|clinica|farmacia|empresa|tienda|loja|boutique|firma|praxis)"
)
_CUE_ORG = re.compile(
    rf"(?i:(?P<school>{_EN_SCHOOL}|{_EN_CHILD})|"
    rf"(?P<strong>{_EN_WORK}|{_EN_ROLE}|{_EN_STUDY}|{_I18N_STRONG})|(?P<weak>{_EN_WORK_NOUN})|"
    rf"(?P<go>{_EN_GO}|{_I18N_HEAD}))(?:[ \t]+(?P<head>{_GENERIC_HEAD})\b(?:[ \t]+(?:at|called|named))?)?"
    r"(?:[ \t]*[(:,][ \t]*|[ \t]+)"
    rf"(?:the[ \t]+)?(?P<org>{_ORG})"
)
# The name before the word: "Oakwood is his school", "Hollis & Pryce was my employer".
_NAMED_BEFORE = re.compile(
    rf"(?P<org>{_ORG})[ \t]+(?:is|was|'s)[ \t]+(?i:(?:my|his|her|our|their)(?:[ \t]+(?:kids?|son|"
    r"daughter|children)(?:'s|’s|s)?)?[ \t]+(?P<kind>school|uni|university|college|nursery|"
    r"employer|workplace))\b"
)
_SCHOOL_HEADS = frozenset(
    "school primary secondary high elementary middle academy college university uni grammar "
    "comprehensive prep preparatory infants juniors nursery kindergarten montessori "
    "polytechnic institute sixth colegio instituto escuela universidad ies ceip liceo lycee "
    "ecole gymnasium grundschule realschule gesamtschule hauptschule hochschule universitat "
    "escola faculdade universidade kita tu fh".split()
)
_WORK_HEADS = frozenset(
    "clinic hospital surgery pharmacy chemist chemists practice medical health dental "
    "dentistry dentists vets veterinary ltd limited llc llp inc plc gmbh ag sa sl sarl co "
    "company group partners associates solicitors law accountants consulting bank council "
    "library church cafe bakery restaurant bar pub hotel garage motors studio studios labs "
    "trust foundation agency centre center care nursing farm salon gym store stores shop "
    "market factory warehouse office station services solutions systems technologies media "
    "press insurance logistics klinik krankenhaus praxis apotheke farmacia clinica "
    "ayuntamiento mairie rathaus kanzlei hospice ward unit home".split()
)
_GENERIC = frozenset(
    "work home school uni university college hospital church court christmas easter the a "
    "an mum mom dad night weekend weekends".split()
)
# First words of the cues above (lower case): the cue regex is only tried where one starts.
_CUE_FIRST = frozenset(
    "work works worked working employed volunteer volunteers volunteered volunteering intern "
    "interns interned interning job shift shifts placement colleague colleagues coworker "
    "coworkers co-worker co-workers boss manager i i'm im i've ive she's shes he's hes teach "
    "teaches teaching taught tutor tutors tutoring lecture lectures lecturer study studying "
    "studies studied attend attends attended attending enrolled student students pupil "
    "pupils go goes went going started starts in my our his her trabajo trabaja trabajaba "
    "enseigne enseignes enseignait enseignons bosse bosses bossait en suis ist bin sind war "
    "trabajamos estudio estudia estudiaba va van estudian trabalho trabalha trabalhava "
    "estudo estuda estudava vai vao anda andam travaille travailles travaillait travaillons "
    "etudie etudies etudiait vont est arbeite arbeitet arbeiten studiere geht gehen clean "
    "cleans cleaned cleaning cook cooks cooked cooking waitress bartend bartends hired fired "
    "sacked laid quit resigned promoted supervisor hr interview contract team line director "
    "ceo owner payroll they're theyre degree masters master's phd course diploma major "
    "majoring principal head headteacher headmaster headmistress classmate classmates "
    "graduated graduating dropped expelled kicked excluded suspended".split()
)
_KINDS = frozenset("school uni university college nursery employer workplace".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_FOLD = re.compile(r"[^a-z0-9&]+")
_CAP_AFTER_WORD = re.compile(r"[a-z,'’][ \t]+(?:[A-Z][a-z]|[A-Z]{2}|St\b)")


@lru_cache(maxsize=1)
def common_employers() -> frozenset[str]:
    """Folded names of large chains and employers (see the module docstring)."""
    from moderation.normalize import normalize

    raw = resources.files("moderation").joinpath("data/common_employers.txt").read_text("utf-8")
    return frozenset(
        _fold(normalize(line.strip()).text)
        for line in raw.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _fold(name: str) -> str:
    return _FOLD.sub(" ", name.lower()).strip()


def _words(org: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", org) if w]


def _trim(org: str) -> str:
    """Drop trailing ordinary words ("Greenway Clinic Monday" -> "Greenway Clinic")."""
    words = _words(org)
    while words and (words[-1].lower() in ("&", "and", "of", "the", "for", "de")
                     or words[-1].lower().strip("'’.") in NOT_A_NAME
                     and words[-1].lower().strip("'’.") not in _WORK_HEADS | _SCHOOL_HEADS):
        words.pop()
    if not words:
        return ""
    last = words[-1]
    return org[: org.rfind(last) + len(last)]


def _classify(org: str, cue: str, head: str | None) -> str | None:
    """``cue`` is "school" (study, school roles, a child at school), "strong" (work/study
    verbs), "weak" (job/shift/boss nouns) or "go"."""
    words = [w.lower().strip("'’.").removesuffix("'s") for w in _words(org)]
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return None
    if head is not None:
        h = head.lower().removeprefix("l'")
        return "school" if h in _SCHOOL_HEADS or h in ("cole", "school") else "workplace"
    if any(w in _SCHOOL_HEADS for w in words) and not all(w in _SCHOOL_HEADS for w in words):
        return "school"
    if any(w in _WORK_HEADS for w in words) and not all(w in _WORK_HEADS for w in words):
        return "workplace"
    if cue == "go" or len(words) == 1 and (words[0] in _GENERIC
                                           or words[0] in NOT_A_NAME or words[0] in FIRST_NAMES
                                           or org.endswith(("'s", "’s"))):
        return None  # "I went to Tesco", "my shift at Dickson's": a shop, not a person
    if _fold(org) in common_employers() or _fold(" ".join(words)) in common_employers():
        return None
    return "school" if cue == "school" else "workplace"


def _named_before(n: Normalized) -> list[Hit]:
    """"Oakwood is his school": the name before a possessive kind of place."""
    hits: list[Hit] = []
    for m in _NAMED_BEFORE.finditer(n.text):
        org = m.group("org").removeprefix("The ")
        first = org.split()[0].lower()
        if first in COMMON_WORDS or first in FIRST_NAMES or _fold(org) in common_employers():
            continue
        kind = m.group("kind").lower()
        code = "school" if kind in _SCHOOL_HEADS or kind == "school" else "workplace"
        hits.append((m.end("org") - len(org), m.end("org"), code))
    return hits


def find_orgs(n: Normalized) -> list[Hit]:
    """Workplace / school hits (codes ``workplace`` and ``school``) in normalized coordinates."""
    text = n.text
    # A name needs a capital right after a lower-case word ("at Greenway", "to St Mary's");
    # sentence starts ("... today. Then") do not count. Cheapest test first.
    hits: list[Hit] = _named_before(n) if not n.words.isdisjoint(_KINDS) else []
    if not _CAP_AFTER_WORD.search(text):
        return hits
    resume = 0
    for w in _WORD.finditer(text):
        if w.start() < resume or w.group().lower() not in _CUE_FIRST:
            continue
        m = _CUE_ORG.match(text, w.start())
        if m is None:
            continue
        resume = m.end()
        org = _trim(m.group("org"))
        if not org:
            continue
        cue = next(g for g in ("school", "strong", "weak", "go") if m.group(g))
        code = _classify(org, cue, m.group("head"))
        if code is not None:
            start = m.start("org")
            if org.startswith("The "):
                start += 4
            hits.append((start, m.start("org") + len(org), code))
    return hits

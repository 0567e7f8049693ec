"""Workplaces and schools named in lower-case chat ("i work at greenway clinic").

``orgs.py`` reads capitalised names; people in chat rarely capitalise, so this module reads
the words after a work or study cue in the lower-case view and sorts them into kinds of
place (heads: clinic, primary, colegio, lycée, Schule …), saints ("st brigid's", "san
rafael"), joining words ("hollis and pryce", "clinique du parc"), ordinary modifiers
("local", "big", "children's") and everything else, which is read as part of a name.

* A head plus a name word or a saint is a named place after any cue ("my kid goes to st
  brigid's primary", "trabajo en la clínica san rafael", "ma fille est au lycée victor
  hugo", German compounds such as "goethe-schule", "marienhospital").
* Without a head only direct employment cues count ("work at/for", "employed by", "I'm the
  manager at", "je travaille chez", "ich arbeite bei"): two name words ("hollis and
  pryce", "the red lion"), or one name word right after the cue that is not a first name,
  a large employer (``common_employers.txt``) or an ordinary word ("i work at night").
* Never: an indefinite article or a possessive first ("at a supermarket", "at my mum's"),
  only heads and modifiers ("at the local hospital", "goes to primary school").

The organisation's words are removed; the cue, an article and what follows stay.
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit
from moderation.rules.pii.org_words import (
    ARTICLES,
    BOUNDARIES,
    COMPOUND_HEADS,
    GENERIC_COMPOUNDS,
    INDEFINITE,
    JOINS,
    MODIFIERS,
    POSSESSIVES,
    SAINTS,
    SCHOOL_HEADS,
    WORK_HEADS,
)
from moderation.rules.wordlists import FIRST_NAMES, NOT_A_NAME

__all__ = ["find_orgs_chat"]

_ROLES = (
    r"nurse|manager|intern|teacher|ta|teaching\s+assistant|receptionist|cashier|barista|"
    r"cleaner|carer|caregiver|chef|cook|pharmacist|gp|physio|dentist|vet|assistant|admin|"
    r"administrator|developer|engineer|accountant|lawyer|solicitor|paralegal|secretary|"
    r"supervisor|director|ceo|owner|principal|headteacher|head\s+teacher|tutor|lecturer|"
    r"professor|volunteer|waiter|waitress|bartender|driver|porter|hca|midwife|paramedic|"
    r"social\s+worker|technician|consultant|analyst|coordinator|clerk|librarian|doctor|"
    r"surgeon|therapist|counsell?or|pupil|student|apprentice|trainee|employee|staff|"
    r"worker|baker|butcher|mechanic|electrician|plumber|hairdresser|stylist|janitor|"
    r"caretaker|guard|officer|medic|team\s+leader|chaplain|housekeeper|pa|rep|agent"
)
# Cues that allow a name without a head ("work at hollis and pryce").
_STRONG_EN = (
    r"\b(?:work(?:s|ed|ing)?|employed|volunteer(?:s|ed|ing)?|intern(?:s|ed|ing)?|temp(?:s|ing)?)"
    r"(?:\s+(?:part[- ]time|full[- ]time|nights|days|shifts|weekends|there|here|now|"
    r"currently|still|also|mostly|as\s+an?\s+[a-z]+))?\s+(?:at|for|by)"
    rf"|\b(?:{_ROLES})s?\s+(?:here\s+)?(?:at|for)"
    r"|\b(?:teach(?:es|ing)?|taught|study(?:ing)?|studies|studied|enrolled|lecture[sd]?)"
    r"(?:\s+[a-z]+){0,2}?\s+at"
    r"|\b(?:company|firm|shop|place|business|charity|clinic|practice|agency|cafe|restaurant|"
    r"pub|salon|startup|school|nursery|college)\s+(?:called|named)"
)
_STRONG_XX = (
    r"\btrabaj(?:o|a|as|aba|amos|an)\s+(?:de\s+[a-z]+\s+|como\s+[a-z]+\s+)?(?:para|con)"
    r"|\btrabalh(?:o|a|as|ava|amos|am)\s+(?:como\s+[a-z]+\s+)?(?:para|pra|pro)"
    r"|\b(?:travaill(?:e|es|ait|ons|ent)|bosse|bossait)\s+(?:comme\s+[a-z]+\s+)?(?:chez|pour)"
    r"|\b(?:arbeite(?:t|n)?|jobbe|jobbt)\s+(?:als\s+[a-z]+\s+)?(?:bei|fur)"
)
# Cues after which a head (or a saint) is needed ("goes to", "trabajo en", "geht auf die").
_PLACE_EN = (
    r"\b(?:go(?:es)?|went|going|started|starts|attend(?:s|ed|ing)?)\s+(?:to|at)"
    r"|\b(?:year|grade|form|class)\s+\w+\s+at"
    r"|\b(?:i'?m|i\s+am|i\s+was|she'?s|he'?s)\s+(?:(?:a\s+)?(?:student|fresher|freshman|"
    r"sophomore|junior|senior|postgrad|undergrad|phd\s+student)\s+)?at(?=\s+(?:uni|university)\s+of\b)"
    r"|\b(?:son|daughter|kid|kids|child|children|boy|girl|twins|grandson|granddaughter)"
    r"(?:'s|s)?\s+(?:is\s+|are\s+|starts\s+|started\s+)?at"
    r"|\b(?:study(?:ing)?|studies|studied|work(?:s|ed|ing)?)\s+in"
    r"|\b(?:my|our|his|her|their)\s+(?:(?:son|daughter|kid|child|boy|girl|kids|children)"
    r"(?:'s|s'|s)?\s+)?(?:school|college|uni|university|nursery|workplace|employer|company)"
    r"(?:\s+is|\s+was|,|:|\s+-)(?:\s+called)?"
    r"|\b(?:job|shifts?|placement|colleagues?|co-?workers?|boss)(?:\s+[a-z]+){0,2}?\s+(?:at|for)"
)
_PLACE_XX = (
    r"\btrabaj(?:o|a|as|aba|amos|an)\s+(?:de\s+[a-z]+\s+|como\s+[a-z]+\s+)?en"
    r"|\bestudi(?:o|a|as|aba|amos|an)\s+(?:[a-z]+\s+)?en"
    r"|\b(?:va|van|voy|vas|iba|fue)\s+(?:al|a)"
    r"|\b(?:soy|es|era)\s+(?:enfermer[oa]|profesora?|maestr[oa]|medic[oa]|cajer[oa]|"
    r"camarer[oa]|gerente|jef[ea]|recepcionista|cociner[oa]|farmaceutic[oa]|abogad[oa]|"
    r"dependient[ea]|alumn[oa]|estudiante|becari[oa]|voluntari[oa])\s+(?:en|de)"
    r"|\btrabalh(?:o|a|as|ava|amos|am)\s+(?:como\s+[a-z]+\s+)?(?:na|no|em|numa|num)"
    r"|\bestud(?:o|a|as|ava|amos|am)\s+(?:na|no|em)"
    r"|\b(?:vai|vao|vou|anda|andam|ia)\s+(?:na|no|para|pra|pro)"
    r"|\b(?:sou|era)\s+(?:enfermeir[oa]|professora?|medic[oa]|caixa|gerente|recepcionista|"
    r"estagiari[oa]|alun[oa]|estudante|vendedora?|atendente|cozinheir[oa]|"
    r"farmaceutic[oa]|advogad[oa])\s+(?:na|no|em|da|do)"
    r"|\b(?:travaill(?:e|es|ait|ons|ent)|bosse|bossait)\s+(?:comme\s+[a-z]+\s+)?(?:a|au|aux|dans)"
    r"|\betudi(?:e|es|ait|ons|ent)\s+(?:a|au|aux|dans)"
    r"|\b(?:va|vont|vais|allait|est|sont)\s+(?:a|au|aux|en)"
    r"|\ben\s+(?:terminale|seconde|premiere|[a-z0-9]+eme)\s+(?:a|au|aux|dans)"
    r"|\benseign(?:e|es|ait|ons|ent)\s+(?:a|au|aux|dans)"
    r"|\b(?:suis|est|etait)\s+(?:infirmiere?|prof|professeure?|enseignante?|medecin|"
    r"caissiere?|caissier|serveu(?:r|se)|vendeu(?:r|se)|stagiaire|eleve|etudiante?|"
    r"pharmacienne?|secretaire|comptable|avocate?|aide-soignante?)\s+(?:a|au|chez|dans)"
    r"|\b(?:arbeite(?:t|n)?|jobbe|jobbt)\s+(?:als\s+[a-z]+\s+)?(?:im|am|in\s+der|in\s+dem|an\s+der|in)"
    r"|\b(?:studiere|studiert|studieren)\s+(?:an\s+der|in|am)"
    r"|\b(?:geht|gehen|gehe|ging)\s+(?:auf\s+die|auf\s+das|aufs|in\s+die|zur|zum|auf\s+den)"
    r"|\b(?:bin|ist|war)\s+(?:krankenschwester|krankenpfleger|pflegerin|pfleger|lehrerin|lehrer|"
    r"arztin|arzt|verkauferin|verkaufer|kassiererin|azubi|praktikantin|praktikant|schulerin|"
    r"schuler|studentin|student|erzieherin|erzieher|kellnerin|kellner|sekretarin|"
    r"apothekerin|apotheker|altenpflegerin|altenpfleger)\s+(?:im|am|bei|an\s+der|in\s+der)"
)
_CUE = re.compile(
    rf"(?:(?P<strong_en>{_STRONG_EN})|(?P<strong_xx>{_STRONG_XX})|(?P<place_en>{_PLACE_EN})|"
    rf"(?P<place_xx>{_PLACE_XX}))[ \t]+"
)
# Pre-filter: the words a cue starts with (the possessives only start one, so they are
# tried but do not open the gate).
_CUE_WORDS = frozenset(re.findall(r"[a-z][a-z\-]+", _ROLES.replace(r"\s+", " "))) | frozenset("""
work works worked working employed volunteer volunteers volunteered volunteering intern
interns interned interning temp temps temping teach teaches teaching taught study studying
studies studied enrolled lecture lectures lectured company firm shop place business
charity clinic practice agency cafe restaurant pub salon startup school nursery college
go goes went going started starts attend attends attended attending year grade form class
job shift shifts placement colleague colleagues coworker coworkers co-worker co-workers
boss school college uni university workplace employer son daughter kid kid's kids child
children boy girl twins grandson granddaughter
trabajo trabaja trabajas trabajaba trabajamos trabajan estudio estudia estudias estudiaba
estudiamos estudian va van voy vas iba fue soy es era enfermero enfermera profesor
profesora maestro maestra medico medica cajero cajera camarero camarera gerente jefe jefa
recepcionista cocinero cocinera farmaceutico farmaceutica abogado abogada dependiente
dependienta alumno alumna estudiante becario becaria voluntario voluntaria
trabalho trabalha trabalhas trabalhava trabalhamos trabalham estudo estuda estudas
estudava estudamos estudam vai vao vou anda andam ia sou enfermeiro enfermeira
professora caixa estagiario estagiaria aluno aluna vendedor vendedora atendente
cozinheiro cozinheira advogado advogada
travaille travailles travaillait travaillons travaillent bosse bossait etudie etudies
etudiait etudions etudient vont vais allait est sont suis etait en enseigne
enseignes enseignait enseignons enseignent fresher freshman sophomore i'm im i she's shes
he's hes infirmier infirmiere prof
professeur professeure enseignant enseignante medecin caissier caissiere serveur serveuse
vendeur vendeuse stagiaire eleve etudiant etudiante pharmacien pharmacienne secretaire
comptable avocat avocate aide-soignant aide-soignante
arbeite arbeitet arbeiten jobbe jobbt studiere studiert studieren geht gehen gehe ging bin
ist war krankenschwester krankenpfleger pflegerin pfleger lehrerin lehrer arztin arzt
verkauferin verkaufer kassiererin azubi praktikantin praktikant schulerin schuler
studentin student erzieherin erzieher kellnerin kellner sekretarin apothekerin apotheker
altenpflegerin altenpfleger
""".split())
_STARTS = _CUE_WORDS | frozenset("my our his her their".split())
_WORD = re.compile(r"[a-z][a-z'\-]*")
_TOKEN = re.compile(r"(?:l'|d')?[a-z0-9][a-z0-9'&.\-]*|&")
_GAP = re.compile(r"[ \t]+")
_MAX_WORDS = 7


def _compound(word: str) -> bool:
    """A German-style compound whose tail is a kind of place and whose head is a name."""
    w = word.replace("-", "")
    if w in GENERIC_COMPOUNDS:
        return False
    for tail in COMPOUND_HEADS:
        if w.endswith(tail) and len(w) >= len(tail) + 3:
            return True
    return False


def _kind(word: str) -> str:
    """One of head, saint, join, mod, stop, name."""
    bare = word.removesuffix("'s").removesuffix("s'").strip(".'")
    if word in SAINTS:
        return "saint"
    if bare in SCHOOL_HEADS or bare in WORK_HEADS:
        return "head"
    if _compound(bare):
        return "compound"
    if word in JOINS:
        return "join"
    if bare in MODIFIERS or bare.isdigit():
        return "mod"
    if bare in BOUNDARIES or bare in NOT_A_NAME or len(bare) < 2:
        return "stop"
    return "name"


def _words(low: str, pos: int) -> list[tuple[int, int, str]]:
    """Up to ``_MAX_WORDS`` words from ``pos``, stopping at punctuation or a line break."""
    out: list[tuple[int, int, str]] = []
    while len(out) < _MAX_WORDS:
        m = _TOKEN.match(low, pos)
        if m is None:
            break
        word = m.group()
        end = m.end()
        if word.endswith(".") and word not in SAINTS:
            word, end = word.rstrip("."), end - (len(word) - len(word.rstrip(".")))
            out.append((m.start(), end, word))
            break  # a full stop ends the sentence
        out.append((m.start(), end, word))
        gap = _GAP.match(low, end)
        if gap is None:
            break
        pos = gap.end()
    return out


def _is_employer(words: list[str]) -> bool:
    from moderation.rules.pii.orgs import common_employers

    folded = re.sub(r"[^a-z0-9&]+", " ", " ".join(words)).strip()
    return folded in common_employers()


def _strip_article(words: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], bool]:
    first = words[0][2]
    if first in ARTICLES or first in ("l'", "d'"):
        return words[1:], True
    if first.startswith(("l'", "d'")) and len(first) > 2:
        start, end, w = words[0]
        return [(start + 2, end, w[2:]), *words[1:]], True
    return words, False


def _name_span(
    words: list[tuple[int, int, str]], strong: bool, english: bool, loose: bool,
    trip: bool = False,
) -> tuple[int, int, str] | None:
    """The organisation in ``words`` (the words after a cue), or None.

    ``strong``: a direct employment cue (a name without a head counts); ``english``: names
    come before the head ("greenway clinic"), otherwise after it too ("clinica san rafael");
    ``loose``: a cue ending in "for" ("work for peanuts"), where one name word is not enough;
    ``trip``: "went to" / "going to", where a saint's name without a head is a place.
    """
    if not words or words[0][2] in INDEFINITE or words[0][2] in POSSESSIVES:
        return None
    words, article = _strip_article(words)
    kinds = [_kind(w) for _, _, w in words]
    run = 0
    while run < len(kinds) and kinds[run] != "stop":
        run += 1
    if english and "head" in kinds[:run]:
        # English puts the head last: "greenway clinic", never "the hospital ran late".
        head_end = max(i for i in range(run) if kinds[i] == "head") + 1
        if head_end + 1 < run and words[head_end][2] == "of" and kinds[head_end + 1] == "name":
            head_end += 2  # "uni of leeds", "university of bath"
            while head_end < run and kinds[head_end] == "name":
                head_end += 1
        run = head_end
    while run and kinds[run - 1] in ("join", "mod"):
        run -= 1
    lead = 0
    while lead < run and kinds[lead] in ("join", "mod"):
        lead += 1
    part, part_kinds = words[lead:run], kinds[lead:run]
    if not part:
        return None
    tokens = [w for _, _, w in part]
    school = any(w.removesuffix("'s") in SCHOOL_HEADS or "schule" in w or "gymnasium" in w
                 for w in tokens)
    code = "school" if school else "workplace"
    names = part_kinds.count("name")
    if "compound" in part_kinds:
        return part[0][0], part[-1][1], code
    if "head" in part_kinds or "saint" in part_kinds:
        if not names or trip and "head" not in part_kinds:
            return None
        skip = 0
        while not english and part_kinds[skip] in ("head", "mod", "join"):
            skip += 1  # "colegio san ignacio": the kind of place stays, its name goes
        return part[skip][0], part[-1][1], code
    if not strong or names == 0 or _is_employer(tokens) or _is_employer(tokens[:1]):
        return None
    if names == 1:
        word = tokens[0].removesuffix("'s")
        if (loose or article or lead or len(part) > 1 or tokens[0] in FIRST_NAMES
                or len(word) < 4 or tokens[0].endswith("'s")):
            return None
    elif part_kinds[0] != "name":
        return None
    return part[0][0], part[-1][1], code


def find_orgs_chat(n: Normalized) -> list[Hit]:
    """Workplace / school hits read from the lower-case view (normalized coordinates)."""
    words = n.words
    if words.isdisjoint(_CUE_WORDS) and not any(w.startswith("j'") for w in words):
        return []
    low = n.lower
    hits: list[Hit] = []
    resume = 0
    for w in _WORD.finditer(low):
        word, start = w.group(), w.start()
        if word.startswith("j'"):
            word, start = word[2:], start + 2  # "j'etudie", "j'bosse"
        if start < resume or word not in _STARTS:
            continue
        m = _CUE.match(low, start)
        if m is None:
            continue
        resume = m.end()
        strong = m.group("strong_en") is not None or m.group("strong_xx") is not None
        english = m.group("strong_en") is not None or m.group("place_en") is not None
        loose = m.group().rstrip().endswith(("for", "fur", "pour", "para", "pra", "pro"))
        trip = m.group().startswith(("went", "going", "go "))  # "we went to st ives"
        span = _name_span(_words(low, m.end()), strong, english, loose, trip)
        if span is not None:
            hits.append(span)
    return hits

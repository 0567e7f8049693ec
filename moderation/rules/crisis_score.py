"""Scored crisis detector: weighs evidence families instead of matching whole phrases.

The phrase bank (:mod:`crisis_patterns`, :mod:`crisis_cues`) is precise but only knows the
wordings it was written for. This detector looks for kinds of evidence, each a small
lexicon with inflections (:mod:`crisis_lexicon`):

* anchors: a self-directed suicide or self-harm term, a death word, hopelessness or
  burden, a finality act (letters, giving a pet away, "won't be around"), a method;
* operational evidence: means, a method, intent ("going to", "decided", "ready"), a time,
  an acute act ("took 30 an hour ago", "I'm on the roof"), secrecy;
* a desire or modality ("want", "wish", "wouldn't mind", "the voices keep telling me").

Each match is discounted when it is negated ("I'm not going to hurt myself"), in a clause
about the distant past or recovery ("I used to..., 2 years clean"), about someone else
("my uncle died by suicide", "my grandma is dying"), or informational ("if anyone is
struggling", "a documentary about overdoses"). Figures of speech are blanked out first.
The surviving families are summed with fixed weights: enough risk makes ideation; enough
risk with enough operational evidence makes a plan.
"""

from __future__ import annotations

import re

from moderation.rules.crisis_lexicon import (
    ACUTE,
    DEATH,
    DESIRE,
    FINAL_STRONG,
    FINALITY,
    FIRST_PERSON,
    HARM,
    HOPELESS,
    HOPELESS_WEAK,
    IDIOMS,
    INFO,
    INTENT,
    MEANS,
    METHOD,
    NEGATED,
    OTHER_SUBJECT,
    PAST,
    SENTENCE,
    SUICIDE,
    TEMPORARY,
    TIME,
)

__all__ = ["score", "scored_level", "foreign_context"]

SECRECY = re.compile(
    r"\b(?:while|when|once)\s+(?:\w+\s+){0,3}?(?:is|are|'s|'re|goes|go)\s+(?:\w+\s+){0,2}?"
    r"(?:away|out|asleep|in\s+bed|(?:at|to)\s+(?:work|their|his|her|school)|empty)\b"
    r"|\b(?:til|till|until)\s+(?:\w+\s+){0,2}(?:is|are|'s)\s+(?:empty|asleep|out|gone)\b"
    r"|\bso\s+they\s+(?:wouldn'?t|won'?t|don'?t)\s+ask\b|\bwhere\s+no\s*one\s+goes\b"
    r"|\b(?:is|are)\s+away\b|\bnobody\s+(?:asked|knows|will\s+know)\b"
    r"|\b(?:don'?t|dont)\s+tell\s+(?:anyone|anybody|my)\b|\bno\s*one\s+(?:knows|asked)\b"
)
ACQUIRED = re.compile(
    r"\b(?:bought|buying|ordered|got|have|picked\s+up|delivered|grabbed|put|packed|loaded|"
    r"tied)\s+(?:\w+\s+){0,3}?"
    r"(?:rope|noose|gun|pistol|rifle|shotgun|charcoal|helium|hose|blades?|razors?|"
    r"razor\s+blades)\b(?!\s+for\s+(?:the|a|my|our)\s+\w+)|\bsomething\s+(?:online\s+)?that\s+will\s+end\s+it\b"
)
DO_IT = re.compile(r"\b(?:do|doing|did)\s+it\b|\bgo\s+through\s+with\s+it\b")

# (family, regex, risk weight, operational weight, anchor, subject-sensitive, max matches).
# Gate families come first: without one of their triggering combinations the text cannot
# score, so the modality families are never searched (most messages stop there).
_GATE: tuple[tuple[str, re.Pattern[str], float, float, bool, bool, int], ...] = (
    ("suicide", SUICIDE, 3.0, 0.0, True, True, 1),
    ("harm", HARM, 3.0, 0.0, True, True, 1),
    ("death", DEATH, 2.0, 0.0, True, True, 1),
    ("hopeless", HOPELESS, 3.0, 0.0, True, True, 1),
    ("final_strong", FINAL_STRONG, 3.0, 2.0, True, False, 1),
    ("finality", FINALITY, 1.5, 1.0, True, False, 3),
    ("method", METHOD, 2.0, 2.0, True, True, 1),
    ("acquired", ACQUIRED, 2.0, 2.0, True, True, 1),
    ("means", MEANS, 1.0, 1.0, False, True, 1),
    ("acute", ACUTE, 2.0, 2.0, False, True, 1),
    ("do_it", DO_IT, 0.5, 0.5, False, False, 1),
    ("secrecy", SECRECY, 1.0, 1.0, False, False, 1),
)
_MODALITY: tuple[tuple[str, re.Pattern[str], float, float, bool, bool, int], ...] = (
    ("hopeless_weak", HOPELESS_WEAK, 1.0, 0.0, False, True, 1),
    ("desire", DESIRE, 1.0, 0.0, False, False, 1),
    ("intent", INTENT, 1.0, 1.0, False, False, 1),
    ("time", TIME, 0.5, 1.0, False, False, 1),
)
_FAMILIES = _GATE + _MODALITY
# Any gate family at all, in one scan: most messages have none, and then nothing can score.
_ANY_GATE = re.compile("|".join(f"(?:{regex.pattern})" for _, regex, *_ in _GATE))
_FINAL = frozenset({"final_strong", "finality"})
_NOT_NEGATION = re.compile(r"\bwouldn'?t\s+(?:mind|care)(?:\s+if\s+i)?\s*$")
_IDEATION_AT = 3.0
_PLAN_AT = 3.0
_PLAN_OPS = 3.0


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


_WINDOW = 160  # context looked at on each side of a match; keeps long input linear
_MAX_TRIES = 24  # matches examined per family before giving up on it


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, clipped to ``_WINDOW`` characters each side."""
    lo = max(0, start - _WINDOW)
    for b in SENTENCE.finditer(text, lo, start):
        lo = b.end()
    hi = min(len(text), end + _WINDOW)
    nxt = SENTENCE.search(text, end, hi)
    return lo, nxt.start() if nxt else hi


def _other_subject(before: str, matched: str) -> bool:
    """The nearest subject before the match is someone else, not the author."""
    if FIRST_PERSON.search(matched):
        return False
    other = first = -1
    for m in OTHER_SUBJECT.finditer(before):
        other = m.start()
    for m in FIRST_PERSON.finditer(before):
        first = m.start()
    return other > first


def _discounted(text: str, m: re.Match[str], subject_sensitive: bool, final: bool) -> bool:
    start, end = m.start(), m.end()
    lo, hi = _sentence_bounds(text, start, end)
    before = text[max(lo, start - 30):start]
    if NEGATED.search(before) and not _NOT_NEGATION.search(before):
        return True
    sentence = text[lo:hi]
    if PAST.search(sentence) or INFO.search(sentence):
        return True
    if final and TEMPORARY.search(sentence):
        return True
    return subject_sensitive and _other_subject(text[lo:start], m.group())


def _gated(found: set[str] | frozenset[str]) -> bool:
    return bool(found & _ANCHORS) or {"means", "acute"} <= found or {"do_it", "secrecy"} <= found


def score(text: str) -> tuple[float, float, frozenset[str]]:
    """(risk, operational, families) for a lower-cased text; idioms are ignored."""
    text = IDIOMS.sub(_blank, text)
    if not _ANY_GATE.search(text):
        return 0.0, 0.0, frozenset()
    risk = ops = 0.0
    found: set[str] = set()
    for families in (_GATE, _MODALITY):
        for name, regex, weight, op_weight, _anchor, subject, most in families:
            hits = 0
            for tries, m in enumerate(regex.finditer(text)):
                if tries >= _MAX_TRIES:
                    break
                if not _discounted(text, m, subject, name in _FINAL):
                    found.add(name)
                    risk += weight
                    ops += op_weight
                    hits += 1
                    if hits >= most:
                        break
        if not _gated(found):
            break
    return risk, ops, frozenset(found)


_ANCHORS = frozenset(f[0] for f in _FAMILIES if f[4])
# A plan needs something beyond wishing: intent, an act, acquired means, leave-taking.
_ACTING = frozenset({"intent", "acute", "acquired", "finality", "secrecy"})


def scored_level(text: str) -> str | None:
    """``"plan"``, ``"ideation"`` or ``None`` from the weighted evidence in ``text``."""
    risk, ops, found = score(text)
    if not _gated(found):
        return None
    acting = bool(found & _ACTING)
    if "final_strong" in found or (acting and risk >= _PLAN_AT and ops >= _PLAN_OPS):
        return "plan"
    if risk >= _IDEATION_AT:
        return "ideation"
    return None


def foreign_context(text: str, start: int, end: int) -> bool:
    """The match is informational, temporary leave-taking, or about someone else.

    Used by the phrase rules too, so both layers discount the same contexts.
    """
    lo, hi = _sentence_bounds(text, start, end)
    sentence = text[lo:hi]
    if INFO.search(sentence):
        return True
    if TEMPORARY.search(sentence) and not SUICIDE.search(text, start, end):
        return True
    return _other_subject(text[lo:start], text[start:end])

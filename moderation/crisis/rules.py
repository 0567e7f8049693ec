"""The small rules layer: only what a bag of n-grams cannot know.

1. **Masking before scoring.** A statement that is negated ("I would never hurt myself"), a
   question someone else asked ("my therapist asked if I'd thought about suicide"), or a
   figure of speech ("this commute is killing me") carries crisis words without crisis
   meaning. These spans are blanked before the model scores the text, so what remains is
   judged on its own. A reported question followed by a yes ("… and I said yes") is kept.
2. **An explicit plan.** First-person intent + a means or place + a time in one message is a
   plan whatever the model thinks ("tomorrow after work I'm taking the pills").
3. **A fallback** for when the model cannot run: unmistakable crisis phrases in the supported
   languages raise ideation, and the explicit-plan rule still holds plans.

Everything here reads the normalizer's lower-case leetspeak view (accents already dropped).
"""

from __future__ import annotations

import re

__all__ = ["mask", "explicit_plan", "fallback_ideation"]

_END = r"(?:(?!\bbut\b)[^.!?\n;,])*"  # to the end of the clause

# 1. Spans blanked before scoring -----------------------------------------------------------

_NEGATED = re.compile(
    r"\b(?:(?:i\s*(?:would|will|'d|'ll|d)?\s*never(?:\s+ever)?|i\s*(?:am|'m|m)?\s*not\s+(?:going|gonna)\s+to"
    r"|i\s*(?:won'?t|will\s+not|wouldn'?t|would\s+not|could\s+never|couldn'?t)(?:\s+ever)?)"
    r"\s+(?:\w+\s+)?(?:hurt|harm|kill|end\s+(?:it|my\s+life)|cut|do\s+(?:anything|that|it)|act\s+on|try\s+(?:it|again)"
    r"|go\s+through\s+with|take\s+my\s+(?:own\s+)?life)"
    r"|i\s+have\s+no\s+(?:intention|plans?)\s+(?:of|to)|(?:i'?m|im|i\s+am)\s+not\s+(?:suicidal|in\s+danger)"
    r"|no\s+(?:thoughts?|plans?)\s+(?:of|about|to)\s+(?:suicide|killing|hurting|harming|self.?harm))"
    + _END
)
_REPORTED = re.compile(
    r"\b(?:my|the|our|his|her)\s+(?:therapist|counsell?or|doctor|gp|nurse|psychiatrist|psychologist"
    r"|mum|mom|mother|dad|father|partner|wife|husband|friend|teacher|social\s+worker|case\s+worker)"
    r"\s+(?:asked|asks|keeps\s+asking|wanted\s+to\s+know)\s+(?:me\s+)?(?:if|whether|about)" + _END
    + r"|\b(?:do|have)\s+you\s+(?:ever\s+)?(?:had\s+)?(?:thoughts?\s+of|thought\s+about)\s+"
    r"(?:suicide|killing\s+yourself|hurting\s+yourself)" + _END
)
_AFFIRMED = re.compile(r"\b(?:i\s+(?:said|told\s+(?:him|her|them))\s+yes|i\s+lied|i\s+couldn'?t\s+say\s+no"
                       r"|the\s+answer\s+(?:is|was)\s+yes)\b")
_FIGURES = re.compile(
    r"\b(?:(?:is|are|was|were|'s|s)\s+(?:literally\s+)?killing\s+me|kill(?:ing)?\s+for\s+(?:a|an|some|the)\b"
    r"|killed\s+it|killing\s+it|died\s+(?:laughing|of\s+(?:laughter|embarrassment|boredom|cringe))"
    r"|dying\s+(?:to|for)\s+\w+|to\s+die\s+for|the\s+death\s+of\s+me|(?:bored|scared|worried|tickled)\s+to\s+death"
    r"|dead\s+(?:tired|on\s+my\s+feet|serious|easy|ringer)|drop\s+dead\s+gorgeous|die\s+on\s+(?:this|that)\s+hill"
    r"|(?:phone|battery|laptop|car|plant|plants|tamagotchi)\s+(?:died|is\s+dead|was\s+dead)"
    r"|(?:he|she|mum|mom|dad|they|my\s+\w+)(?:'ll|\s+will|\s+is\s+going\s+to|\s+gonna)\s+kill\s+me"
    r"|cut\s+my\s*self\s+(?:shaving|cooking|chopping|on\s+(?:a|the|some))"
    r"|burn(?:ed|t)\s+my\s*self\s+(?:on|cooking|with\s+the\s+(?:kettle|iron|oven))"
    r"|dye\s+(?:my|her|his|your)\s+hair|knock\s+(?:em|them)\s+dead|rather\s+die\s+than\s+\w+|me\s+muero\s+de\s+(?:risa|hambre|sueno|ganas)"
    r"|morr(?:endo|i)\s+de\s+(?:rir|fome|sono|vontade|saudade)|mort\s+de\s+(?:rire|fatigue|faim)"
    r"|lach(?:e)?\s+mich\s+tot|totlachen|todmude)"
)
_MASK_TOKEN = " . "


def mask(text: str) -> tuple[str, bool]:
    """Blank negated statements, reported questions and figures of speech. Returns the text
    to score and whether anything was blanked."""
    spans: list[tuple[int, int]] = []
    for m in _NEGATED.finditer(text):
        spans.append(m.span())
    for m in _REPORTED.finditer(text):
        if not _AFFIRMED.search(text, m.end(), m.end() + 60):
            spans.append(m.span())
    for m in _FIGURES.finditer(text):
        spans.append(m.span())
    if not spans:
        return text, False
    spans.sort()
    parts: list[str] = []
    pos = 0
    for a, b in spans:
        if a < pos:
            a = pos
        if b <= a:
            continue
        parts.append(text[pos:a])
        parts.append(_MASK_TOKEN)
        pos = b
    parts.append(text[pos:])
    return "".join(parts), True


# 2. An explicit plan: intent + means or place + time ---------------------------------------

_INTENT = re.compile(
    r"\b(?:i\s*(?:am|'m|m)\s+(?:going\s+to|gonna|doing\s+it|taking|jumping|ready)|gonna|going\s+to|i\s*(?:'ll|will)\b"
    r"|i'?ve\s+decided|i\s+have\s+decided|i\s+decided|i'?m\s+planning|i\s+plan\s+to|it\s+ends"
    r"|voy\s+a|ya\s+decidi|me\s+voy\s+a|vou\s+(?:me|tomar|pular|acabar)|decidi\b|je\s+vais|j'?ai\s+decide"
    r"|ich\s+werde|werde\s+ich|ich\s+habe\s+mich\s+entschieden|ich\s+mach(?:e)?\s+(?:es|das))"
)
_MEANS = re.compile(
    r"\b(?:pills?|tablets?|meds|overdose|od|paracetamol|tylenol|acetaminophen|insulin|rope|noose|belt|gun|shotgun"
    r"|rifle|pistol|knife|blade|razor|bridge|roof|ledge|cliff|tracks|train|motorway|highway|garage|exhaust|hose"
    r"|pastillas|pastis|cuerda|pistola|puente|azotea|vias|comprimidos|remedios|corda|ponte|telhado|trilhos"
    r"|cachets|medicaments|corde|pont|toit|rails|tabletten|pillen|seil|strick|brucke|bruecke|dach|gleise)\b"
)
_TIME = re.compile(
    r"\b(?:tonight|tomorrow|today|this\s+(?:weekend|evening|morning|afternoon|week)|on\s+(?:monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\s+(?:night|morning)|after\s+(?:work|my\s+shift|school|they|everyone|the\s+kids)|when\s+(?:they|everyone)"
    r"\s+(?:is|are|'re)\s+asleep|at\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?|in\s+(?:an|one|two|a\s+few)\s+hours?"
    r"|esta\s+noche|manana|hoy|este\s+finde|hoje(?:\s+a\s+noite)?|amanha|esta\s+noite|ce\s+soir|demain"
    r"|aujourd'?hui|cette\s+nuit|heute(?:\s+nacht|\s+abend)?|morgen|diese\s+nacht)\b"
)


_SELF_KILL = re.compile(
    r"\b(?:kill\s+my\s*self|end\s+(?:my\s+life|it\s+all)|unalive\s+my\s*self|take\s+my\s+(?:own\s+)?life"
    r"|jump|hang\s+my\s*self|overdose|matarme|suicidarme|quitarme\s+la\s+vida|me\s+matar|me\s+tuer"
    r"|me\s+suicider|mich\s+umbringen|mir\s+das\s+leben\s+nehmen)\b"
)


_STATED = re.compile(
    r"\bi\s*(?:am|'m|m)?\s*(?:going\s+to|gonna|will|'ll)\s+(?:finally\s+|just\s+)?(?:kill\s+my\s*self|end\s+my\s+life"
    r"|take\s+my\s+(?:own\s+)?life|unalive\s+my\s*self|hang\s+my\s*self)\b"
)
_ACUTE = re.compile(
    r"\b(?:just|already|i)\s+(?:took|swallowed|downed|taken)\s+(?:all|the\s+whole|a\s+(?:bunch|load|handful)\s+of|every"
    r"|\d{2,}|the|my)\b[^.!?\n]{0,30}?\b(?:pills?|tablets?|meds|paracetamol|tylenol|sleeping\s+\w+|insulin|bottle)\b"
)

_RELAPSE = re.compile(
    r"\b(?:i\s+|just\s+)?(?:cut|burn(?:ed|t)|hurt|harmed|scratched|relapsed)\s+(?:my\s*self\s+)?(?:again|deeper"
    r"|last\s+night|this\s+morning|tonight)\b"
)


def explicit_plan(text: str) -> tuple[str, ...]:
    """The words of an explicit plan (intent, a means, place or act on oneself, a time), a
    stated intent to kill oneself, or an overdose just taken; () when there is none."""
    for sure in (_STATED, _ACUTE, _RELAPSE):
        m = sure.search(text)
        if m is not None:
            return tuple(m.group().split()[-3:])
    intent = _INTENT.search(text)
    if intent is None:
        return ()
    means = _MEANS.search(text) or _SELF_KILL.search(text)
    when = _TIME.search(text)
    if means is None or when is None:
        return ()
    return (means.group(), when.group(), intent.group())


# 3. Fallback phrases, used only when the model is unavailable -----------------------------

_FALLBACK = re.compile(
    r"\b(?:kill(?:ing)?\s+my\s*self|kms|suicid(?:e|al)|end(?:ing)?\s+(?:my\s+life|it\s+all)|want\s+to\s+die"
    r"|wanna\s+die|unalive|self\s*harm|cut(?:ting)?\s+my\s*self|not\s+wake\s+up|better\s+off\s+without\s+me"
    r"|quiero\s+morir(?:me)?|matarme|suicidarme|quitarme\s+la\s+vida|quero\s+morrer|me\s+matar|tirar\s+minha\s+vida"
    r"|envie\s+de\s+mourir|me\s+tuer|me\s+suicider|en\s+finir|sterben\s+will|mich\s+umbringen|suizid"
    r"|selbstmord|nicht\s+mehr\s+leben)\b"
)


def fallback_ideation(text: str) -> tuple[str, ...]:
    """Unmistakable crisis phrases (the words found), for when the model cannot run."""
    return tuple(m.group() for m in _FALLBACK.finditer(text))[:3]

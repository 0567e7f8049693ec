"""Weak crisis cues that only mean something in combination.

The explicit phrases in :mod:`crisis_patterns` catch "I'm going to kill myself tonight".
People in crisis often say it less directly: "the rope is in my car", "I'm going to walk
into the sea", "I've said goodbye to my cat and I'm doing it tonight". Each of those is a
method, a means kept ready, a finality act, a time or an intent; any one alone is usually
innocent, certain combinations are not. ``combine`` encodes those combinations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Cues", "find_cues", "combine", "IDEATION_EXTRA", "RISK_VOCABULARY"]

_DRUG = (
    r"(?:pills|tablets|meds|medications?|painkillers|paracetamol|tylenol|insulin|"
    r"\w+(?:ine|pram|pam|lam|done|ium|zole|pine|lone|xone|codone|fen|mol|tol))"
)
METHOD = re.compile(
    r"\b(?:walk|swim|wade|drive|run|throw\s+my\s*self)\s+(?:out\s+)?(?:into|in\s+front\s+of)\s+"
    r"(?:the\s+|a\s+|an\s+|on\w*\s+)?(?:sea|ocean|river|lake|water|traffic|train|lorry|truck|bus|"
    r"canal|waves)\b"
    r"|\bjump(?:ing)?\s+(?:from|off|in\s+front\s+of)\s+(?:the\s+|a\s+|my\s+|that\s+)?"
    r"(?:[\w\-]+\s+){0,2}?(?:stor[e]?y|building|bridge|roof|rooftop|cliff|balcony|tower|car\s*park|"
    r"floor|window|train|platform|overpass|flats?)\b"
    r"|\bcrash(?:ing)?\s+my\s+(?:car|bike)\b|\bdrive\s+(?:my\s+car\s+)?off\b"
    r"|\b(?:hang|drown|gas|poison|shoot|stab|suffocate)(?:ing)?\s+my\s*self\b"
    r"|\bi'?m\s+ending\s+it\b(?!\s+with)|\bend(?:ing)?\s+it\b(?=\s+(?:tonight|today|"
    r"tomorrow|this|soon|now|before))"
    r"|\b(?:how|when|where)\s+i(?:'d|\s+would|'ll|\s+will|\s+could)\s+(?:end\s+it|die)\b"
    r"|\b(?:going\s+to|gonna|about\s+to|will|'ll)\s+(?:just\s+)?jump\b(?!\s+(?:in|into)\s+(?:the\s+)?"
    r"(?:pool|lake\s+for|shower|conversation|queue))"
    r"|\b(?:stop|quit)\s+(?:eating|drinking)(?:\s+and\s+(?:eating|drinking))?\s+until\s+i\s+die\b"
    r"|\bstarv(?:e|ing)\s+my\s*self\s+to\s+death\b"
    r"|\bcut\s+(?:\w+\s+){0,2}?(?:too\s+)?deep\b|\bcan'?t\s+stop\s+the\s+bleeding\b"
    r"|\b(?:googl\w*|search\w*|looked\s+up|looking\s+up|researching|reading\s+about)\s+(?:\w+\s+){0,2}?"
    r"(?:ways\s+to\s+(?:die|kill\s+my\s*self|end\s+it)|how\s+to\s+(?:die|kill\s+my\s*self|overdose|"
    r"end\s+(?:it|my\s+life)|hang)|painless\s+ways|lethal\s+dose|(?:suicide|overdose)\s+methods)"
)
# Means in hand: weapons, ligatures, a stock of medication. Innocent alone ("a knife in the
# kitchen"), a plan next to a time, an intent or any ideation.
MEANS_HELD = re.compile(
    r"\b(?:got|have|bought|with|holding|grabbed|took)\s+(?:a|an|the|my|some|her|his|\w+'s)?\s*"
    r"(?:(?:second|new|sharp|spare|big)\s+)?(?:rope|noose|knife|gun|pistol|rifle|blades?|razors?|"
    r"hose|ligature)\b"
    rf"|\b(?:all\s+(?:of\s+)?(?:my|her|his|my\s+\w+'s|the)|(?:a|another|a\s+second|two|three)\s+"
    rf"(?:bottles?|box(?:es)?|packs?|packets?|stash)\s+of|every\s+(?:pill|tablet)\s+in)\s+"
    rf"(?:\w+\s+)?{_DRUG}\b"
)
# "do it tonight" means nothing alone; next to another cue it is a plan.
DO_IT = re.compile(
    r"\b(?:do|doing)\s+it\s+(?:tonight|today|tomorrow|this\s+weekend|soon|now|before|when)\b"
    r"|\b(?:go|went|going)\s+through\s+with\s+it\b|\btonight\s+i'?m\s+done\b"
    r"|\bi'?m\s+done\b(?!\s+(?:for|with|now|here|talking|venting))"
    r"|\b(?:how|when|where)\s+i(?:'d|\s+would|'ll|\s+will|\s+could)\s+do\s+it\b"
)
MEANS_READY = re.compile(
    r"\b(?:rope|noose|knife|gun|pistol|blades?|razors?|ligature)\s+(?:is|are)\s+"
    r"(?:in|under|next\s+to|beside|ready|hidden|with)\b"
    r"|\b(?:have|got|holding|keep)\s+(?:a|the|my)\s+(?:rope|noose|knife|gun|pistol|blades?|razors?)"
    r"\s+(?:next\s+to|beside|with|on|in\s+my\s+(?:hand|lap|pocket)|right\s+here|ready)\b"
    rf"|\b(?:how\s+many\s+(?:of\s+)?(?:my\s+)?{_DRUG}).{{0,40}}\b(?:take|need|kill|die)\b"
    rf".{{0,30}}\b(?:have|got)\s+(?:more|enough)\b"
    rf"|\btook\s+(?:all|every\s+(?:one|last\s+one)|the\s+(?:whole|entire)\s+(?:bottle|box|pack|"
    rf"packet|strip))\s+(?:of\s+)?(?:my\s+|the\s+|her\s+|his\s+)?{_DRUG}\b"
    rf"|\b(?:hiding|hidden|hid|saving|saved|stockpiling|hoarding)\s+(?:\w+\s+){{0,3}}?{_DRUG}\b"
    rf"|\b{_DRUG}\s+(?:hidden|saved|stockpiled|stashed)\b"
    rf"|\b{_DRUG}\b.{{0,40}}\bso\s+(?:that\s+)?i'?d\s+have\s+enough\b"
)
# Warning signs strong enough on their own (giving possessions away, settling affairs).
FINALITY_STRONG = re.compile(
    r"\b(?:giv(?:e|ing|en)|gave)\s+(?:\w+\s+)?(?:things|stuff|belongings|possessions)\s+away\b"
    r"(?!\s+to\s+(?:charity|the\s+charity|a\s+charity|goodwill))"
    r"|\bgiv(?:e|ing|en)\s+away\s+(?:\w+\s+)?(?:things|stuff|belongings|possessions)\b"
    r"(?!\s+to\s+(?:charity|the\s+charity|a\s+charity|goodwill))"
    r"|\b(?:put|putting|sorted?|sorting)\s+(?:out\s+)?my\s+affairs\b"
)
FINALITY = re.compile(
    r"\btonight'?s\s+the\s+night\b|\bthis\s+is\s+it\s+for\s+me\b"
    r"|\b(?:got|have|had)\s+everything\s+(?:ready|planned|sorted|in\s+place)\b"
    r"|\bsaid\s+(?:my\s+)?goodbyes?\s+to\b|\bsay(?:ing)?\s+goodbye\s+to\s+(?:everyone|my)\b"
    r"|\bgoodbye\s+(?:everyone|all)\b(?!.{0,40}\b(?:see\s+(?:you|u|ya)|talk\s+(?:soon|later)|"
    r"next\s+(?:week|time|session)|till|until|tomorrow|later)\b)|"
    r"\bif\s+i'?m\s+not\s+(?:here|around|in\s+group|online|back)\s+(?:next|tomorrow|by|in)\b|\b(?:have|got)\s+a\s+date\s+set\b|\bset\s+a\s+date\b"
    r"|\bneed\s+(?:to\s+get\s+)?the\s+courage\b|\blast\s+time\s+(?:you'?ll|anyone\s+will)\s+hear"
    r"|\b(?:writing|wrote|written|write)\s+(?:letters?|notes?|messages?)\s+to\s+(?:everyone|"
    r"all\s+(?:of\s+)?(?:you|my\s+(?:family|friends|kids|loved))|my\s+family|"
    r"the\s+people|my\s+kids|my\s+parents)"
    r"|\bafter\s+(?:tonight|today|tomorrow)\b.{0,30}\bwon'?t\s+(?:need|be|have\s+to)\b"
    r"|\bwon'?t\s+need\s+(?:\w+\s+){0,4}?after\s+(?:tonight|today|tomorrow)"
    r"|\b(?:updated|wrote|written|made|sorted)\s+(?:out\s+)?my\s+will\b|\bleft\s+instructions\b"
    r"|\b(?:it'?s|everything'?s|everything\s+is)\s+(?:all\s+)?(?:planned|arranged|decided)\b"
    r"|\b(?:told|telling)\s+\w+(?:\s+\w+)?\s+(?:she|he|they)\s+can\s+have\s+my\b"
    r"|\bnot\s+going\s+to\s+call\s+(?:anyone|an\s+ambulance|for\s+help|999|911)"
)
TIME = re.compile(
    r"\b(?:tonight|today|tomorrow|this\s+(?:weekend|week|evening|afternoon|morning)|right\s+now|"
    r"next\s+(?:week|\w+day)|in\s+an\s+hour|when\s+everyone'?s\s+asleep|on\s+the\s+way\s+home|"
    r"before\s+morning|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"when\s+(?:they'?re|everyone\s+is|everyone'?s|they\s+are)\s+(?:asleep|out|away|gone))\b"
)
INTENT = re.compile(
    r"\b(?:i'?m\s+going\s+to|i\s+am\s+going\s+to|going\s+to|gonna|i'?ll|i\s+will|decided|"
    r"ready\s+to|planning|about\s+to|i'?m\s+(?:ending|doing))\b"
)
SELF_HARM_NOW = re.compile(
    r"\b(?:been|started|keep|kept|i'?m)\s+(?:cutting|self[\s\-]?harming|burning\s+my\s*self)"
    r"(?:\s+again)?\b|\b(?:cutting|self[\s\-]?harming)\s+again\b"
)

# Indirect ideation that is unambiguous enough on its own.
IDEATION_EXTRA = re.compile(
    r"\bwhy\s+am\s+i\s+(?:even\s+|still\s+)+(?:alive|here)\b"
    r"|\bdon'?t\s+know\s+why\s+i'?m\s+(?:even\s+)?still\s+(?:alive|here|breathing)"
    r"|\b(?:can'?t|cannot|don'?t)\s+see\s+(?:a|any|my)\s+future\b(?!\s+(?:in|with|at)\s+(?:this|that|my)\s+(?:job|relationship|company))"
    r"|\bno\s+future\s+for\s+me\b"
    r"|\b(?:being\s+)?dead\s+would\s+be\s+(?:so\s+much\s+)?(?:easier|better|a\s+relief|peaceful)"
    r"|\bdeath\s+(?:would\s+be|feels\s+like|sounds\s+like|seems\s+like)\s+(?:a\s+)?(?:relief|peace|"
    r"the\s+answer|easier|better)"
    r"|\b(?:easier|better|happier|fine|cope\s+better|manage\s+better)\s+(?:off\s+)?(?:if|when)\s+i\s+"
    r"(?:wasn'?t|weren'?t|am\s+not|'?m\s+not|was\s+not)\s+(?:around|here|alive)"
    r"|\bmy\s+own\s+funeral\b|\b(?:fall\s+asleep|sleep|go\s+to\s+sleep)\s+(?:and\s+never\s+wake\s+"
    r"up|forever|for\s+good|permanently)"
    r"|\b(?:don'?t|do\s+not)\s+want\s+to\s+wake\s+up\s+(?:tomorrow|again|ever)"
    r"|\bwants?\s+(?:to\s+)?(?:just\s+)?(?:not\s+exist|stop\s+existing|disappear\s+forever|be\s+dead)"
    r"|\b(?:want|wish)\s+(?:it|this|everything)\s+to\s+(?:stop|end)\s+forever"
    r"|\b(?:done|finished)\s+fighting\b|\bcan'?t\s+fight\s+(?:it|this)\s+any\s*more"
    r"|\bgiv(?:e|ing)\s+up\s+on\s+(?:life|living|everything)"
    r"|\b(?:tired|exhausted|sick)\s+(?:of|from)\s+(?:being\s+alive|living|existing|waking\s+up)\b"
    r"|\b(?:can'?t|cannot|don'?t\s+think\s+i\s+can|not\s+sure\s+i\s+can)\s+(?:keep\s+(?:living|going)|"
    r"go\s+on|carry\s+on|live\s+like\s+this|survive\s+this)"
    r"|\bthinking\s+(?:about|of)\s+how\s+i\s+(?:would|could|'d)\s+do\s+it"
    r"|\bwant(?:s|ed)?\s+to\s+disappear\s+and\s+never\s+come\s+back"
    r"|\bwhy\s+bother\s+(?:living|staying\s+alive|being\s+alive)"
    r"|\botherwise\s+i'?d\s+(?:be\s+(?:gone|dead)|have\s+(?:killed|ended|done))"
    r"|\bonly\s+(?:here|alive|staying\s+alive|still\s+here)\s+(?:for|because\s+of)\s+(?:my|the)\b"
    r"|\b(?:the\s+world|everyone|nobody|no\s+one)\s+(?:doesn'?t|does\s+not|wouldn'?t|won'?t)\s+"
    r"(?:need|miss|want)\s+me\b"
    r"|\b(?:easier|better)\s+(?:to\s+)?(?:just\s+)?(?:not\s+(?:exist|be\s+here|be\s+alive|wake\s+up)|die|"
    r"disappear|be\s+dead)\b"
    r"|\b(?:imagin\w*|picturing|fantasi[sz]\w*|dream\w*)\s+(?:about\s+)?(?:just\s+)?(?:not\s+being\s+"
    r"(?:here|alive|around)|dying|being\s+dead|my\s+(?:own\s+)?(?:death|funeral))"
    r"|\bwish\s+(?:i'?d|i\s+had)\s+never\s+(?:been\s+born|existed|woken\s+up)"
    r"|\b(?:no|(?:don'?t|can'?t)\s+see\s+(?:a|any))\s+way\s+out\b.{0,30}\b(?:dying|death|die|suicide|ending\s+it)\b|\bexcept\s+(?:dying|death|suicide)\b"
    r"|\bhope\s+i\s+(?:get\s+(?:into|in)\s+an?\s+(?:accident|crash)|get\s+hit\s+by|die\b|don'?t\s+make\s+it)"
    r"|\b(?:shouldn'?t|should\s+not|don'?t\s+deserve\s+to)\s+(?:be\s+)?(?:alive|live|exist|be\s+here)\b"
    r"|\b(?:no\s*one|nobody)\s+would\s+(?:care|notice|miss\s+me)\s+if\s+i\s+(?:vanished|wasn'?t\s+(?:around|here)|"
    r"disappeared|died|was\s+gone|were\s+gone)"
    r"|\bwish\s+(?:it\s+would\s+all|it\s+all\s+would|everything\s+would)\s+(?:just\s+)?(?:end|stop)"
    r"|\b(?:living|life|being\s+alive|existing)\s+(?:feels|is|seems)\s+(?:so\s+|completely\s+|totally\s+)?"
    r"(?:pointless|meaningless|unbearable)"
)


# Vocabulary of death, self-harm and means. Far too broad to act on (it also fires on
# "this exam is killing me"); reported as a low-priority "crisis_possible" reason so a
# facilitator view can surface what the phrase rules missed.
RISK_VOCABULARY = re.compile(
    r"\b(?:die|dies|dying|died|dead|death|deadly|suicid\w*|kill\w*|overdos\w*|self[\s\-]?harm\w*|"
    r"cut(?:ting)?\s+my|bleed\w*|noose|rope|gun|shotgun|pistol|loaded|bleach|poison\w*|pills?|"
    r"tablets|meds|lithium|jump(?:ing)?|bridge|cliffs?|ledge|railway|tracks|quarry|hang\w*|"
    r"funeral|goodbye|note|alive|not\s+wake\s+up|disappear\w*|gone|end\s+it|ending\s+it|"
    r"not\s+be\s+here|won'?t\s+be\s+here|burden|hopeless|worthless|empty|numb|over\s+life|"
    r"cease\s+to\s+exist|stay\s+alive|keep\s+going|plastic\s+bag|scratch\w*|burn\w*\s+my\s*self)\b"
)


@dataclass(frozen=True)
class Cues:
    """Which weak cue families occur in one text."""

    method: bool
    means_ready: bool
    finality: bool
    time: bool
    intent: bool
    self_harm_now: bool
    do_it: bool
    finality_strong: bool
    means_held: bool
    finality_count: int


def find_cues(text: str, live: Callable[[re.Pattern[str], str], bool]) -> Cues:
    """Cue families present; ``live(regex, text)`` skips negated or past-tense matches."""
    return Cues(
        method=live(METHOD, text),
        means_ready=live(MEANS_READY, text),
        finality=live(FINALITY, text),
        time=TIME.search(text) is not None,
        intent=INTENT.search(text) is not None,
        self_harm_now=live(SELF_HARM_NOW, text),
        do_it=live(DO_IT, text),
        finality_strong=live(FINALITY_STRONG, text),
        means_held=live(MEANS_HELD, text),
        finality_count=len(FINALITY.findall(text)),
    )


def combine(c: Cues, ideation: bool) -> str | None:
    """Crisis level implied by the cue combination (``None`` if nothing follows)."""
    if c.means_ready or c.finality_strong:
        return "plan"
    if c.method and (c.intent or c.time):
        return "plan"
    if c.finality and (c.time or c.intent or c.method or ideation or c.do_it):
        return "plan"
    if c.finality_count >= 2:
        return "plan"
    if c.do_it and (ideation or c.method or c.self_harm_now or c.means_held):
        return "plan"
    if c.means_held and (c.time or c.intent or ideation or c.finality):
        return "plan"
    if c.method or c.self_harm_now or ideation:
        return "ideation"
    return None

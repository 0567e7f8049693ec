"""Phrase patterns for crisis detection (data + compiled regexes, no policy).

Patterns run on the lower-cased normalized text. They are phrased around first-person
intent, means, finality and passive death wishes, so that figures of speech ("this exam is
killing me", "dying to see it", "I could kill for a coffee") simply do not match.
"""

from __future__ import annotations

import re

__all__ = [
    "PLAN", "IDEATION", "MEANS_WORD", "USE_IT", "REPORTED_QUESTION", "NEGATION_BEFORE",
    "PAST_CLAUSE", "CLAUSE_BREAK", "GO_IMPERATIVE",
]

_SELF_END = (
    r"(?:kill(?:ing)?\s+my\s*self|end(?:ing)?\s+(?:it\s+all|my\s+(?:own\s+)?life|it|things|"
    r"everything)(?!\s+(?:with|between|off|up|early|there|here|now\s+with))|take\s+my\s+(?:own\s+)?life|commit(?:ting)?\s+suicide|hang(?:ing)?\s+my\s*self|"
    r"shoot(?:ing)?\s+my\s*self|overdos(?:e|ing)|od|slit(?:ting)?\s+my\s+(?:wrists?|throat)|"
    r"unalive\s+my\s*self|drown(?:ing)?\s+my\s*self|poison(?:ing)?\s+my\s*self|"
    r"hurt(?:ing)?\s+my\s*self|cut(?:ting)?\s+(?:my\s*self|again|tonight|deep(?:er)?))"
)
_INTENT = (
    r"(?:going\s+to|gonna|gunna|about\s+to|'ll|will|plan(?:ning)?\s+(?:on|to)|decided\s+to|"
    r"ready\s+to|finally\s+going\s+to|intend\s+to|am\s+doing\s+it|i'm\s+doing\s+it)"
)
_MEANS_STRONG = (
    r"(?:pills|tablets|meds|medications?|sleeping\s+(?:pills|tablets|meds)|painkillers|"
    r"paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|insulin|oxy\w*|xanax|benzos?|"
    r"anti-?depressants|opioids|fentanyl|heroin|lithium|prescriptions?|medicine)"
)
_MEANS_ANY = (
    r"(?:a\s+|the\s+|some\s+|my\s+dad'?s\s+|a\s+new\s+)?(?:rope|noose|gun|pistol|handgun|"
    r"rifle|shotgun|razor\s*blades?|blades?|bullets|charcoal|helium|poison|exit\s+bag)"
)
_PLACES = (
    r"(?:bridge|building|roof|rooftop|cliff|balcony|ledge|overpass|tower|car\s*park|"
    r"parking\s+(?:garage|structure)|train|tracks|traffic|motorway|highway|window)"
)

PLAN_PATTERNS: tuple[str, ...] = (
    # Stated intent, optionally with a few words in between ("I'm going to end it tonight").
    rf"\b{_INTENT}\s+(?:\w+\s+){{0,3}}?{_SELF_END}\b",
    r"\bi\s+(?:will|'ll|am\s+going\s+to|'m\s+going\s+to)\s+(?:\w+\s+){0,2}?(?:do\s+it|go\s+through\s+with\s+it)\s+(?:tonight|today|tomorrow|soon|this\s+(?:weekend|week|time))",
    # Means: saved-up medication, acquired weapons/ligatures.
    rf"\b(?:sav(?:ed|ing)|stockpil\w*|hoard\w*|stash\w*|collect(?:ed|ing)|hid(?:den|ing)?|count(?:ed|ing)|enough|hoarding|kept|keeping|a\s+(?:whole\s+)?(?:bottle|box|stash)\s+of)\s+(?:up\s+)?(?:\w+\s+){{0,3}}?(?:{_MEANS_STRONG}|{_MEANS_ANY})\b",
    r"\benough\s+(?:\w+\s+){0,2}?to\s+(?:not\s+wake\s+up|never\s+wake\s+up|die|kill\s+(?:me|my\s*self)|end\s+(?:it|my\s+life))",
    r"\b(?:going\s+to|gonna|about\s+to|will|'ll)\s+(?:swallow|take|down|drink)\s+(?:all|everything|every\s+(?:pill|tablet)|the\s+whole|all\s+of)",
    rf"\b(?:have|got|keep|kept)\s+(?:the|my|some|enough|all\s+(?:the|my)|a\s+(?:bunch|stash|pile|lot)\s+of)\s+(?:\w+\s+){{0,2}}?{_MEANS_STRONG}\s+(?:\w+\s+)?(?:saved|stockpiled|hidden|stashed|ready|counted(?:\s+out)?|lined\s+up|set\s+aside|put\s+aside)",
    rf"\b{_MEANS_STRONG}\s+(?:are\s+|is\s+)?(?:saved\s+up|stockpiled|counted\s+out|lined\s+up|ready\s+(?:for\s+tonight|to\s+go))",
    rf"\b(?:bought|buy|got|get|have|found|ordered|order|picked\s+up|got\s+hold\s+of|tied|tying|hid|hidden)\s+{_MEANS_ANY}\b(?!\s+for\s+(?:the|a|my|our)\s)",
    rf"\bhow\s+many\s+(?:\w+\s+){{0,2}}?(?:{_MEANS_STRONG}|\w+)\s+(?:would|does|will|do)\s+(?:it\s+)?(?:take|i\s+need)\s+to\s+(?:die|kill|end|not\s+wake)",
    rf"\bhow\s+many\s+{_MEANS_STRONG}\s+(?:to|would)\s+(?:die|kill|od|overdose|be\s+fatal)",
    rf"\b(?:took|take|swallowed|taken|downed)\s+(?:like\s+|about\s+|around\s+|over\s+|maybe\s+)?(?:all|a\s+bunch|a\s+handful|too\s+many|the\s+whole\s+(?:bottle|box|pack|packet)|\d+|twenty|thirty|forty|fifty|loads|lots|heaps)\s+(?:of\s+)?(?:my\s+|the\s+)?{_MEANS_STRONG}",
    # Place / method with a first-person actor.
    rf"\b(?:jump|throw\s+my\s*self|step|walk|drive\s+(?:my\s+car\s+)?)\s+(?:off|from|in\s+front\s+of|under|into|onto)\s+(?:the\s+|a\s+|that\s+|an?\s+on\w*\s+)?(?:\w+\s+)?{_PLACES}\b",
    rf"\b(?:standing|sitting|i'?m|i\s+am)\s+(?:on|at)\s+(?:the\s+)?(?:edge\s+of\s+(?:the\s+)?)?(?:\w+\s+)?(?:{_PLACES})(?:\s+of\s+(?:the\s+|my\s+|a\s+)?\w+(?:\s+\w+)?)?\s+(?:right\s+now|now|and\s+(?:i\s+)?(?:keep\s+)?(?:looking|thinking\s+about\s+jumping))",
    r"\b(?:standing|sitting|climbed|climbing)\s+(?:on|onto|over)\s+(?:the\s+)?(?:ledge|edge|railing|parapet)\b",
    r"\b(?:crash|drive)\s+(?:my\s+car\s+)?(?:\w+\s+)?(?:into|off)\s+(?:a\s+|the\s+)?(?:wall|tree|river|cliff|bridge|truck|lorry)\s*(?:on\s+purpose|tonight|deliberately)?",
    # Finality: notes, goodbyes, decided timing.
    r"\b(?:wrote|written|writing|write|left|leave|finished)\s+(?:(?:my|a|the|some)\s+)?(?:suicide|goodbye|farewell)\s+(?:note|letters?|messages?)",
    r"\b(?:this\s+is|consider\s+this)\s+(?:my\s+)?(?:goodbye|my\s+last\s+(?:message|post|night|day))",
    r"\bmy\s+last\s+(?:message|post|night|day)\s+(?:here|alive|on\s+earth|ever)",
    r"\bgiv(?:en|ing|e)\s+away\s+(?:all\s+)?(?:my|of\s+my)\s+(?:stuff|things|belongings|possessions)\b",
    r"\bby\s+the\s+time\s+(?:you|anyone|someone)\s+reads?\s+this",
    r"\bwon'?t\s+(?:be\s+(?:here|alive|around)|wake\s+up)\s+(?:tomorrow|by\s+(?:morning|tomorrow)|next\s+week|much\s+longer)",
    r"\b(?:i'?ve|i\s+have)\s+(?:got\s+|made\s+|worked\s+out\s+)?(?:a|the|my)\s+plan\s+(?:to|for|on\s+how\s+to)\s+(?:how\s+|when\s+)?(?:i'?ll\s+)?(?:kill|end|die|take\s+my|do\s+it|jump|overdose|od\b|hang|not\s+be\s+here)",
    r"\b(?:decided|know|figured\s+out|worked\s+out|picked|chose|chosen)\s+(?:exactly\s+)?(?:how|when|where|the\s+(?:date|day|place|spot|method|way))\s+(?:i'?m\s+going\s+to|i'?ll|i\s+will|to)\s+(?:do\s+it|die|end|kill)",
    r"\b(?:picked|chose|set)\s+(?:a|the)\s+(?:date|day)\b.{0,40}\b(?:die|end\s+(?:it|my\s+life)|do\s+it|kill)",
    r"\bjust\s+(?:cut|burned|hurt)\s+my\s*self\b|\bi\s+(?:cut|burned)\s+my\s*self\s+(?:again|tonight|today|just\s+now|really\s+deep)",
    r"\b(?:i'?m|i\s+am)\s+(?:bleeding|cutting)\s+(?:right\s+now|a\s+lot|badly|and\s+can'?t\s+stop)",
    r"\bgoodbye\s+(?:world|forever|cruel\s+world)\b",
)

IDEATION_PATTERNS: tuple[str, ...] = (
    r"\b(?:want|wanna|wanted|wanting|wish|wishing|ready|hoping|hope|pray|praying|longing)\s+(?:to\s+|i\s+could\s+|i\s+would\s+|i\s+was\s+|i\s+were\s+|that\s+i\s+(?:could\s+|would\s+)?)?(?:just\s+|really\s+|honestly\s+|simply\s+)?(?:dead\b|die(?!\s+(?:of|from)\s+(?:embarrassment|laughter|laughing|shame|boredom|cringe|cuteness))(?!\s+(?:my|her|his|their)\s+hair)(?!\s+for\b)(?!\s+on\s+(?:this|that|the)\s+hill)|be\s+dead|not\s+(?:exist|be\s+alive|be\s+here|wake\s+up)|stop\s+existing|never\s+wake\s+up|sleep\s+forever|fall\s+asleep\s+(?:and|&)\s+(?:never|not)\s+wake\s+up|disappear\s+(?:forever|for\s+good|permanently|completely|and\s+never)|kill\s+my\s*self|end\s+(?:it\s+all|my\s+life|it|things|everything)(?!\s+(?:with|between|off|early|up))|be\s+gone\s+(?:forever|for\s+good)|fade\s+away|cease\s+to\s+exist|unalive)",
    r"\b(?:don'?t|do\s+not|dont|no\s+longer)\s+want\s+to\s+(?:be\s+(?:here|alive|around)\s+(?:anymore|any\s+more|any\s+longer|at\s+all)|live|exist|wake\s+up|be\s+alive|keep\s+(?:living|going|existing)|go\s+on|do\s+(?:this|life)\s+any\s*more|be\s+here\s+tomorrow)",
    r"\b(?:don'?t|do\s+not|dont)\s+(?:really\s+)?(?:see\s+the\s+point|want\s+to\s+be\s+here)\s+(?:anymore|any\s+more|any\s+longer)",
    r"\bbetter\s+off\s+(?:without\s+me|if\s+i\s+(?:was|were|wasn'?t|weren'?t|died|disappeared|was\s+gone|wasn'?t\s+here)|dead|gone)",
    r"\b(?:everyone|everybody|they|people|my\s+(?:family|kids|parents|friends|partner|wife|husband|mum|mom))\s+(?:would|will|'d)\s+be\s+(?:so\s+much\s+)?(?:better|happier|fine|relieved)\s+(?:off\s+)?(?:without\s+me|if\s+i\s+(?:was|were|wasn'?t|weren'?t|died|disappeared|left\s+for\s+good))",
    r"\b(?:i'?m|i\s+am|i\s+feel\s+like|feel\s+like)\s+(?:just\s+|such\s+)?a\s+burden\b|\bburden\s+(?:to|on)\s+(?:everyone|everybody|my\s+family|them|the\s+people)",
    r"\b(?:no|nothing|zero)\s+(?:\w+\s+)?(?:reason|point)\s+(?:to|in|for)\s+(?:live|living|being\s+alive|going\s+on|carrying\s+on|staying|existing|me\s+to\s+(?:live|stay|be\s+here))",
    r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b|\bwhat'?s\s+the\s+point\s+(?:of|in)\s+(?:living|life|going\s+on|being\s+alive|anything|carrying\s+on|staying\s+alive)",
    r"\b(?:life|living)\s+(?:is|isn'?t|is\s+not|doesn'?t\s+feel|just\s+isn'?t)\s+(?:not\s+)?worth\s+(?:it|living)\b|\bnot\s+worth\s+living\b",
    r"\bcan'?t\s+(?:go\s+on|keep\s+going|keep\s+living|do\s+(?:this|life)\s+any\s*more|carry\s+on|take\s+(?:it|this|the\s+pain)\s+any\s*more|live\s+like\s+this)",
    r"\b(?:i'?m|i\s+am|been|feel|feeling|felt|getting|have\s+been)\s+(?:so\s+|really\s+|very\s+|pretty\s+|kinda\s+|a\s+bit\s+|really\s+really\s+)?suicidal\b|\bsuicidal\s+(?:thoughts|feelings|ideation|urges|again|tonight)",
    r"\b(?:thinking|thought|think|considering|contemplating|obsessing)\s+(?:a\s+lot\s+)?(?:about|of)\s+(?:suicide|killing\s+my\s*self|ending\s+(?:it|my\s+life|things|everything)|taking\s+my\s+(?:own\s+)?life|dying|not\s+being\s+(?:here|alive|around)|hurting\s+my\s*self|self\s*-?\s*harm\w*|cutting)",
    r"\bkill(?:ing)?\s+my\s*self\b|\bkms\b|\bunalive\s+my\s*self\b|\bsewer\s*slide\b|\bend\s+my\s+(?:own\s+)?life\b|\bend(?:ing)?\s+it\s+all\b|\btake\s+my\s+(?:own\s+)?life\b",
    r"\bwish(?:ing)?\s+i\s+(?:was|were|had)\s+(?:dead|never\s+(?:been\s+)?born|not\s+alive|gone)|\bwish\s+i\s+(?:could\s+)?(?:just\s+)?(?:not\s+exist|never\s+(?:existed|woke\s+up)|(?:could\s+)?die)|\bwish\s+i\s+wasn'?t\s+(?:alive|here|born)",
    r"\b(?:hope|hoping|praying|pray)\s+(?:that\s+)?i\s+(?:don'?t|do\s+not|won'?t|never)\s+wake\s+up|\b(?:go\s+to\s+sleep|fall\s+asleep|sleep)\s+and\s+(?:never|not)\s+wake\s+up",
    r"\b(?:hope|hoping|wish|wouldn'?t\s+mind\s+if)\s+(?:a|the|some)\s+(?:car|bus|truck|train|lorry)\s+(?:would\s+)?(?:hits?|ran|runs)\s+(?:me|over\s+me)",
    r"\bwouldn'?t\s+(?:mind|care)\s+if\s+i\s+(?:died|didn'?t\s+wake\s+up|never\s+woke\s+up)",
    r"\b(?:no\s*one|nobody)\s+would\s+(?:notice|care|miss\s+me|even\s+notice)\s+if\s+i\s+(?:died|was\s+gone|disappeared|wasn'?t\s+here|were\s+gone|killed)",
    r"\b(?:i'?d|i\s+would)\s+rather\s+(?:be\s+dead|die|not\s+exist|not\s+be\s+alive)\b(?!\s+than)",
    r"\bself[\s\-]?harm(?:ing|ed)?\b|\b(?:urge|urges|want|wanting|need|craving)\s+to\s+(?:cut|burn|hurt\s+my\s*self|self[\s\-]?harm)|\b(?:cut|cutting|burn|burning|hurt|hurting|hitting|starve|starving)\s+my\s*self\b(?!\s+(?:shaving|on\s+(?:a|the|some)|while|by\s+accident|accidentally|cooking|chopping|slicing|with\s+(?:a\s+)?(?:knife|paper))|\s+(?:short|off|out|some\s+slack))",
    r"\b(?:relapsed|relapse)\s+(?:on|with|into)?\s*(?:self[\s\-]?harm|cutting)",
    r"\b(?:suicidal|dark|those|the|these|intrusive)\s+(?:thoughts|urges|feelings)\s+(?:are|have\s+been|keep|came|come)\s+(?:back|coming\s+back|returning|getting\s+(?:worse|stronger|louder)|again)",
    r"\bwon'?t\s+be\s+(?:around|here)\s+(?:much\s+longer|for\s+(?:much\s+)?longer|for\s+long|anymore)|\bwhen\s+i'?m\s+dead\b",
    r"\b(?:the\s+)?world\s+would\s+be\s+better\s+(?:off\s+)?without\s+me\b|\beveryone\s+would\s+be\s+better\s+off\b",
    r"\b(?:want|wanna|wish)\s+(?:it\s+all|everything|life|the\s+pain|this)\s+to\s+(?:end|stop|be\s+over)\s+(?:for\s+good|forever|permanently)",
    r"\b(?:thoughts|urges|ideas)\s+(?:of|about)\s+(?:suicide|dying|killing\s+my\s*self|ending\s+(?:it|my\s+life|things)|self[\s\-]?harm\w*|cutting|hurting\s+my\s*self)",
    r"\btired\s+of\s+(?:living|being\s+alive|existing|life\s+itself)\b|\bdon'?t\s+want\s+to\s+exist\b",
    r"\bsuicide\s+(?:is|seems\s+like|feels\s+like|looks\s+like)\s+(?:the\s+only\s+|my\s+only\s+|an?\s+|the\s+)?(?:option|answer|way\s+out|solution|way\s+to\s+stop)",
    r"\b(?:only|one)\s+way\s+out\b.{0,20}\b(?:die|death|dying|end|suicide)",
    r"\bnot\s+(?:be\s+)?around\s+anymore\b.{0,30}\b(?:better|easier|happier)",
)

_INTENT_WORDS = r"(?:not|never|no\s+longer|don'?t|dont|didn'?t|won'?t|wouldn'?t|isn'?t|wasn'?t|stopped|quit|without)"
MEANS_WORD = re.compile(
    rf"\b(?:{_MEANS_STRONG}|gun|pistol|rifle|shotgun|rope|noose|razors?|blades?|knife|"
    r"bridge|roof|ledge)\b"
)
USE_IT = re.compile(
    r"\b(?:going\s+to|gonna|gunna|about\s+to|will|'ll|plan\s+to)\s+(?:finally\s+)?use\s+"
    r"(?:it|them|those|that)\b|\bthis\s+is\s+(?:how|where)\s+i\s+(?:end|go|die)"
)
NEGATION_BEFORE = re.compile(rf"\b{_INTENT_WORDS}\b(?:\s+\w+){{0,2}}\s*$")
PAST_CLAUSE = re.compile(
    r"\b(?:used\s+to|years?\s+ago|months?\s+ago|in\s+the\s+past|back\s+(?:when|then|in)|"
    r"when\s+i\s+was\s+(?:younger|a\s+(?:kid|teen|teenager)|in\s+(?:school|college|uni|high\s+school))|"
    r"(?:\d+|one|two|three|four|five|six|a\s+few|several|many)\s+(?:years?|months?|weeks?|days?)\s+"
    r"(?:clean|free|sober|since|without)|haven'?t\s+(?:\w+\s+){0,3}in\s+(?:\d+|a|two|three|years|"
    r"months|ages|a\s+long\s+time)|\bclean\s+(?:from|of|for)\b|recovered\s+from|"
    r"not\s+(?:suicidal|self[\s\-]?harming|cutting|hurting\s+my\s*self)\s+any\s*more|"
    r"survivor|in\s+recovery|therapy\s+helped)"
)
REPORTED_QUESTION = re.compile(
    r"\b(?:asked|asks|asking|ask)\s+(?:me\s+|us\s+|him\s+|her\s+)?(?:if|whether|about)\b"
    r"|\b(?:screening|questionnaire|form)\s+(?:asks|asked|about)\b"
)
CLAUSE_BREAK = re.compile(r"[.!?;\n]|,\s*but\b|\bbut\b|\bhowever\b|\blately\b|\bnow\b|\bthese\s+days\b")
GO_IMPERATIVE = re.compile(r"\b(?:go|go\s+and|you\s+should|u\s+should|pls|please)\s*$")

PLAN = re.compile("|".join(f"(?:{p})" for p in PLAN_PATTERNS))
IDEATION = re.compile("|".join(f"(?:{p})" for p in IDEATION_PATTERNS))

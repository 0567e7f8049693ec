"""Feature lexicons for the scored crisis detector (data + compiled regexes, no policy).

Each family is one kind of evidence: a self-directed death or self-harm term, a means or
a method, a desire, an intent, a time, an acute act, a finality act, hopelessness or
burden. None of them means much alone; :mod:`crisis_score` weighs them together. Terms are
written with their inflections and common chat spellings (``im``, ``dont``, ``gonna``) so
the detector does not depend on one exact phrasing. Everything runs on lower-cased text.
"""

from __future__ import annotations

import re

__all__ = [
    "SUICIDE", "DEATH", "HARM", "MEANS", "METHOD", "DESIRE", "INTENT", "TIME", "ACUTE",
    "FINALITY", "FINAL_STRONG", "HOPELESS", "HOPELESS_WEAK", "TEMPORARY", "IDIOMS", "NEGATED", "PAST", "OTHER_SUBJECT",
    "FIRST_PERSON", "INFO", "SENTENCE",
]

_SELF = r"(?:my\s*self|me\s*self|myself|mysef|meself)"
_NT = r"(?:n'?t|\s+not)"  # don't / dont / do not
_DRUGS = (
    r"(?:pills?|tablets?|meds|medications?|medicines?|painkillers|paracetamol|tylenol|"
    r"aspirin|ibuprofen|insulin|tramadol|codeine|oxy\w*|xanax|valium|benzos?|opioids|"
    r"fentanyl|heroin|lithium|sertraline|prozac|antidepressants?|sleeping\s+(?:pills|tablets)|"
    r"[a-z]{3,}(?:pine|pam|lam|done|zole|xetine|triptyline|pramine|azepam|codone|barbital))"
)


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


# Explicit self-directed suicide / killing / ending.
SUICIDE = _rx(
    r"\bsuicid(?:e|al)\b(?!\s+(?:prevention|awareness|rates?|statistics|scene|hotline|line|stigma|"
    r"watch|squad))",
    rf"\b(?:kill|killing|killed|end|ending|ended|hang|hanging|hung|shoot|shooting|drown|"
    rf"drowning|poison|poisoning|unalive|unaliving|off|offing|finish|finishing)\s+{_SELF}\b",
    r"\bkms\b|\bkys\s+my\s*self\b|\bunalive\b|\bsewer\s*slide\b",
    r"\b(?:end|ending|ended|finish|finishing)\s+(?:it\s+all|my\s+(?:own\s+)?life|everything|"
    r"things|it)\b(?!\s+(?:with|between|off|up|early|there|here|for\s+(?:the|today|tonight)))",
    r"\b(?:take|taking|took)\s+my\s+(?:own\s+)?life\b",
    r"\b(?:overdos\w*|od(?:ing|'?d)?)\b",
    r"\bslit(?:ting)?\s+my\s+(?:wrists?|throat)\b",
    r"\b(?:do|dont|don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive|exist|"
    r"be\s+here|wake\s+up|go\s+on|keep\s+going|be\s+around)\b",
    r"\b(?:leave|leaving)\s+this\s+(?:world|earth|life)\b",
    r"\b(?:not|never)\s+(?:wake|waking|woke)\s+up\b",
    r"\b(?:brain|mind|head|voices?|thoughts?)\s+(?:\w+\s+){0,3}?(?:saying|says|say|telling|tell|"
    r"tells)\s+(?:me\s+)?(?:to\s+)?(?:\w+\s+){0,2}?(?:kill|end|die|jump|cut|hurt|do\s+it)\b",
)
# Death words: mean something only with a desire, intent or self-state around them.
DEATH = _rx(
    r"\b(?:die|dies|dying|died|dead|death|deaths)\b",
    r"\b(?:not|never)\s+(?:be\s+|being\s+)?(?:here|alive|around)\b",
    r"\b(?:stop|cease)\s+(?:existing|to\s+exist)\b|\bnot\s+exist\b|\bexist\s+any\s*more\b",
    r"\bdisappear\w*\s+(?:forever|for\s+good|and\s+never)",
    r"\b(?:be|being)\s+gone\b|\bwas\s+gone\b|\bwere\s+gone\b",
    r"\bsleep\s+forever\b|\bmy\s+(?:own\s+)?funeral\b|\bnever\s+come\s+back\b",
    r"\b(?:heart|breathing)\s+(?:would\s+)?(?:just\s+)?stops?\b|\bdidn'?t\s+wake\s+up\b",
    r"\b(?:vanish\w*|disappear(?:ed|s)?)\b|\bnot\s+open\s+(?:my\s+)?eyes\b",
    r"\b(?:plane|car|bus)\s+(?:\w+\s+)?crash(?:es|ed)?\b",
    r"\b(?:want|wish|need)\s+(?:it|everything)\s+(?:all\s+)?to\s+(?:end|stop|be\s+over)\b"
    r"(?!\s+\w+ing)",
    r"\b(?:takes?|take)\s+me\s+in\s+my\s+sleep\b",
    r"\b(?:car|bus|train|truck|lorry)\s+(?:would\s+|will\s+|to\s+)?(?:just\s+)?(?:hit|hits|"
    r"run\s+over|runs\s+over|kill|kills)\s+me\b",
)
HARM = _rx(
    rf"\b(?:cut|cuts|cutting|burn|burning|burned|burnt|hurt|hurting|hit|hitting|starve|"
    rf"starving|punish|punishing|harm|harming|scratch(?:ed|ing)?)\s+{_SELF}\b"
    rf"(?!\s+(?:shaving|on\s+(?:a|the)|by\s+accident|accidentally|cooking|chopping))",
    r"\bself[\s\-]?harm\w*\b|\bsh\s+urges?\b",
    r"\b(?:cut|cuts|cutting)\s+(?:again|deep\w*|my\s+(?:arms?|wrists?|legs?|thighs?|skin|"
    r"stomach|hips?))\b",
    r"\b\d+\s+cuts\b|\bthe\s+blade\b|\bwith\s+(?:a|the|my)\s+(?:blade|razor|lighter)\b",
    r"\b(?:urges?|need|craving)\s+to\s+(?:cut|burn|hurt)\b",
    r"\b(?:opening|reopening|picking\s+at)\s+(?:\w+\s+)?(?:scars|wounds|cuts)\b",
    r"\btill\s+(?:they|it|i)\s+bled\b|\buntil\s+(?:they|it|i)\s+bled\b",
    r"\bbecause\s+i\s+wanted\s+it\s+to\s+hurt\b|\bi\s+deserve\s+(?:it|the\s+pain|to\s+hurt)\b",
    r"\bas\s+(?:a\s+)?punishment\b|\bon\s+purpose\b",
    r"\b(?:cut|cuts|burn\w*|hit\w*|scratch\w*|bang\w*|punch\w*)\s+(?:\w+\s+)?my\s+(?:wrists?|"
    r"arms?|legs?|thighs?|skin|head|stomach)\b(?!\s+(?:hair|fringe))",
    r"\b(?:fresh|new)\s+(?:cuts|scars|burns|wounds)\b|\bsharpener\s+blade\b|\b(?:scratched|"
    r"cut|burned)\s+(?:\w+\s+)?raw\b",
)
MEANS = _rx(
    rf"\b{_DRUGS}\b",
    r"\b(?:rope|noose|belt|ligature|knife|gun|pistol|rifle|shotgun|bullets?|blades?|razors?|"
    r"charcoal|helium|hose|exhaust|bleach|poison|antifreeze)\b",
    r"\b(?:bridge|roof|rooftop|cliffs?|ledge|railing|rail|parapet|multi-?stor(?:e)?y|"
    r"car\s*park|platform|train|tracks|railway|lorry|truck|motorway|dual\s+carriageway|"
    r"quarry|level\s+\d+|balcony|\d+(?:st|nd|rd|th)\s+floor)\b",
)
METHOD = _rx(
    r"\b(?:jump|jumping|jumped|throw\s+my\s*self|step|walk|walking|drive|driving|crash)\s+"
    r"(?:off|from|in\s+front\s+of|under|into|over)\b(?!\s+(?:the\s+)?(?:pool|shower|bed|"
    r"sofa|couch|conversation|queue|water\s+park))",
    r"\b(?:swallow|take|taking|down)\s+(?:all|every|the\s+whole|the\s+lot|everything)\b",
    r"\b(?:gonna|going\s+to|i'?ll|will|to|i|i'?m)\s+(?:drink|drinking|swallow|down)\s+(?:the\s+|"
    r"some\s+)?(?:bleach|antifreeze|poison)\b",
    r"\blet\s+go\b|\bkeep\s+(?:going|walking|swimming)\b(?=.{0,20}$)|\bwalk\s+into\s+the\b",
    r"\bpracti[sc]\w*\s+(?:with|on|hanging|tying)\b",
    r"\bclimb\w*\s+over\s+the\b|\bengine\s+running\b|\bwindows?\s+(?:are\s+)?sealed\b",
    r"\b(?:noose|ligature)\b|\btied\s+(?:the|a)\b",
    r"\b(?:quickest|easiest|painless|best)\s+way\b|\bhow\s+many\s+\w+\s+it\s+takes\b",
    r"\b(?:googl\w*|research\w*|looked\s+up|looking\s+up)\s+(?:\w+\s+){0,2}?ways\s+to\b",
)
DESIRE = _rx(
    r"\b(?:want|wants|wanted|wanting|wanna|wish|wishing|hope|hoping|pray|praying|longing|"
    r"rather|like\s+to|fantasi[sz]\w*|imagin\w*|picturing|dream\w*)\b",
    r"\bwouldn'?t\s+(?:mind|care)\b|\b(?:urge|urges|tempted|considering|contemplating)\b",
    r"\b(?:thinking|think|thought|thoughts)\s+(?:about|of|abt)\b",
    r"\bi'?d\s+be\s+(?:happier|better)\b|\bfine\s+with\s+that\b",
    r"\b(?:keeps?|kept)\s+(?:telling|saying)\s+me\b|\bvoices?\b|\btelling\s+me\s+to\b",
    r"\bshould\s+(?:just|have|of)\b|\bshould'?ve\b",
)
INTENT = _rx(
    r"\b(?:going\s+to|gonna|gunna|gona|about\s+to|i'?ll|ill\s+(?=\w)|i\s+will|will\s+be|"
    r"intend|planning|planned|my\s+plan|decided|decide|ready|prepared|doing\s+it|do\s+it|"
    r"did\s+it|go\s+through\s+with)\b",
    r"\bthat'?s\s+(?:when|where|the\s+one|how)\b|\b(?:set|picked|chosen|chose)\s+(?:a|the)\b",
    r"\b(?:i'?m|im|i\s+am)\s+(?:going|doing|finishing|ending|taking)\b",
    r"\b(?:once|after|when)\s+i\s+(?:finish|send|post|hang\s+up)\b",
    r"\bnext\s+time\s+i\s+won'?t\s+stop\b|\bthis\s+time\b",
    r"\bcan'?t\s+talk\s+me\s+out\b|\bdon'?t\s+(?:try\s+to\s+)?stop\s+me\b",
)
TIME = _rx(
    r"\b(?:tonight|tonite|2nite|today|tomorrow|tmrw|tmr|this\s+(?:weekend|week|evening|"
    r"afternoon|morning|night)|by\s+morning|right\s+now|in\s+an\s+hour|next\s+week|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|after\s+(?:work|my\s+shift|school|"
    r"everyone)|the\s+\d+(?:st|nd|rd|th)\b|when\s+(?:everyone|they|he|she)(?:'s|\s+is|'re|"
    r"\s+are|\s+goes?)\b)",
)
ACUTE = _rx(
    r"\b(?:already|just)\s+(?:took|taken|swallowed|cut|done\s+it)\b",
    r"\b(?:took|swallowed|taken|downed)\s+(?:like\s+|about\s+|over\s+)?\d+\b",
    r"\b\d+\s+(?:min|mins|minutes|hours?|hrs?)\s+ago\b",
    r"\b(?:i'?m|im|i\s+am)\s+(?:on|at|standing|sitting)\s+(?:on\s+|at\s+|in\s+)?(?:the\s+)?"
    r"(?:top|edge|roof|bridge|ledge|platform|car\b)",
    r"\b(?:standing|sitting)\s+(?:at|on|in)\s+(?:the\s+)?(?:\w+\s+)?(?:edge|ledge|car|roof|"
    r"bridge|platform)\b",
    r"\b(?:lined\s+up|counted\s+(?:out|them)|counting\s+them|in\s+front\s+of\s+me|next\s+to\s+me"
    r"|in\s+my\s+hand)\b",
    r"\b(?:stockpil\w*|sav(?:ed|ing)\s+up|hoard\w*|stash\w*|enough\s+saved|got\s+enough|"
    r"finally\s+have\s+enough|crushed\s+up|locked\s+myself\s+in)\b",
    rf"\b(?:took|taken|swallowed|brought|got)\s+(?:a\s+load|loads|a\s+lot|a\s+handful|all|"
    rf"a\s+bunch|a\s+second\s+\w+)\s+(?:of\s+)?(?:my\s+|the\s+)?(?:\w+\s+)?{_DRUGS}\b",
    r"\bwaiting\s+for\s+the\s+(?:\w+\s+)?(?:train|express|bus|lorry)\b|\bembankment\b",
)
# Finality acts and leave-taking: strong warning signs.
FINAL_STRONG = _rx(
    r"\b(?:letters?|notes?)\s+(?:to|for)\s+(?:everyone|everybody|my\s+(?:family|kids|mum|mom|"
    r"dad|parents|wife|husband|partner|children|son|daughter|sister|brother))\b",
    r"\b(?:tonight|today|tomorrow)\s+is\s+(?:it|the\s+(?:night|day))\b",
    r"\btalk\s+me\s+out\s+of\s+it\b|\b(?:don'?t|dont)\s+try\s+(?:to\s+)?stop(?:ping)?\s+me\b",
    r"\b(?:suicide|goodbye|farewell)\s+(?:note|letters?|messages?)\b",
    r"\b(?:affairs|things)\s+in\s+order\b|\bwill\s+(?:is\s+)?(?:signed|written|done)\b"
    r"|\b(?:wrote|written|made|updated)\s+my\s+will\b",
    r"\b(?:gave|given|giving|give)\s+(?:away\s+)?my\s+(?:\w+\s+)?(?:cat|dog|pets?|kitten|"
    r"puppy|rabbit|bird|guitar|stuff|things|belongings|books|games|console|ps\d|xbox)\b"
    r"(?!\s+to\s+(?:the\s+|a\s+)?(?:library|charity|goodwill|school|sale|jumble|shop|"
    r"charity\s+shop|food\s+bank))",
    r"\b(?:looked\s+after|a\s+good\s+home|taken\s+care\s+of)\b.{0,30}\b(?:when|after|once)\s+"
    r"i'?m\s+gone\b|\bafter\s+i'?m\s+gone\b|\bwhen\s+i'?m\s+gone\b",
    r"\bso\s+(?:she|he|they|it)(?:'s|\s+is|'re|\s+are|\s+will\s+be)\s+(?:looked\s+after|"
    r"taken\s+care\s+of|ok|okay|safe)\b",
    r"\b(?:won'?t|wont|will\s+not)\s+(?:need|be\s+needing)\s+(?:them|it|this|that|those|any|my)\b",
    r"\bwhere\s+i'?m\s+going\b|\bnot\s+coming\s+back\b|\bwon'?t\s+be\s+coming\s+back\b",
    r"\bif\s+(?:you|u)\s+(?:don'?t|dont|do\s+not)\s+hear\s+from\s+me\b",
    r"\b(?:not|never)\s+going\s+to\s+(?:see|make\s+it\s+to)\s+(?:it|my|the|next)\b",
    r"\b(?:this\s+is|it'?s)\s+(?:my\s+)?(?:goodbye|the\s+end)\b|\bthis\s+is\s+it\b",
    r"\b(?:made|make|making)\s+(?:my\s+)?peace\s+with\s+it\b",
    r"\bit\s+(?:all\s+)?ends\s+(?:tonight|today|tomorrow|now|here)\b|\b(?:picked|chosen|chose)\s+"
    r"(?:the|a|my)\s+(?:spot|place|day|date)\b",
    r"\b(?:note|letter)s?\s+(?:is|are)\s+(?:written|done|ready)\b|\bmy\s+goodbye\b|"
    r"\bgoodbye\s+(?:post|message|video)\b|\b(?:letter|note)\s+(?:under|on|by)\s+(?:her|his|their|the)\b",
    r"\b(?:who\s+gets|can\s+have)\s+my\b|\b(?:emptied|closed)\s+my\s+(?:bank|account)",
)
FINALITY = _rx(
    r"\b(?:bye|goodbye)\s+(?:everyone|all|guys|everybody|world)\b|\blove\s+you\s+all\b",
    r"\b(?:sorry|thank\s+you|thanks)\s+(?:everyone|for\s+(?:everything|trying|being\s+kind))\b"
    r"|\b(?:i'?m\s+)?(?:sorry|sry|soz)\s+(?:mum|mom|dad|everyone|all)\b",
    r"\b(?:last|final)\s+(?:message|post|time|goodbye|day|night)\b|\bafter\s+this\b",
    r"\b(?:switch\w*|turn\w*)\s+my\s+phone\s+off\b|\blook\s+after\s+each\s+other\b",
    r"\b(?:won'?t|wont|will\s+not|not\s+going\s+to)\s+be\s+(?:here|around|alive|a\s+problem|"
    r"a\s+burden)\b",
    r"\b(?:deleted|cancell?ed|closed)\s+(?:all\s+)?my\s+(?:social\s+media|accounts?|"
    r"appointments|phone|contract|subscriptions?)\b",
    r"\bpasswords?\s+(?:written|for\s+my)\b|\bpick\s+a\s+(?:day|date)\b",
    r"\b(?:everything|all|what)\s+(?:i\s+need|planned|ready|sorted)\b|\bit'?s\s+all\s+planned\b",
    r"\b(?:much|any)\s+longer\b|\b\d+\s+(?:weeks?|days?)\s+left\b",
    r"\bthis\s+time\s+(?:next\s+week|tomorrow)\b|\bhigh\s+enough\b|\bthat\s+should\s+do\s+it\b",
)
HOPELESS_WEAK = _rx(
    r"\b(?:no|what'?s\s+the)\s+(?:\w+\s+)?(?:point|reason)\b(?!\s+(?:in\s+(?:arguing|asking)))",
    r"\b(?:pointless|worthless|hopeless|useless)\b|\bhate\s+my\s+life\b",
    r"\b(?:can'?t|cant|cannot)\s+(?:go\s+on|keep\s+going|do\s+this|take\s+(?:it|this)|"
    r"carry\s+on)\b|\bhow\s+much\s+longer\s+i\s+can\b",
    r"\b(?:too\s+much|it\s+all\s+to\s+stop|time\s+for\s+me\s+to\s+go)\b",
)
HOPELESS = _rx(
    r"\bburden\b|\bbetter\s+(?:off|place)\s+without\s+me\b|\b(?:relieved|better\s+off|happier)"
    r"\s+if\s+i\b",
    r"\b(?:no|what'?s\s+the)\s+(?:\w+\s+)?(?:point|reason)\s+(?:in|of|to)\s+(?:living|life|"
    r"live|stay|staying|going\s+on|being\s+alive|existing)\b",
    r"\bwaste\s+of\s+(?:space|air|oxygen|life)\b",
    r"\bno\s+(?:future|way\s+out|hope)\b|\bonly\s+way\s+out\b|\bno\s+reason\s+to\s+stay\b",
    r"\btired\s+of\s+(?:being\s+alive|existing|living|fighting|life|everything|it\s+all)\b",
    r"\b(?:i'?m|im|i\s+am)\s+(?:so\s+)?done\s+with\s+(?:life|living|everything|it\s+all)\b"
    r"|\bdone\s+with\s+life\b|\b(?:my\s+)?life\s+is\s+(?:finish\w*|over)\b",
    r"\bnot\s+meant\s+to\s+be\s+(?:here|alive)\b|\bshouldn'?t\s+(?:be\s+)?(?:here|alive|exist)\b",
    r"\b(?:nobody|no\s*one|no-one)\s+would\s+(?:notice|care|miss)\b",
    r"\bwhy\s+am\s+i\s+(?:even\s+|still\s+)+(?:here|alive)\b",
    r"\bnever\s+been\s+born\b|\bnot\s+worth\s+living\b|\bisn'?t\s+worth\s+living\b",
    r"\bdon'?t\s+see\s+(?:myself|me)\s+(?:being\s+)?(?:alive|here|around|living|making\s+it)\b",
    r"\bi\s+(?:deserve|deserved)\s+to\s+(?:die|suffer)\b|\bdon'?t\s+deserve\s+to\s+live\b",
    r"\b(?:dying|death|dead|being\s+dead|not\s+being\s+here)\s+(?:seems|feels|sounds|would\s+be|"
    r"is)\s+(?:\w+\s+)?(?:easier|better|a\s+relief|like\s+(?:the\s+only|a\s+relief|peace))",
    r"\b(?:only|last)\s+(?:door|option|way|exit)\s+(?:left|out)\b|\bnothing\s+left\s+for\s+me\b",
    r"\bi\s+want\s+out\b|\bdead\s+inside\b|\b(?:cope|manage|be)\s+fine\s+if\s+i\b",
    r"\b(?:wouldn'?t|won'?t)\s+(?:even\s+)?(?:get|have|accept)\s+(?:\w+\s+)?treatment\b",
    r"\blet\s+nature\s+take\s+its\s+course\b",
)

# Figures of speech removed before scoring. Each is a whole phrase, not a word.
IDIOMS = _rx(
    r"\b(?:is|are|was|were|'s|'re|be|been|keeps?)\s+(?:\w+\s+)?killing\s+me\b",
    r"\b(?:killing\s+me\s+with)\b|\bkill(?:ing)?\s+(?:for|time|the\s+(?:lights|branch|mood|"
    r"engine|music)|two\s+birds|off)\b|\bkilled\s+(?:it|off|the\s+\w+)\b|\bkilled\b\s*$",
    r"\b(?:she|he|they|mum|mom|dad|boss|wife|husband|teacher|sister|brother)(?:'ll|\s+will|"
    r"\s+would|'d|\s+is\s+going\s+to|'s\s+going\s+to|\s+going\s+to|\s+gonna)\s+(?:\w+\s+)?"
    r"(?:kill|murder)\s+me\b",
    r"\bdi(?:ed|e|ing)\s+(?:of\s+|from\s+)?(?:laugh\w*|embarrass\w*|boredom|shame|cringe|"
    r"cuteness)\b|\b(?:laughed|laughing)\s+so\s+hard\s+i\s+(?:thought\s+i'?d\s+)?(?:die|died)\b",
    r"\bdying\s+(?:to|for)\b|\b(?:to|i'?d|would)\s+die\s+for\b|\bthe\s+death\s+of\s+me\b",
    r"\bdead\s+(?:tired|serious|on\s+(?:my|our|their)\s+feet|gorgeous|easy|good|set|last|"
    r"centre|center|end)\b|\bover\s+my\s+dead\s+body\b|\bdrop\s+dead\b",
    r"\b(?:phone|battery|laptop|car|plants?|tv|computer|wifi|charger|will\s+to\s+\w+)\s+"
    r"(?:is\s+|was\s+|has\s+|'s\s+)?(?:\w+\s+)?(?:dead|died|dying)\b",
    r"\b(?:i'?m|im|i\s+am)\s+(?:literally\s+|actually\s+|so\s+)?dead\b(?!\s+inside)",
    r"\b(?:nearly|almost|could\s+(?:just\s+)?|i\s+could\s+)die[d]?\b|\bi\s+died\s+so\s+many\b",
    r"\bbefore\s+i\s+die\b|\brather\s+die\s+than\b|\bdie\s+on\s+(?:this|that|the)\s+hill\b|\bdressed\s+to\s+kill\b",
    r"\bshot\s+(?:me\s+)?in\s+the\s+\w+\s+by\b|\bshoot\s+me\s+now\b|\bcut\s+my\s+(?:hair|fringe)",
    r"\bknock\s+(?:'?em|them|him|her)\s+dead\b|\bdeath\s+warmed\s+up\b|\bfor\s+dead\b",
)

NEGATED = re.compile(
    r"\b(?:not|never|no|don'?t|dont|do\s+not|didn'?t|didnt|won'?t|wont|wouldn'?t|haven'?t|"
    r"havent|hasn'?t|isn'?t|wasn'?t|no\s+longer|stopped|quit|without|nor)\b"
    r"(?:\s+(?:\w+|'\w+)){0,2}\s*$"
)
PAST = re.compile(
    r"\b(?:used\s+to|years?\s+ago|months?\s+ago|in\s+the\s+past|back\s+(?:when|then)|"
    r"when\s+i\s+was\s+(?:\d+|younger|a\s+(?:kid|teen\w*)|in\s+\w+)|in\s+my\s+(?:teens|"
    r"twenties|youth)|(?:\d+|one|two|three|four|five|six|a\s+few)\s+(?:years?|yrs?|months?)\b|"
    r"\bclean\b|\bsober\b|since\s+my\s+last|since\s+i\s+last|days\s+since|survived|recovered|recovering|in\s+recovery|"
    r"therapy\s+helped|got\s+better|doing\s+(?:great|well|better)|proud\s+of\s+myself|"
    r"now\s+i\s+(?:know|only)|was\s+the\s+depression)"
)
OTHER_SUBJECT = re.compile(
    r"\b(?:he|she|they|he'?s|she'?s|they'?re|him|her|them|his|you|you'?re|your|u|anyone|"
    r"someone|somebody|people|men|women|man|woman|guy|girl|kid|kids|patients?|"
    r"(?:my|our|his|her|a)\s+(?:late\s+|best\s+|old\s+)?(?:uncle|aunt\w*|friend|mum|mom|mother|"
    r"dad|father|brother|sister|son|daughter|nephew|niece|cousin|gran\w*|nan|husband|wife|"
    r"partner|boyfriend|girlfriend|coworker|colleague|neighbou?r|stepdad|stepmum|stepmom|"
    r"cat|dog|pet|nurse|doctor)s?(?!'s)|(?:the|a)\s+(?:pharmacist|doctor|nurse|vet|gp|"
    r"news|film|movie|show|book|character|villain|team|comedian)|\w+'s\s+(?:son|daughter|"
    r"friend|brother|sister|dad|mum|mom|husband|wife))\b"
)
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'll|i'd|me|myself|my\s*self)\b")
INFO = re.compile(
    r"\b(?:if\s+(?:you|you'?re|u|anyone|someone|any\s+of\s+you)(?!\s+(?:don'?t|dont|do\s+not)\s+hear)|reach\s+out|988|samaritans|"
    r"crisis\s+line|helpline|hotline|prevention|awareness|documentary|on\s+the\s+news|"
    r"news\s+(?:that|about)|scene|a\s+book\s+about|course|rates\b|statistics|"
    r"how\s+(?:do|can|should)\s+(?:i|you|we)\s+(?:support|help|talk)|what\s+should\s+i\s+do|"
    r"poem|what\s+happens\s+when|anyone\s+else\b|asking\s+for\s+a\s+friend|"
    r"(?:asked|asks|asking)\s+(?:me\s+)?(?:if|whether|about))"
)
SENTENCE = re.compile(r"[.!?;\n]+|,\s*(?:but|and\s+now|now)\b|\bbut\b")
# Leave-taking that is plainly temporary ("off to bed, night all", "see you next week").
TEMPORARY = re.compile(
    r"\b(?:see\s+(?:you|u|ya|y'all)|night\s+all|good\s*night|nite\s+all|off\s+to\s+bed|"
    r"for\s+now|for\s+(?:tonight|today)|talk\s+(?:soon|later|tomorrow)|back\s+(?:soon|later|"
    r"tomorrow|next)|moving\s+to|new\s+(?:job|flat|house|place))\b"
)

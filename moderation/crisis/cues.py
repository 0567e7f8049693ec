"""Cues: families of words a person in crisis uses, as features the model weighs.

The model learns its weights for n-grams from a few thousand messages, so it can only know
words it has seen. A cue stands for a whole family ("pills", "tablets", "meds", "pastillas",
"Tabletten" are all ``means``), so a message whose exact words are new still shares features
with the training data. Cues decide nothing themselves: each cue, and each pair of cues
that occur together (``means+time``, ``self+death``, ``other+death``…), is one more feature
whose weight the training script learns. Lexicons are small, readable and multilingual;
matching is on the lower-case accent-free text.
"""

from __future__ import annotations

import re
from itertools import combinations

__all__ = ["cues", "CUE_NAMES"]


def _words(*alternatives: str) -> tuple[str, ...]:
    return alternatives


_CUES: dict[str, tuple[str, ...]] = {
    "self": _words(r"i", r"im", r"ive", r"id", r"ill", r"me", r"my", r"myself", r"mine", r"yo", r"mi", r"mis", r"eu",
        r"meu", r"minha", r"je", r"j", r"moi", r"mon", r"ma", r"mes", r"ich", r"mich", r"mir", r"mein", r"meine"),
    "death": _words(r"morirme", r"muera", r"matar\w*", r"quitarme\s+la\s+vida", r"acabar\s+con\s+todo",
        r"desaparecer", r"no\s+despertar", r"dejar\s+de\s+existir", r"suicid\w*", r"tirar\s+(?:a\s+)?minha\s+vida",
        r"acabar\s+com\s+tudo", r"sumir", r"nao\s+acordar", r"deixar\s+de\s+existir", r"morra", r"en\s+finir",
        r"disparaitre", r"plus\s+me\s+reveiller", r"ne\s+plus\s+exister", r"me\s+foutre\s+en\s+l'?air", r"crever",
        r"mourir", r"meurs", r"nicht\s+mehr\s+aufwachen", r"nicht\s+mehr\s+da\s+sein", r"weg\s+sein",
        r"schluss\s+machen", r"das\s+leben\s+nehmen", r"tot\s+sein", r"sterben", r"umbringen", r"die", r"dying",
        r"dead", r"death", r"kill\w*", r"kms", r"unalive\w*", r"end\s+(?:it|things|my\s+life|everything)",
        r"not\s+wake\s+up", r"never\s+wake\s+up", r"disappear\w*", r"cease\s+to\s+exist", r"stop\s+existing",
        r"gone", r"funeral", r"overdos\w*", r"hang\w*", r"sewerslide", r"morir\w*", r"muerte", r"muerto", r"matarme",
        r"suicidarme", r"morrer", r"morte", r"morto", r"me\s+matar", r"mort\w*", r"me\s+tuer", r"tot", r"tod",
        r"suizid\w*", r"selbstmord"),
    "selfharm": _words(r"me\s+corte", r"me\s+corto", r"cortarme", r"autolesi\w*", r"lastimarme", r"hacerme\s+dano",
        r"me\s+cortei", r"me\s+cortar", r"automutila\w*", r"machucar", r"me\s+machuquei", r"me\s+suis\s+coupe\w*",
        r"me\s+couper", r"me\s+faire\s+du\s+mal", r"automutil\w*", r"scarification\w*", r"geritzt",
        r"selbstverletz\w*", r"svv", r"mir\s+weh\s+(?:tun|getan)", r"recaida", r"recaidas", r"rechute", r"ruckfall",
        r"rueckfall", r"cut\w*", r"blade\w*", r"razor\w*", r"burn(?:ed|t|ing)?\s+my\s*self", r"sh",
        r"self\s*harm\w*", r"relaps\w*", r"wrists?", r"thighs?", r"scars?", r"bleed\w*", r"stitches", r"cortes?",
        r"cortar\w*", r"cortei", r"cuchilla", r"lamina", r"gilette", r"scarif\w*", r"entaille\w*", r"ritz\w*",
        r"ritzen", r"klinge"),
    "means": _words(r"pastis", r"comprimidos", r"pildoras", r"clonazepam", r"rivotril", r"lorazepam", r"diazepam",
        r"ibuprofeno", r"paracetamol", r"veneno", r"soga", r"balcon", r"edificio", r"puente", r"remedio",
        r"remedios", r"predio", r"viaduto", r"janela", r"cachets", r"medocs", r"doliprane", r"somniferes",
        r"fenetre", r"falaise", r"immeuble", r"tabletten", r"schlaftabletten", r"fenster", r"hochhaus", r"zug",
        r"gleis", r"pills?", r"tablets?", r"meds", r"medication", r"tylenol", r"insulin", r"sleeping\s+\w+", r"rope",
        r"noose", r"belt", r"gun", r"shotgun", r"rifle", r"knife", r"bridge", r"roof", r"ledge", r"cliff", r"tracks",
        r"train", r"motorway", r"garage", r"exhaust", r"bottle", r"pastillas", r"cuerda", r"pistola", r"azotea",
        r"corda", r"ponte", r"medicaments", r"corde", r"pont", r"toit", r"pillen", r"seil", r"strick", r"brucke",
        r"dach", r"gleise"),
    "amount": _words(r"cuantas\s+pastillas", r"dosis", r"letal", r"quantos\s+comprimidos", r"dose", r"combien\s+de",
        r"mortelle", r"todlich", r"wie\s+viel", r"how\s+many", r"how\s+much", r"enough", r"would\s+it\s+take",
        r"lethal", r"fatal", r"mg", r"high\s+enough", r"how\s+high", r"cuantas", r"cuantos", r"suficientes?",
        r"quantos?", r"quantas?", r"combien", r"assez", r"wie\s+viele", r"genug"),
    "time": _words(r"el\s+viernes", r"el\s+sabado", r"el\s+domingo", r"el\s+lunes", r"esta\s+semana", r"pronto",
        r"a\s+noite", r"sexta", r"sabado", r"domingo", r"semana\s+que\s+vem", r"vendredi", r"samedi", r"dimanche",
        r"lundi", r"cette\s+semaine", r"bientot", r"freitag", r"samstag", r"sonntag", r"montag", r"diese\s+woche",
        r"bald", r"heute\s+nacht", r"tonight", r"tomorrow", r"today", r"this\s+weekend", r"monday", r"tuesday",
        r"wednesday", r"thursday", r"friday", r"saturday", r"sunday", r"after\s+work", r"soon", r"midnight",
        r"by\s+then", r"esta\s+noche", r"manana", r"hoy", r"hoje", r"amanha", r"ce\s+soir", r"demain", r"heute",
        r"morgen"),
    "intent": _words(r"lo\s+voy\s+a\s+hacer", r"ya\s+lo\s+tengo\s+decidido", r"tengo\s+un\s+plan", r"vou\s+fazer",
        r"ja\s+decidi", r"tenho\s+um\s+plano", r"je\s+vais\s+le\s+faire", r"j'?ai\s+un\s+plan", r"c'?est\s+decide",
        r"ich\s+mach\s+es", r"ich\s+habe\s+einen\s+plan", r"steht\s+fest", r"going\s+to", r"gonna", r"i\s*ll",
        r"i\s+will", r"decided", r"ready", r"plan\w*", r"made\s+up", r"voy\s+a", r"decidi\w*", r"vou", r"je\s+vais",
        r"decide", r"werde", r"entschieden"),
    "finality": _words(r"despedirme", r"me\s+despido", r"ultimo\s+mensaje", r"regale", r"regalar", r"borrar",
        r"borre", r"cuiden", r"perdon\s+por\s+todo", r"ultima\s+vez", r"me\s+despeco", r"ultima\s+mensagem", r"doei",
        r"apaguei", r"apagar", r"cuidem", r"desculpem\s+por\s+tudo", r"dernier\s+message", r"donne", r"supprime\w*",
        r"pardon\s+pour\s+tout", r"prenez\s+soin", r"verabschieden", r"letzte\s+nachricht", r"verschenkt",
        r"geloscht", r"loesche", r"losche", r"verzeiht", r"passt\s+auf", r"goodbye", r"bye", r"farewell", r"last",
        r"final", r"letters?", r"note", r"gave\s+away", r"give\s+away", r"giving\s+away", r"delet\w*", r"affairs",
        r"in\s+order", r"won'?t\s+need", r"wont\s+be\s+around", r"won'?t\s+be\s+(?:here|around)", r"forgive\s+me",
        r"whoever\s+finds", r"take\s+care\s+of\s+(?:my|him|her)", r"sorry\s+for\s+everything", r"adios",
        r"despedi\w*", r"ultim[oa]", r"carta", r"adeus", r"adieu", r"derniere?", r"lettre", r"abschied",
        r"letzte\w*", r"lebt\s+wohl", r"tschuss"),
    "burden": _words(r"mejor\s+sin\s+mi", r"estarian\s+mejor", r"molestia", r"melhor\s+sem\s+mim", r"um\s+peso",
        r"atrapalho", r"mieux\s+sans\s+moi", r"un\s+poids", r"besser\s+ohne\s+mich", r"belastung", r"zur\s+last",
        r"burden", r"better\s+off", r"without\s+me", r"weight\s+on", r"trouble\s+to", r"in\s+the\s+way", r"carga",
        r"estorbo", r"peso", r"fardeau"),
    "hopeless": _words(r"no\s+aguanto", r"no\s+tiene\s+sentido", r"sin\s+salida", r"nada\s+tiene\s+sentido",
        r"estoy\s+cansad[oa]\s+de\s+vivir", r"nao\s+vejo\s+saida", r"sem\s+sentido", r"cansad[oa]\s+de\s+viver",
        r"plus\s+envie", r"aucun\s+sens", r"fatigue\s+de\s+vivre", r"marre\s+de\s+vivre", r"keinen\s+ausweg",
        r"hat\s+keinen\s+sinn", r"keine\s+kraft", r"mude\s+vom\s+leben", r"kein\s+bock\s+mehr",
        r"can'?t\s+do\s+this", r"cant\s+do\s+this", r"no\s+point", r"pointless", r"no\s+reason", r"give\s+up",
        r"giving\s+up", r"can'?t\s+go\s+on", r"cant\s+go\s+on", r"tired\s+of\s+(?:living|life|being)", r"anymore",
        r"no\s+way\s+out", r"trapped", r"no\s+puedo\s+mas", r"ya\s+no", r"nao\s+aguento", r"nao\s+aguento\s+mais",
        r"j'?en\s+peux\s+plus", r"plus\s+la\s+force", r"kann\s+nicht\s+mehr", r"keinen\s+sinn", r"sinnlos"),
    "other": _words(r"mi\s+amig[oa]", r"mi\s+herman[oa]", r"mi\s+hij[oa]", r"mi\s+madre", r"mi\s+padre",
        r"meu\s+amigo", r"minha\s+amiga", r"meu\s+irmao", r"minha\s+mae", r"meu\s+pai", r"mon\s+ami", r"mon\s+frere",
        r"ma\s+soeur", r"ma\s+mere", r"mon\s+pere", r"mein\s+freund", r"meine\s+freundin", r"mein\s+bruder",
        r"meine\s+schwester", r"meine\s+mutter", r"mein\s+vater", r"he", r"she", r"they", r"his", r"her", r"him",
        r"friend", r"brother", r"sister", r"son", r"daughter", r"mum", r"mom", r"dad", r"husband", r"wife",
        r"partner", r"grandma", r"grandpa", r"uncle", r"aunt", r"cousin", r"character", r"el", r"ella", r"ele",
        r"ela", r"il", r"elle", r"er", r"sie"),
    "past": _words(r"hace\s+\w+\s+anos", r"antes\s+me", r"ya\s+no\s+me", r"limpi[ao]\s+desde", r"ha\s+\w+\s+anos",
        r"eu\s+costumava", r"il\s+y\s+a\s+\w+\s+ans", r"avant\s+je", r"depuis\s+\w+\s+(?:mois|ans)",
        r"vor\s+\w+\s+jahren", r"fruher", r"frueher", r"seit\s+\w+\s+(?:monaten|jahren)", r"used\s+to",
        r"years?\s+ago", r"clean\s+for", r"sober", r"recover\w*", r"back\s+then", r"in\s+the\s+past",
        r"when\s+i\s+was", r"survived", r"therapy\s+helped", r"better\s+now", r"hace\s+anos", r"ha\s+anos",
        r"il\s+y\s+a\s+des\s+annees", r"vor\s+jahren"),
    "help": _words(r"helpline", r"hotline", r"988", r"samaritans", r"crisis\s+line", r"therapist", r"counsell?or",
        r"how\s+(?:do|can)\s+i\s+help", r"support\s+(?:him|her|them)", r"safety\s+plan"),
    "negation": _words(r"never", r"not", r"don'?t", r"dont", r"won'?t", r"wont", r"wouldn'?t", r"no", r"nunca",
        r"jamais", r"nie", r"niemals"),
    "height": _words(r"roof\w*", r"bridge", r"cliff\w*", r"balcon\w*", r"car\s+park",
        r"parking\s+(?:garage|structure)", r"tower", r"ledge", r"top\s+floor", r"\d+(?:st|nd|rd|th)\s+floor",
        r"how\s+high", r"high\s+enough", r"quarry", r"overpass", r"viaduct\w*", r"azotea", r"puente", r"edificio",
        r"piso\s+\d+", r"telhado", r"ponte", r"predio", r"andar", r"viaduto", r"toit", r"pont", r"falaise", r"etage",
        r"immeuble", r"dach", r"brucke", r"bruecke", r"hochhaus", r"stock(?:werk)?", r"klippe"),
    "sleep_forever": _words(r"sleep\s+forever", r"go\s+to\s+sleep\s+and", r"long\s+sleep", r"eternal", r"forever",
        r"final\s+rest", r"rest\s+now", r"not\s+have\s+to\s+wake", r"dormir\s+para\s+siempre", r"para\s+siempre",
        r"dormir\s+pra\s+sempre", r"pra\s+sempre", r"para\s+sempre", r"dormir\s+pour\s+toujours", r"pour\s+toujours",
        r"fur\s+immer", r"fuer\s+immer", r"fur\s+immer\s+schlafen", r"einschlafen"),
    "rehome": _words(r"rehom\w*", r"new\s+home\s+for", r"home\s+for\s+(?:my|the)\s+(?:cat|dog|pets?)",
        r"look\s+after\s+(?:my|the)\s+(?:cat|dog|kids|pets?|plants)", r"my\s+(?:cat|dog)\s+to", r"nuevo\s+hogar",
        r"cuiden\s+a\s+mi", r"cuida\s+(?:do|da)\s+meu", r"adote", r"adoptez", r"s'?occuper\s+de\s+mon",
        r"kummert\s+euch", r"kuemmert\s+euch", r"nehmt\s+meine?n?"),
    "accounts": _words(
        r"delet\w*\s+(?:my\s+)?(?:accounts?|socials|profiles?|instagram|insta|tiktok|facebook|discord)",
        r"deactivat\w*", r"scheduled", r"password\w*", r"log\s*ins?", r"borr\w+\s+(?:mis\s+)?(?:cuentas|redes)",
        r"apag\w+\s+(?:minhas\s+)?(?:contas|redes)", r"supprim\w+\s+(?:mes\s+)?(?:comptes|reseaux)",
        r"losch\w+\s+(?:meine\s+)?(?:accounts|konten)", r"loesch\w+"),
    "alone": _words(r"nobody(?:'?s|\s+is)\s+home", r"house\s+(?:is|will\s+be)\s+empty",
        r"no\s+one\s+will\s+(?:find|know|notice)", r"alone\s+tonight", r"while\s+(?:they|everyone)",
        r"won'?t\s+be\s+back\s+until", r"away\s+for\s+the\s+weekend", r"sol[oa]\s+en\s+casa",
        r"nadie\s+(?:se\s+)?(?:va\s+a\s+)?(?:dar\s+cuenta|enterar)", r"sozinh[oa]\s+em\s+casa", r"ninguem\s+vai",
        r"seul[e]?\s+(?:a\s+la\s+maison|ce\s+soir)", r"personne\s+ne", r"allein\s+zu\s+hause",
        r"niemand\s+(?:wird|merkt)"),
    "supporter": _words(r"if\s+you\s+need", r"dm\s+me", r"you'?re\s+not\s+alone", r"sending\s+(?:hugs|love)",
        r"proud\s+of\s+you", r"here\s+for\s+you", r"you\s+got\s+this", r"hang\s+in\s+there", r"aqui\s+estoy",
        r"no\s+estas\s+sol[oa]", r"estou\s+aqui", r"voce\s+nao\s+esta\s+sozinh[oa]", r"je\s+suis\s+la",
        r"t'?es\s+pas\s+seul", r"ich\s+bin\s+da", r"du\s+bist\s+nicht\s+allein"),
    "humour": _words(r"lol", r"lmao", r"lmfao", r"haha\w*", r"jaja\w*", r"kkk+", r"rsrs", r"mdr", r"ptdr", r"xd"),
    "future": _words(r"next\s+(?:week|month|year|session)", r"looking\s+forward", r"can'?t\s+wait", r"see\s+you",
        r"tomorrow'?s\s+session", r"la\s+semana\s+que\s+viene", r"nos\s+vemos", r"ate\s+(?:amanha|semana)",
        r"a\s+la\s+semaine", r"a\s+plus", r"bis\s+(?:morgen|nachste|naechste|bald)", r"freue\s+mich"),
    "gratitude": _words(r"thank\s+you", r"thanks", r"grateful", r"gracias", r"obrigad[oa]", r"merci", r"danke"),
    "recent": _words(r"anoche", r"ayer", r"de\s+nuevo", r"ontem", r"ontem\s+a\s+noite", r"hier\s+soir",
        r"a\s+nouveau", r"gestern", r"schon\s+wieder", r"gerade", r"again", r"last\s+night", r"yesterday",
        r"this\s+morning", r"just\s+now", r"an\s+hour\s+ago", r"right\s+now", r"rn", r"deeper", r"fresh",
        r"otra\s+vez", r"de\s+novo", r"encore", r"wieder"),
}

CUE_NAMES = tuple(sorted(set(_CUES) | {"question", "number"}))
# Pairs are formed only among these (the others stand alone): enough for "means+time" or
# "self+death", few enough that pairs don't outnumber the messages they are learned from.
_PAIRED = frozenset({"self", "death", "selfharm", "means", "amount", "time", "intent", "finality", "burden",
                     "hopeless", "other", "past", "height", "alone", "negation", "question", "recent"})

# Compiled once: plain words go in a dict (one look-up per distinct word of a message);
# everything else (phrases, word stems, optional apostrophes) in one alternation per family.
_PLAIN = re.compile(r"[a-z0-9]+")
_WORD_CUES: dict[str, set[str]] = {}
_PHRASES: dict[str, list[str]] = {}
for _name, _alts in _CUES.items():
    for _alt in _alts:
        if _PLAIN.fullmatch(_alt):
            _WORD_CUES.setdefault(_alt, set()).add(_name)
        else:
            _PHRASES.setdefault(_name, []).append(_alt)
# Phrases are tried only where a word starts with their first two letters: each phrase is
# filed under the two letters its literal beginning starts with (phrases that don't begin with
# two letters go to a small rest that scans the whole text). Per message that is one dict
# look-up per word instead of a scan of every phrase at every position.
_LITERAL = re.compile(r"[a-z]{2}")
_BUCKETS: dict[str, dict[str, list[str]]] = {}
_REST: dict[str, list[str]] = {}
for _family, _phrases in _PHRASES.items():
    for _phrase in _phrases:
        _m = _LITERAL.match(_phrase)
        if _m:
            _BUCKETS.setdefault(_m.group(), {}).setdefault(_family, []).append(_phrase)
        else:
            _REST.setdefault(_family, []).append(_phrase)


def _alternation(by_family: dict[str, list[str]]) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(f"(?P<{n}>" + "|".join(a) + ")" for n, a in sorted(by_family.items()))
                      + r")\b")


_BUCKET_RE = {k: _alternation(v) for k, v in _BUCKETS.items()}
_REST_RE = re.compile(r"\b" + _alternation(_REST).pattern) if _REST else None
_WORD_START = re.compile(r"\b[a-z]{2}")
_TOKEN = re.compile(r"[a-z0-9]+")
_DIGITS = re.compile(r"[0-9]")


def cues(text: str) -> list[str]:
    """Cue features of a lower-case text: ``q:<name>`` for each family present, and
    ``q:<a>+<b>`` for each pair present together."""
    present: set[str] = set()
    for tok in set(_TOKEN.findall(text)):
        names = _WORD_CUES.get(tok)
        if names:
            present |= names
    for start in _WORD_START.finditer(text):
        regex = _BUCKET_RE.get(start.group())
        if regex is not None:
            m = regex.match(text, start.start())
            if m is not None and m.lastgroup:
                present.add(m.lastgroup)
    if _REST_RE is not None:
        for m in _REST_RE.finditer(text):
            if m.lastgroup:
                present.add(m.lastgroup)
    if "?" in text:
        present.add("question")
    if _DIGITS.search(text):
        present.add("number")
    found = [name for name in CUE_NAMES if name in present]
    out = ["q:" + name for name in found]
    paired = [name for name in found if name in _PAIRED]
    out.extend("q:" + a + "+" + b for a, b in combinations(paired, 2))
    return out

"""Social media handles and usernames, in the five room languages.

* ``@name`` (not ``@everyone``, ``@mods`` …) and ``u/name``;
* a platform word followed by a cue: "my insta is …", "snap: …", "ig - @…", "steam: …",
  "mi insta es …", "meu insta é …", "mon insta c'est …", "mein insta ist …";
* an invitation naming a platform: "add me on snap: …", "hmu on snap, it's …", "look me up
  on instagram, its …", "sígueme en instagram: …", "me segue no insta: …", "ajoute-moi
  sur snap: …", "folge mir auf insta: …", "snap me at …";
* a username cue: "username is …", "my gamertag: …", "steam name is …", "my epic id is …",
  "mi usuario es …", "meu user no discord é …", "mon pseudo c'est …", "mein
  Benutzername ist …", "my @ is …";
* "I'm quietfox22 on discord" (a username-looking token: digits, ``_``, ``.`` or ``#``).

After an explicit cue any token counts unless it is an ordinary word ("my insta is
private", "mi insta es privado", "mein discord ist kaputt"); without one ("my insta
sarah_k") the token must look like a username.
"""

from __future__ import annotations

import re

from moderation.normalize import Normalized
from moderation.rules.pii.numbers import Hit
from moderation.rules.wordlists import COMMON_WORDS

__all__ = ["find_handles"]

_CODE = "handle"
_MENTION_OK = frozenset(
    "everyone here all channel mods mod moderator moderators facilitator facilitators "
    "host team room".split()
)
_AT_HANDLE = re.compile(r"(?<![\w@.])@([a-z0-9_][a-z0-9_.]{1,29})(?![a-z0-9_@])")
_REDDIT = re.compile(r"(?<![\w/])/?u/[a-z0-9_\-]{3,20}(?![a-z0-9_\-])")
_PLATFORM = (
    r"(?:insta|instagram|ig|snap|snapchat|sc|tiktok|tik\s+tok|tt|twitter|x|discord|telegram|"
    r"tg|kik|reddit|fb|facebook|face|whatsapp|twitch|youtube|yt|threads|bluesky|bsky|"
    r"linkedin|venmo|cashapp|cash\s+app|skype|psn|xbox|gamertag|wechat|viber|steam|epic|"
    r"roblox|minecraft|battlenet|battle\.net|riot|valorant|fortnite|nintendo|switch|signal|"
    r"line|kakao|pinterest|onlyfans|github|spotify|soundcloud|letterboxd|goodreads|vsco|"
    r"bereal|tumblr|mastodon|deviantart|ao3|wattpad)(?![a-z])"
)
_IS = r"(?:is|=|:|-|->|at|es|e|est|c'est|ist|son|sind|sao)"
_NOUN = (
    r"(?:handle|name|username|user|id|tag|account|acc|@|usuario|nombre|cuenta|nome|conta|"
    r"pseudo|compte|benutzername|konto|nick|nickname)"
)
_TOKEN = r"@?([a-z0-9_][a-z0-9_.#\-]{2,31})"
# Platform names that are also everyday words need "my …" or a colon before the handle.
_AMBIGUOUS = frozenset("x face line switch signal epic steam riot tt sc threads".split())
_PLATFORM_CUED = re.compile(
    rf"(?<![a-z])(?P<platform>{_PLATFORM})(?:'s)?(?:[ \t]*{_NOUN})?[ \t]*(?P<cue>{_IS})[ \t]*"
    rf"{_TOKEN}(?![a-z0-9_])"
)
_POSSESSIVE = re.compile(r"(?:my|mi|meu|mon|mein|his|her|our)\s+$")
_INVITE = (
    r"(?:add|follow|find|dm|message|hit|look|snap|text)\s+me\s+(?:up\s+)?(?:on|at|@|in)|"
    r"hmu\s+(?:on|at)|"
    r"(?:sigueme|siganme|agregame|anademe|escribeme|buscame|hablame)\s+(?:en|por)|"
    r"(?:me\s+segue|me\s+sigam|segue-me|me\s+add|me\s+adiciona|adiciona-me|me\s+chama|"
    r"me\s+procura)\s+(?:no|na|em|pelo|pela)|"
    r"(?:suis-moi|suivez-moi|ajoute-moi|ajoutez-moi|ecris-moi|contacte-moi)\s+(?:sur|par)|"
    r"(?:folg(?:e|t)\s+mir|adde?\s+mich|schreib\s+mir)\s+(?:auf|bei|in|uber)"
)
_PLATFORM_ADD = re.compile(
    rf"(?:{_INVITE})\s+{_PLATFORM}\s*[:,\-]?\s*"
    r"(?:it'?s\s+|its\s+|as\s+|at\s+|i'?m\s+|es\s+|e\s+|c'est\s+|ist\s+|soy\s+|sou\s+)?"
    rf"{_TOKEN}(?![a-z0-9_])(?:\s+[a-z][a-z'\-]+(?![a-z0-9_]))?"
)
_SNAP_ME = re.compile(rf"(?:snap|dm|message|text)\s+me\s+(?:at|@)\s*{_TOKEN}(?![a-z0-9_])")
_USERNAME_CUED = re.compile(
    rf"(?:user\s*name|handle|gamer\s*tag|screen\s*name|display\s*name|usuario|pseudo|"
    rf"benutzername|nickname|nick|(?:my|mi|meu|mon|mein)\s+(?:user|@)|"
    rf"(?:steam|epic|game|gaming|xbox|psn|online|account|discord|server|twitch|switch|"
    rf"roblox|riot|battlenet|minecraft|fortnite)\s+(?:name|id))"
    rf"(?:\s+(?:on|no|na|en|sur|auf|in|de|do|da)\s+{_PLATFORM})?"
    rf"\s*{_IS}\s*{_TOKEN}(?![a-z0-9_])"
)
_PLATFORM_BARE = re.compile(
    rf"(?:my|on)\s+{_PLATFORM}\s+(?:handle\s+|username\s+|account\s+)?{_TOKEN}(?![a-z0-9_])"
)
_ON_AS = re.compile(
    rf"(?:on|no|na|en|sur|auf|in)\s+{_PLATFORM}\s+(?:as|como|comme|als)\s+{_TOKEN}(?![a-z0-9_])"
)
_I_AM_ON = re.compile(
    r"(?:i'?m|i\s+am|soy|sou|je\s+suis|ich\s+bin)\s+"
    rf"{_TOKEN}\s+(?:on|en|no|na|sur|auf|in)\s+{_PLATFORM}(?![a-z])"
)
_HANDLE_STOP = COMMON_WORDS | frozenset("""
private public down deleted gone dead boring broken blocked banned hacked weird toxic full
empty app account story stories post posts page feed messages message dms dm lol haha
group chat chats anymore same better worse literally embarrassing cringe cringey awful
terrible dumb stupid funny cute old mess trash garbage great fine active new inactive
locked suspended private. huge massive tiny empty quiet dead always never also only
privado privada borrado borrada cerrado cerrada nuevo nueva viejo vieja mierda horrible
apagado apagada fechado fechada velho velha tambem ruim chato chata prive privee nul
nulle ferme fermee supprime nouveau nouvelle vieux privat kaputt geloscht gesperrt neu
alt langweilig peinlich schlecht doof blod leer una uno mas yo wenn weil auch
insta instagram snap snapchat tiktok twitter discord telegram reddit facebook whatsapp
twitch youtube steam xbox psn basically completely actually honestly kinda sorta
practically currently literally totally pretty super
""".split())


def _handle_ok(token: str, strict: bool) -> bool:
    t = token.strip(".-#").lower()
    if len(t) < 3 or t in _HANDLE_STOP:
        return False
    if strict:
        # Without an explicit cue we need something that looks like a username.
        return any(c.isdigit() or c in "_.#" for c in t)
    return True


_PLATFORM_WORDS = frozenset(
    re.findall(r"[a-z0-9]+", _PLATFORM.split("(?![a-z])")[0].replace(r"\s+", " "))
) - {"tik", "tok", "cash", "app", "battle", "net"} | {"tiktok", "cashapp", "battlenet"}
_NOUN_WORDS = frozenset(
    "username user handle gamertag gamer screen display usuario pseudo benutzername nickname "
    "nick game gaming account server online".split()
)


def find_handles(n: Normalized) -> list[Hit]:
    """Handle hits (code ``handle``) in normalized coordinates."""
    low, words = n.lower, n.words
    platform = not words.isdisjoint(_PLATFORM_WORDS) or "tik tok" in low
    if not platform and words.isdisjoint(_NOUN_WORDS) and "@" not in low and "u/" not in low:
        return []
    hits: list[Hit] = []
    if "@" in low:
        for m in _AT_HANDLE.finditer(low):
            if m.group(1).rstrip(".") not in _MENTION_OK:
                end = m.end()
                while end > m.start() + 2 and low[end - 1] == ".":
                    end -= 1
                hits.append((m.start(), end, _CODE))
    if "u/" in low:
        hits.extend((m.start(), m.end(), _CODE) for m in _REDDIT.finditer(low))
    for m in _PLATFORM_CUED.finditer(low) if platform else ():
        owned = _POSSESSIVE.search(low, max(0, m.start() - 6), m.start()) is not None
        colon = m.group("cue") in (":", "=", "-", "->")
        if m.group("platform") in _AMBIGUOUS and not (owned or colon):
            continue
        if _handle_ok(m.group(3), strict=not (owned or colon)):
            at = 1 if low[m.start(3) - 1] == "@" else 0
            hits.append((m.start(3) - at, m.end(), _CODE))
    patterns = (_PLATFORM_ADD, _SNAP_ME, _PLATFORM_BARE, _USERNAME_CUED, _I_AM_ON, _ON_AS) if platform \
        else (_SNAP_ME, _USERNAME_CUED)
    for pat in patterns:
        strict = pat is _PLATFORM_BARE or pat is _I_AM_ON or pat is _ON_AS
        for m in pat.finditer(low):
            if not _handle_ok(m.group(1), strict=strict):
                continue
            end = m.end(1) if pat is _I_AM_ON else m.end()
            if pat is _PLATFORM_ADD and m.end() > m.end(1):
                # "find me on facebook as Carla Mendes": keep a surname-like word.
                tail = low[m.end(1):m.end()].strip()
                if tail in _HANDLE_STOP or not n.text[m.end() - len(tail)].isupper():
                    end = m.end(1)
            hits.append((m.start(1), end, _CODE))
    return hits

"""Pure detectors for contact details: emails, phones, street addresses, social handles.

Every detector takes a :class:`~moderation.normalize.Normalized` view and returns
``(start, end, code)`` triples in NORMALIZED coordinates; the caller maps them back.
All regexes are compiled once at import and written to stay linear (no nested unbounded
quantifiers over overlapping classes).
"""

from __future__ import annotations

import re

import phonenumbers

from moderation.normalize import Normalized

__all__ = ["find_emails", "find_phones", "find_addresses", "find_handles", "Hit"]

Hit = tuple[int, int, str]

_TLDS = (
    r"(?:com|net|org|edu|gov|io|co|uk|us|ca|au|de|fr|nl|me|info|ie|nz|es|ch|se|no|dk|be|"
    r"biz|mail)"
)
_DOT = r"(?:\.|\s*[\(\[\{<]\s*dot\s*[\)\]\}>]\s*|\s+dot\s+)"
_AT = r"(?:\s*@\s*|\s*[\(\[\{<]\s*at\s*[\)\]\}>]\s*|\s+at\s+)"
_LOCAL_CHARS = r"[a-z0-9_%+\-]"

_EMAIL = re.compile(
    r"(?<![a-z0-9._%+\-])[a-z0-9_%+\-][a-z0-9._%+\-]{0,63}@[a-z0-9\-]{1,63}"
    r"(?:\.[a-z0-9\-]{1,63}){0,4}\.[a-z]{2,24}(?![a-z0-9])"
)
_EMAIL_OBFUSCATED = re.compile(
    rf"(?<![a-z0-9_%+\-]){_LOCAL_CHARS}{{1,64}}(?:{_DOT}{_LOCAL_CHARS}{{1,64}}){{0,3}}{_AT}"
    rf"[a-z0-9\-]{{1,63}}(?:{_DOT}[a-z0-9\-]{{1,63}}){{0,2}}{_DOT}{_TLDS}(?![a-z0-9])"
)
_PROVIDERS = r"(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|protonmail|proton|aol|gmx|ymail)"
_EMAIL_PROVIDER = re.compile(
    rf"(?<![a-z0-9_%+\-])({_LOCAL_CHARS}{{2,64}}(?:{_DOT}{_LOCAL_CHARS}{{1,64}}){{0,3}}){_AT}"
    rf"{_PROVIDERS}(?![a-z])"
)
_NOT_LOCAL = frozenset(
    "me us him her them you it or and is my email mail dm message text reach find here "
    "there on at through via using use".split()
)
_EMAIL_HINT = re.compile(r"@|[\(\[\{<]\s*at\s*[\)\]\}>]|\sat\s")


def find_emails(n: Normalized) -> list[Hit]:
    low = n.lower
    if not _EMAIL_HINT.search(low):
        return []
    hits: list[Hit] = [(m.start(), m.end(), "email") for m in _EMAIL.finditer(low)]
    for m in _EMAIL_OBFUSCATED.finditer(low):
        hits.append((m.start(), m.end(), "email"))
    for m in _EMAIL_PROVIDER.finditer(low):
        if m.group(1).strip() not in _NOT_LOCAL:
            hits.append((m.start(), m.end(), "email"))
    return hits


# --- phones -----------------------------------------------------------------------------

_PHONE_CANDIDATE = re.compile(
    r"(?<![\w$£€¥.,/:+\-])(?:\+\s?)?\(?\d(?:[ \t().\-]{0,3}\d){5,16}(?![\w%°/:])"
)
_DATE_SHAPE = re.compile(r"^\(?\d{1,4}[-. ]\d{1,2}[-. ]\d{1,4}\)?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_PHONE_SHAPE = re.compile(r"^\+|^\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}$")
_US_LOCAL = re.compile(r"^\d{3}[ .\-]\d{4}$")
_ID_CONTEXT = re.compile(
    r"(?:order|ticket|case|ref|reference|tracking|invoice|isbn|version|ver|v|id|serial|"
    r"confirmation|booking|policy|claim|account|acct|#)\W{0,3}$"
)


def _is_phone(cand: str, before: str, region: str) -> bool:
    digits = "".join(c for c in cand if c.isdigit())
    nd = len(digits)
    if nd < 7 or nd > 15:
        return False
    stripped = cand.strip()
    if _ID_CONTEXT.search(before[-24:]) and not _PHONE_SHAPE.match(stripped):
        return False  # "order #12345678", unless it is formatted like a phone number
    groups = re.findall(r"\d+", cand)
    if len(groups) >= 2 and all(_YEAR.match(g) for g in groups):
        return False  # "2019 2020", "1998-2004"
    if _DATE_SHAPE.match(stripped) and any(_YEAR.match(g) for g in groups):
        return False  # 2024-05-12, 12.05.2024
    if stripped.startswith("+"):
        return nd >= 8
    if nd >= 10:
        return True
    if len(groups) == 1 and digits.endswith("000"):
        return False  # 1000000: a count, not a phone
    if _US_LOCAL.match(stripped):
        return True
    try:
        parsed = phonenumbers.parse(stripped, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(parsed))


def _digit_count_at_least(text: str, k: int) -> bool:
    count = 0
    for c in text:
        if c.isdigit():
            count += 1
            if count >= k:
                return True
    return False


_LETTER_DIGITS = re.compile(r"(?<=\d)[oil](?=\d)|(?<=\d\d)o(?![a-z])")
_LETTER_DIGIT_MAP = {"o": "0", "i": "1", "l": "1"}


def find_phones(n: Normalized, region: str) -> list[Hit]:
    low = n.lower
    if not _digit_count_at_least(low, 6):
        return []
    # "555 867 53O9": letters standing in for digits inside a number (same length).
    low = _LETTER_DIGITS.sub(lambda m: _LETTER_DIGIT_MAP[m.group()], low)
    if not _digit_count_at_least(low, 7):
        return []
    hits: list[Hit] = []
    for m in _PHONE_CANDIDATE.finditer(low):
        cand = m.group()
        # Trim a trailing ")" or separator that belongs to the prose, not the number.
        end = m.end()
        if cand.endswith(")") and cand.count("(") < cand.count(")"):
            end -= 1
            cand = cand[:-1]
        if _is_phone(cand, low[max(0, m.start() - 24):m.start()], region):
            hits.append((m.start(), end, "phone"))
    return hits


# --- street addresses -------------------------------------------------------------------

_SUFFIX = (
    r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|"
    r"place|pl|terrace|circle|cir|parkway|pkwy|highway|hwy|close|crescent|cres|square|sq|"
    r"grove|gardens|row|mews|trail|alley|plaza|strasse|straße|rue|calle)"
)
_UNIT = r"(?:,?\s*(?:apt|apartment|unit|suite|ste|flat|#)\.?\s*#?[a-z0-9]{1,5}(?![a-z0-9]))?"
_ADDR_NUMBERED = re.compile(
    rf"(?<![\w$£€.,/:\-])(\d{{1,5}}[a-z]?),?\s+((?:[a-z0-9'.\-]+\s+){{1,4}}?){_SUFFIX}\.?"
    rf"(?![a-z]){_UNIT}"
)
_ADDR_LIVE_ON = re.compile(
    rf"(?:live|living|lives|moved|move|house|home|flat|apartment|place|stay|staying)\s+"
    rf"(?:is\s+|right\s+|now\s+)?(?:on|at|in)\s+((?:[a-z'.\-]+\s+){{1,3}}?){_SUFFIX}"
    rf"(?![a-z])"
)
_ADDR_IS = re.compile(r"(?:my|our|home|his|her|their)\s+address\s+is\s*:?\s*([^\n.!?;]{4,60})")
_UK_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z0-9]?\s?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])"
)
_POSTCODE_CUED = re.compile(
    r"(?:postcode|post code|zip code|zipcode|zip)\s*(?:is\s*)?:?\s*([a-z0-9]{2,4}[ \-]?[a-z0-9]{2,4})"
    r"(?![a-z0-9])"
)
_US_ZIP_STATE = re.compile(
    r"(?<![A-Za-z])(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|"
    r"MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)"
    r",?\s+\d{5}(?:-\d{4})?(?!\d)"
)
_PO_BOX = re.compile(r"p\.?\s?o\.?\s+box\s+\d{1,6}")
_ADDR_STOP = frozenset(
    "the a an to down up of my your his her our their this that from on in at across along "
    "into onto over under by for with and or but miles mile km blocks block minutes mins "
    "min hours hour times steps step days weeks years months more less than just only one "
    "two three four five people kids things ways which what where when all every other "
    "is was are were be been it its i you we they me him them so very too also".split()
)
_ADDR_HINT = re.compile(
    rf"(?<![a-z]){_SUFFIX}(?![a-z])|address|p\.?\s?o\.?\s+box|post ?code|zip|"
    r"[A-Z]{2},?\s+\d{5}|[A-Z]\d[A-Z0-9]?\s?\d[A-Z]{2}"
)


def _street_words_ok(words: str) -> bool:
    toks = words.split()
    return bool(toks) and not any(t.strip(".,'") in _ADDR_STOP for t in toks)


def find_addresses(n: Normalized) -> list[Hit]:
    low = n.lower
    if not _ADDR_HINT.search(low) and not _ADDR_HINT.search(n.text):
        return []
    hits: list[Hit] = []
    for m in _ADDR_NUMBERED.finditer(low):
        if _street_words_ok(m.group(2)):
            hits.append((m.start(), m.end(), "address"))
    for m in _ADDR_LIVE_ON.finditer(low):
        if _street_words_ok(m.group(1)):
            hits.append((m.start(1), m.end(), "address"))
    for m in _ADDR_IS.finditer(low):
        hits.append((m.start(1), m.end(1), "address"))
    for m in _PO_BOX.finditer(low):
        hits.append((m.start(), m.end(), "address"))
    for m in _US_ZIP_STATE.finditer(n.text):
        hits.append((m.start(), m.end(), "address"))
    for m in _UK_POSTCODE.finditer(n.text):
        hits.append((m.start(), m.end(), "address"))
    for m in _POSTCODE_CUED.finditer(low):
        if any(c.isdigit() for c in m.group(1)):
            hits.append((m.start(1), m.end(1), "address"))
    return hits


# --- social handles ---------------------------------------------------------------------

_MENTION_OK = frozenset(
    "everyone here all channel mods mod moderator moderators facilitator facilitators "
    "host team room".split()
)
_AT_HANDLE = re.compile(r"(?<![\w@.])@([a-z0-9_][a-z0-9_.]{1,29})(?![a-z0-9_@])")
_REDDIT = re.compile(r"(?<![\w/])/?u/[a-z0-9_\-]{3,20}(?![a-z0-9_\-])")
_PLATFORM = (
    r"(?:insta|instagram|ig|snap|snapchat|sc|tiktok|tik tok|tt|twitter|discord|telegram|"
    r"tg|kik|reddit|fb|facebook|whatsapp|twitch|youtube|yt|threads|bluesky|bsky|"
    r"linkedin|venmo|cashapp|cash app|skype|psn|xbox|gamertag|wechat|viber|"
    r"tumblr|pinterest|mastodon)"
)
_CUE = r"(?:\s*(?:handle|name|username|user|id|tag|account|acc|@)?\s*(?:is|=|:|-|->|at)\s*)"
_HANDLE_TOKEN = r"@?([a-z0-9_][a-z0-9_.#\-]{2,31})"
_PLATFORM_CUED = re.compile(rf"(?<![a-z]){_PLATFORM}(?:'s)?{_CUE}{_HANDLE_TOKEN}(?![a-z0-9_])")
_PLATFORM_ADD = re.compile(
    rf"(?:add|follow|find|dm|message|hit)\s+me\s+(?:up\s+)?(?:on|at|@)\s+{_PLATFORM}"
    rf"\s*[:,\-]?\s*(?:it'?s\s+|as\s+|at\s+|i'?m\s+)?{_HANDLE_TOKEN}(?![a-z0-9_])"
    r"(?:\s+[a-z][a-z'\-]+(?![a-z0-9_]))?"
)
# "username is x", "my gamertag: x", "steam name is x" - platform-agnostic cues.
_USERNAME_CUED = re.compile(
    rf"(?:user\s*name|handle|gamer\s*tag|screen\s*name|display\s*name|"
    rf"(?:steam|game|gaming|xbox|psn|online|account|discord|server|twitch|switch)\s+(?:name|id))"
    rf"\s*(?:is|:|=|-)\s*{_HANDLE_TOKEN}(?![a-z0-9_])"
)
_PLATFORM_BARE = re.compile(
    rf"(?:my|on)\s+{_PLATFORM}\s+(?:handle\s+|username\s+|account\s+)?{_HANDLE_TOKEN}"
    rf"(?![a-z0-9_])"
)
_HANDLE_STOP = frozenset(
    "private public down deleted gone not a the an so too just my me dead boring off on "
    "broken blocked banned hacked down fine down weird toxic full empty app account "
    "because but and or if when since is was are were it its i im you your very really "
    "also only for with about of to from at in account story stories post posts page feed "
    "messages message dms dm private. lol haha group chat chats anymore again though same "
    "where what which who how back better worse like literally".split()
)
_HANDLE_HINT = re.compile(
    rf"@|u/|(?<![a-z]){_PLATFORM}(?![a-z])|name|handle|tag"
)


def _handle_ok(token: str, strict: bool) -> bool:
    t = token.strip(".-#").lower()
    if len(t) < 3 or t in _HANDLE_STOP:
        return False
    if strict:
        # Without an explicit cue we need something that looks like a username.
        return any(c.isdigit() or c in "_.#" for c in t)
    return True


def find_handles(n: Normalized) -> list[Hit]:
    low = n.lower
    if not _HANDLE_HINT.search(low):
        return []
    hits: list[Hit] = []
    for m in _AT_HANDLE.finditer(low):
        if m.group(1).rstrip(".") not in _MENTION_OK:
            end = m.end()
            while end > m.start() + 2 and low[end - 1] == ".":
                end -= 1
            hits.append((m.start(), end, "handle"))
    for m in _REDDIT.finditer(low):
        hits.append((m.start(), m.end(), "handle"))
    for m in _PLATFORM_CUED.finditer(low):
        if _handle_ok(m.group(1), strict=False):
            hits.append((m.start(1) - (1 if low[m.start(1) - 1] == "@" else 0), m.end(), "handle"))
    for pat in (_PLATFORM_ADD, _PLATFORM_BARE, _USERNAME_CUED):
        for m in pat.finditer(low):
            if _handle_ok(m.group(1), strict=pat is _PLATFORM_BARE):
                end = m.end()
                if pat is _PLATFORM_ADD and m.end() > m.end(1):
                    # "find me on facebook as Carla Mendes": keep a surname-like word.
                    tail = low[m.end(1):m.end()].strip()
                    if tail in _HANDLE_STOP or not n.text[m.end() - len(tail)].isupper():
                        end = m.end(1)
                hits.append((m.start(1), end, "handle"))
    return hits

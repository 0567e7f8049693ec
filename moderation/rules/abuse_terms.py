"""Built-in abuse word list with severities 1-4 (data only).

Deliberately modest: a deployment should extend it per community with blocked terms.
Severity guide:
  1 profanity (venting is normal in a support group; acts only at the strictest level)
  2 directed insults and dismissiveness
  3 harassment, demeaning terms, ableist/sexual slurs, "you're worthless"
  4 telling someone to kill themselves, threats, identity slurs
Entries are words or short phrases in lower case; matching is on whole words, tolerant of
repeated letters ("fuuuck"), masked vowels ("f*ck"), leetspeak and separators.
"""

from __future__ import annotations

__all__ = ["TERMS"]

TERMS: dict[int, tuple[str, ...]] = {
    1: (
        "fuck", "fucking", "fucked", "fucker", "fck", "fk", "shit", "shitty", "bullshit",
        "crap", "crappy", "ass", "arse", "bastard", "piss", "pissed", "bollocks", "wtf",
        "damn it", "goddamn", "dick", "cock", "bloody hell", "douche",
    ),
    2: (
        "idiot", "idiots", "moron", "morons", "imbecile", "dumbass", "jackass", "asshole",
        "arsehole", "shut up", "stfu", "loser", "you are stupid", "you're stupid",
        "youre stupid", "ur stupid", "so stupid of you", "bitch", "prick", "twat", "douchebag",
        "you are pathetic", "you're pathetic", "youre pathetic", "just get over it",
        "drama queen", "nobody asked", "no one asked", "cry baby", "crybaby", "snowflake",
        "screw you", "man up", "you're an idiot", "shut the f up", "shut the fuck up",
        "you pig", "get lost loser",
    ),
    3: (
        "fuck you", "fuck u", "fuck off", "piss off", "fuck yourself", "go fuck yourself",
        "fat pig", "fat cow", "ugly cow", "you are worthless", "you're worthless",
        "youre worthless", "ur worthless", "nobody cares about you", "no one cares about you",
        "nobody likes you", "no one likes you", "attention seeker", "attention seeking",
        "attention whore", "slut", "whore", "retard", "retarded", "cunt", "spastic", "spaz",
        "you deserve to suffer", "you're a psycho", "you psycho",
        "you freak", "waste of space", "waste of oxygen", "pathetic loser",
        "you're faking", "youre faking", "stop faking", "nobody wants you here",
        "no one wants you here", "you're disgusting", "you are disgusting",
    ),
    4: (
        "kill yourself", "kill urself", "kill your self", "kys", "go die", "hope you die",
        "you should die", "i hope you die", "drink bleach", "neck yourself", "rope yourself",
        "go hang yourself", "hang yourself", "slit your wrists", "i will kill you",
        "ill kill you", "i'll kill you", "i know where you live",
        "you should kill yourself", "do everyone a favour and die",
        "do everyone a favor and die", "faggot", "tranny",
    ),
}

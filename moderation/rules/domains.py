"""Bare domains found by shape and checked against the public-suffix list, offline.

``links.py`` already finds scheme URLs, ``www.`` hosts and bare domains with a handful of
common TLDs. This module finds the rest ("jane-doe.ai", "janedoe.page", "linktr.ee/x")
by checking the last labels of any ``word.word`` against the Public Suffix List snapshot
that ships inside ``tldextract`` (``suffix_list_urls=()`` and no cache directory: it
never touches the network or the disk beyond its own package data).

Most words are now top-level domains, so a sentence glued to the next one ("I'm
tired.so tired", "end.to be honest", "what a day.life goes on") must not become a link:

* a suffix that is also an everyday word ("so", "to", "it", "me", "life", "love", "today"…)
  only counts with a path ("tired.so/x"), a hyphen or digit in the name, or a link cue
  before it ("my site is …", "check out …", "visit …");
* a suffix written with a capital after the dot while the name is lower case
  ("tired.So") is a new sentence;
* file names ("notes.txt", "script.py", "README.md"), all-digit labels (versions,
  decimals) and abbreviations ("e.g.", "i.e.", "etc.") are not domains.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["find_bare_domains", "warm_up"]

_CANDIDATE = re.compile(
    r"(?<![@\w.\-])([a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,4})\.([a-z]{2,24})"
    r"(?![a-z0-9\-])(/[^\s<>\"'`]*)?"
)
_HINT = re.compile(r"[a-z0-9]\.[a-z]{2}")
_CUE = re.compile(
    r"(?:site|website|blog|page|portfolio|link|links|url|domain|visit|check\s+out|go\s+to|"
    r"head\s+to|find\s+me|find\s+it|sitio|web|pagina|lien|seite)\W{0,3}(?:is\W{0,3}|at\W{0,3}|"
    r"on\W{0,3}|es\W{0,3}|est\W{0,3}|ist\W{0,3}|:\W{0,3})?$"
)
_FILE_EXTENSIONS = frozenset(
    "txt pdf doc docx xls xlsx ppt pptx odt ods rtf csv tsv json xml yaml yml toml ini cfg "
    "conf log md rst tex html htm css js ts jsx tsx py pyc rb pl sh bat ps1 c h cpp hpp java "
    "kt go rs so dll exe bin app msi dmg apk ipa iso img zip rar gz tgz tar bz2 xz jpg jpeg "
    "png gif bmp svg webp heic tif tiff psd mp3 mp4 m4a wav flac ogg avi mov mkv wmv epub "
    "mobi bak tmp swp".split()
)
# Suffixes that are also everyday words in the supported languages.
_WORD_SUFFIXES = frozenset(
    "al am art as at baby bar be best bet boo by cafe care cool dad day deal diet do dog et "
    "eu fail family fish fit food free fun game games gift gold golf got green guide guru "
    "health help here house how il im in ink is ist it je kids kim la land life like live "
    "living lol love me men mit moi mom money movie music my na ne new news next ninja no "
    "now one open plus pub rocks run sale show si so space study style su sucks support surf "
    "talk tax team tips to today top travel video vote watch wedding wiki win wine work "
    "world wow wtf yoga you zone".split()
)
_ABBREVIATIONS = frozenset("e i eg ie etc vs approx no mr mrs ms dr st ps pp am pm".split())


@lru_cache(maxsize=1)
def _extractor() -> Any:
    import tldextract  # imported lazily: it pulls in requests, which the rest never needs

    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=())


@lru_cache(maxsize=4096)
def _split(host: str) -> tuple[str, str]:
    """(registrable name, public suffix) of ``host``; suffix "" when it has none."""
    ext = _extractor()(host)
    return str(ext.domain), str(ext.suffix)


def warm_up() -> None:
    """Load the suffix list now (at pipeline build) rather than on the first message."""
    _split("example.com")


def _is_domain(text: str, low: str, m: re.Match[str]) -> bool:
    host = f"{m.group(1)}.{m.group(2)}"
    labels = host.split(".")
    if any(label.isdigit() for label in labels) or labels[0] in _ABBREVIATIONS:
        return False
    name, suffix = _split(host)
    if not name or not suffix or name.isdigit():
        return False
    path = m.group(3)
    if path and len(path) > 1:
        return True
    if _CUE.search(low[max(0, m.start() - 24):m.start()]):
        return True  # "my site is tired.so"
    if labels[-1] in _FILE_EXTENSIONS:
        return False
    dot = m.start(2) - 1
    if text[dot + 1].isupper() and not any(c.isupper() for c in text[m.start():dot]):
        return False  # "tired.So tired": a new sentence
    if labels[-1] in _WORD_SUFFIXES or suffix in _WORD_SUFFIXES:
        return "-" in name or any(c.isdigit() for c in name)
    return True


def find_bare_domains(text: str, low: str) -> list[tuple[int, int]]:
    """Spans of bare domains (see module docstring); ``text`` and ``low`` have equal length."""
    if not _HINT.search(low):
        return []
    spans: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer(low):
        if _is_domain(text, low, m):
            spans.append((m.start(), m.end()))
    return spans

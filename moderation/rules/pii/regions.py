"""Which countries' local number and address formats a room should recognise.

A room has a ``phone_region`` (its main country) and a ``language``. People in a Spanish
room may be in Spain or Mexico, in a French room in France, Switzerland or Quebec, so the
phone detector tries the room's region first and then the regions its language implies.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["LANGUAGE_REGIONS", "candidate_regions"]

LANGUAGE_REGIONS: dict[str, tuple[str, ...]] = {
    "en": ("US", "CA", "GB", "IE", "AU"),
    "es": ("ES", "MX", "US"),
    "pt": ("PT", "BR"),
    "fr": ("FR", "CH", "CA"),
    "de": ("DE", "AT", "CH"),
}


@lru_cache(maxsize=256)
def candidate_regions(phone_region: str, language: str) -> tuple[str, ...]:
    """The room's region first, then those implied by its language, without duplicates."""
    out = [phone_region.upper()]
    for region in LANGUAGE_REGIONS.get(language.lower(), LANGUAGE_REGIONS["en"]):
        if region not in out:
            out.append(region)
    return tuple(out)

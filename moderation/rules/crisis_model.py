"""A small learned crisis classifier: pure-Python inference over shipped weights.

The hand-written rules (:mod:`crisis_patterns`, :mod:`crisis_cues`, :mod:`crisis_score`)
are precise on the wordings they were written for and miss many new ones. This model is
an additional signal, trained by ``tools/train_crisis_model.py`` (scikit-learn, training
only) on the hand-labelled corpora; the weights ship as a data module
(:mod:`crisis_model_weights`), decoded once at import. Nothing here does I/O.

Features: figures of speech are blanked with the scorer's idiom guard (and accidental
injuries, "cut myself shaving"), the text is cut to lower-case ``[a-z0-9]`` tokens
(apostrophes dropped: "i'm" -> "im"), then word unigrams and bigrams (``<word>``,
``<w1 w2>``) and character 3-5-grams of the space-joined tokens (padded with a space) are
looked up in a weight table. Features absent from the table weigh nothing, so no hashing
is needed and there are no collisions. Each occurrence counts once, and each head's sum is
scaled by ``1 / sqrt(number of features)`` so long messages do not drift. Two logistic
heads: ``crisis`` (plan or ideation vs. anything else) and ``plan`` (plan vs. ideation,
trained on crisis messages only); the probability of a plan is their product. Texts with
fewer than ``MIN_TOKENS`` tokens left after the guards are not scored (``p = 0``): a bag
of n-grams cannot judge "i died laughing" once "died laughing" is blanked.

How it combines with the rules (:func:`combine`): it never lowers a level and never
overrides the rules' ``"history"`` (negated or past mentions); it raises ideation on its
own only at high confidence, and a plan only at very high confidence or on top of the
rules' ideation. Thresholds are chosen by the training script on leave-one-file-out
predictions and shipped with the weights.

Cost is linear in the text: each token's own n-grams are summed once and cached (bounded
dict), so a message costs about seven look-ups per token boundary plus the regex passes;
about 20 µs at p50 and 60 µs at p99 on the corpus, about 100 µs for 300 characters, 1-6
ms for 4,000 characters (the pipeline's ``max_length``).
"""

from __future__ import annotations

import math
import re
from itertools import accumulate, repeat

from moderation.rules.crisis_lexicon import IDIOMS
from moderation.rules.crisis_model_weights import BIAS, ENCODED, THRESHOLDS, VERSION

__all__ = [
    "MAX_CHARS",
    "MIN_TOKENS",
    "MODEL_VERSION",
    "THRESHOLDS",
    "features",
    "probabilities",
    "scorable",
    "combine",
    "model_level",
]

MODEL_VERSION = VERSION
MAX_CHARS = 4000
MIN_TOKENS = 3
_TOKEN = re.compile(r"[a-z0-9]+")
# Accidental injuries, the same exceptions the rules make for "cut/burn/hurt myself".
_ACCIDENT = re.compile(
    r"\b(?:cut|cuts|cutting|burn|burnt|burned|burning|hurt|hurting)\s+my\s*self\s+"
    r"(?:shaving|cooking|chopping|slicing|gardening|on\s+(?:a|the|some)\b|by\s+accident|"
    r"accidentally|while\s+\w+ing)"
)
_APOS = re.compile(r"['\u2019`]")


def _decode(encoded: str) -> tuple[dict[str, float], dict[str, float]]:
    """``ENCODED`` -> (crisis-head weights, plan-head weights); zero weights are left out."""
    wa: dict[str, float] = {}
    wb: dict[str, float] = {}
    for record in encoded.split(";"):
        if not record:
            continue
        feat, a, b = record.split(",")
        if a != "0":
            wa[feat] = int(a, 36) / 1000.0
        if b != "0":
            wb[feat] = int(b, 36) / 1000.0
    return wa, wb


_WA, _WB = _decode(ENCODED)
_BIAS_CRISIS, _BIAS_PLAN = BIAS


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def _tokens(text: str) -> list[str]:
    text = _APOS.sub("", text[:MAX_CHARS])
    text = _ACCIDENT.sub(_blank, IDIOMS.sub(_blank, text))
    return _TOKEN.findall(text)


def _grams(s: str, n: int) -> list[str]:
    return [s[i:i + n] for i in range(len(s) - n + 1)]


def features(text: str) -> list[str]:
    """The feature strings of a lower-cased text (duplicates kept: counts matter).

    Word unigrams ``<w>`` and bigrams ``<a b>``, then the character 3-5-grams of the
    tokens joined by single spaces and padded with one space each side. This is the
    definition the model is trained on; :func:`probabilities` computes the same sums
    faster (see :func:`_sums`)."""
    tokens = _tokens(text)
    if not tokens:
        return []
    feats = [f"<{t}>" for t in tokens]
    feats += [f"<{a} {b}>" for a, b in zip(tokens, tokens[1:], strict=False)]
    s = " " + " ".join(tokens) + " "
    return feats + _grams(s, 3) + _grams(s, 4) + _grams(s, 5)


# Per-token share of the character n-grams that lie inside " token " (cached; bounded).
_TOKEN_CACHE: dict[str, tuple[float, float, int]] = {}
_CACHE_MAX = 50_000
_CACHE_TOKEN_MAX = 32


def _token_share(token: str) -> tuple[float, float, int]:
    """A token's unigram plus the character n-grams inside " token " (cached)."""
    hit = _TOKEN_CACHE.get(token)
    if hit is not None:
        return hit
    w = " " + token + " "
    grams = [f"<{token}>", *_grams(w, 3), *_grams(w, 4), *_grams(w, 5)]
    share = (sum(map(_WA.get, grams, repeat(0.0))), sum(map(_WB.get, grams, repeat(0.0))),
             len(grams))
    if len(token) <= _CACHE_TOKEN_MAX:
        if len(_TOKEN_CACHE) >= _CACHE_MAX:
            _TOKEN_CACHE.clear()
        _TOKEN_CACHE[token] = share
    return share


def _sums(text: str) -> tuple[list[str], float, float, int, int]:
    """``features(text)`` split for speed. Each token's unigram and the character n-grams
    inside the padded token are summed per token (cached). Every other n-gram of the
    joined string has a space strictly inside it, i.e. crosses a token boundary: for an
    interior space at ``p`` those start at ``p-1`` (3-grams), ``p-2``, ``p-1`` (4-grams) and
    ``p-3``, ``p-2``, ``p-1`` (5-grams), the ``p-3`` one only when the token before the space
    is longer than one character (otherwise it was already counted for the previous space).
    Returns the uncached features (bigrams and crossing n-grams), the cached crisis and plan
    sums, the total number of features and the number of tokens (texts with fewer than
    ``MIN_TOKENS`` tokens are not scored)."""
    tokens = _tokens(text)
    if len(tokens) < MIN_TOKENS:
        return [], 0.0, 0.0, 0, len(tokens)
    a = b = 0.0
    count = 0
    for t in tokens:
        sa, sb, sn = _token_share(t)
        a += sa
        b += sb
        count += sn
    feats = [f"<{x} {y}>" for x, y in zip(tokens, tokens[1:], strict=False)]
    s = " " + " ".join(tokens) + " "
    spaces = list(accumulate([len(t) + 1 for t in tokens[:-1]]))  # interior spaces
    feats += [s[p - 1:p + 2] for p in spaces]
    feats += [s[p - 2:p + 2] for p in spaces]
    feats += [s[p - 1:p + 3] for p in spaces]
    feats += [s[p - 2:p + 3] for p in spaces]
    feats += [s[p - 3:p + 2] for p in spaces if s[p - 2] != " "]
    if len(tokens[-1]) == 1:  # the 5-gram after the last space would run off the end
        feats += [s[p - 1:p + 4] for p in spaces[:-1]]
    else:
        feats += [s[p - 1:p + 4] for p in spaces]
    return feats, a, b, count + len(feats), len(tokens)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


class _Lazy:
    """Probabilities of one text, the plan head computed only when asked for."""

    __slots__ = ("_feats", "_b", "_scale", "p_crisis", "_p_plan")

    def __init__(self, text: str) -> None:
        self._p_plan: float | None = None
        feats, a, b, count, n_tokens = _sums(text)
        if n_tokens < MIN_TOKENS:  # too little text left to judge (after the idiom guards)
            self._feats, self._b, self._scale = [], 0.0, 0.0
            self.p_crisis = self._p_plan = 0.0
            return
        self._feats = feats
        self._b = b
        self._scale = 1.0 / math.sqrt(count) if count else 0.0
        a += sum(map(_WA.get, feats, repeat(0.0)))
        self.p_crisis = _sigmoid(_BIAS_CRISIS + a * self._scale)

    @property
    def p_plan(self) -> float:
        if self._p_plan is None:
            b = self._b + sum(map(_WB.get, self._feats, repeat(0.0)))
            self._p_plan = self.p_crisis * _sigmoid(_BIAS_PLAN + b * self._scale)
        return self._p_plan


def scorable(text: str) -> bool:
    """Whether the model scores ``text`` at all (enough tokens left after the guards)."""
    return len(_tokens(text)) >= MIN_TOKENS


def probabilities(text: str) -> tuple[float, float]:
    """``(p_crisis, p_plan)`` for a lower-cased text; ``p_plan <= p_crisis``. Both are 0
    when fewer than ``MIN_TOKENS`` tokens remain after the idiom guards."""
    lazy = _Lazy(text)
    return lazy.p_crisis, lazy.p_plan


def combine(rules_level: str | None, p_crisis: float, p_plan: float) -> str | None:
    """Merge the rules' level with the model's probabilities (never lowers the rules).

    * The model raises ideation when the rules found nothing (or only the ``"possible"``
      hint) and ``p_crisis`` is at least ``THRESHOLDS["ideation"]``. It never overrides the
      rules' ``"history"`` (a negated or past mention: "I would never...", "I used to...");
    * it raises a plan only when ``p_plan`` is at least ``THRESHOLDS["plan_confident"]``
      (on its own), or at least ``THRESHOLDS["plan_with_rules"]`` when the rules already
      found ideation.
    """
    if rules_level in ("plan", "history"):
        return rules_level
    if rules_level == "ideation":
        return "plan" if p_plan >= THRESHOLDS["plan_with_rules"] else rules_level
    if p_crisis < THRESHOLDS["ideation"]:
        return rules_level
    return "plan" if p_plan >= THRESHOLDS["plan_confident"] else "ideation"


def model_level(rules_level: str | None, text: str) -> str | None:
    """``combine(rules_level, *probabilities(text))``, skipping work that cannot matter."""
    if rules_level in ("plan", "history"):
        return rules_level
    lazy = _Lazy(text)
    if rules_level == "ideation":
        return "plan" if lazy.p_plan >= THRESHOLDS["plan_with_rules"] else rules_level
    if lazy.p_crisis < THRESHOLDS["ideation"]:
        return rules_level
    return "plan" if lazy.p_plan >= THRESHOLDS["plan_confident"] else "ideation"

"""The learned crisis classifier: a small neural network over word and character n-grams.

Weights are data (``moderation/data/crisis_model.npz``), written by ``tools/train_crisis.py``
from the corpus in ``moderation/corpus/train/``; inference is numpy. Three classes: ``none``,
``ideation``, ``plan``. One hidden layer of ``hidden`` units (ReLU) over sparse inputs:

* n-gram families — words, pairs of words, character pieces (``features.py``) — each scaled to
  unit length on its own (every present n-gram weighs ``1/sqrt(number in its family)``), so
  short and long messages are on one scale and a long word's pieces don't drown its words;
* cues (``cues.py``: families of words and their pairs), weighing 1 each.

The first layer is a sum of rows of ``w1``; a word's character pieces are summed once and
cached, so a message costs one numpy sum per distinct word. Logits are divided by a
temperature fitted on out-of-fold predictions, so ``p_crisis`` reads as a probability. The
thresholds that turn probabilities into levels ship in the same file; they were chosen on
the training data's out-of-fold predictions, never on a blind set.

Why a word weighed: the hidden layer is linear where it is active, so each input's share of
the crisis logit is ``w1[f] · (active ⊙ (w2[:, k] − w2[:, none]))``; the words with the
largest shares are the ``why`` a facilitator sees.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import numpy as np

from moderation.crisis.cues import cues
from moderation.crisis.features import char_grams, tokens, word_features

__all__ = ["Scores", "CrisisModel", "load_model", "MODEL_PATH", "MIN_WORDS"]

# Fewer words than this (after masking) are not scored: a bag of n-grams cannot judge
# "i died laughing" once "died laughing" is masked. Short crisis texts are left to the rules.
MIN_WORDS = 4
_CACHE_WORDS = 50_000  # distinct words whose character pieces are remembered
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "crisis_model.npz"


@dataclass(frozen=True)
class Scores:
    """Calibrated probabilities for one text, and the words that weighed most."""

    p_ideation: float
    p_plan: float
    scored: bool = True
    _why: Callable[[], tuple[str, ...]] | None = field(default=None, repr=False, compare=False)

    @property
    def p_crisis(self) -> float:
        return self.p_ideation + self.p_plan

    def why(self) -> tuple[str, ...]:
        """The (at most three) words that pushed hardest towards crisis; computed on demand."""
        return self._why() if self._why is not None else ()


class CrisisModel:
    """A loaded weight file. Read-only after construction apart from a bounded per-word
    cache, so one instance serves every room of a process."""

    def __init__(self, header: dict[str, object], vocab: list[str], arrays: dict[str, np.ndarray]) -> None:
        self.index = {f: i for i, f in enumerate(vocab)}
        self.w1 = arrays["w1"].astype(np.float64)
        self.b1 = arrays["b1"].astype(np.float64)
        self.w2 = arrays["w2"].astype(np.float64)
        self.b2 = arrays["b2"].astype(np.float64)
        if self.w1.shape != (len(vocab), self.b1.shape[0]) or self.w2.shape != (self.b1.shape[0], 3):
            raise ValueError("crisis model: layer shapes do not match the vocabulary")
        self.temperature = float(header.get("temperature", 1.0))  # type: ignore[arg-type]
        thresholds = header["thresholds"]
        if not isinstance(thresholds, dict) or "default" not in thresholds:
            raise ValueError("crisis model: no default thresholds")
        self.thresholds: dict[str, dict[str, float]] = {
            str(lang): {str(k): float(v) for k, v in th.items()} for lang, th in thresholds.items()
        }
        self.version = str(header.get("version", "unknown"))
        self._zero = np.zeros_like(self.b1)
        self._cache: dict[str, tuple[np.ndarray, int]] = {}

    def thresholds_for(self, language: str) -> dict[str, float]:
        """The thresholds chosen for a room language (the overall ones for any other)."""
        return self.thresholds.get(language) or self.thresholds["default"]

    def _rows(self, feats: list[str]) -> list[int]:
        get = self.index.get
        return [j for j in map(get, feats) if j is not None]

    def _grams(self, word: str) -> tuple[np.ndarray, int]:
        """A word's character pieces: the sum of their first-layer rows, and how many there are."""
        hit = self._cache.get(word)
        if hit is None:
            grams = char_grams(word)
            rows = self._rows(grams)
            total = self.w1[rows].sum(axis=0) if rows else self._zero
            hit = (total, len(grams))
            if len(self._cache) >= _CACHE_WORDS:
                self._cache.clear()
            self._cache[word] = hit
        return hit

    def score(self, text: str) -> Scores:
        """Probabilities for a lower-case normalized text (``Scores.why()`` explains them)."""
        words = tokens(text)
        if len(words) < MIN_WORDS:
            return Scores(0.0, 0.0, scored=False)
        wf = word_features(words)
        singles = [(f, i) for f, i in wf if f[0] == "w"]
        pairs = [(f, i) for f, i in wf if f[0] == "b"]
        distinct = list(dict.fromkeys(words))
        pre = self.b1.copy()
        scales: dict[str, float] = {}
        for fam, items in (("w", singles), ("b", pairs)):
            scales[fam] = 1.0 / math.sqrt(len(items)) if items else 0.0
            rows = self._rows([f for f, _ in items])
            if rows:
                pre += self.w1[rows].sum(axis=0) * scales[fam]
        per_word = [self._grams(w) for w in distinct]
        n_grams = sum(n for _, n in per_word)
        scales["c"] = 1.0 / math.sqrt(n_grams) if n_grams else 0.0
        gram_vecs = np.array([v for v, _ in per_word])
        pre += gram_vecs.sum(axis=0) * scales["c"]
        cue_rows = self._rows(cues(text))
        if cue_rows:
            pre += self.w1[cue_rows].sum(axis=0)
        hidden = np.maximum(pre, 0.0)
        z = hidden @ self.w2 + self.b2
        z = (z - z[0]) / self.temperature
        z -= z.max()
        e = np.exp(z)
        p = e / e.sum()
        def explain() -> tuple[str, ...]:
            k = 1 if p[1] >= p[2] else 2
            u = (hidden > 0) * (self.w2[:, k] - self.w2[:, 0])
            credit = [0.0] * len(words)
            for fam, items in (("w", singles), ("b", pairs)):
                known = [(self.index[f], i) for f, i in items if f in self.index]
                if known:
                    shares = self.w1[[j for j, _ in known]] @ u
                    for (_, i), share in zip(known, shares.tolist(), strict=True):
                        credit[i] += share * scales[fam]
            first = {w: i for i, w in reversed(list(enumerate(words)))}
            for w, share in zip(distinct, (gram_vecs @ u).tolist(), strict=True):
                credit[first[w]] += share * scales["c"]
            return _top_words(words, credit)

        return Scores(float(p[1]), float(p[2]), _why=explain)


# Words too common to explain anything to a facilitator.
_PLAIN = frozenset(
    "the and but with that this what know just have has had was were are for you your its it not all any can "
    "about from they them then than there their will would could should been being into out our very really "
    "que los las por para con una del est les des une pas pour avec dans der die das und ist mit ein eine nicht "
    "sie ich mich mir uma com para nao por mas".split()
)


def _top_words(words: list[str], credit: list[float], k: int = 3) -> tuple[str, ...]:
    best: dict[str, float] = {}
    for w, c in zip(words, credit, strict=True):
        if c > 0 and len(w) > 2 and w not in _PLAIN and c > best.get(w, 0.0):
            best[w] = c
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    return tuple(w for w, _ in ranked[:k])


def load_model(path: Path | IO[bytes] = MODEL_PATH) -> CrisisModel:
    """Read a weight file, or its bytes as a file object (see ``tools/train_crisis.py`` ``export``)."""
    with zipfile.ZipFile(path) as zf:
        header = json.loads(zf.read("header.json"))
        vocab = zf.read("vocab.txt").decode("utf-8").split("\n")
        arrays = {name: np.load(io.BytesIO(zf.read(f"{name}.npy")), allow_pickle=False)
                  for name in ("w1", "b1", "w2", "b2")}
    return CrisisModel(header, vocab, arrays)

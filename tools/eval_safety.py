"""Measure the moderation pipeline on the blind sets: ``moderation/corpus/{blind,final}/*.jsonl``.

    ./dev eval                      # print the figures
    ./dev eval --write docs/moderation-figures.md

The blind sets were written by people (writers briefed separately) who never saw the rules,
the model or the training data. Nothing is tuned here: thresholds come from the weight file,
chosen on training data by ``tools/train_crisis.py``. Each message is checked with a default
room whose ``language`` is the message's language. Proportions carry Wilson 95 % intervals.

Crisis figures: recall = a plan- or ideation-labelled message gets a crisis flag (ideation or
plan); precision = flagged messages that are labelled crisis; plan held = plan-labelled
messages escalated (held, resources, alert); calm flagged or changed = calm messages that got
a crisis flag or any action other than allow. PII figures: a message counts as caught when
none of its ``must_remove`` strings survive in what the room would see (held counts as
caught); benign changed = calm messages whose text changed or that were not allowed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from moderation import Action, Pipeline, RoomModeration, Verdict, build_pipeline  # noqa: E402

BLIND = ROOT / "moderation" / "corpus" / "blind"
FINAL = ROOT / "moderation" / "corpus" / "final"
CRISIS = ("plan", "ideation")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float, float]:
    if n == 0:
        return float("nan"), float("nan"), float("nan")
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return p, max(0.0, c - h), min(1.0, c + h)


def fmt(k: int, n: int) -> str:
    p, lo, hi = wilson(k, n)
    return f"{p:.2f} ({lo:.2f}–{hi:.2f}) · {k}/{n}" if n else "–"


@cache
def pipeline(lang: str) -> Pipeline:
    return build_pipeline(RoomModeration(language=lang))


def load(names: Sequence[str] | None = None, folder: Path = BLIND) -> dict[str, list[dict[str, object]]]:
    sets: dict[str, list[dict[str, object]]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        if names and path.stem not in names:
            continue
        with path.open(encoding="utf-8") as f:
            sets[path.stem] = [json.loads(line) for line in f if line.strip()]
    return sets


def check(row: dict[str, object]) -> Verdict:
    return pipeline(str(row.get("lang") or "en")).check_message(str(row["text"]))


def pii_caught(row: dict[str, object], v: Verdict) -> bool:
    if v.action >= Action.HOLD:
        return True
    shown = v.text
    return not any(str(s) in shown for s in row.get("must_remove") or ())  # type: ignore[attr-defined]


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, key: str, hit: bool) -> None:
        c = self.counts[key]
        c[0] += int(hit)
        c[1] += 1

    def row(self, key: str) -> str:
        k, n = self.counts.get(key, [0, 0])
        return fmt(k, n)


def evaluate(sets: dict[str, list[dict[str, object]]]) -> tuple[list[str], dict[str, tuple[int, int]]]:
    t = Tally()
    misses: dict[str, list[str]] = defaultdict(list)
    for name, rows in sets.items():
        for row in rows:
            v = check(row)
            label, kind, lang = str(row["label"]), str(row.get("kind", "")), str(row.get("lang") or "en")
            flagged = v.crisis is not None
            if label in CRISIS:
                for key in ("crisis recall", f"crisis recall · {lang}", f"crisis recall · {label}/{kind}",
                            f"crisis recall · set {name}"):
                    t.add(key, flagged)
                if label == "plan":
                    t.add("plan-level held", v.action == Action.ESCALATE)
                    t.add(f"plan-level held · {lang}", v.action == Action.ESCALATE)
                if not flagged:
                    misses[f"{label}/{kind}"].append(str(row["text"]))
            if flagged:
                t.add("crisis precision", label in CRISIS)
            if label == "calm":
                changed = flagged or v.action != Action.ALLOW
                t.add("calm flagged or changed", changed)
                t.add(f"calm flagged or changed · {lang}", changed)
                t.add(f"calm flagged or changed · {kind}", changed)
                t.add("benign changed (not allowed as written)", v.action != Action.ALLOW or v.text != row["text"])
                t.add("calm with a quiet hint", "crisis_possible" in v.codes)
                t.add("calm crisis-flagged", flagged)
                t.add(f"calm crisis-flagged · {lang}", flagged)
            if label == "pii":
                caught = pii_caught(row, v)
                t.add("pii recall", caught)
                t.add(f"pii recall · {kind}", caught)
                t.add(f"pii recall · {lang}", caught)
                if not caught:
                    misses[f"pii/{kind}"].append(str(row["text"]))
    lines = ["| figure | value (95 % CI) · count |", "|---|---|"]
    order = sorted(t.counts, key=lambda k: (k.split(" · ")[0], k))
    for key in order:
        lines.append(f"| {key} | {t.row(key)} |")
    lines.append("")
    lines.append("Misses per kind: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(misses.items())))
    return lines, {k: (c[0], c[1]) for k, c in t.counts.items()}


def summary(counts: dict[str, tuple[int, int]], keys: Sequence[str]) -> list[str]:
    return [f"| {key} | {fmt(*counts[key])} |" for key in keys if key in counts]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", type=Path, help="write the Markdown table to this file")
    ap.add_argument("--set", action="append", help="only these blind sets (file stems)")
    ap.add_argument("--dir", type=Path, action="append", help="folders of blind sets (default: blind/ and final/)")
    args = ap.parse_args(argv)
    sets: dict[str, list[dict[str, object]]] = {}
    for folder in args.dir or [BLIND, FINAL]:
        sets.update(load(args.set, folder))
    lines, _ = evaluate(sets)
    text = "\n".join(lines) + "\n"
    if args.write:
        head = ("# Moderation figures on the blind sets\n\nGenerated by `./dev eval --write "
                f"{args.write}` (tools/eval_safety.py); see docs/moderation.md for how to read them.\n\n")
        args.write.write_text(head + text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

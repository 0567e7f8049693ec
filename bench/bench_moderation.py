"""Latency of the moderation pipeline on the labelled corpus (one core, no I/O).

Usage:  python bench/bench_moderation.py [--messages 20000] [--mix realistic|corpus] [--config '{"abuse_level": 4}']

`--mix realistic` (the default) samples the corpus like a support-group room's traffic: mostly
ordinary talk (85 % benign, look-alikes and idioms), 8 % personal details, 5 % crisis, 2 %
abuse, with a fixed seed. `--mix corpus` cycles through the whole labelled corpus as it is
(about 40 % crisis messages: a pessimistic worst case for the crisis rule).

Prints p50 / p90 / p99 / max per message in microseconds, both wall-clock
(``perf_counter_ns``, includes preemption by other processes) and thread CPU time
(``thread_time_ns``, what the pipeline itself costs), plus a per-rule breakdown.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from moderation import RoomModeration, build_pipeline  # noqa: E402
from moderation.normalize import normalize  # noqa: E402

CORPUS = ROOT / "moderation" / "corpus" / "train"


MIX = {"ordinary": 0.85, "pii": 0.08, "crisis": 0.05, "abuse": 0.02}


def _kind(label: str, kind: str) -> str:
    if label in ("plan", "ideation"):
        return "crisis"
    if label == "pii":
        return "pii"
    return "abuse" if kind == "abuse" else "ordinary"


def load_labelled() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    rows.append((d["text"], _kind(str(d.get("label", "")), str(d.get("kind", "")))))
    return rows


def load_texts(mix: str = "corpus", count: int = 0) -> list[str]:
    rows = load_labelled()
    if mix == "corpus":
        return [text for text, _ in rows]
    rng = random.Random(20261122)
    if mix == "long":  # posts of 1,000-4,000 characters (the default max_length) joined from the corpus
        out: list[str] = []
        for _ in range(max(count // 10, 50)):
            target, parts = rng.randint(1000, 4000), []
            while sum(len(p) + 1 for p in parts) < target:
                parts.append(rng.choice(rows)[0])
            out.append(" ".join(parts)[:target])
        return out
    by_kind: dict[str, list[str]] = {}
    for text, kind in rows:
        by_kind.setdefault(kind, []).append(text)
    kinds = list(MIX)
    picks = rng.choices(kinds, weights=[MIX[k] for k in kinds], k=max(count, 1))
    return [rng.choice(by_kind[k]) for k in picks]


def percentiles(samples: list[int]) -> str:
    s = sorted(samples)

    def at(q: float) -> float:
        return s[min(len(s) - 1, int(q * len(s)))] / 1000

    return f"p50 {at(0.50):7.1f}  p90 {at(0.90):7.1f}  p99 {at(0.99):7.1f}  max {s[-1] / 1000:8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--mix", choices=["realistic", "corpus", "long"], default="realistic")
    parser.add_argument("--config", default="{}", help="RoomModeration settings as JSON")
    args = parser.parse_args()

    pipeline = build_pipeline(RoomModeration.from_mapping(json.loads(args.config)))
    texts = load_texts(args.mix, args.messages)
    for text in texts * 2:  # warm caches (lru, phonenumbers metadata)
        pipeline.check_message(text)

    wall: list[int] = []
    cpu: list[int] = []
    gc.collect()
    for i in range(args.messages):
        text = texts[i % len(texts)]
        w0, c0 = time.perf_counter_ns(), time.thread_time_ns()
        pipeline.check_message(text)
        cpu.append(time.thread_time_ns() - c0)
        wall.append(time.perf_counter_ns() - w0)

    print(f"python {sys.version.split()[0]}; mix {args.mix}; {len(set(texts))} distinct corpus messages, "
          f"{args.messages} checks, mean length {sum(map(len, texts)) / len(texts):.0f} chars")
    print(f"wall µs : {percentiles(wall)}")
    print(f"cpu  µs : {percentiles(cpu)}")

    normalized = [normalize(t) for t in texts]
    norm_ns: list[int] = []
    for text in texts:
        t0 = time.thread_time_ns()
        normalize(text)
        norm_ns.append(time.thread_time_ns() - t0)
    print(f"{'normalize':<10} cpu µs : {percentiles(norm_ns)}")
    for rule in pipeline.rules:
        samples: list[int] = []
        for n in normalized:
            t0 = time.thread_time_ns()
            rule.evaluate(n, "message")
            samples.append(time.thread_time_ns() - t0)
        print(f"{rule.name:<10} cpu µs : {percentiles(samples)}")


if __name__ == "__main__":
    main()

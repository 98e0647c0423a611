#!/usr/bin/env python3
"""Splits the PDF question set into dev.jsonl (fitting) and heldout.jsonl (reporting only).

Stratified, seeded, reproducible: the union of the two files (or --source FILE) is sorted by id and
grouped into strata -- answerable questions by PDF file, unanswerable questions by domain and by
angle (near-topic, or "[cross-angle]" in their "checked" note). Each stratum, in sorted order, is
shuffled with one random.Random(SEED) and its first round(n * HELDOUT_SHARE) questions (at least one
when the stratum has two or more) go to heldout.jsonl, the rest to dev.jsonl. Re-running it on the
current files reproduces them exactly.

Questions come in batches, split separately so that a later batch never moves an earlier question
between the halves (the earlier ones have been fitted on or reported on): batch 1 is ids below 200
(written 2026-12-06, seed 20261206), batch 2 ids from 200 (written 2026-12-07, seed 20261207; read from
batch2.jsonl as long as that file exists, then merged into the two halves), batch 3 ids from 300 (written
2026-12-07, seed 20261208; read from batch3.jsonl as long as that file exists, in the same way). A
question that is both in a batch file and in the halves is taken once.

Usage: python3 eval/pdf-qa/split.py [--source ALL.jsonl]
"""
import argparse
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
SEEDS = {1: 20261206, 2: 20261207, 3: 20261208}
BATCH_FILES = ("batch2.jsonl", "batch3.jsonl")
HELDOUT_SHARE = 0.4


def stratum(q):
    if q["answerable"]:
        return "answerable/" + q["file"]
    angle = "cross" if q["checked"].startswith("[cross-angle]") else "near"
    return f"unanswerable/{q['domain']}/{angle}"


def read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write(path, rows):
    with path.open("w", encoding="utf-8") as out:
        for q in sorted(rows, key=lambda q: q["id"]):
            out.write(json.dumps(q, ensure_ascii=False) + "\n")


def batch(q):
    n = int(q["id"].split("-")[1])
    return 1 if n < 200 else 2 if n < 300 else 3


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=pathlib.Path, help="all questions in one file (default: dev + heldout + batch2 + batch3)")
    args = ap.parse_args()
    if args.source:
        rows = read(args.source)
    else:
        rows = read(HERE / "dev.jsonl") + read(HERE / "heldout.jsonl")
        for name in BATCH_FILES:
            if (HERE / name).exists():
                rows += read(HERE / name)
        rows = list({q["id"]: q for q in rows}.values())
    rows.sort(key=lambda q: q["id"])
    dev, heldout = [], []
    for b in sorted(SEEDS):
        strata = {}
        for q in rows:
            if batch(q) == b:
                strata.setdefault(stratum(q), []).append(q)
        rng = random.Random(SEEDS[b])
        for name in sorted(strata):
            group = strata[name]
            rng.shuffle(group)
            k = round(len(group) * HELDOUT_SHARE)
            if len(group) >= 2:
                k = max(1, k)
            heldout += group[:k]
            dev += group[k:]
            print(f"batch {b} {name:62} dev {len(group) - k:3}  heldout {k:3}")
    write(HERE / "dev.jsonl", dev)
    write(HERE / "heldout.jsonl", heldout)
    print(f"dev {len(dev)}, heldout {len(heldout)} (seeds {SEEDS})")


if __name__ == "__main__":
    main()

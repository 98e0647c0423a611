#!/usr/bin/env python3
"""Writes the questions of a set as other writers might frame them, one file per framing.

The question sets are direct, one-sentence questions. People (and whoever writes the unseen questions
of issue 13) also frame them: a lead-in ("Can you explain ..."), where to look ("According to the
documents, ...", "... according to the policy?"), a sentence before the question, no question mark.
None of these framings changes what is asked, so the engine should score each file as it scores the
plain set; `bin/egretta eval-answers --questions OUT/<framing>-<set>.jsonl --index DIR` shows whether it
does. Only the `question` field changes; the framings are fixed strings, not fitted to any question.

Run from the repository root:
    python3 eval/pdf-qa/phrasings.py [--set dev|heldout] [--out DIR]   (default: dev, /tmp/egretta-phrasings)
The files are written for a measurement and are not kept in the repository.
"""
import argparse
import json
from pathlib import Path


def lower_first(q):
    return q[0].lower() + q[1:]


FRAMINGS = {
    # a request around the question
    "can-you-tell-me": lambda q: "Can you tell me " + lower_first(q),
    "can-you-explain": lambda q: "Can you explain " + lower_first(q),
    # where to look, named only by the kind of document
    "according-to-lead": lambda q: "According to the documents, " + lower_first(q),
    "according-to-tail": lambda q: q.rstrip("?") + " according to the policy?",
    # a sentence before the question: filler, then context about the asker
    "quick-question": lambda q: "Quick question. " + q,
    "context-sentence": lambda q: "I am reviewing our compliance documents. " + q,
    # typed fast: no question mark, or all lower case
    "no-question-mark": lambda q: q.rstrip("?"),
    "lower-case": lambda q: q.lower(),
}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--set", default="dev", choices=["dev", "heldout"])
    p.add_argument("--out", default="/tmp/egretta-phrasings")
    a = p.parse_args()
    rows = [json.loads(line) for line in Path(__file__).with_name(a.set + ".jsonl").read_text().splitlines() if line.strip()]
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in FRAMINGS.items():
        target = out / f"{name}-{a.set}.jsonl"
        with target.open("w") as f:
            for r in rows:
                f.write(json.dumps({**r, "question": frame(r["question"])}) + "\n")
        print(target)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes dev-british.jsonl and heldout-british.jsonl: the same questions as a British writer would spell them.

The question sets were written in American spelling, as the 12 PDFs are; users (and the people who
wrote issue 13's unseen questions: "data centre") often write British. Only the `question` field
changes, through the explicit word list below (US -> UK pairs for the words these questions use,
checked against the Oxford spellings: -ise/-isation, -our, -tre, programme, licence as a noun); the
expected pages, evidence and answer keywords stay as the PDFs spell them. Run from the repository
root: python3 eval/pdf-qa/british.py
"""
import json
import re
from pathlib import Path

UK = {
    "authorization": "authorisation", "authorizations": "authorisations", "authorize": "authorise",
    "authorized": "authorised", "authorizing": "authorising", "reauthorized": "reauthorised",
    "reauthorization": "reauthorisation", "categorization": "categorisation", "categorize": "categorise",
    "categorized": "categorised", "recognized": "recognised", "recognize": "recognise",
    "organization": "organisation", "organizations": "organisations", "organizational": "organisational",
    "prioritize": "prioritise", "prioritized": "prioritised", "minimize": "minimise", "analyze": "analyse",
    "analyzed": "analysed", "standardized": "standardised", "centralized": "centralised",
    "behavior": "behaviour", "behaviors": "behaviours", "behavioral": "behavioural",
    "program": "programme", "programs": "programmes",
    "center": "centre", "centers": "centres",
    "license": "licence", "defense": "defence", "catalog": "catalogue",
    "labeled": "labelled", "labeling": "labelling", "canceled": "cancelled",
    "acknowledgment": "acknowledgement", "acknowledgments": "acknowledgements", "judgment": "judgement",
    "enrollment": "enrolment", "fulfill": "fulfil",
}
WORD = re.compile(r"[A-Za-z]+")


def british(text):
    def swap(m):
        w = m.group(0)
        uk = UK.get(w.lower())
        if uk is None:
            return w
        return uk.capitalize() if w[0].isupper() else uk
    return WORD.sub(swap, text)


def main():
    here = Path(__file__).parent
    for name in ("dev", "heldout"):
        rows = [json.loads(line) for line in (here / f"{name}.jsonl").read_text().splitlines() if line.strip()]
        changed = 0
        with (here / f"{name}-british.jsonl").open("w") as out:
            for row in rows:
                q = british(row["question"])
                changed += q != row["question"]
                out.write(json.dumps({**row, "question": q}, ensure_ascii=False) + "\n")
        print(f"{name}-british.jsonl: {changed} of {len(rows)} questions respelled")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks Egretta's PDF question set (dev.jsonl, heldout.jsonl) against the PDFs it was written from.

For every answerable question: the file exists under <corpus>/<domain>/pdf/<category>/, the evidence
(whitespace-normalised) occurs in the text of the stated pages, and every answer keyword occurs in the
evidence. Evidence that also occurs on other pages or in other files is listed as a note (the question
is then answerable from more than one place).
For every unanswerable question: the domain/category exists, a "checked" note is present, and none of
the patterns in ABSENT[id] (the phrasings the answer would have to take) matches anywhere in the corpus.
For the split: ids are unique across both files and every PDF has questions in both halves.

Text comes from poppler's pdftotext (one call per PDF, pages split on form feed), or with --text-dir
from files DIR/<pdf name without .pdf>/p<N>.txt written by any other extractor (for example Tika).
Usage: python3 eval/pdf-qa/check.py [--corpus DIR] [--text-dir DIR] [--verbose]
Exit status 0 when everything holds, 1 otherwise.
"""
import argparse
import html
import json
import pathlib
import re
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / ".." / "shared" / "corpus"
FILES = ("dev.jsonl", "heldout.jsonl")
ANSWERABLE_FIELDS = {"id", "question", "domain", "category", "answerable", "file", "pages", "evidence",
                     "answer_keywords"}
UNANSWERABLE_FIELDS = {"id", "question", "domain", "category", "answerable", "checked"}

# For each unanswerable question: regular expressions (case-insensitive, matched against the
# whitespace-normalised text of every page of every PDF) that a stated answer would have to match.
# Every pattern must match nothing. The "checked" field of the question says the same in words.
from absent import ABSENT  # noqa: E402  (kept in its own file: it is long)


def norm(text):
    return " ".join(text.split())


def pdftotext_pages(pdf):
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = [norm(p) for p in out.split("\f")]
    if pages and not pages[-1]:
        pages.pop()
    return pages


def text_dir_pages(text_dir, pdf):
    files = sorted((text_dir / pdf.stem).glob("p*.txt"), key=lambda p: int(p.stem[1:]))
    if not files:
        sys.exit(f"no page files {text_dir / pdf.stem}/p<N>.txt")
    return [norm(html.unescape(p.read_text(encoding="utf-8"))) for p in files]


def load_corpus(corpus, text_dir):
    """Returns {(domain, category, file): [page text, ...]} with page 1 at index 0."""
    docs = {}
    for pdf in sorted(corpus.glob("*/pdf/*/*.pdf")):
        pages = text_dir_pages(text_dir, pdf) if text_dir else pdftotext_pages(pdf)
        docs[(pdf.parts[-4], pdf.parts[-2], pdf.name)] = pages
    return docs


def read_jsonl(path, errors):
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            errors.append(f"{path.name}:{n}: not JSON: {e}")
    return rows


def check_answerable(q, docs, errors, notes):
    qid = q["id"]
    if set(q) != ANSWERABLE_FIELDS:
        errors.append(f"{qid}: fields {sorted(set(q) ^ ANSWERABLE_FIELDS)} differ from the format")
        return
    key = (q["domain"], q["category"], q["file"])
    if key not in docs:
        errors.append(f"{qid}: no PDF {q['domain']}/pdf/{q['category']}/{q['file']}")
        return
    pages = docs[key]
    if not q["pages"] or any(not isinstance(p, int) or p < 1 or p > len(pages) for p in q["pages"]):
        errors.append(f"{qid}: pages {q['pages']} not within 1..{len(pages)}")
        return
    evidence = norm(q["evidence"])
    stated = " ".join(pages[p - 1] for p in sorted(q["pages"]))
    if evidence not in stated:
        errors.append(f"{qid}: evidence not on pages {q['pages']} of {q['file']}: {evidence[:80]}...")
    elsewhere = [f"{f}:p{i}" for (d, c, f), ps in docs.items() for i, t in enumerate(ps, 1)
                 if evidence in t and not (f == q["file"] and i in q["pages"])]
    if elsewhere:
        notes.append(f"{qid}: evidence also on {', '.join(elsewhere)}")
    kws = q["answer_keywords"]
    if not 1 <= len(kws) <= 4:
        errors.append(f"{qid}: {len(kws)} answer keywords (want 1-4)")
    for kw in kws:
        if kw.lower() not in evidence.lower():
            errors.append(f"{qid}: keyword {kw!r} not in its evidence")


def check_unanswerable(q, docs, errors):
    qid = q["id"]
    if set(q) != UNANSWERABLE_FIELDS:
        errors.append(f"{qid}: fields {sorted(set(q) ^ UNANSWERABLE_FIELDS)} differ from the format")
        return
    if not any(d == q["domain"] and c == q["category"] for d, c, _ in docs):
        errors.append(f"{qid}: no PDFs under {q['domain']}/pdf/{q['category']}")
    if len(q["checked"].strip()) < 20:
        errors.append(f"{qid}: 'checked' note missing or too short")
    patterns = ABSENT.get(qid)
    if not patterns:
        errors.append(f"{qid}: no ABSENT patterns in absent.py")
        return
    for pattern in patterns:
        rx = re.compile(pattern, re.I)
        for (d, c, f), ps in docs.items():
            for i, t in enumerate(ps, 1):
                m = rx.search(t)
                if m:
                    errors.append(f"{qid}: pattern {pattern!r} matches {f}:p{i}: "
                                  f"...{t[max(0, m.start() - 60):m.end() + 60]}...")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=pathlib.Path, default=DEFAULT_CORPUS)
    ap.add_argument("--text-dir", type=pathlib.Path, help="page text from another extractor instead of pdftotext")
    ap.add_argument("--verbose", action="store_true", help="also list evidence found in more places")
    args = ap.parse_args()
    if args.text_dir is None and shutil.which("pdftotext") is None:
        sys.exit("pdftotext not found: install poppler-utils (apt-get install -y poppler-utils)")
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        sys.exit(f"corpus directory not found: {corpus} (pass --corpus DIR)")
    docs = load_corpus(corpus, args.text_dir)
    errors, notes, seen, per_half = [], [], {}, {}
    for name in FILES:
        rows = read_jsonl(HERE / name, errors)
        per_half[name] = rows
        for q in rows:
            qid = q.get("id", "?")
            if qid in seen:
                errors.append(f"{qid}: in {seen[qid]} and {name}")
            seen[qid] = name
            if q.get("answerable") is True:
                check_answerable(q, docs, errors, notes)
            elif q.get("answerable") is False:
                check_unanswerable(q, docs, errors)
            else:
                errors.append(f"{qid}: 'answerable' must be true or false")
    unused = sorted(set(ABSENT) - set(seen))
    if unused:
        errors.append(f"absent.py has patterns for unknown ids {unused}")
    all_files = {f for _, _, f in docs}
    for name, rows in per_half.items():
        missing = all_files - {q.get("file") for q in rows if q.get("answerable") is True}
        if missing:
            errors.append(f"{name}: no answerable question about {sorted(missing)}")
    for name, rows in per_half.items():
        a = sum(1 for q in rows if q.get("answerable") is True)
        print(f"{name}: {len(rows)} questions, {a} answerable, {len(rows) - a} unanswerable")
    if args.verbose:
        for n in notes:
            print("note:", n)
    elif notes:
        print(f"{len(notes)} evidence strings also occur elsewhere (--verbose lists them)")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

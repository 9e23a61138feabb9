#!/usr/bin/env python3
"""Shapes of the items in syndication's digests: the labelled story's own item against the
bystander items quoted beside it (see ../shared/data/syndication/README.md).

Each digest item is its headline line, body lines, then a "Read more -> URL" line. An item is
attributed to the story whose first line is its headline. For items of one body line, prints the
body's length (characters, CJK counted 3) for own items and for bystander items, whole or cut
(ending in an ellipsis). Own items of one short body line look exactly like bystander teasers,
which the labels count as negatives: this bounds what any rule on an item's shape can find.

Usage: python3 scripts/digest_item_shapes.py ../shared/data/syndication
"""
import collections
import json
import re
import sys
from pathlib import Path


def weighted(s):
    return sum(3 if ord(c) >= 0x2E80 else 1 for c in s)


def main(folder):
    folder = Path(folder)
    docs = {}
    with open(folder / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs[d["id"]] = d
    with open(folder / "pairs.jsonl", encoding="utf-8") as f:
        own = {p["a"]: p["b"] for p in map(json.loads, f) if p["transform"] == "digest"}
    by_first_line = collections.defaultdict(list)
    for doc_id, d in docs.items():
        by_first_line[d["text"].split("\n")[0].strip()].append(doc_id)
    rows = []
    for digest, story in own.items():
        item = []
        for line in docs[digest]["text"].split("\n")[1:]:
            if "http" in line and ("→" in line or "->" in line or ":" in line):
                if item:
                    head = re.sub(r"^\d+\.\s*", "", item[0].strip())
                    body = item[1:]
                    sources = by_first_line.get(head, [])
                    kind = "own" if story in sources else ("bystander" if sources else "unknown")
                    cut = bool(body) and body[-1].rstrip().endswith("…")
                    rows.append((kind, len(body), sum(weighted(b) for b in body), cut))
                item = []
            elif line.strip():
                item.append(line)
    counts = collections.Counter((k, n, c) for k, n, _, c in rows)
    print("items by (kind, body lines, cut):")
    for key in sorted(counts):
        print(" ", key, counts[key])
    for kind in ("own", "bystander"):
        for cut in (False, True):
            lengths = sorted(w for k, n, w, c in rows if k == kind and n == 1 and c == cut)
            if lengths:
                q = [lengths[int(p * (len(lengths) - 1))] for p in (0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)]
                label = "cut" if cut else "whole"
                print(f"{kind}, one body line, {label}: {len(lengths)} items, length quantiles"
                      f" 0/10/25/50/75/90/100%: {q}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/syndication")

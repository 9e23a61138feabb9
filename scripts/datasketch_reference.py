#!/usr/bin/env python3
"""Same-session speed reference: datasketch MinHash + MinHashLSH over a JSONL corpus.

What it measures
    The near-duplicate scan a Python user would write with datasketch, run on the
    same corpus and machine as polydup's ``bench`` so polydup's speed can be quoted as
    a ratio measured in the same session (the issue's 10x target), not against a number
    from elsewhere. Per document: word 5-gram shingles (``text.lower().split()``, five
    consecutive words joined by a space, UTF-8; a document with fewer than five words is
    one shingle of all its words), ``MinHash.update_batch`` with the default SHA-1 hash,
    then ``MinHashLSH.query`` followed by ``MinHashLSH.insert``. Querying each document
    against the documents inserted before it yields every unordered candidate pair once,
    as a scan would. Timed: reading and decompressing the file, JSON parsing, shingling,
    MinHash, query and insert (wall clock and process CPU). Not timed: building the
    MinHashLSH (its band/row optimisation) and the first MinHash's permutations, which
    every other document reuses through ``MinHash(permutations=...)``, the constructor
    argument datasketch documents for fast initialisation (it is what
    ``MinHash.generator``/``MinHash.bulk`` do internally, without their per-document copy).
    Single-threaded, like datasketch itself.

    ``megabytes`` is the UTF-8 size of the texts / 1e6, as in polydup's bench.

Install and run
    On a normal machine:
        pip install datasketch numpy scipy
        python3 scripts/datasketch_reference.py docs.jsonl.gz
    Without PyPI, with a copy of datasketch's sources (and, if scipy is missing, a module
    ``scipy/integrate.py`` providing ``quad(f, a, b) -> (area, error)``) under /tmp/ds:
        PYTHONPATH=/tmp/ds python3 scripts/datasketch_reference.py docs.jsonl.gz

Options: ``--limit N`` documents, ``--num-perm`` (128), ``--threshold`` (0.8).
The last line printed is one JSON object with the results.
"""

import argparse
import gzip
import json
import time

import datasketch
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5


def shingles(text):
    """The distinct word 5-grams of a text, UTF-8 encoded."""
    words = text.lower().split()
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")]
    grams = {
        " ".join(words[i:i + SHINGLE_WORDS])
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    return [g.encode("utf-8") for g in grams]


def open_text(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="documents, .jsonl or .jsonl.gz")
    parser.add_argument("--limit", type=int, default=0,
                        help="stop after N documents (0: all)")
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--threshold", type=float, default=0.8)
    args = parser.parse_args()

    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    permutations = MinHash(num_perm=args.num_perm).permutations

    docs = 0
    text_bytes = 0
    candidate_pairs = 0
    wall0 = time.perf_counter()
    cpu0 = time.process_time()
    with open_text(args.path) as lines:
        for line in lines:
            if not line.strip():
                continue
            text = json.loads(line)["text"]
            text_bytes += len(text.encode("utf-8"))
            m = MinHash(num_perm=args.num_perm, permutations=permutations)
            m.update_batch(shingles(text))
            candidate_pairs += len(lsh.query(m))
            lsh.insert(docs, m)
            docs += 1
            if docs == args.limit:
                break
    seconds = time.perf_counter() - wall0
    cpu_seconds = time.process_time() - cpu0

    megabytes = text_bytes / 1e6
    print(json.dumps({
        "docs": docs,
        "megabytes": round(megabytes, 3),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "mb_per_second": round(megabytes / seconds, 3),
        "candidate_pairs": candidate_pairs,
        "bands": lsh.b,
        "rows": lsh.r,
        "datasketch_version": datasketch.__version__,
    }))


if __name__ == "__main__":
    main()

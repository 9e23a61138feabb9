#!/usr/bin/env python3
"""Where a scan waits on one thread: a JFR profile's samples, per thread, in time buckets.

What it shows
    For each bucket of a few seconds, how many execution samples each thread of the scan
    (the calling thread, ``main``, and the pool's ``ForkJoinPool-N-worker-K`` threads) has,
    and the passes those samples were in. A pass is the outermost frame of a sample whose
    method name contains one of ``--passes`` (the align stage's passes by default), so a
    bucket reads as "worker 1: 221 samples in Versions.of, worker 2: 35". A bucket where one
    worker has far fewer samples than the other is time the scan spends on one thread.
    Session 30 found the sort of the matches and four serial passes of the align stage this
    way (docs/MEASUREMENTS.md, "Session 30").

    Samples are of threads running Java code, every 10 ms with ``settings=profile``: a thread
    in a collection, a page fault or the JIT's queue is not sampled, so the counts are a
    thread's Java time, not its CPU time (JFR's ``jdk.ThreadCPULoad`` events give that).

Run
    java <the launcher's options> -XX:StartFlightRecording=filename=scan.jfr,settings=profile \\
        -jar target/polydup-0.1.0-SNAPSHOT-cli.jar bench INPUT --threads 2
    jfr print --stack-depth 100 --events jdk.ExecutionSample scan.jfr > samples.txt
    python3 scripts/jfr_timeline.py samples.txt [--bucket 4] [--passes A,B,...]

    Stacks deeper than ``--stack-depth`` lose their outermost frames; a sample whose pass
    frame was cut off is labelled by the next pass found, or ``?``.
"""

import argparse
import collections
import re
import sys

DEFAULT_PASSES = (
    "EntityExtractor,KeyStatistics,alignCandidates,deepenByShape,TriangleClosing,"
    "Exclusivity,Versions.of,ShapeAgreements,MutualBest,StructureRule,VersionSharing,"
    "AlignedPairChecks,PairVerification,Fingerprint,CandidatePairs,PassageCandidates,"
    "BatchDocumentFrequencies,InputOrder,ClusterBuilder"
)

SAMPLE = re.compile(r"jdk\.ExecutionSample")
START = re.compile(r"startTime = (\d+):(\d+):([\d.]+)")
THREAD = re.compile(r'sampledThread = "([^"]*)"')
FRAME = re.compile(r"^\s+([\w.$<>]+)\(", re.M)


def samples(text):
    """Yields (seconds of the day, thread name, frames innermost first) per sample."""
    for event in SAMPLE.split(text)[1:]:
        start = START.search(event)
        thread = THREAD.search(event)
        if not start or not thread:
            continue
        seconds = int(start.group(1)) * 3600 + int(start.group(2)) * 60 + float(start.group(3))
        yield seconds, thread.group(1), FRAME.findall(event)


def label(frames, passes):
    """The outermost frame naming a pass, as that pass; '?' when none does."""
    for frame in reversed(frames):
        for name in passes:
            if name in frame:
                return name
    return "?"


def short(thread):
    """'main', or 'w' and the worker's number."""
    match = re.search(r"worker-(\d+)$", thread)
    return "w" + match.group(1) if match else thread


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("samples", help="output of jfr print --events jdk.ExecutionSample")
    parser.add_argument("--bucket", type=float, default=4.0, help="seconds per bucket (4)")
    parser.add_argument("--passes", default=DEFAULT_PASSES, help="comma-separated pass names")
    parser.add_argument("--top", type=int, default=3, help="passes shown per bucket (3)")
    args = parser.parse_args()
    if args.bucket <= 0:
        parser.error("--bucket must be positive")
    passes = [p for p in args.passes.split(",") if p]
    with open(args.samples, encoding="utf-8") as f:
        rows = list(samples(f.read()))
    if not rows:
        sys.exit("no jdk.ExecutionSample events in " + args.samples)
    first = min(seconds for seconds, _, _ in rows)
    buckets = collections.defaultdict(collections.Counter)
    for seconds, thread, frames in rows:
        if thread != "main" and "worker" not in thread:
            continue
        bucket = int((seconds - first) // args.bucket)
        buckets[bucket][(short(thread), label(frames, passes))] += 1
    for bucket in sorted(buckets):
        counts = buckets[bucket]
        per_thread = collections.Counter()
        for (thread, _), n in counts.items():
            per_thread[thread] += n
        threads = " ".join(f"{t} {per_thread[t]}" for t in sorted(per_thread))
        top = ", ".join(f"{t}:{p} {n}" for (t, p), n in counts.most_common(args.top))
        print(f"{bucket * args.bucket:6.0f} s  {threads}  |  {top}")


if __name__ == "__main__":
    main()

package org.polydup;

import java.util.List;

/**
 * Everything a batch scan found. Immutable.
 *
 * @param documents number of documents scanned, the ones in {@code problems} that could not be
 *     fingerprinted aside; a text with no words (empty, or only punctuation or control characters)
 *     counts, as it is scanned: it has nothing another document can copy, so it is in no match. The
 *     command line's readers report empty and binary files as input problems before a scan
 * @param matches flagged pairs, ordered by the input position of a, then of b
 * @param clusters story clusters of two or more documents, in input order of their first member
 * @param problems documents that could not be processed, or not wholly
 * @param statistics counts and sizes for reports and benchmarks
 */
public record ScanResult(
    int documents,
    List<Match> matches,
    List<StoryCluster> clusters,
    List<DocumentProblem> problems,
    ScanStatistics statistics) {

  /** Copies the lists. */
  public ScanResult {
    matches = List.copyOf(matches);
    clusters = List.copyOf(clusters);
    problems = List.copyOf(problems);
  }
}

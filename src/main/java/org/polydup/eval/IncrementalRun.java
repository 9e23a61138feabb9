package org.polydup.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polydup.Detector;
import org.polydup.Document;
import org.polydup.Match;
import org.polydup.ScanProgress;
import org.polydup.ScanResult;
import org.polydup.ScanStatistics;

/**
 * The pairs a service finds that checks each new story against its archive: documents are taken in
 * input order, each queried against the ones before it and then added ({@link
 * Detector#queryAndAdd}). Every pair is found once, when its later document arrives, with {@code a}
 * the later one. The result is shaped as a scan's so the evaluations score it alike; it has no
 * clusters (a query does not build them) and no statistics.
 */
public final class IncrementalRun {
  private IncrementalRun() {}

  /**
   * Queries then adds each document of {@code documents} into {@code detector}, which should be
   * empty.
   */
  public static ScanResult of(Detector detector, List<Document> documents) {
    return of(detector, documents, ScanProgress.NONE);
  }

  /**
   * {@link #of(Detector, List)}, reporting each document done to {@code progress} (stage {@code
   * query+add}).
   */
  public static ScanResult of(Detector detector, List<Document> documents, ScanProgress progress) {
    List<Match> matches = new ArrayList<>();
    int done = 0;
    for (Document document : documents) {
      matches.addAll(detector.queryAndAdd(document));
      progress.update("query+add", ++done, documents.size());
    }
    return new ScanResult(
        documents.size(),
        matches,
        List.of(),
        List.of(),
        new ScanStatistics(0, 0, 0, 0, 0, 0, Map.of()));
  }
}

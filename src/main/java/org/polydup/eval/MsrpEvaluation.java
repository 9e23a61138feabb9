package org.polydup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polydup.Document;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.ScanResult;

/**
 * Short-text behaviour on the MSR paraphrase corpus ({@code ../shared/data/msrp}): one sentence per
 * document. A paraphrase is not necessarily a copy, so this is descriptive rather than a score: how
 * often labelled paraphrases and non-paraphrases are flagged, and how many flags fall on sentence
 * pairs nobody labelled (which, among 7,800 unrelated news sentences, are noise).
 */
public final class MsrpEvaluation {
  private final List<Document> documents = new ArrayList<>();
  private final Map<PairKey, Integer> labels = new HashMap<>();

  /** Loads docs.jsonl and pairs.jsonl. */
  public static MsrpEvaluation load(Path directory) {
    MsrpEvaluation e = new MsrpEvaluation();
    for (JsonNode d : Jsonl.read(directory.resolve("docs.jsonl"))) {
      e.documents.add(
          new Document(Jsonl.text(d, "id"), Jsonl.text(d, "text"), Jsonl.text(d, "lang")));
    }
    for (JsonNode p : Jsonl.read(directory.resolve("pairs.jsonl"))) {
      e.labels.put(PairKey.of(Jsonl.text(p, "a"), Jsonl.text(p, "b")), p.get("label").asInt());
    }
    return e;
  }

  /** The sentences to scan. */
  public List<Document> documents() {
    return documents;
  }

  /** A table of flag rates. */
  public String table(ScanResult result) {
    long positives = labels.values().stream().filter(l -> l == 1).count();
    long negatives = labels.size() - positives;
    long flaggedPositive = 0;
    long flaggedNegative = 0;
    long flaggedUnlabelled = 0;
    Map<Relation, Long> byRelation = new HashMap<>();
    for (Match m : result.matches()) {
      if (m.relation() == Relation.RELATED) {
        continue;
      }
      byRelation.merge(m.relation(), 1L, Long::sum);
      Integer label = labels.get(PairKey.of(m.a(), m.b()));
      if (label == null) {
        flaggedUnlabelled++;
      } else if (label == 1) {
        flaggedPositive++;
      } else {
        flaggedNegative++;
      }
    }
    return String.format(
        Locale.ROOT,
        "msrp: %d sentences, %d labelled pairs%n"
            + "  flagged paraphrases (label 1): %d/%d (%.3f)%n"
            + "  flagged non-paraphrases (label 0): %d/%d (%.3f)%n"
            + "  flagged unlabelled sentence pairs (noise): %d%n"
            + "  by relation: %s%n",
        result.documents(),
        labels.size(),
        flaggedPositive,
        positives,
        positives == 0 ? 0 : (double) flaggedPositive / positives,
        flaggedNegative,
        negatives,
        negatives == 0 ? 0 : (double) flaggedNegative / negatives,
        flaggedUnlabelled,
        byRelation);
  }
}

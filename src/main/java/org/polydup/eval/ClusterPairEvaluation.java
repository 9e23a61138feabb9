package org.polydup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.polydup.Document;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.ScanResult;

/**
 * A set labelled by {@code cluster} through the whole product: one pooled scan of every document of
 * at least 400 characters, scored on the pairs it reports (any relation but {@code related}). For
 * {@code xling} the pairs are cross-language (gold: same cluster, different languages); for {@code
 * rewrites} same-language (gold: same cluster, same language). recall@1: for each document with a
 * gold partner, whether its best-scored reported partner among the scored pairs (across languages
 * for xling, within one for rewrites; distractors left out) is one of them, a tie at the top
 * counting only when every tied partner is ({@link TopPartners}): it tests the margin between a
 * document's own versions and the set's other documents, not against every pair a scan reports. The
 * table also counts the relations of the true pairs and, for rewrites, scores the pairs reported as
 * {@code derived} alone (the set's documents are rewordings of each other).
 *
 * <p>Per length bucket: a pair, gold or false, belongs to the bucket of its shorter document's
 * length in characters ({@code len 400-1000}: under 1,000; {@code len 1000-3000}: 1,000 to 3,000;
 * {@code len >3000}: over 3,000), the buckets of {@code eval align} ({@link
 * CrossLanguageEvaluation}); so a bucket's precision is over the pairs reported in it. recall@1 per
 * bucket groups documents by their own length, since it is a figure per document.
 */
public final class ClusterPairEvaluation {
  private static final int MINIMUM_LENGTH = 400;

  /** The length buckets, shortest first: the labels of {@link #lengthBucket(int)}. */
  static final List<String> LENGTH_BUCKETS = List.of("len 400-1000", "len 1000-3000", "len >3000");

  private final String name;
  private final boolean crossLanguage;
  private final List<Document> documents = new ArrayList<>();
  private final Map<String, String> clusterOf = new HashMap<>();
  private final Map<String, String> languageOf = new HashMap<>();
  private final Map<String, String> domainOf = new HashMap<>();
  private final Map<String, Integer> lengthOf = new HashMap<>();
  private int distractors;

  private ClusterPairEvaluation(String name, boolean crossLanguage) {
    this.name = name;
    this.crossLanguage = crossLanguage;
  }

  /**
   * Loads the documents of {@code docs.jsonl} with at least 400 characters.
   *
   * @param crossLanguage whether the gold pairs are the cross-language ones (xling) or the
   *     same-language ones (rewrites)
   */
  public static ClusterPairEvaluation load(Path directory, boolean crossLanguage) {
    ClusterPairEvaluation e =
        new ClusterPairEvaluation(directory.getFileName().toString(), crossLanguage);
    for (JsonNode d : Jsonl.read(directory.resolve("docs.jsonl"))) {
      String text = Jsonl.text(d, "text");
      int characters = characters(text);
      if (characters < MINIMUM_LENGTH) {
        continue;
      }
      String id = Jsonl.text(d, "id");
      e.documents.add(new Document(id, text, Jsonl.text(d, "lang")));
      e.clusterOf.put(id, Jsonl.text(d, "cluster"));
      e.languageOf.put(id, Jsonl.text(d, "lang"));
      e.lengthOf.put(id, characters);
      if (d.hasNonNull("domain")) {
        e.domainOf.put(id, Jsonl.text(d, "domain"));
      }
    }
    return e;
  }

  /**
   * Adds the first {@code limit} documents of a JSONL file ({@code id}, {@code text}, optional
   * {@code lang}) to the scan as unlabelled distractors, each id prefixed with {@code distractor:}.
   * Pairs with a distractor are not scored: the labelled pairs are measured as they fare in a
   * larger corpus, where each document has many more candidates, other versions of the same story
   * among them (the bulk set holds machine translations of the same sources as xling and rewrites).
   * recall@1 still ranks only the set's own pairs: a distractor outranking a gold partner does not
   * count against it.
   *
   * @return this evaluation
   */
  public ClusterPairEvaluation withDistractors(Path file, int limit) {
    for (JsonNode d : Jsonl.read(file, limit)) {
      documents.add(
          new Document(
              "distractor:" + Jsonl.text(d, "id"), Jsonl.text(d, "text"), Jsonl.text(d, "lang")));
      distractors++;
    }
    return this;
  }

  /** The documents to scan, with their labelled language as the hint. */
  public List<Document> documents() {
    return documents;
  }

  /**
   * {@link #documents()} with the distractors first: for documents taken one at a time, an archive
   * the set's documents then arrive into. Set last, distractors would only be queried after every
   * pair of the set had been judged, and change nothing the score reads.
   */
  public List<Document> distractorsFirst() {
    int own = documents.size() - distractors;
    List<Document> ordered = new ArrayList<>(documents.subList(own, documents.size()));
    ordered.addAll(documents.subList(0, own));
    return ordered;
  }

  /** The table for a scan of {@link #documents()}. */
  public String table(ScanResult result) {
    return table(result, null);
  }

  /** A report of false positives over these documents, naming each document's cluster. */
  public FalsePositiveReport falsePositiveReport() {
    Map<String, String> textOf = new HashMap<>();
    Map<String, String> roleOf = new HashMap<>();
    for (Document d : documents) {
      textOf.put(d.id(), d.text());
      roleOf.put(d.id(), "cluster " + clusterOf.get(d.id()));
    }
    return new FalsePositiveReport(textOf, roleOf);
  }

  /**
   * The table for a scan of {@link #documents()}, adding every false positive to {@code
   * falsePositives} when it is not {@code null}.
   */
  public String table(ScanResult result, FalsePositiveReport falsePositives) {
    Map<String, List<String>> members = new HashMap<>();
    for (Document d : documents) {
      members.computeIfAbsent(clusterOf.get(d.id()), k -> new ArrayList<>()).add(d.id());
    }
    Set<PairKey> gold = new HashSet<>();
    Map<String, Counts> byLanguagePair = new TreeMap<>();
    // Recall by the domain of the pair's first document (a cluster has one domain).
    Map<String, Counts> byDomain = new TreeMap<>();
    Map<String, Counts> byLength = new TreeMap<>(Comparator.comparingInt(LENGTH_BUCKETS::indexOf));
    for (List<String> cluster : members.values()) {
      for (int i = 0; i < cluster.size(); i++) {
        for (int j = i + 1; j < cluster.size(); j++) {
          String x = cluster.get(i);
          String y = cluster.get(j);
          if (inScope(x, y)) {
            gold.add(PairKey.of(x, y));
            byLanguagePair.computeIfAbsent(languagePair(x, y), k -> new Counts()).falseNegatives++;
            byLength.computeIfAbsent(lengthBucket(x, y), k -> new Counts()).falseNegatives++;
            if (domainOf.containsKey(x)) {
              byDomain.computeIfAbsent(domainOf.get(x), k -> new Counts()).falseNegatives++;
            }
          }
        }
      }
    }
    Counts all = new Counts();
    all.falseNegatives = gold.size();
    // rewrites: the pairs reported as derived, scored on their own.
    Counts asDerived = new Counts();
    asDerived.falseNegatives = gold.size();
    Map<Relation, Integer> trueByRelation = new java.util.EnumMap<>(Relation.class);
    TopPartners top = new TopPartners();
    for (Match m : result.matches()) {
      if (m.relation() == Relation.RELATED || !inScope(m.a(), m.b())) {
        continue;
      }
      boolean isGold = gold.contains(PairKey.of(m.a(), m.b()));
      if (isGold) {
        trueByRelation.merge(m.relation(), 1, Integer::sum);
      }
      if (m.relation() == Relation.DERIVED) {
        if (isGold) {
          asDerived.truePositives++;
          asDerived.falseNegatives--;
        } else {
          asDerived.falsePositives++;
        }
      }
      Counts c = byLanguagePair.computeIfAbsent(languagePair(m.a(), m.b()), k -> new Counts());
      Counts length = byLength.computeIfAbsent(lengthBucket(m.a(), m.b()), k -> new Counts());
      if (isGold) {
        all.truePositives++;
        all.falseNegatives--;
        c.truePositives++;
        c.falseNegatives--;
        length.truePositives++;
        length.falseNegatives--;
        String domainName = domainOf.get(m.a());
        Counts domain = domainName == null ? null : byDomain.get(domainName);
        if (domain != null) {
          domain.truePositives++;
          domain.falseNegatives--;
        }
      } else {
        all.falsePositives++;
        c.falsePositives++;
        length.falsePositives++;
        if (falsePositives != null) {
          falsePositives.add(m);
        }
      }
      top.offer(m.a(), m.b(), strength(m), isGold);
    }
    Set<String> withPartner = new HashSet<>();
    for (PairKey k : gold) {
      withPartner.add(k.first());
      withPartner.add(k.second());
    }
    long hits = 0;
    // recall@1 by the document's own length: documents with a gold partner, and hits among them.
    Map<String, long[]> atOneByLength =
        new TreeMap<>(Comparator.comparingInt(LENGTH_BUCKETS::indexOf));
    for (String id : withPartner) {
      boolean hit = top.hit(id);
      long[] bucket =
          atOneByLength.computeIfAbsent(lengthBucket(lengthOf.get(id)), k -> new long[2]);
      bucket[0]++;
      if (hit) {
        hits++;
        bucket[1]++;
      }
    }
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s through the scan: %d documents >= %d chars%s, %d gold %s pairs%n",
                name,
                documents.size() - distractors,
                MINIMUM_LENGTH,
                distractors == 0
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        " among %d unscored distractors (pairs with one left out)",
                        distractors),
                gold.size(),
                crossLanguage ? "cross-language" : "same-language"));
    Counts.Table rows = new Counts.Table().row("all", all);
    if (!crossLanguage) {
      rows.row("as derived", asDerived);
    }
    byLanguagePair.forEach(
        (pair, c) -> {
          if (c.truePositives + c.falseNegatives + c.falsePositives > 0) {
            rows.row(pair, c);
          }
        });
    rows.text("by length of the shorter document (characters)");
    byLength.forEach((bucket, c) -> rows.row(bucket, c));
    s.append(rows);
    int domainWidth = Counts.labelWidth(byDomain.keySet());
    byDomain.forEach(
        (domain, c) ->
            s.append(
                String.format(
                    Locale.ROOT,
                    "recall in domain %-" + domainWidth + "s %.4f (%d of %d gold pairs)%n",
                    domain,
                    (double) c.truePositives / (c.truePositives + c.falseNegatives),
                    c.truePositives,
                    c.truePositives + c.falseNegatives)));
    StringBuilder relations = new StringBuilder("relations of the true pairs:");
    trueByRelation.forEach(
        (relation, count) ->
            relations.append(' ').append(relation.label()).append(' ').append(count));
    s.append(relations).append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "recall@1 %.4f (%d of %d documents with a gold partner)%n",
            withPartner.isEmpty() ? 0 : (double) hits / withPartner.size(),
            hits,
            withPartner.size()));
    atOneByLength.forEach(
        (bucket, counts) ->
            s.append(
                String.format(
                    Locale.ROOT,
                    "recall@1 in %-13s %.4f (%d of %d documents of that length)%n",
                    bucket,
                    (double) counts[1] / counts[0],
                    counts[1],
                    counts[0])));
    return s.toString();
  }

  /**
   * Characters of {@code text} as the sets' READMEs count them, for the 400-character cut and the
   * length buckets: code points, not UTF-16 units.
   */
  static int characters(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * The length bucket of a text of {@code characters} characters: under 1,000, 1,000 to 3,000, or
   * over 3,000 (the sets' texts have at least 400).
   */
  static String lengthBucket(int characters) {
    return LENGTH_BUCKETS.get(characters < 1000 ? 0 : characters <= 3000 ? 1 : 2);
  }

  /** The length bucket of a pair: that of its shorter document. */
  private String lengthBucket(String x, String y) {
    return lengthBucket(Math.min(lengthOf.get(x), lengthOf.get(y)));
  }

  /** Whether a pair is scored: both documents labelled, and in or across languages as asked. */
  private boolean inScope(String x, String y) {
    String a = languageOf.get(x);
    String b = languageOf.get(y);
    return a != null && b != null && crossLanguage != a.equals(b);
  }

  private String languagePair(String x, String y) {
    return languagePairOf(languageOf.get(x), languageOf.get(y));
  }

  /** A row label for two languages: the language itself, or both in alphabetical order. */
  static String languagePairOf(String a, String b) {
    if (a.equals(b)) {
      return a;
    }
    return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
  }

  /**
   * How much of the smaller text a match finds in the other, one scale for both stages: the
   * alignment score (aligned entity weight over the lighter text's) or the larger share of a text
   * inside shared passages, whichever is known and larger. A shingle-stage match has no alignment
   * score ({@code NaN}), so comparing alignment scores alone would let output order pick a
   * document's best partner.
   */
  static double strength(Match m) {
    double best = 0;
    for (double v :
        new double[] {m.scores().alignment(), m.scores().coverageA(), m.scores().coverageB()}) {
      if (!Double.isNaN(v)) {
        best = Math.max(best, v);
      }
    }
    return best;
  }
}

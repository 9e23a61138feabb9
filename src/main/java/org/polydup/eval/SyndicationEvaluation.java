package org.polydup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.polydup.Document;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.ScanResult;
import org.polydup.Scores;
import org.polydup.cluster.Deduplicator;

/**
 * Scores a scan against the syndication set ({@code ../shared/data/syndication}): same-language
 * reposts, light edits, truncations and digests. Follows the set's README exactly: precision over
 * every reported pair, where pairs inside one gold cluster that are not labelled (transitive links
 * in a chain) and cross-language pairs inside one translation group are neither right nor wrong.
 *
 * <p>Per relation, two tables. {@code by relation}: a labelled pair, found or missed, is charged to
 * its labelled relation whatever relation it was reported with, and a false pair to the relation it
 * was reported with; so these rows add up to the pooled one, and a row's recall is the share of its
 * labelled pairs found at all. {@code as RELATION}: only the pairs reported with that relation
 * count as found ({@code as derived} of the rewrites eval, one per relation): a labelled pair
 * reported with another relation is a miss of its own row and a false positive of the row of the
 * relation it was reported with; precision is the share of the pairs reported with the relation
 * that are labelled with it.
 */
public final class SyndicationEvaluation {

  /** One labelled pair. */
  record LabelledPair(String a, String b, Relation relation, String transform) {}

  private final List<Document> documents = new ArrayList<>();
  private final Map<String, String> languageOf = new HashMap<>();
  private final Map<PairKey, LabelledPair> labelled = new LinkedHashMap<>();
  private final Map<String, String> clusterOf = new HashMap<>();
  private final Map<String, String> translationGroupOf = new HashMap<>();

  /**
   * Loads {@code docs.jsonl}, {@code pairs.jsonl}, {@code clusters.tsv}, {@code translations.tsv}.
   */
  public static SyndicationEvaluation load(Path directory) {
    SyndicationEvaluation e = new SyndicationEvaluation();
    for (JsonNode d : Jsonl.read(directory.resolve("docs.jsonl"))) {
      String id = Jsonl.text(d, "id");
      String lang = Jsonl.text(d, "lang");
      e.documents.add(new Document(id, Jsonl.text(d, "text"), lang));
      e.languageOf.put(id, lang);
    }
    for (JsonNode p : Jsonl.read(directory.resolve("pairs.jsonl"))) {
      LabelledPair pair =
          new LabelledPair(
              Jsonl.text(p, "a"),
              Jsonl.text(p, "b"),
              Relation.fromLabel(Jsonl.text(p, "relation")),
              Jsonl.text(p, "transform"));
      e.labelled.put(PairKey.of(pair.a(), pair.b()), pair);
    }
    readGroups(directory.resolve("clusters.tsv"), e.clusterOf);
    readGroups(directory.resolve("translations.tsv"), e.translationGroupOf);
    return e;
  }

  /** The documents to scan, with their labelled language as the hint. */
  public List<Document> documents() {
    return documents;
  }

  /** The outcome of scoring one scan. */
  public record Report(
      double precision,
      double recall,
      double f1,
      long truePositives,
      long falsePositives,
      long falseNegatives,
      String table) {}

  /** Scores a scan of {@link #documents()}. */
  public Report score(ScanResult result) {
    return score(result, null);
  }

  /**
   * Scores a scan of {@link #documents()} and adds every false positive to {@code falsePositives}
   * (when not {@code null}), with what each document is in the set.
   */
  public Report score(ScanResult result, FalsePositiveReport falsePositives) {
    Counts all = new Counts();
    Map<String, Counts> byTransform = new TreeMap<>();
    Map<String, Counts> byLanguage = new TreeMap<>();
    Map<Relation, Counts> byRelation = new EnumMap<>(Relation.class);
    Map<Relation, Counts> asRelation = new EnumMap<>(Relation.class);
    for (LabelledPair pair : labelled.values()) {
      byRelation.computeIfAbsent(pair.relation(), k -> new Counts());
      asRelation.computeIfAbsent(pair.relation(), k -> new Counts());
    }
    Map<PairKey, Match> reported = new HashMap<>();
    long implied = 0;
    long translations = 0;
    long relationRight = 0;
    long directionRight = 0;
    long directional = 0;
    List<String> falsePositiveExamples = new ArrayList<>();
    for (Match m : result.matches()) {
      if (m.relation() == Relation.RELATED) {
        continue;
      }
      PairKey key = PairKey.of(m.a(), m.b());
      reported.put(key, m);
      LabelledPair gold = labelled.get(key);
      // A false pair across languages is charged to its language pair, not to whichever of its
      // documents came first.
      String language =
          ClusterPairEvaluation.languagePairOf(
              languageOf.getOrDefault(m.a(), "?"), languageOf.getOrDefault(m.b(), "?"));
      if (gold != null) {
        all.truePositives++;
        byTransform.computeIfAbsent(gold.transform(), k -> new Counts()).truePositives++;
        byLanguage.computeIfAbsent(languageOf.get(gold.a()), k -> new Counts()).truePositives++;
        byRelation.get(gold.relation()).truePositives++;
        if (gold.relation() == m.relation()) {
          relationRight++;
          asRelation.get(gold.relation()).truePositives++;
        } else {
          asRelation.get(gold.relation()).falseNegatives++;
          asRelation.computeIfAbsent(m.relation(), k -> new Counts()).falsePositives++;
        }
        if (gold.relation() == Relation.CONTAINED) {
          directional++;
          if (gold.a().equals(m.container())) {
            directionRight++;
          }
        }
      } else if (same(clusterOf, m.a(), m.b())) {
        implied++;
      } else if (!languageOf.get(m.a()).equals(languageOf.get(m.b()))
          && same(translationGroupOf, m.a(), m.b())) {
        translations++;
      } else {
        all.falsePositives++;
        byLanguage.computeIfAbsent(language, k -> new Counts()).falsePositives++;
        byRelation.computeIfAbsent(m.relation(), k -> new Counts()).falsePositives++;
        asRelation.computeIfAbsent(m.relation(), k -> new Counts()).falsePositives++;
        if (falsePositives != null) {
          falsePositives.add(m);
        }
        if (falsePositiveExamples.size() < 15) {
          falsePositiveExamples.add(example(m));
        }
      }
    }
    for (Map.Entry<PairKey, LabelledPair> e : labelled.entrySet()) {
      if (!reported.containsKey(e.getKey())) {
        LabelledPair gold = e.getValue();
        all.falseNegatives++;
        byTransform.computeIfAbsent(gold.transform(), k -> new Counts()).falseNegatives++;
        byLanguage.computeIfAbsent(languageOf.get(gold.a()), k -> new Counts()).falseNegatives++;
        byRelation.get(gold.relation()).falseNegatives++;
        asRelation.get(gold.relation()).falseNegatives++;
      }
    }
    StringBuilder table = new StringBuilder();
    table
        .append("syndication: duplicate + contained, ")
        .append(result.documents())
        .append(" documents\n");
    Counts.Table rows = new Counts.Table().row("all", all);
    rows.text("by transform (recall only: a false pair was made by no transform)");
    byTransform.forEach((t, c) -> rows.recallRow(t, c));
    rows.text("by language (a false pair across languages: by its language pair)");
    byLanguage.forEach((l, c) -> rows.row(l, c));
    rows.text(
        "by relation (a labelled pair by its labelled relation, a false pair by the reported"
            + " one)");
    byRelation.forEach((r, c) -> rows.row(r.label(), c));
    rows.text(
        "reported with the right relation (a labelled pair reported with another one: a miss of"
            + " its row, a false positive of the other's)");
    asRelation.forEach((r, c) -> rows.row("as " + r.label(), c));
    table.append(rows);
    table.append(
        String.format(
            Locale.ROOT,
            "relation right %d/%d, container right %d/%d, implied (ignored) %d, translations"
                + " (ignored) %d\n",
            relationRight,
            all.truePositives,
            directionRight,
            directional,
            implied,
            translations));
    if (!falsePositiveExamples.isEmpty()) {
      table.append("first false positives:\n");
      falsePositiveExamples.forEach(s -> table.append(s).append('\n'));
    }
    return new Report(
        all.precision(),
        all.recall(),
        all.f1(),
        all.truePositives,
        all.falsePositives,
        all.falseNegatives,
        table.toString());
  }

  /** A report of false positives over these documents, naming what each document is. */
  public FalsePositiveReport falsePositiveReport() {
    Map<String, String> textOf = new HashMap<>();
    documents.forEach(d -> textOf.put(d.id(), d.text()));
    Map<String, String> roleOf = new HashMap<>();
    for (LabelledPair p : labelled.values()) {
      roleOf.merge(p.a(), p.transform() + ":a of " + p.b(), (x, y) -> x + ", " + y);
      roleOf.merge(p.b(), p.transform() + ":b of " + p.a(), (x, y) -> x + ", " + y);
    }
    for (Document d : documents) {
      String role = roleOf.getOrDefault(d.id(), "no copies, may be quoted");
      roleOf.put(
          d.id(),
          "cluster "
              + clusterOf.get(d.id())
              + ", translation group "
              + translationGroupOf.getOrDefault(d.id(), "-")
              + ", "
              + role);
    }
    return new FalsePositiveReport(textOf, roleOf);
  }

  private static boolean same(Map<String, String> groups, String x, String y) {
    String gx = groups.get(x);
    return gx != null && gx.equals(groups.get(y));
  }

  /**
   * How {@code polydup dedup} would clean this set, for each keep policy at the default minimum
   * coverage: how many documents it drops, how many of them it drops for a document of another
   * labelled story (a loss of text) or for a digest that quotes only their lead, and what share of
   * the redundant documents it drops. Redundant: the members of each labelled story other than its
   * digests, less the one kept.
   */
  public String deduplicationTable(ScanResult result) {
    Map<String, Integer> storySize = new HashMap<>();
    java.util.Set<String> digests = new java.util.HashSet<>();
    java.util.Set<PairKey> digestPairs = new java.util.HashSet<>();
    for (LabelledPair pair : labelled.values()) {
      if (pair.transform().equals("digest")) {
        digests.add(pair.a());
        digestPairs.add(PairKey.of(pair.a(), pair.b()));
      }
    }
    for (Document d : documents) {
      String story = clusterOf.get(d.id());
      if (story != null && !digests.contains(d.id())) {
        storySize.merge(story, 1, Integer::sum);
      }
    }
    int redundant = 0;
    for (int size : storySize.values()) {
      redundant += Math.max(0, size - 1);
    }
    StringBuilder table =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "deduplication (polydup dedup, minimum coverage %.2f): %d redundant documents%n"
                    + "%-8s %8s %14s %14s %9s%n",
                Deduplicator.DEFAULT_MINIMUM_COVERAGE,
                redundant,
                "keep",
                "dropped",
                "other story",
                "into digest",
                "share"));
    for (Deduplicator.Keep keep : Deduplicator.Keep.values()) {
      Deduplicator.Result r =
          new Deduplicator(keep, Deduplicator.DEFAULT_MINIMUM_COVERAGE)
              .deduplicate(documents, result.matches());
      int otherStory = 0;
      int intoDigest = 0;
      for (Deduplicator.Dropped d : r.dropped()) {
        String story = clusterOf.get(d.id());
        if (story == null || !story.equals(clusterOf.get(d.kept()))) {
          otherStory++;
        }
        if (digestPairs.contains(PairKey.of(d.id(), d.kept()))) {
          intoDigest++;
        }
      }
      table.append(
          String.format(
              Locale.ROOT,
              "%-8s %8d %14d %14d %9.3f%n",
              keep.name().toLowerCase(Locale.ROOT),
              r.dropped().size(),
              otherStory,
              intoDigest,
              redundant == 0 ? 0 : (double) r.dropped().size() / redundant));
    }
    return table.toString();
  }

  /**
   * Reads a group file ({@code clusters.tsv}, {@code translations.tsv}: a header, then a group id,
   * a tab and the member ids) into {@code groupOf}, member to group.
   */
  static void readGroups(Path file, Map<String, String> groupOf) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 1; i < lines.size(); i++) {
        String[] parts = lines.get(i).split("\t");
        if (parts.length < 2) {
          continue;
        }
        for (String member : parts[1].trim().split(" +")) {
          groupOf.put(member, parts[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * One line for a false positive: the shingle stage's coverage and Jaccard similarity, or, for a
   * pair the align stage reported (which has no shingle scores), its alignment scores.
   */
  static String example(Match m) {
    Scores s = m.scores();
    if (Double.isNaN(s.alignment())) {
      return String.format(
          Locale.ROOT,
          "  %s %s %s cov %.2f/%.2f J %.3f",
          m.a(),
          m.b(),
          m.relation().label(),
          s.coverageA(),
          s.coverageB(),
          s.jaccard());
    }
    return String.format(
        Locale.ROOT,
        "  %s %s %s (align) score %.3f aligned %.3f/%.3f density %.3f, %d entities",
        m.a(),
        m.b(),
        m.relation().label(),
        s.alignment(),
        s.alignmentCoverageA(),
        s.alignmentCoverageB(),
        s.alignmentDensity(),
        m.entities().size());
  }
}

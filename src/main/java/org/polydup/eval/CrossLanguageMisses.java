package org.polydup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.lang.UScript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.polydup.Relation;
import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.CrossLanguageMatcher.AlignedPair;
import org.polydup.align.CrossLanguageMatcher.Doc;
import org.polydup.align.EntityIndex;
import org.polydup.align.extract.Entity;
import org.polydup.align.extract.EntityExtractor;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.AlignedEntityPair;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;
import org.polydup.align.pairwise.KeyStatistics;

/**
 * Explains why the align stage misses gold cross-language pairs of {@code xling} (documents of at
 * least 400 characters, all languages pooled, the matcher alone), by category:
 *
 * <ul>
 *   <li><b>never a candidate</b>: the pair was never aligned. Split by why: no anchor key in common
 *       at all; keys in common but none the index reads (too common, or not among a query's
 *       rarest); both candidate lists full (the partner ranks below the per-document limit both
 *       ways). Each with what the pair would give if it were aligned.
 *   <li><b>aligned, not a copy</b>: the relation the matcher gave and the first check that failed
 *       (coverage, weight, length ratio) or the batch rule that demoted it (one version per
 *       language).
 * </ul>
 *
 * It also prints, per language and per anchor class (by kind and script), the share of a text's
 * anchor weight that class carries and the share of it that its gold partners match: a class that
 * carries weight and matches little dilutes coverage.
 *
 * <p>Run: {@code java -cp target/polydup-0.1.0-SNAPSHOT-cli.jar
 * org.polydup.eval.CrossLanguageMisses ../shared/data/xling [even|odd|all] [LANGUAGE]} (the
 * optional half keeps documents whose cluster id hashes even or odd, for checking a change on two
 * halves; the optional language code keeps the gold pairs with a text in that language).
 */
public final class CrossLanguageMisses {
  private static final int MINIMUM_LENGTH = 400;
  private static final int CANDIDATES = 8;
  private static final int DEEP_CANDIDATES = 200;

  private CrossLanguageMisses() {}

  private record Row(String id, String language, String cluster, String domain, int length) {}

  /**
   * Prints the categories.
   *
   * @param args the xling folder, then optionally {@code even}, {@code odd} or {@code all}, then
   *     optionally a language code
   * @throws IOException never in practice (reads go through {@link Jsonl})
   */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/xling");
    String half = args.length > 1 ? args[1] : "all";
    String only = args.length > 2 ? args[2] : "all";
    List<Row> rows = new ArrayList<>();
    List<Doc> docs = new ArrayList<>();
    for (JsonNode node : Jsonl.read(folder.resolve("docs.jsonl"))) {
      String text = Jsonl.text(node, "text");
      String cluster = Jsonl.text(node, "cluster");
      if (text.length() < MINIMUM_LENGTH || !inHalf(cluster, half)) {
        continue;
      }
      String id = Jsonl.text(node, "id");
      String language = Jsonl.text(node, "lang");
      rows.add(new Row(id, language, cluster, Jsonl.text(node, "domain"), text.length()));
      docs.add(new Doc(id, text, language));
    }
    int size = docs.size();
    CrossLanguageMatcher matcher =
        new CrossLanguageMatcher(AlignmentThresholds.defaults(), CANDIDATES, true, true);
    Map<PairKey, AlignedPair> aligned = new HashMap<>();
    for (AlignedPair pair : matcher.match(docs)) {
      aligned.put(PairKey.of(pair.a(), pair.b()), pair);
    }
    // The matcher's inputs again, for the candidate ranks and direct alignments.
    EntityProfile[] profiles = new EntityProfile[size];
    ThreadLocal<EntityExtractor> extractors = ThreadLocal.withInitial(EntityExtractor::new);
    IntStream.range(0, size)
        .parallel()
        .forEach(
            i ->
                profiles[i] = extractors.get().extract(docs.get(i).text(), docs.get(i).language()));
    KeyStatistics statistics = new KeyStatistics();
    for (EntityProfile profile : profiles) {
      statistics.add(profile);
    }
    statistics.freeze();
    int maximumPostings = CrossLanguageMatcher.maximumPostings(size);
    EntityIndex index = new EntityIndex(statistics, maximumPostings);
    index.addAll(profiles);
    List<Map<Integer, Integer>> ranks = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ranks.add(new HashMap<>());
    }
    IntStream.range(0, size)
        .parallel()
        .forEach(
            i -> {
              Map<Integer, Integer> rank = new HashMap<>();
              int r = 0;
              for (EntityIndex.Candidate c : index.query(profiles[i], DEEP_CANDIDATES, i)) {
                if (!profiles[c.document()].language().equals(profiles[i].language())) {
                  rank.put(c.document(), ++r);
                }
              }
              ranks.set(i, rank);
            });
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < size; i++) {
      position.put(rows.get(i).id(), i);
    }
    Map<String, List<Integer>> clusters = new HashMap<>();
    for (int i = 0; i < size; i++) {
      clusters.computeIfAbsent(rows.get(i).cluster(), k -> new ArrayList<>()).add(i);
    }
    int falseCopies = 0;
    Map<String, Integer> falseByLanguages = new TreeMap<>();
    for (AlignedPair pair : aligned.values()) {
      int a = position.get(pair.a());
      int b = position.get(pair.b());
      if (pair.alignment().isCopy()
          && !rows.get(a).language().equals(rows.get(b).language())
          && !rows.get(a).cluster().equals(rows.get(b).cluster())) {
        falseCopies++;
        String languages =
            ClusterPairEvaluation.languagePairOf(rows.get(a).language(), rows.get(b).language());
        falseByLanguages.merge(languages, 1, Integer::sum);
      }
    }
    Aligner aligner = new Aligner();
    Map<String, int[]> categories = new TreeMap<>();
    Map<String, int[]> domains = new TreeMap<>();
    ClassWeights classes = new ClassWeights();
    int gold = 0;
    for (List<Integer> members : clusters.values()) {
      for (int x = 0; x < members.size(); x++) {
        for (int y = x + 1; y < members.size(); y++) {
          int a = members.get(x);
          int b = members.get(y);
          if (rows.get(a).language().equals(rows.get(b).language())
              || !(only.equals("all")
                  || rows.get(a).language().equals(only)
                  || rows.get(b).language().equals(only))) {
            continue;
          }
          gold++;
          AlignmentResult direct = aligner.align(profiles[a], profiles[b], statistics);
          classes.add(profiles[a], profiles[b], direct, statistics);
          AlignedPair pair = aligned.get(PairKey.of(rows.get(a).id(), rows.get(b).id()));
          String category;
          if (pair != null && pair.alignment().isCopy()) {
            category = "found";
          } else if (pair != null) {
            category =
                "aligned, "
                    + label(pair.relation())
                    + ": "
                    + why(pair.alignment(), direct, profiles[a], profiles[b]);
          } else {
            category =
                "never candidate: "
                    + whyNotCandidate(a, b, ranks, profiles, statistics, maximumPostings, index);
            category += " / direct " + label(direct.relation());
          }
          String bucket = lengthBucket(Math.min(rows.get(a).length(), rows.get(b).length()));
          String domain = rows.get(a).domain();
          domains.computeIfAbsent(domain, k -> new int[2])[0]++;
          if (category.equals("found")) {
            domains.get(domain)[1]++;
          }
          categories.computeIfAbsent(category, k -> new int[4])[0]++;
          categories.get(category)[bucketIndex(bucket)]++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "xling misses (%s): %d documents, %d gold cross-language pairs, %d false copies%n"
            + "%-78s %6s %6s %6s %6s%n",
        half,
        size,
        gold,
        falseCopies,
        "category",
        "all",
        "<1000",
        "<=3000",
        ">3000");
    categories.forEach(
        (category, counts) ->
            System.out.printf(
                Locale.ROOT,
                "%-78s %6d %6d %6d %6d%n",
                category,
                counts[0],
                counts[1],
                counts[2],
                counts[3]));
    System.out.println("false copies by language pair: " + falseByLanguages);
    System.out.println();
    domains.forEach(
        (domain, counts) ->
            System.out.printf(
                Locale.ROOT,
                "domain %-14s gold %5d found %5d recall %.3f%n",
                domain,
                counts[0],
                counts[1],
                (double) counts[1] / counts[0]));
    System.out.println();
    System.out.print(classes.table());
  }

  private static boolean inHalf(String cluster, String half) {
    return switch (half) {
      case "even" -> (cluster.hashCode() & 1) == 0;
      case "odd" -> (cluster.hashCode() & 1) == 1;
      default -> true;
    };
  }

  private static String label(Relation relation) {
    return relation == null ? "none" : relation.label();
  }

  private static String lengthBucket(int shorter) {
    return shorter < 1000 ? "<1000" : shorter <= 3000 ? "<=3000" : ">3000";
  }

  private static int bucketIndex(String bucket) {
    return switch (bucket) {
      case "<1000" -> 1;
      case "<=3000" -> 2;
      default -> 3;
    };
  }

  /** The first decision check an aligned, non-copy gold pair fails. */
  private static String why(
      AlignmentResult batch, AlignmentResult direct, EntityProfile first, EntityProfile second) {
    if (direct.relation() == Relation.TRANSLATION) {
      return "demoted by batch rule (direct translation)";
    }
    AlignmentThresholds t = AlignmentThresholds.defaults();
    if (batch.score() < t.translationCoverage() / 2) {
      return "coverage < 0.04";
    }
    if (batch.score() < t.translationCoverage()) {
      return batch.matchedWeight() < 2 * t.translationWeight()
          ? "coverage 0.04-0.08, weight < 5"
          : "coverage 0.04-0.08, weight >= 5 (ratio)";
    }
    if (batch.matchedWeight() < t.translationWeight()) {
      return "coverage ok, weight < 2.5";
    }
    if (Aligner.lengthRatio(first, second) > t.maximumLengthRatio()) {
      return "coverage ok, length ratio > " + t.maximumLengthRatio();
    }
    return "other";
  }

  private static String whyNotCandidate(
      int a,
      int b,
      List<Map<Integer, Integer>> ranks,
      EntityProfile[] profiles,
      KeyStatistics statistics,
      int maximumPostings,
      EntityIndex index) {
    long[] keysA = distinctAnchorKeys(profiles[a]);
    long[] keysB = distinctAnchorKeys(profiles[b]);
    int shared = 0;
    int sharedWeighted = 0;
    int sharedQueryable = 0;
    for (long key : keysA) {
      if (java.util.Arrays.binarySearch(keysB, key) >= 0) {
        shared++;
        if (statistics.weight(key) > 0) {
          sharedWeighted++;
        }
        if (statistics.documentFrequency(key) <= maximumPostings) {
          sharedQueryable++;
        }
      }
    }
    if (shared == 0) {
      return "no shared anchor key";
    }
    if (sharedQueryable == 0) {
      return "shared keys all too common (" + (sharedWeighted > 0 ? "weighted" : "weight 0") + ")";
    }
    Integer rankAb = ranks.get(a).get(b);
    Integer rankBa = ranks.get(b).get(a);
    if (rankAb == null && rankBa == null) {
      return "shared rare keys, not among the queries' rarest";
    }
    int best = Math.min(rankAb == null ? 999 : rankAb, rankBa == null ? 999 : rankBa);
    return best <= 16
        ? "lists full, rank 9-16"
        : best <= 40 ? "lists full, rank 17-40" : "lists full, rank > 40";
  }

  private static long[] distinctAnchorKeys(EntityProfile profile) {
    return java.util.Arrays.stream(profile.anchorKeys()).distinct().sorted().toArray();
  }

  /**
   * Per language and anchor class: the anchor weight a text carries in that class, and how much of
   * it its gold partners match (summed over gold pairs, each side counted for its own language).
   */
  private static final class ClassWeights {
    private final Map<String, double[]> byClass = new TreeMap<>();

    void add(
        EntityProfile first,
        EntityProfile second,
        AlignmentResult result,
        KeyStatistics statistics) {
      boolean han = isHanLanguage(first.language()) && isHanLanguage(second.language());
      total(first, han, statistics);
      total(second, han, statistics);
      for (AlignedEntityPair pair : result.evidence()) {
        matched(first.language(), pair.first(), pair.weight());
        matched(second.language(), pair.second(), pair.weight());
      }
    }

    private static boolean isHanLanguage(String language) {
      return language.equals("ja") || language.equals("zh");
    }

    private void total(EntityProfile profile, boolean han, KeyStatistics statistics) {
      Map<Long, Integer> repeats = new HashMap<>();
      List<Entity> anchors = new ArrayList<>();
      for (Entity entity : profile.entities()) {
        if (entity.kind() == EntityKind.HAN_FORM && !han) {
          continue;
        }
        if (entity.kind().isAnchor() || entity.key() != 0) {
          anchors.add(entity);
          repeats.merge(entity.key(), 1, Integer::sum);
        }
      }
      for (Entity entity : anchors) {
        double weight = statistics.weight(entity.key()) / Math.sqrt(repeats.get(entity.key()));
        byClass
                .computeIfAbsent(profile.language() + " " + className(entity), k -> new double[2])[
                0] +=
            weight;
      }
    }

    private void matched(String language, Entity entity, double weight) {
      byClass.computeIfAbsent(language + " " + className(entity), k -> new double[2])[1] += weight;
    }

    private static String className(Entity entity) {
      int script = UScript.COMMON;
      for (int i = 0; i < entity.surface().length(); ) {
        int c = entity.surface().codePointAt(i);
        int s = UScript.getScript(c);
        if (s != UScript.COMMON && s != UScript.INHERITED) {
          script = s;
          break;
        }
        i += Character.charCount(c);
      }
      return entity.kind().name() + "/" + UScript.getShortName(script);
    }

    String table() {
      StringBuilder out =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%-24s %10s %10s %8s%n",
                  "language class",
                  "of weight",
                  "matched",
                  "weight"));
      Map<String, Double> languageTotals = new HashMap<>();
      byClass.forEach(
          (k, v) -> languageTotals.merge(k.substring(0, k.indexOf(' ')), v[0], Double::sum));
      byClass.forEach(
          (k, v) -> {
            double total = languageTotals.get(k.substring(0, k.indexOf(' ')));
            if (v[0] / total >= 0.01) {
              out.append(
                  String.format(
                      Locale.ROOT,
                      "%-24s %9.1f%% %10.3f %8.3f%n",
                      k,
                      100 * v[0] / total,
                      v[0] > 0 ? v[1] / v[0] : 0,
                      v[0]));
            }
          });
      return out.toString();
    }
  }
}

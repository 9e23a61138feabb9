package org.polydup.align.pairwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polydup.Relation;
import org.polydup.align.extract.Entity;
import org.polydup.align.extract.EntityExtractor;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.extract.EntityProfile;

/** Exact edge cases of {@link Aligner} and validation of its settings. */
class AlignerTest {
  /** One paragraph and its Ukrainian translation, sharing names, numbers and places. */
  private static final String ENGLISH =
      "The White House is investing $20 billion to replace about 200 Chinese-made cranes"
          + " operating in US ports. President Zelenskyy thanked Malaysia, Thailand and"
          + " Mongolia. Mao Ning spoke on Thursday in Shanghai.";

  private static final String UKRAINIAN =
      "Білий дім інвестує 20 мільярдів доларів на заміну близько 200 кранів китайського"
          + " виробництва в портах США. Президент Зеленський подякував Малайзії, Таїланду і"
          + " Монголії. Мао Нін виступила у четвер у Шанхаї.";

  private final EntityExtractor extractor = new EntityExtractor();

  @Test
  void katakanaSpellings_keepTheWordKeyAndStayOutOfWordSequences() {
    EntityProfile profile = extractor.extract("インターネットとコンピューター", "ja");
    long spellings = 0;
    for (int i = 0; i < profile.size(); i++) {
      if (profile.kind(i) == EntityKind.SPELLING) {
        spellings++;
        assertEquals(profile.wordKey(i - 1), profile.wordKey(i), profile.entity(i).toString());
      }
    }
    assertTrue(spellings >= 2, profile.entities().toString());
    // Same-language alignment compares words: each word once, without its second keys.
    KeyStatistics statistics = new KeyStatistics();
    assertEquals(
        profile.size() - spellings, Aligner.sequence(profile, false, false, statistics).length());
    assertEquals(profile.size(), Aligner.sequence(profile, true, false, statistics).length());
  }

  @Test
  void align_givesTheSameResultEitherWayRound_onRealText() throws java.io.IOException {
    // Real news in 11 languages (testdata/syndication/README.md), every pair of the first 120
    // documents: the programme breaks ties between equally good paths by side, which changed the
    // evidence of 63 and the density of 16 of the full set's aligned pairs with the order.
    List<EntityProfile> profiles = new ArrayList<>();
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line :
        java.nio.file.Files.readAllLines(
            java.nio.file.Path.of("testdata/syndication/docs.jsonl"))) {
      if (profiles.size() == 120) {
        break;
      }
      com.fasterxml.jackson.databind.JsonNode document = mapper.readTree(line);
      profiles.add(extractor.extract(document.get("text").asText(), document.get("lang").asText()));
    }
    KeyStatistics statistics = new KeyStatistics();
    profiles.forEach(statistics::add);
    statistics.freeze();
    Aligner aligner = new Aligner();
    int withEvidence = 0;
    for (int i = 0; i < profiles.size(); i++) {
      for (int j = i + 1; j < profiles.size(); j++) {
        AlignmentResult forward = aligner.align(profiles.get(i), profiles.get(j), statistics);
        AlignmentResult backward = aligner.align(profiles.get(j), profiles.get(i), statistics);
        String pair = i + " " + j;
        assertEquals(forward.relation(), backward.relation(), pair);
        assertEquals(forward.density(), backward.density(), pair);
        assertEquals(forward.coverageFirst(), backward.coverageSecond(), pair);
        assertEquals(forward.evidence().size(), backward.evidence().size(), pair);
        for (int k = 0; k < forward.evidence().size(); k++) {
          AlignedEntityPair f = forward.evidence().get(k);
          AlignedEntityPair b = backward.evidence().get(k);
          assertEquals(f.first(), b.second(), pair);
          assertEquals(f.second(), b.first(), pair);
        }
        withEvidence += forward.evidence().isEmpty() ? 0 : 1;
      }
    }
    assertTrue(withEvidence > 1000, withEvidence + " pairs with evidence");
  }

  @Test
  void identicalTexts_scoreOne_withEvidenceOffsets() {
    String text = "Volodymyr Zelenskyy met Emmanuel Macron in Paris on 12 March 2024 with NATO.";
    EntityProfile a = extractor.extract(text, "en");
    EntityProfile b = extractor.extract(text, "en");
    KeyStatistics statistics = new KeyStatistics();
    statistics.add(a);
    statistics.add(extractor.extract("Something else entirely about cooking pasta.", "en"));
    AlignmentResult result = new Aligner().align(a, b, statistics);
    assertEquals(1.0, result.score(), 1e-9);
    assertTrue(!result.evidence().isEmpty());
    for (AlignedEntityPair pair : result.evidence()) {
      assertEquals(pair.first().start(), pair.second().start());
    }
  }

  @Test
  void evidenceOffsets_agreeWithTheEvidenceList_acrossLanguagesAndOfACopiedList() {
    EntityProfile english = extractor.extract(ENGLISH, "en");
    EntityProfile ukrainian = extractor.extract(UKRAINIAN, "uk");
    KeyStatistics statistics = new KeyStatistics();
    statistics.add(english);
    statistics.add(ukrainian);
    statistics.add(extractor.extract("Something else entirely about cooking pasta.", "en"));
    // The aligner's own evidence (anchor sequences skip entities, so positions are not entity
    // indexes), and the same pairs copied into a plain list.
    AlignmentResult aligned = new Aligner().align(english, ukrainian, statistics);
    AlignmentResult copied =
        new AlignmentResult(
            aligned.relation(),
            aligned.score(),
            aligned.coverageFirst(),
            aligned.coverageSecond(),
            aligned.density(),
            aligned.matchedWeight(),
            aligned.crossLanguage(),
            new ArrayList<>(aligned.evidence()),
            aligned.partialCopy());
    assertTrue(aligned.evidence().size() >= 5, aligned.evidence().toString());
    for (AlignmentResult result : List.of(aligned, copied)) {
      for (int i = 0; i < aligned.evidence().size(); i++) {
        AlignedEntityPair pair = aligned.evidence().get(i);
        assertEquals(pair.first().start(), result.evidenceStart(i, true));
        assertEquals(pair.first().end(), result.evidenceEnd(i, true));
        assertEquals(pair.second().start(), result.evidenceStart(i, false));
        assertEquals(pair.second().end(), result.evidenceEnd(i, false));
        assertEquals(pair.weight(), result.evidenceWeight(i));
      }
    }
    int size = aligned.evidence().size();
    assertThrows(IndexOutOfBoundsException.class, () -> aligned.evidenceStart(size, true));
    assertThrows(IndexOutOfBoundsException.class, () -> aligned.evidenceWeight(-1));
  }

  @Test
  void sequence_weighsEachKeyByRarityOverRootOfItsRepeats_andRanksOnlyPositiveKeys() {
    // Keys 5 (three times), 7 (twice), 9, 11 and 13; 11 is in every document, so it weighs 0.
    long[] keys = {5, 11, 7, 5, 13, 9, 5, 7, 11};
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      entities.add(new Entity(keys[i], keys[i], EntityKind.NAME, 2 * i, 2 * i + 1, "x"));
    }
    EntityProfile profile = new EntityProfile("en", 2 * keys.length, entities);
    KeyStatistics statistics = new KeyStatistics();
    for (int d = 0; d < 30; d++) {
      long[] other = d % 10 == 0 ? new long[] {11, 5} : new long[] {11, 100 + d};
      List<Entity> ones = new ArrayList<>();
      for (long key : other) {
        ones.add(new Entity(key, key, EntityKind.NAME, 0, 1, "x"));
      }
      statistics.add(new EntityProfile("en", 1, ones));
    }
    statistics.add(profile);
    statistics.freeze();
    assertEquals(0.0, statistics.weight(11));
    KeySequence sequence = Aligner.sequence(profile, true, false, statistics);
    assertArrayEquals(new long[] {5, 7, 9, 13}, sequence.distinctKeys);
    double total = 0;
    for (int i = 0; i < keys.length; i++) {
      long key = keys[i];
      int repeats = (int) Arrays.stream(keys).filter(k -> k == key).count();
      double expected = statistics.weight(keys[i]) / Math.sqrt(repeats);
      assertEquals(expected, sequence.weight(i), "position " + i);
      int rank = Arrays.binarySearch(sequence.distinctKeys, keys[i]);
      assertEquals(keys[i] == 11 ? -1 : rank, sequence.ranks[i], "position " + i);
      total += expected;
    }
    assertEquals(total, sequence.totalWeight);
  }

  @Test
  void sameLanguage_skipsOnlyPairsThatCannotEndWanted_andOtherwiseAlignsAsWithoutTheBound() {
    long seed = 20_261_128L;
    Random random = new Random(seed);
    // Stories of 80 word keys; each text a story with a share of its words replaced by random
    // ones, a third of them shuffled, so pairs range from copies to texts sharing many words out
    // of order.
    int stories = 40;
    long[][] story = new long[stories][80];
    for (long[] words : story) {
      for (int k = 0; k < words.length; k++) {
        words[k] = 1 + random.nextInt(3000);
      }
    }
    List<EntityProfile> profiles = new ArrayList<>();
    for (int d = 0; d < 200; d++) {
      long[] words = story[d % stories].clone();
      double replaced = new double[] {0.05, 0.5, 0.8, 0.95}[random.nextInt(4)];
      if (d % 3 == 2) {
        // Some texts use the story's words in another order: shared, but not in sequence.
        for (int k = words.length - 1; k > 0; k--) {
          int other = random.nextInt(k + 1);
          long swap = words[k];
          words[k] = words[other];
          words[other] = swap;
        }
      }
      List<Entity> entities = new ArrayList<>();
      for (int k = 0; k < words.length; k++) {
        long key = random.nextDouble() < replaced ? 1 + random.nextInt(3000) : words[k];
        entities.add(new Entity(key, key, EntityKind.WORD, 6 * k, 6 * k + 5, "w"));
      }
      profiles.add(new EntityProfile("en", 6 * words.length, entities));
    }
    KeyStatistics statistics = new KeyStatistics();
    profiles.forEach(statistics::add);
    statistics.freeze();
    Aligner aligner = new Aligner();
    int skipped = 0;
    int derived = 0;
    int passedOther = 0;
    for (int x = 0; x < profiles.size(); x++) {
      KeySequence a = Aligner.sequence(profiles.get(x), false, false, statistics);
      for (int y = x + 1; y < profiles.size(); y++) {
        KeySequence b = Aligner.sequence(profiles.get(y), false, false, statistics);
        AlignmentResult full = aligner.align(a, b, statistics, relation -> true);
        AlignmentResult bounded =
            aligner.align(a, b, statistics, relation -> relation == Relation.DERIVED);
        String where = "seed " + seed + ", texts " + x + " and " + y;
        if (bounded == null) {
          skipped++;
          assertTrue(full.relation() != Relation.DERIVED, where);
          continue;
        }
        derived += full.relation() == Relation.DERIVED ? 1 : 0;
        passedOther += full.relation() == Relation.DERIVED ? 0 : 1;
        assertEquals(full.relation(), bounded.relation(), where);
        assertEquals(full.matchedWeight(), bounded.matchedWeight(), where);
        assertEquals(full.density(), bounded.density(), where);
        assertEquals(full.relation() == Relation.DERIVED, !bounded.evidence().isEmpty(), where);
      }
    }
    String counts = skipped + " skipped, " + derived + " derived, " + passedOther + " other";
    assertTrue(skipped > 100 && derived > 20 && passedOther > 10, counts);
  }

  @Test
  void alignments_withBuffersReusedAcrossPairs_equalThoseOnFreshThreads() throws Exception {
    long seed = 20_261_130L;
    Random random = new Random(seed);
    List<EntityProfile> profiles = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      // Lengths from 1 to 400 keys over a small vocabulary: long rows, then short ones.
      int size = 1 + random.nextInt(400);
      List<Entity> entities = new ArrayList<>();
      for (int k = 0; k < size; k++) {
        long key = 1 + random.nextInt(300);
        entities.add(new Entity(key, key, EntityKind.WORD, 6 * k, 6 * k + 5, "w"));
      }
      profiles.add(new EntityProfile(d % 2 == 0 ? "en" : "de", 6 * size, entities));
    }
    KeyStatistics statistics = new KeyStatistics(1.0);
    profiles.forEach(statistics::add);
    statistics.freeze();
    Aligner aligner = new Aligner();
    for (int x = 0; x < profiles.size(); x++) {
      for (int y = 0; y < profiles.size(); y += 7) {
        EntityProfile a = profiles.get(x);
        EntityProfile b = profiles.get(y);
        AlignmentResult reused = aligner.align(a, b, statistics);
        AlignmentResult[] fresh = new AlignmentResult[1];
        Thread thread = new Thread(() -> fresh[0] = aligner.align(a, b, statistics));
        thread.start();
        thread.join();
        String where = "seed " + seed + ", texts " + x + " and " + y;
        assertEquals(fresh[0].relation(), reused.relation(), where);
        assertEquals(fresh[0].matchedWeight(), reused.matchedWeight(), where);
        assertEquals(fresh[0].density(), reused.density(), where);
        assertEquals(fresh[0].evidence(), reused.evidence(), where);
      }
    }
  }

  @Test
  void disjointTexts_scoreZero_noRelation() {
    EntityProfile a = extractor.extract("Volodymyr Zelenskyy met Emmanuel Macron in Paris.", "en");
    EntityProfile b = extractor.extract("Kochen Sie Nudeln mit Tomaten und Basilikum.", "de");
    KeyStatistics statistics = new KeyStatistics();
    statistics.add(a);
    statistics.add(b);
    AlignmentResult result = new Aligner().align(a, b, statistics);
    assertEquals(0.0, result.score(), 1e-9);
    assertNull(result.relation());
  }

  @Test
  void lengthRatio_weighsHanAndKanaAsThreeLetters() {
    // Eleven kana and kanji weigh 33 letters; spaces weigh nothing.
    EntityProfile japanese = extractor.extract("東京でトヨタが発表した", "ja");
    EntityProfile english = extractor.extract("Toyota announced it in Tokyo", "en");
    assertEquals(3 * 11, japanese.weightedLength());
    assertEquals(24, english.weightedLength());
    assertEquals(33.0 / 24, Aligner.lengthRatio(japanese, english), 1e-9);
    assertEquals(Aligner.lengthRatio(english, japanese), Aligner.lengthRatio(japanese, english));
  }

  @Test
  void translation_needsComparableLengths() {
    String english = ENGLISH;
    String ukrainian = UKRAINIAN;
    String padding = " Далі йдеться про погоду, про спорт і про культуру цього тижня.".repeat(12);
    KeyStatistics statistics = new KeyStatistics();
    EntityProfile a = extractor.extract(english, "en");
    EntityProfile b = extractor.extract(ukrainian, "uk");
    EntityProfile longer = extractor.extract(ukrainian + padding, "uk");
    statistics.add(a);
    statistics.add(b);
    statistics.add(longer);
    assertEquals(Relation.TRANSLATION, new Aligner().align(a, b, statistics).relation());
    // The same names inside a text four times as long: a passage was translated, not the text.
    assertTrue(
        Aligner.lengthRatio(a, longer) > AlignmentThresholds.defaults().maximumLengthRatio());
    assertTrue(new Aligner().align(a, longer, statistics).relation() != Relation.TRANSLATION);
  }

  @Test
  void thresholds_rejectOutOfRangeValues_namingTheParameter() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AlignmentThresholds(1.5, 2, 5, 0.3, 8, 0.3, 8, 0.02));
    assertTrue(error.getMessage().contains("translationCoverage must be in (0, 1], got 1.5"));
    assertThrows(IllegalArgumentException.class, () -> new KeyStatistics(0));
  }

  @Test
  void relationIsTranslation_forTranslatedParagraph() {
    String english = ENGLISH;
    String ukrainian = UKRAINIAN;
    EntityProfile a = extractor.extract(english, "en");
    EntityProfile b = extractor.extract(ukrainian, "uk");
    KeyStatistics statistics = new KeyStatistics();
    statistics.add(a);
    statistics.add(b);
    for (String other :
        new String[] {"Cooking pasta with basil.", "Der Zug fährt um acht.", "Погода гарна."}) {
      statistics.add(extractor.extract(other, "en"));
    }
    AlignmentResult result = new Aligner().align(a, b, statistics);
    assertEquals(Relation.TRANSLATION, result.relation(), result.toString());
  }

  @Test
  void longTranslation_isTranslation_whenCoverageIsLowButAlignedWeightIsLarge() {
    java.util.Random random = new java.util.Random(11);
    StringBuilder english = new StringBuilder();
    StringBuilder german = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      String shared = "Q" + Integer.toString(100_000 + random.nextInt(800_000), 36);
      english.append("Then ").append(shared).append(" said that. ");
      german.append("Dann sagte ").append(shared).append(" das. ");
      // Words without a counterpart dilute the coverage of both texts.
      for (int k = 0; k < 14; k++) {
        english.append("X").append(Integer.toString(random.nextInt(1 << 30), 36)).append(' ');
        german.append("Y").append(Integer.toString(random.nextInt(1 << 30), 36)).append(' ');
      }
    }
    EntityProfile a = extractor.extract(english.toString(), "en");
    EntityProfile b = extractor.extract(german.toString(), "de");
    KeyStatistics statistics = new KeyStatistics();
    statistics.add(a);
    statistics.add(b);
    for (int d = 0; d < 1000; d++) {
      statistics.add(extractor.extract("Filler " + d + " about cooking pasta.", "en"));
    }
    AlignmentThresholds thresholds = AlignmentThresholds.defaults();
    AlignmentResult result = new Aligner(thresholds).align(a, b, statistics);
    assertTrue(result.score() < thresholds.translationCoverage(), "coverage " + result.score());
    assertEquals(Relation.TRANSLATION, result.relation());
  }
}

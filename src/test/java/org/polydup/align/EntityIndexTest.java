package org.polydup.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.polydup.align.extract.Entity;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.KeyStatistics;

class EntityIndexTest {
  @Test
  void selectSmallest_movesTheSmallestToTheFront_forRandomDistinctValues() {
    long seed = 20261122L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 2000; round++) {
      int length = 2 + random.nextInt(300);
      // Distinct values, like the packed (frequency, index) ranks: index in the low bits.
      long[] values = new long[length];
      for (int i = 0; i < length; i++) {
        values[i] = ((long) random.nextInt(1 + random.nextInt(50)) << 32) | i;
      }
      int count = 1 + random.nextInt(length - 1);
      long[] expected = values.clone();
      Arrays.sort(expected);
      RarestKeys.selectSmallest(values, count);
      long[] front = Arrays.copyOf(values, count);
      Arrays.sort(front);
      assertArrayEquals(Arrays.copyOf(expected, count), front, "seed " + seed + ", round " + round);
    }
  }

  @Test
  void query_ranksAlike_whetherTheDocumentQueriesWithItsOwnProfileOrACopy() {
    long seed = 20261123L;
    int documents = 300;
    EntityProfile[] profiles = randomProfiles(seed, documents);
    EntityIndex index = indexOf(profiles);
    for (int d = 0; d < documents; d++) {
      // An equal profile that is not the one added: the index searches its lists for d.
      EntityProfile copy =
          new EntityProfile(
              profiles[d].language(), profiles[d].textLength(), profiles[d].entities());
      List<EntityIndex.Candidate> own = index.query(profiles[d], 8, d);
      assertFalse(own.isEmpty(), "seed " + seed + ", document " + d);
      assertEquals(index.query(copy, 8, d), own, "seed " + seed + ", document " + d);
    }
  }

  @Test
  void query_keepsTheSameCandidatesOfEqualScore_whateverOrderTheDocumentsWereAddedIn() {
    long seed = 20261124L;
    EntityProfile[] originals = randomProfiles(seed, 150);
    // Each profile's entities reversed: the same keys, so the same score against any query, and
    // a limited list must cut between the two by something other than the order of addition.
    List<EntityProfile> all = new ArrayList<>();
    for (EntityProfile original : originals) {
      List<Entity> reversed = new ArrayList<>(original.entities());
      java.util.Collections.reverse(reversed);
      all.add(original);
      all.add(new EntityProfile(original.language(), original.textLength(), reversed));
    }
    EntityProfile[] forward = all.toArray(EntityProfile[]::new);
    java.util.Collections.reverse(all);
    EntityProfile[] backward = all.toArray(EntityProfile[]::new);
    EntityIndex first = indexOf(forward);
    EntityIndex second = indexOf(backward);
    int tiesCut = 0;
    for (EntityProfile query : originals) {
      List<EntityIndex.Candidate> a = first.query(query, 5, -1);
      List<EntityIndex.Candidate> b = second.query(query, 5, -1);
      assertEquals(a.size(), b.size(), "seed " + seed);
      for (int k = 0; k < a.size(); k++) {
        assertTrue(
            forward[a.get(k).document()] == backward[b.get(k).document()],
            "seed " + seed + ", rank " + k);
        assertEquals(a.get(k).score(), b.get(k).score(), "seed " + seed);
      }
      // The test means something only if the fifth place ties with the sixth.
      List<EntityIndex.Candidate> deeper = first.queryOtherLanguages(query, 6, -1);
      if (deeper.size() == 6 && deeper.get(4).score() == deeper.get(5).score()) {
        tiesCut++;
      }
    }
    assertTrue(tiesCut > 10, "only " + tiesCut + " queries cut a tie");
  }

  @Test
  void keptKeys_giveTheOwnQueryTheSameCandidates_asKeysGatheredAgain_firstAndSecondTime() {
    long seed = 20261129L;
    int documents = 300;
    EntityProfile[] profiles = randomProfiles(seed, documents);
    KeyStatistics statistics = statisticsOf(profiles);
    EntityIndex kept = new EntityIndex(statistics, 50);
    kept.addAll(profiles, true);
    EntityIndex gathered = new EntityIndex(statistics, 50);
    gathered.addAll(profiles, false);
    for (int d = 0; d < documents; d++) {
      EntityIndex.Candidates expected = gathered.query(profiles[d], 32, 8, d);
      // The first own query reads the kept keys; the second gathers them again.
      assertEquals(expected, kept.query(profiles[d], 32, 8, d), "seed " + seed + ", first " + d);
      assertEquals(expected, kept.query(profiles[d], 32, 8, d), "seed " + seed + ", second " + d);
      // A query with an equal profile that is not the document's own object reads no kept keys.
      assertEquals(gathered.query(profiles[d], 8, d), kept.query(profiles[d], 8, d), "" + d);
    }
  }

  @Test
  void queryByKind_deeperOtherLanguageList_startsWithTheShallowOne_andSameLanguageUnchanged() {
    long seed = 20261126L;
    int documents = 300;
    EntityProfile[] profiles = randomProfiles(seed, documents);
    EntityIndex index = indexOf(profiles);
    int longer = 0;
    for (int d = 0; d < documents; d++) {
      EntityIndex.Candidates deep = index.query(profiles[d], 32, 8, d);
      EntityIndex.Candidates shallow = index.query(profiles[d], 8, 8, d);
      List<EntityIndex.Candidate> others = deep.otherLanguages();
      assertEquals(
          shallow.otherLanguages(),
          others.subList(0, Math.min(8, others.size())),
          "seed " + seed + ", document " + d);
      assertEquals(shallow.sameLanguage(), deep.sameLanguage(), "document " + d);
      assertEquals(index.queryOtherLanguages(profiles[d], 32, d), others, "document " + d);
      List<EntityIndex.Candidate> both = new ArrayList<>(shallow.otherLanguages());
      both.addAll(shallow.sameLanguage());
      assertEquals(index.query(profiles[d], 8, d), both, "document " + d);
      assertTrue(index.query(profiles[d], 8, 0, d).sameLanguage().isEmpty());
      longer += others.size() > 8 ? 1 : 0;
    }
    assertTrue(longer > 0, "some documents have more than 8 other-language candidates");
  }

  @Test
  void queryOtherLanguages_returnsNoSameLanguageDocument_andTheOtherLanguageRankingOfQuery() {
    long seed = 20261125L;
    int documents = 300;
    EntityProfile[] profiles = randomProfiles(seed, documents);
    EntityIndex index = indexOf(profiles);
    int sameLanguageInQuery = 0;
    for (int d = 0; d < documents; d++) {
      String language = profiles[d].language();
      List<EntityIndex.Candidate> other = index.queryOtherLanguages(profiles[d], 32, d);
      assertFalse(other.isEmpty(), "seed " + seed + ", document " + d);
      for (EntityIndex.Candidate candidate : other) {
        assertNotEquals(language, profiles[candidate.document()].language(), "document " + d);
      }
      List<EntityIndex.Candidate> both = index.query(profiles[d], 32, d);
      List<EntityIndex.Candidate> otherInBoth = new ArrayList<>();
      for (EntityIndex.Candidate candidate : both) {
        if (profiles[candidate.document()].language().equals(language)) {
          sameLanguageInQuery++;
        } else {
          otherInBoth.add(candidate);
        }
      }
      assertEquals(otherInBoth, other, "seed " + seed + ", document " + d);
    }
    assertTrue(sameLanguageInQuery > 0, "the full query does return same-language documents");
  }

  @Test
  void queryLanguage_isTheOtherLanguageRankingRestrictedToThatLanguage() {
    long seed = 20261127L;
    int documents = 300;
    EntityProfile[] profiles = randomProfiles(seed, documents);
    EntityIndex index = indexOf(profiles);
    int found = 0;
    for (int d = 0; d < documents; d++) {
      // Every candidate in other languages, in rank order, then those of one language.
      List<EntityIndex.Candidate> all = index.queryOtherLanguages(profiles[d], documents, d);
      for (String language : List.of("en", "de", "uk")) {
        List<EntityIndex.Candidate> only = index.queryLanguage(profiles[d], language, 8, d);
        if (language.equals(profiles[d].language())) {
          assertEquals(List.of(), only, "the queried document's own language");
          continue;
        }
        List<EntityIndex.Candidate> expected =
            all.stream()
                .filter(c -> profiles[c.document()].language().equals(language))
                .limit(8)
                .toList();
        assertEquals(expected, only, "seed " + seed + ", document " + d + ", " + language);
        found += only.size();
      }
    }
    assertTrue(found > documents, "candidates found: " + found);
    assertEquals(List.of(), index.queryLanguage(profiles[0], "xx", 8, 0), "unseen language");
  }

  @Test
  void remove_leavesTheRankingOfTheOthers_asIfTheDocumentHadNeverBeenAdded() {
    long seed = 20261128L;
    int documents = 300;
    EntityProfile[] profiles = randomProfiles(seed, documents);
    KeyStatistics statistics = statisticsOf(profiles);
    EntityIndex all = new EntityIndex(statistics, 50);
    EntityIndex kept = new EntityIndex(statistics, 50);
    int[] keptNumber = new int[documents];
    for (int d = 0; d < documents; d++) {
      all.add(profiles[d]);
      keptNumber[d] = d % 3 == 0 ? -1 : kept.add(profiles[d]);
    }
    for (int d = 0; d < documents; d += 3) {
      assertTrue(all.remove(d));
      assertFalse(all.remove(d), "removed twice");
    }
    for (int d = 0; d < documents; d++) {
      // The same candidates, by the other index's numbers.
      List<EntityIndex.Candidate> expected = kept.query(profiles[d], 8, keptNumber[d]);
      List<EntityIndex.Candidate> found = new ArrayList<>();
      for (EntityIndex.Candidate c : all.query(profiles[d], 8, d)) {
        assertTrue(c.document() % 3 != 0, "a removed document came back: " + c);
        found.add(new EntityIndex.Candidate(keptNumber[c.document()], c.score()));
      }
      assertEquals(expected, found, "seed " + seed + ", document " + d);
    }
  }

  @Test
  void query_ranksAlike_whenOneThreadAlternatesBetweenIndexesAndOneGrows() {
    long seed = 20261124L;
    int documents = 240;
    EntityProfile[] profiles = randomProfiles(seed, documents, "en", "de", "uk", "ja");
    KeyStatistics statistics = statisticsOf(profiles);
    // The reference: answers of an index of all documents, queried alone.
    EntityIndex whole = new EntityIndex(statistics, 50);
    whole.addAll(profiles);
    List<List<EntityIndex.Candidate>> expected = new ArrayList<>();
    for (int d = 0; d < documents; d++) {
      expected.add(whole.query(profiles[d], 8, d));
    }
    // Another index over the documents in reverse order, and one that grows document by
    // document: the thread's score buffer serves all three in turn, and must hold each one's
    // languages and scores.
    EntityProfile[] reversed = new EntityProfile[documents];
    for (int d = 0; d < documents; d++) {
      reversed[d] = profiles[documents - 1 - d];
    }
    EntityIndex backwards = new EntityIndex(statistics, 50);
    backwards.addAll(reversed);
    List<List<EntityIndex.Candidate>> expectedBackwards = new ArrayList<>();
    for (int d = 0; d < documents; d++) {
      expectedBackwards.add(backwards.query(reversed[d], 8, d));
    }
    EntityIndex growing = new EntityIndex(statistics, 50);
    for (int d = 0; d < documents; d++) {
      growing.add(profiles[d]);
      growing.query(profiles[d], 8, d);
      assertEquals(
          expectedBackwards.get(documents - 1 - d),
          backwards.query(profiles[d], 8, documents - 1 - d),
          "seed " + seed + ", " + d);
    }
    for (int d = 0; d < documents; d++) {
      assertEquals(expected.get(d), growing.query(profiles[d], 8, d), "seed " + seed + ", " + d);
      assertEquals(expected.get(d), whole.query(profiles[d], 8, d), "seed " + seed + ", " + d);
    }
  }

  /** {@code documents} random profiles in three languages, in turn. */
  private static EntityProfile[] randomProfiles(long seed, int documents) {
    return randomProfiles(seed, documents, "en", "de", "uk");
  }

  /** {@code documents} random profiles in {@code languages}, in turn. */
  private static EntityProfile[] randomProfiles(long seed, int documents, String... languages) {
    SplittableRandom random = new SplittableRandom(seed);
    EntityProfile[] profiles = new EntityProfile[documents];
    for (int d = 0; d < documents; d++) {
      profiles[d] = randomProfile(random, languages[d % languages.length]);
    }
    return profiles;
  }

  /** Key weights over {@code profiles}, frozen. */
  private static KeyStatistics statisticsOf(EntityProfile[] profiles) {
    KeyStatistics statistics = new KeyStatistics();
    for (EntityProfile profile : profiles) {
      statistics.add(profile);
    }
    statistics.freeze();
    return statistics;
  }

  /** An index of {@code profiles}, weighted over them, reading at most 50 postings a key. */
  private static EntityIndex indexOf(EntityProfile[] profiles) {
    EntityIndex index = new EntityIndex(statisticsOf(profiles), 50);
    index.addAll(profiles);
    return index;
  }

  /** 80 to 200 entities over a small vocabulary, so that documents share keys. */
  private static EntityProfile randomProfile(SplittableRandom random, String language) {
    int size = 80 + random.nextInt(121);
    List<Entity> entities = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      long key = 1 + random.nextInt(2000);
      EntityKind kind = random.nextInt(2) == 0 ? EntityKind.NAME : EntityKind.WORD;
      long wordKey = (language.hashCode() * 31L) ^ (1 + random.nextInt(1500));
      entities.add(new Entity(kind == EntityKind.NAME ? key : 0, wordKey, kind, i, i + 1, "x"));
    }
    return new EntityProfile(language, size, entities);
  }
}

package org.polydup.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.polydup.Relation;

/** Batch decisions of {@link CrossLanguageMatcher}: what only a whole batch can tell. */
class CrossLanguageMatcherTest {

  private static String english(List<String> names) {
    return names.stream().map(n -> "Then " + n + " said that.").collect(Collectors.joining(" "));
  }

  private static String german(List<String> names) {
    return names.stream().map(n -> "Dann sagte " + n + " das.").collect(Collectors.joining(" "));
  }

  @Test
  void match_keepsOnlyTheBestVersionPerLanguage_whenAnotherTextSharesAFewNames() {
    Random random = new Random(42);
    List<String> story = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      story.add(MadeUpNames.name(random));
    }
    // Same event, other story: six of the names, in order, among forty of its own.
    List<String> other = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      other.add(MadeUpNames.name(random));
      if (i % 7 == 3) {
        other.add(story.get(i));
      }
    }
    List<CrossLanguageMatcher.Doc> docs = new ArrayList<>();
    docs.add(new CrossLanguageMatcher.Doc("source", english(story), "en"));
    docs.add(new CrossLanguageMatcher.Doc("translation", german(story), "de"));
    docs.add(new CrossLanguageMatcher.Doc("related", german(other), "de"));
    for (int d = 0; d < 30; d++) {
      List<String> filler = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        filler.add(MadeUpNames.name(random));
      }
      docs.add(new CrossLanguageMatcher.Doc("filler" + d, german(filler), "de"));
    }
    Map<String, CrossLanguageMatcher.AlignedPair> byPartner =
        new CrossLanguageMatcher(AlignmentThresholds.defaults(), 8, false, true)
            .match(docs).stream()
                .filter(p -> p.a().equals("source"))
                .collect(Collectors.toMap(CrossLanguageMatcher.AlignedPair::b, p -> p));
    assertEquals(Relation.TRANSLATION, byPartner.get("translation").relation());
    CrossLanguageMatcher.AlignedPair related = byPartner.get("related");
    // The pair would pass the absolute thresholds on its own ...
    assertTrue(related.score() >= AlignmentThresholds.defaults().translationCoverage());
    // ... but scores far below the real version in the same language.
    assertFalse(related.alignment().isCopy(), () -> "related pair kept as " + related.relation());
  }

  @Test
  void match_acceptsAShortTranslationBelowTheWeightThreshold_onlyWhenItIsTheClearBestMatch() {
    Random random = new Random(7);
    // One rare name: its name key and its cognate twin.
    List<String> names = List.of(MadeUpNames.name(random));
    List<String> shared = List.of(MadeUpNames.name(random));
    List<CrossLanguageMatcher.Doc> docs = new ArrayList<>();
    docs.add(new CrossLanguageMatcher.Doc("source", english(names), "en"));
    docs.add(new CrossLanguageMatcher.Doc("translation", german(names), "de"));
    // Two German texts share another name equally: neither is the clear best.
    docs.add(new CrossLanguageMatcher.Doc("tied", english(shared), "en"));
    docs.add(new CrossLanguageMatcher.Doc("first", german(shared), "de"));
    docs.add(new CrossLanguageMatcher.Doc("second", german(shared), "de"));
    for (int d = 0; d < 30; d++) {
      List<String> filler = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        filler.add(MadeUpNames.name(random));
      }
      docs.add(new CrossLanguageMatcher.Doc("filler" + d, german(filler), "de"));
    }
    Map<String, CrossLanguageMatcher.AlignedPair> byPair =
        new CrossLanguageMatcher(AlignmentThresholds.defaults(), 8, false, true)
            .match(docs).stream().collect(Collectors.toMap(p -> p.a() + "~" + p.b(), p -> p));
    CrossLanguageMatcher.AlignedPair translation = byPair.get("source~translation");
    // One rare name weighs less than the translation weight ...
    assertTrue(
        translation.alignment().matchedWeight()
            < AlignmentThresholds.defaults().translationWeight());
    // ... but nothing else comes close, in either direction.
    assertEquals(Relation.TRANSLATION, translation.relation());
    assertFalse(byPair.get("tied~first").alignment().isCopy());
    assertFalse(byPair.get("tied~second").alignment().isCopy());
  }
}

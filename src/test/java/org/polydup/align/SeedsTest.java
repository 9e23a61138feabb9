package org.polydup.align;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polydup.Relation;

/**
 * Every row of the seeds' {@code expected.tsv} (copied from {@code ../shared/seeds}): copies are
 * flagged with an accepted relation, 004 (the same event written independently) is never flagged.
 */
class SeedsTest {
  private static final List<String> IDS =
      List.of(
          "000_1ef89ecac97abb9a",
          "001_0e17fbea12fc6044",
          "002_da7ef6208064fff2",
          "003_9d1f904c1f5aad34",
          "004_adea4495f1fc6c7e");

  @Test
  void expectedRows_areFlaggedOrNot() throws IOException {
    List<CrossLanguageMatcher.Doc> docs = new ArrayList<>();
    for (String id : IDS) {
      docs.add(
          new CrossLanguageMatcher.Doc(id, read(id + ".txt"), id.startsWith("002") ? "uk" : "en"));
    }
    Map<String, CrossLanguageMatcher.AlignedPair> found = new HashMap<>();
    for (var pair : CrossLanguageMatcher.withDefaults().match(docs)) {
      found.put(pair.a() + " " + pair.b(), pair);
      found.put(pair.b() + " " + pair.a(), pair);
    }
    List<String> failures = new ArrayList<>();
    for (String line : read("expected.tsv").split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t");
      String key = fields[0] + " " + fields[1];
      var pair = found.get(key);
      boolean copy = fields[2].equals("copy");
      if (copy) {
        // Same-language duplicate/contained belong to the core engine; this stage says DERIVED.
        Set<Relation> accepted = new java.util.HashSet<>();
        for (String label : fields[3].split("\\|")) {
          accepted.add(Relation.fromLabel(label));
        }
        accepted.add(Relation.DERIVED);
        if (pair == null || !accepted.contains(pair.relation())) {
          failures.add(
              key + " expected " + fields[3] + " found " + (pair == null ? null : pair.relation()));
        }
      } else if (pair != null && pair.alignment().isCopy()) {
        failures.add(key + " must not be flagged, found " + pair.relation());
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void translationEvidence_pointsAtTheSameNamesInBothTexts() throws IOException {
    List<CrossLanguageMatcher.Doc> docs = new ArrayList<>();
    for (String id : IDS) {
      docs.add(
          new CrossLanguageMatcher.Doc(id, read(id + ".txt"), id.startsWith("002") ? "uk" : "en"));
    }
    var translation =
        CrossLanguageMatcher.withDefaults().match(docs).stream()
            .filter(p -> p.a().startsWith("001") && p.b().startsWith("002"))
            .filter(p -> p.relation() == Relation.TRANSLATION)
            .findFirst()
            .orElse(null);
    assertNotNull(translation);
    assertFalse(translation.alignment().evidence().isEmpty());
    boolean anxun =
        translation.alignment().evidence().stream()
            .anyMatch(
                e -> e.first().surface().equals("Anxun") && e.second().surface().equals("Anxun"));
    assertTrue(anxun, translation.alignment().evidence().toString());
  }

  private static String read(String name) throws IOException {
    try (InputStream in = SeedsTest.class.getResourceAsStream("/seeds/" + name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

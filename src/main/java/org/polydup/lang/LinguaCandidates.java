package org.polydup.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lingua over the configured languages of one shared script, in low-accuracy mode. Its detector is
 * built on first use, once, so identifying English texts never builds the Cyrillic or Arabic one;
 * Lingua itself then loads a language's models only when a detection needs them.
 *
 * <p>Thread-safe: the detector is published through a volatile field under double-checked locking,
 * and Lingua's detector is itself thread-safe.
 */
final class LinguaCandidates {
  private final Set<Language> candidates;
  private final AtomicInteger builtDetectorCount;

  private volatile LanguageDetector detector;

  /**
   * Lingua choosing among {@code candidates}; each detector built is counted in {@code
   * builtDetectorCount}, shared by the identifier's scripts, for tests.
   */
  LinguaCandidates(Set<Language> candidates, AtomicInteger builtDetectorCount) {
    this.candidates = candidates;
    this.builtDetectorCount = builtDetectorCount;
  }

  /** Lingua's best candidate for {@code sample}, or null if it knows none. */
  LanguageGuess detect(String sample) {
    SortedMap<Language, Double> confidences = detector().computeLanguageConfidenceValues(sample);
    Language best = Language.UNKNOWN;
    double bestConfidence = -1;
    for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
      if (entry.getValue() > bestConfidence) {
        best = entry.getKey();
        bestConfidence = entry.getValue();
      }
    }
    if (best == Language.UNKNOWN) {
      return null;
    }
    return new LanguageGuess(
        ScriptLanguages.code(best),
        LanguageGuess.Method.LINGUA,
        Math.max(0.0, Math.min(1.0, bestConfidence)));
  }

  private LanguageDetector detector() {
    LanguageDetector built = detector;
    if (built == null) {
      synchronized (this) {
        built = detector;
        if (built == null) {
          built =
              LanguageDetectorBuilder.fromLanguages(candidates.toArray(new Language[0]))
                  .withLowAccuracyMode()
                  .build();
          detector = built;
          builtDetectorCount.incrementAndGet();
        }
      }
    }
    return built;
  }
}

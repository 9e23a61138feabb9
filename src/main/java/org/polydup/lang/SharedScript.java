package org.polydup.lang;

import com.github.pemistahl.lingua.api.Language;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The configured languages of one shared script: their Lingua detector and their CLDR exemplar
 * letters, both built on first use, once (so a scan of English texts never builds the Cyrillic
 * ones).
 *
 * <p>Thread-safe, as its two parts are.
 */
final class SharedScript {
  /** The one configured language of the script, or null when Lingua chooses. */
  final String only;

  /** Whether a text's letters fit these languages. */
  final ExemplarCheck exemplars;

  /** Lingua among these languages. */
  final LinguaCandidates lingua;

  /** The script's configured languages {@code candidates}; see {@link LinguaCandidates}. */
  SharedScript(Set<Language> candidates, AtomicInteger builtDetectorCount) {
    this.only = candidates.size() == 1 ? ScriptLanguages.code(candidates.iterator().next()) : null;
    this.exemplars = new ExemplarCheck(candidates);
    this.lingua = new LinguaCandidates(candidates, builtDetectorCount);
  }
}

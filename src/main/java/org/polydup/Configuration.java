package org.polydup;

import java.util.Set;
import org.polydup.index.LshParameters;
import org.polydup.internal.Utf16;
import org.polydup.verify.VerificationPolicy;

/** The immutable configuration a {@link Polydup.Builder} produced. */
record Configuration(
    double threshold,
    int numberOfPermutations,
    long seed,
    int shingleSize,
    boolean crossLanguage,
    boolean includeRelated,
    int threads,
    int boilerplateDocumentFrequency,
    int maximumCharacters,
    LshParameters lshParameters,
    VerificationPolicy verificationPolicy,
    Set<String> languages,
    MinHashScheme minHashScheme) {

  /**
   * Winnowing window of the passage index: with 3-word shingles, any shared run of at least 10
   * words yields a shared fingerprint, at a density of about 2/9 of the shingles.
   */
  int passageWindow() {
    return 8;
  }

  /**
   * {@code document} with its text cut to {@link #maximumCharacters()} (never inside a surrogate
   * pair), or itself when it is short enough. Cut once, where a document comes in, so that every
   * stage (shingles, entities, paragraphs) reads the same prefix and every offset points into it.
   */
  Document cut(Document document) {
    String text = document.text();
    if (text.length() <= maximumCharacters) {
      return document;
    }
    int end = Utf16.safeCut(text, maximumCharacters);
    return new Document(document.id(), text.substring(0, end), document.languageHint());
  }

  Configuration(Polydup.Builder builder, LshParameters lsh) {
    this(
        builder.threshold,
        builder.numberOfPermutations,
        builder.seed,
        builder.shingleSize,
        builder.crossLanguage,
        builder.includeRelated,
        builder.threads,
        builder.boilerplateDocumentFrequency,
        builder.maximumCharacters,
        lsh,
        builder.verificationPolicy,
        builder.languages,
        builder.minHashScheme);
  }
}

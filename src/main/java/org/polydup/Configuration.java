package org.polydup;

import java.util.Set;
import org.polydup.index.LshParameters;
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

package org.polydup.cli;

import org.polydup.Detector;
import org.polydup.MinHashScheme;
import org.polydup.Polydup;
import org.polydup.io.DocumentSource;
import picocli.CommandLine.Option;

/** The detector options shared by scan, eval and bench. */
final class DetectorOptions {
  @Option(
      names = "--threshold",
      paramLabel = "T",
      description =
          "Shingle Jaccard at and above which a pair is always a duplicate; sets the LSH bands."
              + " Default 0.8.")
  Double threshold;

  @Option(
      names = "--no-cross-language",
      description = "Skip the cross-language step (translations, retold copies).")
  boolean noCrossLanguage;

  @Option(
      names = "--include-related",
      description = "Also report same-event pairs that are not copies (relation 'related').")
  boolean includeRelated;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads. Default: available processors.")
  Integer threads;

  @Option(
      names = "--max-chars",
      paramLabel = "N",
      description =
          "Longer documents are truncated to N characters, with a warning. Default" + " 5000000.")
  int maxCharacters = DocumentSource.DEFAULT_MAX_CHARACTERS;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Progress bar on stderr. Default: on when stderr is a terminal.")
  Boolean progress;

  Detector detector() {
    return detector(MinHashScheme.ONE_PASS);
  }

  Detector detector(MinHashScheme scheme) {
    Polydup.Builder builder = Polydup.builder().minHashScheme(scheme);
    if (threshold != null) {
      builder.threshold(threshold);
    }
    if (threads != null) {
      builder.threads(threads);
    }
    return builder.crossLanguage(!noCrossLanguage).includeRelated(includeRelated).build();
  }
}

package org.polydup.cli;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.polydup.Detector;
import org.polydup.MinHashScheme;
import org.polydup.Polydup;
import org.polydup.io.DocumentSource;
import org.polydup.lang.LanguageIdentifier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The detector options shared by scan, eval and bench. Values out of range are usage errors when
 * the command line is parsed (exit code 2, the message and the usage), not exceptions from deep in
 * the run.
 */
final class DetectorOptions {
  /** The command these options are mixed into, for its usage errors. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  Double threshold;

  @Option(
      names = "--no-cross-language",
      description = "Skip the cross-language step (translations, retold copies).")
  boolean noCrossLanguage;

  @Option(
      names = "--include-related",
      description = "Also report same-event pairs that are not copies (relation 'related').")
  boolean includeRelated;

  Integer threads;

  int maxCharacters = DocumentSource.DEFAULT_MAX_CHARACTERS;

  Set<String> languages;

  @Option(
      names = "--progress",
      negatable = true,
      description =
          "Progress bar on stderr (--no-progress: none). Default: on when stderr is a terminal,"
              + " whatever stdin and stdout are.")
  Boolean progress;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description =
          "Shingle Jaccard at and above which a pair is reported: as a duplicate, or as contained"
              + " when one text holds the other. Sets the LSH bands. In [0.0354, 1]; default 0.8.")
  void threshold(double value) {
    // The lower end is where the LSH bands stop reaching the builder's candidate recall at the
    // threshold; the description's 0.0354 is pinned to it by a test.
    double lowest = Polydup.builder().lowestThreshold();
    if (!(value >= lowest && value <= 1)) {
      String range = "--threshold must be in [" + lowest + ", 1], got " + value;
      throw usageError(
          value > 0 && value < lowest
              ? range + " (below it the LSH bands cannot find the pairs at the threshold reliably)"
              : range);
    }
    threshold = value;
  }

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads, 1 to 32767. Default: available processors.")
  void threads(int value) {
    threads = atLeastOne("--threads", value);
    if (threads > Polydup.Builder.MAXIMUM_THREADS) {
      throw usageError(
          "--threads must be at most " + Polydup.Builder.MAXIMUM_THREADS + ", got " + value);
    }
  }

  @Option(
      names = "--max-chars",
      paramLabel = "N",
      description =
          "Longer documents are truncated to N characters, with a warning. At least 1; default"
              + " 5000000.")
  void maxCharacters(int value) {
    maxCharacters = atLeastOne("--max-chars", value);
  }

  @Option(
      names = "--languages",
      paramLabel = "CODES",
      description =
          "Comma-separated ISO 639-1 codes that language detection may answer with where a"
              + " script serves several languages (Latin, Cyrillic, Arabic), e.g. en,ro,hu."
              + " Default: en,uk,ru,de,cs,fr,es,pl,zh,ja,hi,is,hr,it,pt,nl,ar,tr,ko,sv.")
  void languages(String value) {
    Set<String> codes = new LinkedHashSet<>();
    Set<String> supported = LanguageIdentifier.supportedLanguages();
    for (String part : value.split(",", -1)) {
      String code = part.strip().toLowerCase(Locale.ROOT);
      if (!supported.contains(code)) {
        throw usageError(
            "--languages must be codes of languages polydup can detect; \""
                + part.strip()
                + "\" is not (supported: "
                + String.join(",", supported)
                + ")");
      }
      codes.add(code);
    }
    languages = codes;
  }

  /** {@code value}, or a usage error naming {@code option} when it is not in (0, 1]. */
  double share(String option, double value) {
    // Written so that NaN fails too.
    if (!(value > 0 && value <= 1)) {
      throw usageError(option + " must be in (0, 1], got " + value);
    }
    return value;
  }

  /** {@code value}, or a usage error naming {@code option} when it is below 1. */
  int atLeastOne(String option, int value) {
    if (value < 1) {
      throw usageError(option + " must be at least 1, got " + value);
    }
    return value;
  }

  /** A usage error of the command these options are mixed into. */
  ParameterException usageError(String message) {
    return new ParameterException(command.commandLine(), message);
  }

  Detector detector() {
    return detector(MinHashScheme.ONE_PASS);
  }

  Detector detector(MinHashScheme scheme) {
    return builder(scheme).build();
  }

  /** A builder with these options. */
  Polydup.Builder builder(MinHashScheme scheme) {
    Polydup.Builder builder = Polydup.builder().minHashScheme(scheme);
    if (threshold != null) {
      builder.threshold(threshold);
    }
    if (threads != null) {
      builder.threads(threads);
    }
    if (languages != null) {
      builder.languages(languages);
    }
    // The readers cut texts at --max-chars; the analyser compares what they kept, all of it.
    return builder
        .maximumCharacters(maxCharacters)
        .crossLanguage(!noCrossLanguage)
        .includeRelated(includeRelated);
  }
}

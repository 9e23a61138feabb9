package org.polydup;

import java.util.function.Consumer;
import java.util.function.Function;
import org.polydup.sketch.ClassicMinHasher;
import org.polydup.sketch.MinHashSignature;
import org.polydup.sketch.MinHasher;
import org.polydup.text.TextAnalyzer;
import org.polydup.text.TextOptions;
import org.polydup.verify.ShingleSequence;

/**
 * Per-thread worker: raw text to {@link Fingerprint}. Not thread-safe (the analyzer owns ICU break
 * iterators and buffers); {@link DocumentAnalyser} keeps one per thread.
 */
final class Fingerprinter {
  private final TextAnalyzer analyzer;
  private final Function<long[], MinHashSignature> signer;

  /** Sees each text before it is fingerprinted: does nothing but in tests (see the constructor). */
  private final Consumer<String> beforeFingerprint;

  Fingerprinter(Configuration configuration) {
    this(configuration, text -> {});
  }

  /**
   * For tests: {@code beforeFingerprint} is given each text first and may throw, as an analysis
   * that fails on that text would, to test that the callers isolate the failure.
   */
  Fingerprinter(Configuration configuration, Consumer<String> beforeFingerprint) {
    this.beforeFingerprint = beforeFingerprint;
    this.analyzer =
        new TextAnalyzer(
            new TextOptions(
                configuration.shingleSize(),
                configuration.seed(),
                configuration.maximumCharacters(),
                TextOptions.HanAndKanaSegmentation.BIGRAMS));
    int k = configuration.numberOfPermutations();
    long seed = configuration.seed();
    this.signer =
        configuration.minHashScheme() == MinHashScheme.CLASSIC
            ? ClassicMinHasher.create(k, seed)::sign
            : MinHasher.create(k, seed)::sign;
  }

  Fingerprint fingerprint(String text) {
    beforeFingerprint.accept(text);
    ShingleSequence sequence = ShingleSequence.of(analyzer.shingle(text));
    MinHashSignature signature = signer.apply(sequence.distinct());
    return new Fingerprint(sequence, signature);
  }
}

package org.polydup;

import org.polydup.sketch.MinHashSignature;
import org.polydup.sketch.MinHasher;
import org.polydup.text.TextAnalyzer;
import org.polydup.text.TextOptions;
import org.polydup.verify.ShingleSequence;

/**
 * Per-thread worker: raw text to {@link Fingerprint}. Not thread-safe (the analyzer owns ICU break
 * iterators and buffers); {@link DefaultDetector} keeps one per thread.
 */
final class Fingerprinter {
  private final TextAnalyzer analyzer;
  private final MinHasher minHasher;

  Fingerprinter(Configuration configuration) {
    this.analyzer =
        new TextAnalyzer(
            new TextOptions(
                configuration.shingleSize(),
                configuration.seed(),
                TextOptions.DEFAULT_MAXIMUM_CHARACTERS,
                TextOptions.HanAndKanaSegmentation.BIGRAMS));
    this.minHasher = MinHasher.create(configuration.numberOfPermutations(), configuration.seed());
  }

  Fingerprint fingerprint(String text) {
    ShingleSequence sequence = ShingleSequence.of(analyzer.analyze(text));
    MinHashSignature signature = minHasher.sign(sequence.distinct());
    return new Fingerprint(sequence, signature);
  }
}

package org.polydup;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.polydup.align.IncrementalMatcher;
import org.polydup.lang.LanguageIdentifier;

/**
 * What a {@link DefaultDetector} computes from a document before it takes its lock: the text cut as
 * configured, its language, its fingerprint and, with cross-language matching, its entities and
 * structure. Fingerprinting and entity extraction are the expensive part of an add or a query, so
 * they run outside any lock, and on many threads for a list of documents ({@link
 * #analyseInParallel}).
 */
final class DocumentAnalyser {
  private final Configuration configuration;
  private final LanguageIdentifier identifier;
  private final ThreadLocal<Fingerprinter> workers;

  /**
   * An analyser for a detector's documents; the detector's scan uses the same {@code identifier}.
   *
   * @param beforeFingerprint given each text before it is fingerprinted ({@link Fingerprinter});
   *     does nothing but in tests
   */
  DocumentAnalyser(
      Configuration configuration,
      LanguageIdentifier identifier,
      Consumer<String> beforeFingerprint) {
    this.configuration = configuration;
    this.identifier = identifier;
    this.workers =
        ThreadLocal.withInitial(() -> new Fingerprinter(configuration, beforeFingerprint));
  }

  /** The analysis of a document given to add or query. */
  AnalysedDocument analyse(Document given) {
    Document document = configuration.cut(Objects.requireNonNull(given, "document"));
    String language = languageOf(document);
    return analysed(
        document,
        language,
        configuration.crossLanguage()
            ? IncrementalMatcher.profile(document.text(), language)
            : null);
  }

  /**
   * The analysis of a saved document, without extracting its entities again (but for a text longer
   * than {@link Configuration#maximumCharacters}, cut as every document is where it comes in): the
   * entities are stored; fingerprints and structures are computed again, cheaply.
   */
  AnalysedDocument analyseStored(ArchiveFile.Entry e) {
    Document stored = new Document(e.id(), e.text(), e.language());
    Document document = configuration.cut(stored);
    // Stored by a detector that kept more of the text, the entities reach past this
    // detector's cut, so they are extracted again from the prefix every stage reads.
    IncrementalMatcher.Profile profile =
        e.entities() == null
            ? null
            : document != stored
                ? IncrementalMatcher.profile(document.text(), e.language())
                : IncrementalMatcher.profile(e.entities(), e.text());
    return analysed(document, e.language(), profile);
  }

  /**
   * The analysis of a document whose language and entities are known ({@code profile} is {@code
   * null} without cross-language matching): what is left is its fingerprint.
   */
  private AnalysedDocument analysed(
      Document document, String language, IncrementalMatcher.Profile profile) {
    return new AnalysedDocument(
        document, workers.get().fingerprint(document.text()), language, profile);
  }

  /** Analyses {@code count} documents on the configured threads, reporting each one done. */
  AnalysedDocument[] analyseInParallel(
      int count, IntFunction<AnalysedDocument> analyse, ScanProgress progress) {
    AnalysedDocument[] analysed = new AnalysedDocument[count];
    AtomicInteger done = new AtomicInteger();
    ForkJoinPool pool = new ForkJoinPool(configuration.threads());
    try {
      pool.submit(
              () ->
                  IntStream.range(0, count)
                      .parallel()
                      .forEach(
                          i -> {
                            analysed[i] = analyse.apply(i);
                            progress.update("analyse", done.incrementAndGet(), count);
                          }))
          .join();
    } finally {
      pool.shutdown();
    }
    return analysed;
  }

  private String languageOf(Document document) {
    return identifier.identify(document.text(), document.languageHint()).language();
  }
}

package org.polydup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.polydup.index.LshParameters;
import org.polydup.io.DocumentSource;
import org.polydup.verify.VerificationPolicy;

/**
 * The entry point: configure a {@link Detector}.
 *
 * <pre>{@code
 * Detector detector = Polydup.builder().threshold(0.8).crossLanguage(true).build();
 * detector.add(Document.of("story-1", text));
 * List<Match> found = detector.query(Document.of("page-7", otherText));
 * ScanResult all = detector.scan(documents);
 * }</pre>
 *
 * <p>Builders are not thread-safe; the detectors they build are.
 */
public final class Polydup {
  private Polydup() {}

  /** A builder with the documented defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the configuration; {@link #build()} validates combinations once. */
  public static final class Builder {
    double threshold = 0.8;
    int numberOfPermutations = 128;
    long seed = 0x5EED_0F_D0CL;
    int shingleSize = 3;
    boolean crossLanguage = true;
    boolean includeRelated = false;
    int threads = Runtime.getRuntime().availableProcessors();
    int boilerplateDocumentFrequency = 50;
    int maximumCharacters = DocumentSource.DEFAULT_MAX_CHARACTERS;
    double candidateRecall = 0.99;
    boolean candidateRecallSet;
    double falsePositiveWeight = Double.NaN;
    double falseNegativeWeight = Double.NaN;
    LshParameters lshParameters;
    VerificationPolicy verificationPolicy = VerificationPolicy.defaults();
    MinHashScheme minHashScheme = MinHashScheme.ONE_PASS;
    Set<String> languages;

    Builder() {}

    /**
     * Jaccard similarity of the shingle sets at and above which a pair is reported: as a duplicate,
     * or as contained when one text holds the other and adds a tenth or more around it (a story,
     * and the same story with a paragraph added). The MinHash LSH bands are derived from it, so
     * that a pair at the threshold is verified with probability {@link #candidateRecall} (default
     * 0.99), a pair above it more often. Partial copies (containment, excerpts) are also found
     * below it, through shared passages. Default 0.8; {@link #build()} rejects a threshold below
     * {@link #lowestThreshold()} (0.0354 with the defaults).
     *
     * @throws IllegalArgumentException unless {@code 0 < threshold <= 1}
     */
    public Builder threshold(double threshold) {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
      }
      this.threshold = threshold;
      return this;
    }

    /**
     * MinHash slots per signature. More slots give tighter Jaccard estimates and more memory.
     * Default 128.
     *
     * @throws IllegalArgumentException unless in [16, 4096]
     */
    public Builder numberOfPermutations(int numberOfPermutations) {
      if (numberOfPermutations < 16 || numberOfPermutations > 4096) {
        throw new IllegalArgumentException(
            "numberOfPermutations must be in [16, 4096], got " + numberOfPermutations);
      }
      this.numberOfPermutations = numberOfPermutations;
      return this;
    }

    /**
     * The lowest {@link #threshold} that {@link #build()} accepts with the configured {@link
     * #numberOfPermutations} and {@link #candidateRecall}, rounded up to three significant digits:
     * below it no banding of the slots makes a pair at the threshold a candidate with that
     * probability (0.0354 with the defaults, 128 slots and 0.99). Does not apply when {@link
     * #errorWeights} or {@link #lshParameters} choose the bands.
     */
    public double lowestThreshold() {
      return LshParameters.lowestThreshold(numberOfPermutations, candidateRecall);
    }

    /** The seed currently configured. */
    public long seedValue() {
      return seed;
    }

    /** Seed of every hash; the same seed and input give the same signatures and results. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Words per shingle. Default 3: short enough that a light edit (a word replaced every 20–50)
     * leaves most shingles intact, long enough that unrelated texts rarely share a run of them.
     *
     * @throws IllegalArgumentException unless in [1, 16]
     */
    public Builder shingleSize(int shingleSize) {
      if (shingleSize < 1 || shingleSize > 16) {
        throw new IllegalArgumentException("shingleSize must be in [1, 16], got " + shingleSize);
      }
      this.shingleSize = shingleSize;
      return this;
    }

    /** Whether to look for translations and retold copies across languages. Default true. */
    public Builder crossLanguage(boolean crossLanguage) {
      this.crossLanguage = crossLanguage;
      return this;
    }

    /** Whether to report {@link Relation#RELATED} pairs (same event, not a copy). Default false. */
    public Builder includeRelated(boolean includeRelated) {
      this.includeRelated = includeRelated;
      return this;
    }

    /** Most worker threads a scan can have: the limit of the JDK's fork-join pool. */
    public static final int MAXIMUM_THREADS = 32767;

    /**
     * Worker threads for {@link Detector#scan}. Default: the available processors.
     *
     * @throws IllegalArgumentException unless in {@code [1, }{@value #MAXIMUM_THREADS}{@code ]}
     */
    public Builder threads(int threads) {
      if (threads < 1 || threads > MAXIMUM_THREADS) {
        throw new IllegalArgumentException(
            "threads must be between 1 and " + MAXIMUM_THREADS + ", got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Only the first {@code characters} characters (UTF-16 units) of a text are read, so that one
     * huge input cannot stall a worker or fill the heap: a longer text is cut where it comes in
     * ({@code add}, {@code query}, {@code scan}), and every stage, the evidence offsets and {@link
     * Detector#textOf} see that prefix. A scan reports each cut text in {@link
     * ScanResult#problems()} (it is still counted in {@link ScanResult#documents()}). Default
     * 5,000,000, the command line's {@code --max-chars} default, at which the readers of {@link
     * org.polydup.io.DocumentSource} cut texts with a warning.
     *
     * @throws IllegalArgumentException unless {@code >= 1}
     */
    public Builder maximumCharacters(int characters) {
      if (characters < 1) {
        throw new IllegalArgumentException("maximumCharacters must be >= 1, got " + characters);
      }
      this.maximumCharacters = characters;
      return this;
    }

    /**
     * A shingle found in more than this many documents is boilerplate (cookie notices, share lines)
     * and is not evidence of copying on its own. Default 50.
     *
     * @throws IllegalArgumentException unless {@code >= 2}
     */
    public Builder boilerplateDocumentFrequency(int documents) {
      if (documents < 2) {
        throw new IllegalArgumentException(
            "boilerplateDocumentFrequency must be >= 2, got " + documents);
      }
      this.boilerplateDocumentFrequency = documents;
      return this;
    }

    /**
     * The probability, at the threshold itself, that a pair becomes an LSH candidate; the bands are
     * the ones with the fewest false candidates that reach it. Default 0.99. The three ways to
     * choose the bands exclude each other: {@link #build()} refuses this with {@link #errorWeights}
     * or {@link #lshParameters}.
     *
     * @throws IllegalArgumentException unless {@code 0 < recall < 1}
     */
    public Builder candidateRecall(double recall) {
      if (!(recall > 0 && recall < 1)) {
        throw new IllegalArgumentException("candidateRecall must be in (0, 1), got " + recall);
      }
      this.candidateRecall = recall;
      this.candidateRecallSet = true;
      return this;
    }

    /**
     * Relative costs of a false candidate and a missed one: when set, the LSH bands minimise their
     * weighted areas under the S-curve (as datasketch does) instead of meeting a candidate recall;
     * {@link #build()} refuses them with {@link #candidateRecall} or {@link #lshParameters}.
     *
     * @throws IllegalArgumentException unless both are positive
     */
    public Builder errorWeights(double falsePositiveWeight, double falseNegativeWeight) {
      if (!(falsePositiveWeight > 0) || !(falseNegativeWeight > 0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "error weights must be positive, got %s and %s",
                falsePositiveWeight,
                falseNegativeWeight));
      }
      this.falsePositiveWeight = falsePositiveWeight;
      this.falseNegativeWeight = falseNegativeWeight;
      return this;
    }

    /**
     * Explicit bands and rows, instead of the ones derived from the threshold; {@link #build()}
     * refuses them with {@link #candidateRecall} or {@link #errorWeights}, which would be ignored.
     */
    public Builder lshParameters(LshParameters parameters) {
      this.lshParameters = Objects.requireNonNull(parameters, "parameters");
      return this;
    }

    /**
     * How signatures are computed. Default {@link MinHashScheme#ONE_PASS}; {@link
     * MinHashScheme#CLASSIC} is the slower reference for benchmarks.
     */
    public Builder minHashScheme(MinHashScheme scheme) {
      this.minHashScheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    /** The thresholds that turn overlap into a relation. */
    public Builder verificationPolicy(VerificationPolicy policy) {
      this.verificationPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * ISO 639-1 codes language detection may answer with (where the script alone cannot tell).
     * Default: a set of 20 news languages.
     */
    public Builder languages(Set<String> languages) {
      Objects.requireNonNull(languages, "languages");
      if (languages.isEmpty()) {
        throw new IllegalArgumentException("languages must not be empty");
      }
      // Codes in any case, as the identifier takes them; stored lower-case, so that a saved index
      // records one set however it was spelt.
      Set<String> lowerCase = new java.util.TreeSet<>();
      for (String code : languages) {
        lowerCase.add(
            Objects.requireNonNull(code, "languages holds null").toLowerCase(Locale.ROOT));
      }
      this.languages = Set.copyOf(lowerCase);
      return this;
    }

    /**
     * Builds the detector.
     *
     * @throws IllegalArgumentException when more than one of {@link #lshParameters}, {@link
     *     #errorWeights} and {@link #candidateRecall} was given, when the LSH override does not fit
     *     the permutations, or when the bands come from the candidate recall and the threshold is
     *     below {@link #lowestThreshold()}
     */
    public Detector build() {
      return buildDefault();
    }

    /**
     * Builds a detector whose index is kept in {@code directory}, creating the archive there when
     * there is none and loading its documents otherwise (see {@link PersistentDetector}).
     *
     * @throws IncompatibleDataException when the folder holds an archive written with other seed,
     *     permutations, shingle size, MinHash scheme or cross-language setting, another archive
     *     format, or something that is not a polydup archive
     * @throws IOException when the folder cannot be read or written, or another process has it open
     * @throws IllegalArgumentException as {@link #build()}
     */
    public PersistentDetector open(Path directory) throws IOException {
      return open(directory, ScanProgress.NONE);
    }

    /**
     * {@link #open(Path)}, reporting the loading to {@code progress} (stage {@code analyse}).
     *
     * @throws IOException as {@link #open(Path)}
     */
    public PersistentDetector open(Path directory, ScanProgress progress) throws IOException {
      DefaultDetector detector = buildDefault();
      return PersistentDetector.open(detector, detector.configuration(), directory, progress);
    }

    private DefaultDetector buildDefault() {
      // Each of these chooses the bands; given two, one would be ignored without a word.
      boolean weightsSet = !Double.isNaN(falsePositiveWeight);
      if ((lshParameters != null ? 1 : 0) + (weightsSet ? 1 : 0) + (candidateRecallSet ? 1 : 0)
          > 1) {
        throw new IllegalArgumentException(
            "give at most one of lshParameters, errorWeights and candidateRecall: each chooses the"
                + " LSH bands, got "
                + (lshParameters != null ? "lshParameters " : "")
                + (weightsSet ? "errorWeights " : "")
                + (candidateRecallSet ? "candidateRecall" : "").strip());
      }
      boolean bandsFromRecall = lshParameters == null && Double.isNaN(falsePositiveWeight);
      if (bandsFromRecall && threshold < lowestThreshold()) {
        throw new IllegalArgumentException(
            "threshold must be at least "
                + lowestThreshold()
                + " with numberOfPermutations "
                + numberOfPermutations
                + " and candidateRecall "
                + candidateRecall
                + " (below it no LSH banding reaches that recall at the threshold), got "
                + threshold);
      }
      LshParameters lsh =
          lshParameters != null
              ? lshParameters
              : bandsFromRecall
                  ? LshParameters.forRecall(threshold, numberOfPermutations, candidateRecall)
                  : LshParameters.optimal(
                      threshold, numberOfPermutations, falsePositiveWeight, falseNegativeWeight);
      if (lsh.bands() * lsh.rowsPerBand() > numberOfPermutations) {
        throw new IllegalArgumentException(
            "lshParameters need "
                + lsh.bands() * lsh.rowsPerBand()
                + " permutations, but numberOfPermutations is "
                + numberOfPermutations);
      }
      return new DefaultDetector(new Configuration(this, lsh));
    }
  }
}

package org.polydup.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polydup.Detector;
import org.polydup.Document;
import org.polydup.Polydup;
import org.polydup.ScanResult;
import org.polydup.eval.ClusterPairEvaluation;
import org.polydup.eval.CrossLanguageEvaluation;
import org.polydup.eval.FalsePositiveReport;
import org.polydup.eval.IncrementalRun;
import org.polydup.eval.LshEvaluation;
import org.polydup.eval.MsrpEvaluation;
import org.polydup.eval.SeedEvaluation;
import org.polydup.eval.SyndicationEvaluation;
import org.polydup.index.LshParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polydup eval}: score a scan against a labelled set. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Scan a labelled set and print precision, recall and F1.",
      "SET is one of: seeds, syndication, xling, rewrites, align, msrp, lsh, all.",
      "xling / rewrites: cross-language / same-language pairs of one cluster, through the whole"
          + " scan, by language pair (rewrites: language), by length bucket of the shorter text"
          + " and by domain.",
      "align: the align stage's own tables (by language pair and length bucket), the matcher"
          + " alone at its defaults on the labelled languages: the detector options (--threshold,"
          + " --no-cross-language, --include-related, --threads, --max-chars, --languages) are"
          + " refused for it, and with 'all' apply to the other sets only. PATH/xling is"
          + " required; PATH/rewrites and the seeds beside PATH are skipped with a note when"
          + " absent.",
      "lsh: recall of the MinHash LSH engine against the exact set of pairs with shingle"
          + " Jaccard >= --threshold (default 0.8) on a JSONL file (default: bulk).",
      "xling / rewrites with --distractors FILE: the set's pairs scored in a larger corpus"
          + " (the first --limit documents of FILE scanned along, unscored).",
      "PATH is the set's folder (for 'all' and 'align': the folder holding the sets,"
          + " default ../shared/data; seeds are read from testdata/seeds, align's from"
          + " PATH/../seeds). For lsh, of the detector options only --threshold applies."
    })
final class EvalCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SET")
  String set;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PATH")
  Path path;

  @Mixin DetectorOptions detectorOptions;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description =
          "For 'lsh': use the first N documents; for --distractors: add the first N."
              + " At least 1; default 20000.")
  void limit(int value) {
    limit = detectorOptions.atLeastOne("--limit", value);
  }

  int limit = 20_000;

  @Option(
      names = "--distractors",
      paramLabel = "FILE",
      description =
          "For xling and rewrites: scan the first --limit documents of this JSONL file (id, text,"
              + " lang; plain or gzipped) along with the set, unscored, so the set's pairs are"
              + " measured in a larger corpus (e.g. ../shared/data/bulk/docs.jsonl.gz).")
  Path distractors;

  @Option(
      names = "--false-positives",
      paramLabel = "FILE",
      description =
          "For syndication, xling and rewrites: write every false positive with its stage, scores,"
              + " evidence and the openings of both texts to FILE. For all: one file per set, the"
              + " set's name inserted before FILE's extension (fp.txt: fp.syndication.txt,"
              + " fp.xling.txt, fp.rewrites.txt).")
  Path falsePositives;

  @Option(
      names = "--incremental",
      description =
          "For seeds, syndication, msrp, xling and rewrites: instead of one batch scan, take the"
              + " documents one at a time in input order, query each against those before it and"
              + " then add it (Detector.query, Detector.add), as a service checking each new story"
              + " against its archive would; --distractors then come first, as the archive.")
  boolean incremental;

  @Spec CommandSpec spec;

  /**
   * The detector options that set up a scan, {@code --threshold} first: {@code align} runs no scan
   * (the matcher alone, at its defaults) and {@code lsh} reads only {@code --threshold}, so there
   * they are usage errors rather than ignored. {@code --progress} only draws.
   */
  private static final List<String> SCAN_OPTIONS =
      List.of(
          "--threshold",
          "--no-cross-language",
          "--include-related",
          "--threads",
          "--max-chars",
          "--languages");

  /** The sets SET may name. */
  private static final List<String> SETS =
      List.of("seeds", "syndication", "msrp", "xling", "rewrites", "align", "lsh", "all");

  @Override
  public Integer call() {
    if (!SETS.contains(set)) {
      System.err.println(
          "polydup: unknown set '"
              + set
              + "'; expected seeds, syndication, xling, rewrites, align,"
              + " msrp, lsh or all");
      return Main.EXIT_USAGE;
    }
    requireOptionsApply();
    Detector detector = detectorOptions.detector();
    Path data = path != null ? path : Path.of("..", "shared", "data");
    switch (set) {
      case "seeds" -> seeds(detector, path != null ? path : Path.of("testdata", "seeds"));
      case "syndication" ->
          syndication(detector, path != null ? path : data.resolve("syndication"), falsePositives);
      case "msrp" -> msrp(detector, path != null ? path : data.resolve("msrp"));
      case "xling" ->
          clusters(detector, path != null ? path : data.resolve("xling"), true, falsePositives);
      case "rewrites" ->
          clusters(detector, path != null ? path : data.resolve("rewrites"), false, falsePositives);
      case "align" -> crossLanguage(path != null ? path : data);
      case "lsh" -> lsh(path != null ? path : data.resolve("bulk").resolve("docs.jsonl.gz"));
      default -> { // all
        seeds(detector, Path.of("testdata", "seeds"));
        syndication(detector, data.resolve("syndication"), falsePositivesOf("syndication"));
        msrp(detector, data.resolve("msrp"));
        clusters(detector, data.resolve("xling"), true, falsePositivesOf("xling"));
        clusters(detector, data.resolve("rewrites"), false, falsePositivesOf("rewrites"));
        if (SCAN_OPTIONS.stream().anyMatch(this::matched)) {
          System.out.printf(
              Locale.ROOT,
              "%n(align: the matcher alone at its defaults; the detector options given apply to"
                  + " the sets above only)%n");
        }
        crossLanguage(data);
      }
    }
    return 0;
  }

  /**
   * Rejects, as a usage error, an option given for a set it does nothing for: ignored, it would let
   * a user believe a run was made, or a file written, that was not.
   */
  private void requireOptionsApply() {
    requireApplies("--distractors", distractors != null, "xling", "rewrites", "all");
    requireApplies(
        "--false-positives", falsePositives != null, "syndication", "xling", "rewrites", "all");
    requireApplies(
        "--incremental", incremental, "seeds", "syndication", "msrp", "xling", "rewrites", "all");
    requireApplies(
        "--threshold",
        matched("--threshold"),
        "seeds",
        "syndication",
        "msrp",
        "xling",
        "rewrites",
        "lsh",
        "all");
    for (String option : SCAN_OPTIONS.subList(1, SCAN_OPTIONS.size())) {
      requireApplies(
          option, matched(option), "seeds", "syndication", "msrp", "xling", "rewrites", "all");
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--limit")
        && !set.equals("lsh")
        && distractors == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--limit applies to lsh, and with --distractors to xling, rewrites and all; not to "
              + set
              + " without --distractors");
    }
  }

  /** Whether {@code option} was given on the command line. */
  private boolean matched(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private void requireApplies(String option, boolean given, String... sets) {
    if (given && !List.of(sets).contains(set)) {
      String last = sets[sets.length - 1];
      String others = String.join(", ", List.of(sets).subList(0, sets.length - 1));
      throw new ParameterException(
          spec.commandLine(),
          option + " applies to " + others + " and " + last + ", not to " + set);
    }
  }

  /** {@code --false-positives} for one set of {@code all}, or null when not asked for. */
  private Path falsePositivesOf(String setName) {
    return falsePositives == null ? null : perSet(falsePositives, setName);
  }

  /**
   * {@code file} with {@code setName} inserted before its extension ({@code fp.txt}: {@code
   * fp.xling.txt}; {@code fp}: {@code fp.xling}), so that the sets of {@code all} do not write over
   * each other's report.
   */
  static Path perSet(Path file, String setName) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String named =
        dot > 0
            ? name.substring(0, dot) + "." + setName + name.substring(dot)
            : name + "." + setName;
    return file.resolveSibling(named);
  }

  private void seeds(Detector detector, Path folder) {
    requireFolder(folder);
    SeedEvaluation e = SeedEvaluation.load(folder);
    System.out.print(SeedEvaluation.table(e.score(run(detector, e.documents()))));
  }

  private void syndication(Detector detector, Path folder, Path falsePositives) {
    requireFolder(folder);
    SyndicationEvaluation e = SyndicationEvaluation.load(folder);
    long start = System.nanoTime();
    ScanResult result = run(detector, e.documents());
    double seconds = (System.nanoTime() - start) / 1e9;
    FalsePositiveReport report = falsePositives == null ? null : e.falsePositiveReport();
    System.out.print(e.score(result, report).table());
    System.out.print(e.deduplicationTable(result));
    write(report, falsePositives);
    System.out.printf(Locale.ROOT, "(scan took %.1f s)%n", seconds);
  }

  private void msrp(Detector detector, Path folder) {
    requireFolder(folder);
    MsrpEvaluation e = MsrpEvaluation.load(folder);
    System.out.print(e.table(run(detector, e.documents())));
  }

  private void clusters(
      Detector detector, Path folder, boolean crossLanguage, Path falsePositives) {
    requireFolder(folder);
    ClusterPairEvaluation e = ClusterPairEvaluation.load(folder, crossLanguage);
    if (distractors != null) {
      if (!Files.isRegularFile(distractors)) {
        throw new UncheckedIOException(
            new NoSuchFileException(distractors.toString(), null, "--distractors: no such file"));
      }
      e.withDistractors(distractors, limit);
    }
    FalsePositiveReport report = falsePositives == null ? null : e.falsePositiveReport();
    // One at a time, the set's documents arrive into the distractors as into an archive.
    List<Document> documents = incremental ? e.distractorsFirst() : e.documents();
    System.out.print(e.table(run(detector, documents), report));
    write(report, falsePositives);
  }

  /** The detector's pairs among {@code documents}: a batch scan, or {@code --incremental}. */
  private ScanResult run(Detector detector, List<Document> documents) {
    return incremental ? IncrementalRun.of(detector, documents) : detector.scan(documents);
  }

  private static void write(FalsePositiveReport report, Path file) {
    if (report != null) {
      report.write(file);
      System.out.printf(Locale.ROOT, "%d false positives written to %s%n", report.size(), file);
    }
  }

  /**
   * The align stage's tables: xling, and rewrites (documents >= 400 chars) and the seeds where
   * present.
   */
  private static void crossLanguage(Path data) {
    requireFolder(data.resolve("xling"));
    try {
      CrossLanguageEvaluation.tables(data);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void lsh(Path jsonl) {
    double threshold = detectorOptions.threshold != null ? detectorOptions.threshold : 0.8;
    LshEvaluation e = LshEvaluation.load(jsonl, limit, 128, Polydup.builder().seedValue());
    List<LshParameters> bandings =
        List.of(LshParameters.forRecall(threshold, 128, 0.99), LshParameters.of(9, 13));
    System.out.print(LshEvaluation.table(threshold, e.documents(), e.score(threshold, bandings)));
  }

  private static void requireFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new UncheckedIOException(
          new NoSuchFileException(folder.toString(), null, "no such folder"));
    }
  }
}

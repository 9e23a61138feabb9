package org.polydup.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.polydup.Document;
import org.polydup.DocumentProblem;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.ScanResult;
import org.polydup.StoryCluster;
import org.polydup.io.InputProblem;
import org.polydup.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code polydup scan}: find the copies among a folder or JSONL file of stories. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan stories and report the copies: writes DIR/pairs.jsonl, DIR/clusters.jsonl and"
          + " DIR/problems.jsonl, and prints a summary.",
      "INPUT is a folder of .txt files (id = file name without .txt), a .txt file, a .jsonl"
          + " file of {\"id\", \"text\", \"lang\"?} objects, or a .csv / .tsv file whose header"
          + " names the columns id, text and optionally lang; the .jsonl, .csv and .tsv files may"
          + " be gzipped (.jsonl.gz, .csv.gz, .tsv.gz)."
    })
final class ScanCommand implements Callable<Integer> {
  /** Matches listed on stdout one by one when there are at most this many. */
  private static final int LISTED_MATCHES = 30;

  /** The files every scan writes, {@code report.html} aside. */
  private static final List<String> SCAN_FILES =
      List.of("pairs.jsonl", "clusters.jsonl", "problems.jsonl");

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Folders or files to scan; - reads JSON Lines from standard input.")
  List<Path> inputs;

  @Mixin OutputOptions output;

  @Mixin DetectorOptions detectorOptions;

  @Override
  public Integer call() throws IOException {
    try (RunFiles files = new RunFiles(output)) {
      Scanned scanned =
          scanAndWrite(inputs, detectorOptions, output, "polydup scan " + inputs, List.of(), files);
      if (scanned == null) {
        return Main.EXIT_INPUT;
      }
      files.publish(inputs);
      printSummary(scanned.result(), scanned.read().problems.size(), scanned.html());
      return Inputs.sayIfCutShort(scanned.read().problems) ? Main.EXIT_INPUT : 0;
    }
  }

  /**
   * What a scan read and found.
   *
   * @param html ", DIR/report.html" when the page was written, else ""
   */
  record Scanned(Inputs read, ScanResult result, String html) {}

  /**
   * Reads and scans the inputs, then writes {@code pairs.jsonl}, {@code clusters.jsonl}, {@code
   * problems.jsonl} and, when asked, {@code report.html} into {@code files}, whose {@link
   * RunFiles#publish} the command calls once it has written its own files too. Returns null, after
   * saying why on stderr, when an input cannot be read at all or the inputs hold no readable
   * document: nothing is written, so the output folder keeps an earlier run's files, as after any
   * run that fails (the problems are on stderr).
   *
   * @param alsoWritten the files the command writes after this method returns (dedup's)
   * @throws IllegalArgumentException before anything is read, when a file it would write is one of
   *     the inputs ({@link OutputOptions#refuseToOverwriteInputs})
   * @throws UnwritableOutputException before the scan, when no file can be created in the output
   *     folder, or when writing one fails
   */
  static Scanned scanAndWrite(
      List<Path> inputs,
      DetectorOptions detectorOptions,
      OutputOptions output,
      String title,
      List<String> alsoWritten,
      RunFiles files)
      throws IOException {
    List<String> written = new ArrayList<>(SCAN_FILES);
    written.addAll(alsoWritten);
    output.refuseToOverwriteInputs(written, inputs);
    Inputs read = Inputs.openOrReport(inputs, detectorOptions.maxCharacters);
    if (read == null) {
      return null;
    }
    output.requireWritableFolder(); // an unusable --out fails now, not after the scan
    // The scan reads the inputs itself, analysing the documents read while it decodes the rest;
    // the input problems are complete, and printed, once it has read everything.
    ScanResult result;
    try (ProgressBar bar = ProgressBar.forStderr(detectorOptions.progress)) {
      result = detectorOptions.detector().scan(read.stream(), bar);
    }
    read.printProblems(System.err, 20);
    read.printAnalysisProblems(System.err, result.problems(), 20);
    if (read.documents.isEmpty()) {
      output.sayNothingWritten("no readable documents in " + inputs);
      return null;
    }
    Map<String, String> texts = new HashMap<>();
    for (Document d : read.documents) {
      texts.put(d.id(), d.text());
    }
    files.writeLines(
        "pairs.jsonl",
        pairs -> {
          for (Match m : result.matches()) {
            pairs.write(JsonReport.pair(m, texts.get(m.a()), texts.get(m.b())));
          }
        });
    files.writeLines(
        "clusters.jsonl",
        clusters -> {
          for (StoryCluster c : result.clusters()) {
            clusters.write(JsonReport.cluster(c));
          }
        });
    files.writeLines(
        "problems.jsonl",
        problems -> {
          for (InputProblem p : read.problems) {
            problems.write(p.toMap());
          }
          for (DocumentProblem p : result.problems()) {
            problems.write(read.analysisProblem(p));
          }
        });
    String html = output.writeHtml(files, title, result.matches(), texts::get);
    return new Scanned(read, result, html);
  }

  /** {@code n} and the noun, plural unless {@code n} is 1. */
  static String count(int n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private void printSummary(ScanResult result, int inputProblems, String html) {
    System.out.println(
        count(result.documents(), "document")
            + " scanned, "
            + flagged(result.matches())
            + ", "
            + count(result.clusters().size(), "cluster")
            + ", "
            + count(inputProblems + result.problems().size(), "problem"));
    listMatches(result.matches());
    System.out.println(
        "wrote "
            + output.file("pairs.jsonl")
            + ", "
            + output.file("clusters.jsonl")
            + ", "
            + output.file("problems.jsonl")
            + html);
  }

  static String describe(Match m) {
    if (m.relation() == Relation.CONTAINED) {
      // The contained text's coverage first, as the sentence names it first: how much of it is
      // in the container, then how much of the container it fills.
      boolean containerIsA = m.container().equals(m.a());
      double containedCoverage = containerIsA ? m.scores().coverageB() : m.scores().coverageA();
      double containerCoverage = containerIsA ? m.scores().coverageA() : m.scores().coverageB();
      return String.format(
          Locale.ROOT,
          "%s is contained in %s (coverage %.2f of it, %.2f of the container)",
          m.other(m.container()),
          m.container(),
          containedCoverage,
          containerCoverage);
    }
    String score =
        !m.paragraphs().isEmpty() && m.entities().isEmpty()
            ? String.format(
                Locale.ROOT, "paragraph structure, %d paragraphs paired", m.paragraphs().size())
            : Double.isFinite(m.scores().alignment())
                ? String.format(Locale.ROOT, "alignment %.2f", m.scores().alignment())
                : String.format(Locale.ROOT, "jaccard %.2f", m.scores().jaccard());
    return String.format(
        Locale.ROOT,
        "%s ~ %s: %s (%s-%s, %s)",
        m.a(),
        m.b(),
        m.relation().label(),
        m.languageA(),
        m.languageB(),
        score);
  }

  /** "N pairs flagged (n1 relation1, n2 relation2, ...)", relations in their declared order. */
  static String flagged(List<Match> matches) {
    return count(matches.size(), "pair")
        + " flagged"
        + byRelation(matches.stream().map(Match::relation));
  }

  /**
   * " (n1 relation1, n2 relation2, ...)", how many of each relation, in their declared order; ""
   * when there are none.
   */
  static String byRelation(Stream<Relation> relations) {
    Map<Relation, Integer> counts = new EnumMap<>(Relation.class);
    relations.forEach(r -> counts.merge(r, 1, Integer::sum));
    StringJoiner joined = new StringJoiner(", ", " (", ")").setEmptyValue("");
    counts.forEach((r, n) -> joined.add(n + " " + r.label()));
    return joined.toString();
  }

  /** Prints each match on its own line, when there are at most {@value #LISTED_MATCHES}. */
  static void listMatches(List<Match> matches) {
    if (matches.size() <= LISTED_MATCHES) {
      for (Match m : matches) {
        System.out.println("  " + describe(m));
      }
    }
  }
}

package org.polydup.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.polydup.Detector;
import org.polydup.Document;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.io.InputProblem;
import org.polydup.io.JsonlWriter;
import org.polydup.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code polydup query}: check new stories against an archive, as a newsroom checks each story that
 * arrives. The archive is loaded into a {@link Detector} ({@link Detector#addAll}), then each new
 * document, in input order, is checked against the archive and the new documents before it and
 * added ({@link Detector#queryAndAdd}), so copies among the new documents are found too. The
 * archive is only read: it is analysed again at every run (there is no on-disk index).
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Check new stories against an archive: loads the --archive documents, then checks each"
          + " INPUT document, in input order, against the archive and the INPUT documents before"
          + " it. Writes DIR/pairs.jsonl (a = the new document; same fields as scan) and"
          + " DIR/problems.jsonl, and prints a summary. The archive files are only read; they are"
          + " analysed again at every run.",
      "ARCHIVE and INPUT are folders of .txt files, .txt files, or .jsonl / .jsonl.gz files of"
          + " {\"id\", \"text\", \"lang\"?} objects. A new document whose id is in the archive is"
          + " skipped."
    })
final class QueryCommand implements Callable<Integer> {
  /** Matches listed on stdout one by one when there are at most this many. */
  private static final int LISTED_MATCHES = 30;

  @Option(
      names = "--archive",
      required = true,
      paramLabel = "ARCHIVE",
      description = "The stories to check against (repeatable).")
  List<Path> archive;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "The new stories to check.")
  List<Path> inputs;

  @Mixin OutputOptions output;

  @Mixin DetectorOptions detectorOptions;

  @Override
  public Integer call() throws IOException {
    // Both are checked before either is read, so a wrong path fails at once.
    Inputs archived = Inputs.openOrReport(archive, detectorOptions.maxCharacters);
    Inputs arriving =
        archived == null ? null : Inputs.openOrReport(inputs, detectorOptions.maxCharacters);
    if (arriving == null) {
      return Main.EXIT_INPUT;
    }
    archived.stream().forEachRemaining(d -> {});
    archived.printProblems(System.err, 20);
    if (archived.documents.isEmpty()) {
      System.err.println("polydup: no readable documents in the archive " + archive);
      return Main.EXIT_INPUT;
    }
    arriving.stream().forEachRemaining(d -> {});
    arriving.printProblems(System.err, 20);
    List<InputProblem> problems = new ArrayList<>(archived.problems);
    problems.addAll(arriving.problems);
    List<Document> fresh = notArchived(archived.documents, arriving.documents, problems);
    if (fresh.isEmpty()) {
      System.err.println("polydup: no new readable documents in " + inputs);
      return Main.EXIT_INPUT;
    }

    Detector detector = detectorOptions.detector();
    List<Match> matches = new ArrayList<>();
    Files.createDirectories(output.out);
    try (ProgressBar bar = ProgressBar.forStderr(detectorOptions.progress);
        JsonlWriter pairs = JsonlWriter.open(output.file("pairs.jsonl"))) {
      detector.addAll(archived.documents, bar);
      int done = 0;
      for (Document d : fresh) {
        for (Match m : detector.queryAndAdd(d)) {
          // a is the new document: its text quotes the passages.
          pairs.write(JsonReport.pair(m, d.text()));
          matches.add(m);
        }
        bar.update("query+add", ++done, fresh.size());
      }
    }
    try (JsonlWriter written = JsonlWriter.open(output.file("problems.jsonl"))) {
      for (InputProblem p : problems) {
        written.write(p.toMap());
      }
    }
    Map<String, String> texts = new HashMap<>();
    if (output.html) {
      archived.documents.forEach(d -> texts.put(d.id(), d.text()));
      fresh.forEach(d -> texts.put(d.id(), d.text()));
    }
    String html =
        output.writeHtml("polydup query --archive " + archive + " " + inputs, matches, texts::get);
    printSummary(archived.documents.size(), fresh.size(), matches, problems.size(), html);
    return 0;
  }

  /**
   * The arriving documents whose ids the archive does not hold; each other one is reported (on
   * stderr and into {@code problems}) and skipped.
   */
  private List<Document> notArchived(
      List<Document> archived, List<Document> arriving, List<InputProblem> problems) {
    Set<String> archivedIds = new HashSet<>();
    archived.forEach(d -> archivedIds.add(d.id()));
    List<Document> fresh = new ArrayList<>();
    for (Document d : arriving) {
      if (archivedIds.contains(d.id())) {
        InputProblem p =
            new InputProblem(
                String.valueOf(inputs),
                0,
                d.id(),
                InputProblem.Kind.DUPLICATE_ID,
                "id " + d.id() + " is in the archive already; the new document is skipped");
        problems.add(p);
        System.err.println("polydup: " + p);
      } else {
        fresh.add(d);
      }
    }
    return fresh;
  }

  private void printSummary(
      int archiveSize, int checked, List<Match> matches, int problems, String html) {
    Map<Relation, Integer> byRelation = new EnumMap<>(Relation.class);
    for (Match m : matches) {
      byRelation.merge(m.relation(), 1, Integer::sum);
    }
    System.out.println(
        ScanCommand.count(checked, "new document")
            + " checked against "
            + ScanCommand.count(archiveSize, "archived document")
            + ", "
            + ScanCommand.count(matches.size(), "pair")
            + " flagged "
            + ScanCommand.labels(byRelation)
            + ", "
            + ScanCommand.count(problems, "problem"));
    if (matches.size() <= LISTED_MATCHES) {
      for (Match m : matches) {
        System.out.println("  " + ScanCommand.describe(m));
      }
    }
    System.out.println("wrote " + output.file("pairs.jsonl") + html);
  }
}

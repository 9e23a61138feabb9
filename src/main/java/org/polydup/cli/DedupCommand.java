package org.polydup.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.polydup.Document;
import org.polydup.cluster.Deduplicator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polydup dedup}: a corpus without the documents whose text is all in another one. */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = {
      "Deduplicate a corpus: scans it as scan does (and writes the same files), then writes"
          + " DIR/kept.jsonl, the input documents without those whose text is (nearly) all in a"
          + " kept document, and DIR/dropped.jsonl, each dropped document with the kept one that"
          + " holds its text. Translations are never dropped.",
      "INPUT is read as scan's INPUT."
    })
final class DedupCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Folders or files to read; - reads JSON Lines from standard input.")
  List<Path> inputs;

  @Mixin OutputOptions output;

  @Mixin DetectorOptions detectorOptions;

  private Deduplicator.Keep keep = Deduplicator.Keep.LONGEST;

  @Option(
      names = "--keep",
      paramLabel = "longest|first",
      description =
          "Which copy is kept: the longest text (a page that contains a story is kept and the"
              + " story dropped) or the first in the input. Default: longest.")
  void keep(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "longest" -> keep = Deduplicator.Keep.LONGEST;
      case "first" -> keep = Deduplicator.Keep.FIRST;
      default -> throw detectorOptions.usageError("--keep must be longest or first, got " + value);
    }
  }

  private double minimumCoverage = Deduplicator.DEFAULT_MINIMUM_COVERAGE;

  @Option(
      names = "--min-coverage",
      paramLabel = "C",
      description =
          "A document contained in another is dropped only when at least this share of its text"
              + " lies in the container. In (0, 1]; default 0.8. Duplicates are always dropped, as"
              + " --threshold defines them: lower it with care.")
  void minimumCoverage(double value) {
    minimumCoverage = detectorOptions.share("--min-coverage", value);
  }

  @Override
  public Integer call() throws IOException {
    try (RunFiles files = new RunFiles(output)) {
      ScanCommand.Scanned scanned =
          ScanCommand.scanAndWrite(
              inputs,
              detectorOptions,
              output,
              "polydup dedup " + inputs,
              List.of("kept.jsonl", "dropped.jsonl"),
              files);
      if (scanned == null) {
        return Main.EXIT_INPUT;
      }
      List<Document> documents = scanned.read().documents;
      Deduplicator.Result result =
          new Deduplicator(keep, minimumCoverage)
              .deduplicate(documents, scanned.result().matches());
      writeKept(files, documents, new HashSet<>(result.kept()));
      writeDropped(files, result.dropped());
      files.publish(inputs);
      System.out.println(
          ScanCommand.count(documents.size(), "document")
              + String.format(
                  Locale.ROOT,
                  " read, %,d kept, %,d dropped%s, ",
                  result.kept().size(),
                  result.dropped().size(),
                  ScanCommand.byRelation(
                      result.dropped().stream().map(Deduplicator.Dropped::relation)))
              + ScanCommand.count(scanned.read().problems.size(), "problem"));
      System.out.println(
          "wrote "
              + output.file("kept.jsonl")
              + ", "
              + output.file("dropped.jsonl")
              + ", "
              + output.file("pairs.jsonl")
              + ", "
              + output.file("clusters.jsonl")
              + ", "
              + output.file("problems.jsonl")
              + scanned.html());
      return Inputs.sayIfCutShort(scanned.read().problems) ? Main.EXIT_INPUT : 0;
    }
  }

  /** Writes {@code kept.jsonl}: the kept documents, in input order, as they were read. */
  private static void writeKept(RunFiles files, List<Document> documents, Set<String> kept)
      throws IOException {
    files.writeLines(
        "kept.jsonl",
        written -> {
          for (Document d : documents) {
            if (kept.contains(d.id())) {
              Map<String, Object> line = new LinkedHashMap<>();
              line.put("id", d.id());
              line.put("text", d.text());
              if (d.languageHint() != null) {
                line.put("lang", d.languageHint());
              }
              written.write(line);
            }
          }
        });
  }

  /** Writes {@code dropped.jsonl}: each dropped document with the kept one holding its text. */
  private static void writeDropped(RunFiles files, List<Deduplicator.Dropped> dropped)
      throws IOException {
    files.writeLines(
        "dropped.jsonl",
        written -> {
          for (Deduplicator.Dropped d : dropped) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", d.id());
            line.put("kept", d.kept());
            line.put("relation", d.relation().label());
            line.put("coverage", Math.round(d.coverage() * 10_000) / 10_000.0);
            written.write(line);
          }
        });
  }
}

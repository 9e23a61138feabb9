package org.polydup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.polydup.Match;
import org.polydup.report.HtmlReport;
import picocli.CommandLine.Option;

/** Where scan and query write their results, and whether they add the HTML page. */
final class OutputOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "polydup-out",
      description =
          "Output folder (created if missing). Default: ${DEFAULT-VALUE}. A file an earlier scan,"
              + " dedup or query wrote there (listed in DIR/.polydup-files) that this run does"
              + " not write is deleted (and named on stderr), so that every polydup file in DIR"
              + " describes this run: report.html without --html, kept.jsonl and dropped.jsonl"
              + " after scan or query, clusters.jsonl after query. Other files, whatever their"
              + " names, are left alone. The files appear together once all are written: a run"
              + " that fails or is interrupted leaves DIR as it was (one that read an input file"
              + " only in part, a truncated .gz, writes the results of what it read and exits"
              + " 1). A DIR where no file can be created fails the run before anything is read.")
  void out(Path folder) {
    if (folder.toString().isEmpty()) {
      throw new IllegalArgumentException(
          "--out needs a folder; an empty value would mean the current one: give . for that");
    }
    out = folder;
  }

  private Path out = Path.of("polydup-out");

  /** Every file scan, dedup and query write in the output folder. */
  static final List<String> WRITTEN_BY_POLYDUP =
      List.of(
          "pairs.jsonl",
          "clusters.jsonl",
          "problems.jsonl",
          "kept.jsonl",
          "dropped.jsonl",
          "report.html");

  @Option(
      names = "--html",
      description =
          "Also write DIR/report.html: the pairs with their evidence quoted in context from both"
              + " texts, for reading (at most the first 1000 pairs; pairs.jsonl has them all)."
              + " Without --html, a report.html an earlier run wrote in DIR is deleted (not one"
              + " of your own).")
  boolean html;

  /**
   * The record of the files the last run wrote in the output folder, one name a line, written with
   * them. Only the files it names are ever deleted: a user's own {@code report.html} or {@code
   * kept.jsonl} in a folder given as {@code --out} is not polydup's, whatever its name.
   */
  static final String RECORD = ".polydup-files";

  /**
   * Says on stderr why a run ends having written nothing, and that the output folder keeps what an
   * earlier run left, as after any run that fails; the problems were printed above.
   */
  void sayNothingWritten(String why) {
    System.err.println(
        "polydup: " + why + " (the problems are above); nothing written, " + out + " is as it was");
  }

  /** A file in the output folder. */
  Path file(String name) {
    return out.resolve(name);
  }

  /**
   * Creates the output folder when missing and fails at once, naming it, when no file can be
   * created in it ({@link RunFiles#requireWritable}): a run that could not write its results
   * otherwise found out only after the whole scan.
   *
   * @throws UnwritableOutputException when no file can be created there
   */
  void requireWritableFolder() throws IOException {
    Files.createDirectories(out);
    RunFiles.requireWritable(out, "cannot write in the output folder " + out);
  }

  /**
   * The files of {@link #WRITTEN_BY_POLYDUP} that the {@link #RECORD} of an earlier run in the
   * output folder names; none when there is no record (a folder no polydup run wrote, or one an
   * older version wrote). Read before this run's files replace the record.
   */
  Set<String> filesOfEarlierRun() throws IOException {
    Path record = file(RECORD);
    if (!Files.isRegularFile(record)) {
      return Set.of();
    }
    Set<String> named = new LinkedHashSet<>();
    for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
      if (WRITTEN_BY_POLYDUP.contains(line.strip())) {
        named.add(line.strip());
      }
    }
    return named;
  }

  /** The {@link #RECORD}'s content naming {@code files}: a comment line, then the names. */
  static String record(Collection<String> files) {
    StringBuilder text =
        new StringBuilder(
            "# polydup's files in this folder (its last run's, and an earlier run's file that"
                + " run read); the next run deletes those it does not write.\n");
    for (String name : files) {
      if (WRITTEN_BY_POLYDUP.contains(name)) {
        text.append(name).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * Deletes the files an earlier run wrote ({@code earlier}, from its {@link #RECORD}) that this
   * run did not write, and names them on stderr. Called once this run's files are in place ({@link
   * RunFiles#publish}), so that a run that fails leaves the earlier one's files whole. An earlier
   * run's file would otherwise sit beside this run's {@code pairs.jsonl} and be taken for a
   * description of it: a report, clusters or a deduplicated corpus of other input. A file no
   * polydup run recorded is never touched, whatever its name, nor is one this run read ({@code
   * polydup scan DIR/kept.jsonl --out DIR} keeps its input).
   *
   * @param earlier the names the earlier run's record lists ({@link #filesOfEarlierRun})
   * @param written the names of the files this run wrote, {@code report.html} included if it did
   * @param inputs the files and folders this run read
   */
  void removeEarlierRunsFiles(
      Collection<String> earlier, Collection<String> written, Collection<Path> inputs)
      throws IOException {
    List<String> removed = new ArrayList<>();
    for (String name : WRITTEN_BY_POLYDUP) {
      if (earlier.contains(name)
          && !written.contains(name)
          && !isInput(file(name), inputs)
          && Files.deleteIfExists(file(name))) {
        removed.add(name);
      }
    }
    if (!removed.isEmpty()) {
      System.err.println(
          "polydup: deleted "
              + String.join(", ", removed)
              + " in "
              + out
              + ", left by an earlier run: this run does not write "
              + (removed.size() == 1 ? "it" : "them")
              + ", and "
              + (removed.size() == 1 ? "it describes" : "they describe")
              + " other pairs");
    }
  }

  /**
   * Refuses, before anything is read or written, a run that would write one of its own inputs: the
   * files of {@code written} (and {@code report.html} with {@code --html}) in the output folder are
   * compared with {@code inputs}, standard input redirected from a file included. {@code polydup
   * scan DIR/pairs.jsonl --out DIR} would otherwise replace the stories with the pairs found in
   * them, even when the run then fails.
   *
   * @throws IllegalArgumentException (a usage error) naming the file
   */
  void refuseToOverwriteInputs(Collection<String> written, Collection<Path> inputs)
      throws IOException {
    for (String name : withReport(written)) {
      if (isInput(file(name), inputs)) {
        throw new IllegalArgumentException(
            "this run would write "
                + file(name)
                + ", which it reads as input; give another --out, or move the input");
      }
    }
  }

  /** {@code written}, and {@code report.html} when {@code --html} is given: all a run writes. */
  List<String> withReport(Collection<String> written) {
    List<String> names = new ArrayList<>(written);
    if (html) {
      names.add("report.html");
    }
    return names;
  }

  /**
   * Whether {@code file} exists and is one of {@code inputs} (standard input, {@code -}, when it is
   * redirected from {@code file}).
   */
  static boolean isInput(Path file, Collection<Path> inputs) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    for (Path input : inputs) {
      if (input.toString().equals("-")) {
        // Standard input redirected from a file of DIR (scan - < DIR/kept.jsonl): /dev/stdin
        // names that file where the platform has it.
        if (isStandardInput(file)) {
          return true;
        }
      } else if (Files.exists(input) && Files.isSameFile(file, input)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether writing {@code file} would replace something the run reads: it is one of {@code inputs}
   * ({@link #isInput}), or a {@code .txt} file directly inside one of the input folders, which a
   * folder input reads whether it exists yet or not.
   */
  static boolean isReadByInputs(Path file, Collection<Path> inputs) throws IOException {
    if (isInput(file, inputs)) {
      return true;
    }
    Path parent = file.toAbsolutePath().getParent();
    boolean story = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    if (!story || parent == null || !Files.isDirectory(parent)) {
      return false;
    }
    for (Path input : inputs) {
      if (!input.toString().equals("-")
          && Files.isDirectory(input)
          && Files.isSameFile(parent, input)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isStandardInput(Path file) {
    try {
      return Files.isSameFile(file, Path.of("/dev/stdin"));
    } catch (IOException | RuntimeException e) {
      return false; // no /dev/stdin, or it is not a file
    }
  }

  /**
   * Writes {@code report.html} into the run's files when asked for; returns ", DIR/report.html"
   * then, else "".
   */
  String writeHtml(
      RunFiles files, String title, List<Match> matches, Function<String, String> textOf)
      throws IOException {
    if (!html) {
      return "";
    }
    files.writeFile(
        "report.html",
        temporary ->
            HtmlReport.write(temporary, title, matches, textOf, HtmlReport.DEFAULT_MAXIMUM_PAIRS));
    return ", " + file("report.html");
  }
}

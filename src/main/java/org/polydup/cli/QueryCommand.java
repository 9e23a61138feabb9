package org.polydup.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polydup.Detector;
import org.polydup.Document;
import org.polydup.IncompatibleDataException;
import org.polydup.Match;
import org.polydup.MinHashScheme;
import org.polydup.PersistentDetector;
import org.polydup.io.InputProblem;
import org.polydup.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polydup query}: check new stories against an archive, as a newsroom checks each story that
 * arrives. The index is loaded from a file {@code --save} wrote ({@link Detector#load}) and from
 * archive documents ({@link Detector#addAll}); then each new document, in input order, is checked
 * against the index and the new documents before it and added ({@link Detector#queryAndAdd}), so
 * copies among the new documents are found too; {@code --save} then writes the whole index for the
 * next run.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Check new stories against an archive: loads the --saved index and the --archive stories,"
          + " then checks each INPUT document, in input order, against them and the INPUT"
          + " documents before it. Writes DIR/pairs.jsonl (a = the new document; same fields as"
          + " scan) and DIR/problems.jsonl, and prints a summary. --save FILE then writes the"
          + " index, new documents included, so that the next run loads it with --saved FILE"
          + " instead of analysing the archive again.",
      "ARCHIVE and INPUT are read as scan's INPUT (folders of .txt files, .txt, .jsonl, .csv or"
          + " .tsv files, optionally gzipped). A document whose id is in the index already is"
          + " skipped."
    })
final class QueryCommand implements Callable<Integer> {
  /** The files every query writes, {@code report.html} aside. */
  private static final List<String> QUERY_FILES = List.of("pairs.jsonl", "problems.jsonl");

  @Option(
      names = "--archive",
      paramLabel = "ARCHIVE",
      description = "The stories to check against (repeatable).")
  List<Path> archive = List.of();

  @Option(
      names = "--saved",
      paramLabel = "FILE",
      description =
          "An index written by --save, loaded before the --archive stories: its stories are not"
              + " analysed again.")
  Path saved;

  @Option(
      names = "--save",
      paramLabel = "FILE",
      description =
          "After the run, write the index (the saved and archived stories and the new ones) to"
              + " FILE, for --saved next time. FILE may be the --saved one; it is replaced whole.")
  Path save;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "A persistent index kept in the folder DIR (created when missing): its stories are"
              + " loaded first, and every story added in this run is committed to it at the end,"
              + " without rewriting it. A run that fails or crashes leaves it as it was.")
  Path index;

  @Option(
      names = "--remove",
      paramLabel = "FILE",
      description =
          "A file of document ids, one per line (UTF-8, each id exactly as in the input):"
              + " those documents are removed from the index"
              + " before the new stories are checked, so an --index or --save index can keep a"
              + " sliding window of stories. An id the index does not hold is reported.")
  Path remove;

  @Parameters(
      arity = "0..*",
      paramLabel = "INPUT",
      description = "The new stories to check; - reads JSON Lines from standard input.")
  List<Path> inputs = List.of();

  @Spec CommandSpec spec;

  /** INPUT documents skipped because their ids are in the index already (for the summary). */
  private int skippedAsIndexed;

  @Mixin OutputOptions output;

  @Mixin DetectorOptions detectorOptions;

  @Override
  public Integer call() throws IOException {
    if (archive.isEmpty() && saved == null && index == null) {
      throw new ParameterException(spec.commandLine(), "give --archive, --saved or --index");
    }
    if (inputs.isEmpty()
        && save == null
        && (index == null || archive.isEmpty() && remove == null)) {
      throw new ParameterException(
          spec.commandLine(),
          "no INPUT to check (to build or change an index only, give --save or --index)");
    }
    if (archive.stream().anyMatch(Inputs::isStandardInput)
        && inputs.stream().anyMatch(Inputs::isStandardInput)) {
      throw new ParameterException(
          spec.commandLine(), "standard input (-) can be an ARCHIVE or an INPUT, not both");
    }
    // Every path is checked before any is read, so a wrong one fails at once.
    if (saved != null && !(Files.isRegularFile(saved) && Files.isReadable(saved))) {
      System.err.println(
          "polydup: cannot read the saved index "
              + saved
              + (Files.isDirectory(saved)
                  ? ": a folder (for a folder index, use --index)"
                  : !Files.exists(saved)
                      ? ": no such file"
                      : !Files.isRegularFile(saved)
                          ? ": not a regular file"
                          : ": permission denied"));
      return Main.EXIT_INPUT;
    }
    refuseToOverwrite();
    List<String> removals;
    try {
      removals = remove == null ? List.of() : Files.readAllLines(remove);
    } catch (IOException e) {
      System.err.println("polydup: cannot read the ids to remove, " + remove + ": " + e);
      return Main.EXIT_INPUT;
    }
    Inputs archived = Inputs.openOrReport(archive, detectorOptions.maxCharacters);
    Inputs arriving =
        archived == null ? null : Inputs.openOrReport(inputs, detectorOptions.maxCharacters);
    if (arriving == null) {
      return Main.EXIT_INPUT;
    }
    // Before the index is opened or anything loaded: an unusable --out or --save folder fails
    // now, not after the run.
    output.requireWritableFolder();
    if (save != null) {
      Path folder = save.toAbsolutePath().getParent();
      RunFiles.requireWritable(folder, "cannot write --save " + save + " in " + folder);
    }
    PersistentDetector persistent = null;
    boolean succeeded = false;
    try (RunFiles files = new RunFiles(output)) {
      if (index != null) {
        try (ProgressBar bar = ProgressBar.forStderr(detectorOptions.progress)) {
          persistent = detectorOptions.builder(MinHashScheme.ONE_PASS).open(index, bar);
        } catch (IncompatibleDataException | IOException e) {
          System.err.println("polydup: cannot open the index " + index + ": " + e.getMessage());
          return Main.EXIT_INPUT;
        }
      }
      int inFolder = persistent == null ? 0 : persistent.size();
      int code =
          run(
              persistent != null ? persistent : detectorOptions.detector(),
              inFolder,
              removals,
              archived,
              arriving,
              files);
      succeeded = code == 0;
      return code;
    } finally {
      if (persistent != null) {
        if (succeeded) {
          persistent.close(); // commits this run's stories and removals
        } else {
          persistent.rollback(); // a failed run leaves the folder as it was
        }
      }
    }
  }

  private int run(
      Detector detector,
      int inFolder,
      List<String> removals,
      Inputs archived,
      Inputs arriving,
      RunFiles files)
      throws IOException {
    List<InputProblem> problems = new ArrayList<>();
    List<Match> matches = new ArrayList<>();
    List<Document> fresh;
    int loaded;
    int removed;
    int indexed;
    try (ProgressBar bar = ProgressBar.forStderr(detectorOptions.progress)) {
      if (saved != null) {
        try {
          detector.load(saved, bar);
        } catch (IncompatibleDataException e) {
          System.err.println("polydup: " + e.getMessage());
          return Main.EXIT_INPUT;
        } catch (IllegalArgumentException e) {
          // With --index, the folder may hold a document of the saved file already.
          System.err.println("polydup: cannot load " + saved + ": " + e.getMessage());
          return Main.EXIT_INPUT;
        }
      }
      loaded = detector.size() - inFolder;
      removed = removeAll(detector, removals, problems);
      archived.stream().forEachRemaining(d -> {});
      archived.printProblems(System.err, 20);
      problems.addAll(archived.problems);
      if (!archive.isEmpty() && archived.documents.isEmpty()) {
        return failWith("no readable documents in the archive " + archive);
      }
      detector.addAll(notIndexed(detector, archived, problems), bar);
      arriving.stream().forEachRemaining(d -> {});
      arriving.printProblems(System.err, 20);
      problems.addAll(arriving.problems);
      int known = alreadyIndexed(detector, arriving);
      fresh = notIndexed(detector, arriving, problems);
      // A run whose every story is in the index already (yesterday's run, repeated) did its job:
      // there is nothing new to check, which is not an unreadable input.
      if (!inputs.isEmpty()
          && fresh.isEmpty()
          && (arriving.documents.isEmpty() || known < arriving.documents.size())) {
        return failWith("no new readable documents in " + inputs);
      }
      skippedAsIndexed = known;
      files.writeLines(
          "pairs.jsonl",
          pairs -> {
            int done = 0;
            for (Document d : fresh) {
              for (Match m : detector.queryAndAdd(d)) {
                // a is the new document: its text quotes the passages.
                pairs.write(JsonReport.pair(m, d.text(), detector.textOf(m.b())));
                matches.add(m);
              }
              bar.update("query+add", ++done, fresh.size());
            }
          });
      indexed = detector.size() - fresh.size();
    }
    writeProblems(files, problems);
    String html = output.writeHtml(files, title(), matches, detector::textOf);
    files.publish(readFiles());
    // Saved last, once the report is in place: a run whose report could not be written leaves
    // the saved index as it was, as a failed run leaves an --index folder, so running it again
    // checks the same stories (saved first, a run killed before its report was in place would
    // have left stories in the index whose pairs no report holds).
    if (save != null) {
      detector.save(save);
    }
    printSummary(indexed, inFolder, loaded, removed, fresh.size(), matches, problems.size(), html);
    return Inputs.sayIfCutShort(problems) ? Main.EXIT_INPUT : 0;
  }

  /**
   * Refuses, before anything is read, a run that would replace a file it reads or writes: an output
   * file that is an input ({@link OutputOptions#refuseToOverwriteInputs}), or a {@code --save} file
   * that is an ARCHIVE or INPUT file, a {@code .txt} file in an ARCHIVE or INPUT folder, the {@code
   * --remove} file (each would be replaced by the index, which no command turns back into stories),
   * a file of the {@code --index} folder (the persistent index would be corrupt), or one of the
   * files written in {@code --out}. {@code --save} may be the {@code --saved} file: replacing it is
   * what it is for.
   */
  private void refuseToOverwrite() throws IOException {
    output.refuseToOverwriteInputs(QUERY_FILES, readFiles());
    if (save == null) {
      return;
    }
    List<Path> read = new ArrayList<>(archive);
    read.addAll(inputs);
    if (remove != null) {
      read.add(remove);
    }
    if (OutputOptions.isReadByInputs(save, read)) {
      throw new ParameterException(
          spec.commandLine(),
          "--save "
              + save
              + " is a file this run reads (stories, or the ids to remove); saving would replace"
              + " it with the index. Give another file");
    }
    Path saveFolder = save.toAbsolutePath().getParent();
    if (index != null
        && Files.isDirectory(index)
        && (samePath(save, index) || saveFolder != null && samePath(saveFolder, index))) {
      throw new ParameterException(
          spec.commandLine(),
          "--save "
              + save
              + " is in the --index folder "
              + index
              + ", whose files this run reads and commits to; give a file outside it");
    }
    for (String name : output.withReport(QUERY_FILES)) {
      if (samePath(save, output.file(name))) {
        throw new ParameterException(
            spec.commandLine(),
            "--save " + save + " is the " + name + " this run writes in --out; give another file");
      }
    }
  }

  /** Whether two paths name one file, whether or not it exists yet. */
  private static boolean samePath(Path a, Path b) throws IOException {
    if (Files.exists(a) && Files.exists(b)) {
      return Files.isSameFile(a, b);
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** The files and folders this run reads: never deleted as an earlier run's output. */
  private List<Path> readFiles() {
    List<Path> read = new ArrayList<>(archive);
    read.addAll(inputs);
    if (saved != null) {
      read.add(saved);
    }
    return read;
  }

  private String title() {
    return "polydup query " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  private static void writeProblems(RunFiles files, List<InputProblem> problems)
      throws IOException {
    files.writeLines(
        "problems.jsonl",
        written -> {
          for (InputProblem p : problems) {
            written.write(p.toMap());
          }
        });
  }

  /**
   * Ends a run that has nothing to check, and says why: nothing is written, so the output folder
   * keeps an earlier run's files, as after any run that fails (the problems are on stderr).
   */
  private int failWith(String why) {
    output.sayNothingWritten(why);
    return Main.EXIT_INPUT;
  }

  /** Removes the listed ids (blank lines skipped); reports each the index does not hold. */
  private int removeAll(Detector detector, List<String> ids, List<InputProblem> problems) {
    int removed = 0;
    for (int line = 0; line < ids.size(); line++) {
      // Ids are matched exactly, since an id may have edge spaces; only a byte order mark goes.
      String id = ids.get(line);
      if (line == 0 && id.startsWith("\uFEFF")) {
        id = id.substring(1);
      }
      if (id.isBlank()) {
        continue;
      }
      if (detector.remove(id)) {
        removed++;
      } else {
        InputProblem p =
            new InputProblem(
                remove.toString(),
                line + 1,
                id,
                InputProblem.Kind.UNKNOWN_ID,
                "id \"" + id + "\" is not in the index; nothing removed");
        problems.add(p);
        System.err.println("polydup: " + p);
      }
    }
    return removed;
  }

  /** How many of the documents read have ids the detector holds already. */
  private static int alreadyIndexed(Detector detector, Inputs read) {
    int known = 0;
    for (Document d : read.documents) {
      if (detector.contains(d.id())) {
        known++;
      }
    }
    return known;
  }

  /**
   * The documents whose ids the detector does not hold yet; each other one is reported (on stderr
   * and into {@code problems}) and skipped.
   */
  private static List<Document> notIndexed(
      Detector detector, Inputs read, List<InputProblem> problems) {
    List<Document> kept = new ArrayList<>();
    for (int i = 0; i < read.documents.size(); i++) {
      Document d = read.documents.get(i);
      InputProblem p = null;
      if (detector.contains(d.id())) {
        p =
            read.problem(
                i,
                d.id(),
                InputProblem.Kind.DUPLICATE_ID,
                "id " + d.id() + " is in the index already; the document is skipped");
      } else if (detector instanceof PersistentDetector
          && d.id().length() > PersistentDetector.MAXIMUM_ID_LENGTH) {
        p =
            read.problem(
                i,
                d.id().substring(0, 77) + "...",
                InputProblem.Kind.INVALID_FIELD,
                String.format(
                    Locale.ROOT,
                    "an id of %,d characters; the --index folder stores ids of at most %,d;"
                        + " the document is skipped",
                    d.id().length(),
                    PersistentDetector.MAXIMUM_ID_LENGTH));
      }
      if (p == null) {
        kept.add(d);
      } else {
        problems.add(p);
        System.err.println("polydup: " + p);
      }
    }
    return kept;
  }

  private void printSummary(
      int indexed,
      int inFolder,
      int loaded,
      int removed,
      int checked,
      List<Match> matches,
      int problems,
      String html) {
    System.out.println(
        ScanCommand.count(checked, "new document")
            + " checked against "
            + ScanCommand.count(indexed, "archived document")
            + (saved == null
                ? ""
                : " (" + String.format(Locale.ROOT, "%,d", loaded) + " loaded from " + saved + ")")
            + (index == null
                ? ""
                : " (" + String.format(Locale.ROOT, "%,d", inFolder) + " in " + index + ")")
            + (remove == null ? "" : String.format(Locale.ROOT, ", %,d removed", removed))
            + (skippedAsIndexed == 0
                ? ""
                : String.format(
                    Locale.ROOT, ", %,d skipped (in the index already)", skippedAsIndexed))
            + ", "
            + ScanCommand.flagged(matches)
            + ", "
            + ScanCommand.count(problems, "problem"));
    ScanCommand.listMatches(matches);
    System.out.println(
        "wrote "
            + output.file("pairs.jsonl")
            + html
            + (save == null
                ? ""
                : ", "
                    + save
                    + " (the index of "
                    + String.format(Locale.ROOT, "%,d", indexed + checked)
                    + " documents)")
            + (index == null
                ? ""
                : ", committed to "
                    + index
                    + " ("
                    + String.format(Locale.ROOT, "%,d", indexed + checked)
                    + " documents)"));
  }
}

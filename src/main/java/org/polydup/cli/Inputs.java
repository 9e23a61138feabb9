package org.polydup.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.polydup.Document;
import org.polydup.DocumentProblem;
import org.polydup.io.DocumentIterator;
import org.polydup.io.DocumentSource;
import org.polydup.io.InputProblem;
import org.polydup.io.UnreadableInputException;

/**
 * Reads the documents of every input path, keeping the first of duplicate ids across inputs and
 * collecting every problem so one bad document never loses the others.
 *
 * <p>Either all at once ({@link #readOrReport}) or as a stream ({@link #openOrReport}, then {@link
 * #stream()}), so that a scan can analyse the documents already read while the rest are still being
 * decoded. Every path is checked when the inputs are opened, so an unreadable one stops the command
 * before any document is read in both cases; each file is opened only when the stream reaches it.
 */
final class Inputs {
  /** The documents read so far, in input order. */
  final List<Document> documents = new ArrayList<>();

  /** Where each of {@link #documents} was read (file or stream, line), for later problems. */
  private final List<Where> origins = new ArrayList<>();

  /** A document's file (or stream name) and the line it starts on (0 when not line-based). */
  private record Where(String source, long line) {}

  /** Position of each document by id, built when a problem is first located. */
  private Map<String, Integer> indexOfId;

  /** The problems found so far, in input order. */
  final List<InputProblem> problems = new ArrayList<>();

  private final List<DocumentSource> sources;
  private boolean streamed;

  private Inputs(List<DocumentSource> sources) {
    this.sources = sources;
  }

  /**
   * Checks that every input can be read, without reading documents yet.
   *
   * <p>The path {@value DocumentSource#STANDARD_INPUT} stands for JSON Lines on standard input,
   * which is not checked (that would consume it) and may be given once.
   *
   * @throws UnreadableInputException naming the first input that does not exist, cannot be read or
   *     has an unsupported type
   * @throws IllegalArgumentException (a usage error) when standard input is given twice
   */
  static Inputs open(List<Path> paths, int maxCharacters) throws UnreadableInputException {
    List<DocumentSource> sources = new ArrayList<>();
    boolean standardInput = false;
    for (Path path : paths) {
      if (isStandardInput(path)) {
        if (standardInput) {
          // A usage error, not an unreadable input: the command line names it twice.
          throw new IllegalArgumentException(
              "standard input (-) is given twice; it can be read only once");
        }
        standardInput = true;
        sources.add(DocumentSource.standardInput().maxCharacters(maxCharacters).build());
        continue;
      }
      DocumentSource source = DocumentSource.builder(path).maxCharacters(maxCharacters).build();
      // Opening checks the path; its problems (an empty folder) are reported when it is read.
      source.iterator(problem -> {}).close();
      sources.add(source);
    }
    return new Inputs(sources);
  }

  /** Whether {@code path} is {@value DocumentSource#STANDARD_INPUT}, standard input. */
  static boolean isStandardInput(Path path) {
    return path.toString().equals(DocumentSource.STANDARD_INPUT);
  }

  /**
   * Reads the inputs as the returned iterator advances (once only), adding each document kept to
   * {@link #documents} and each problem to {@link #problems}. Not thread-safe: the lists may be
   * read by the thread draining the iterator, or by any thread after it is drained.
   *
   * @throws IllegalStateException when called a second time
   */
  Iterator<Document> stream() {
    if (streamed) {
      throw new IllegalStateException("the inputs are read once");
    }
    streamed = true;
    return new Iterator<>() {
      private final Set<String> ids = new HashSet<>();
      private int nextSource;
      private DocumentIterator current;
      private String currentName;
      private Document pending;

      @Override
      public boolean hasNext() {
        while (pending == null) {
          if (current != null && current.hasNext()) {
            Document d = current.next();
            Where where =
                new Where(
                    current.source() != null ? current.source() : currentName, current.line());
            if (ids.add(d.id())) {
              documents.add(d);
              origins.add(where);
              pending = d;
            } else {
              problems.add(
                  new InputProblem(
                      where.source(),
                      where.line(),
                      d.id(),
                      InputProblem.Kind.DUPLICATE_ID,
                      "duplicate id " + d.id() + " (also in an earlier input); kept the first"));
            }
          } else if (!openNext()) {
            return false;
          }
        }
        return true;
      }

      @Override
      public Document next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Document d = pending;
        pending = null;
        return d;
      }

      /** Opens the next input; false when there is none. */
      private boolean openNext() {
        if (current != null) {
          current.close();
          current = null;
        }
        if (nextSource == sources.size()) {
          return false;
        }
        DocumentSource source = sources.get(nextSource++);
        currentName = source.name();
        try {
          current = source.iterator(problems::add);
        } catch (UnreadableInputException e) {
          // Checked by open(): only an input that changed since (deleted, permissions) gets here,
          // and it is reported like an I/O error inside a file, the other inputs still read.
          problems.add(
              new InputProblem(
                  currentName,
                  0,
                  null,
                  InputProblem.Kind.UNREADABLE,
                  e.getMessage() + "; input skipped"));
        }
        return true;
      }
    };
  }

  /**
   * Opens the inputs for streaming, printing why on stderr and returning {@code null} when one
   * cannot be read at all (the commands then exit with {@link Main#EXIT_INPUT}).
   */
  static Inputs openOrReport(List<Path> paths, int maxCharacters) {
    try {
      return open(paths, maxCharacters);
    } catch (UnreadableInputException e) {
      System.err.println("polydup: " + e.getMessage());
      return null;
    }
  }

  /**
   * Reads the inputs, printing why on stderr and returning {@code null} when one cannot be read at
   * all (the commands then exit with {@link Main#EXIT_INPUT}).
   */
  static Inputs readOrReport(List<Path> paths, int maxCharacters) {
    Inputs inputs = openOrReport(paths, maxCharacters);
    if (inputs != null) {
      inputs.stream().forEachRemaining(d -> {});
    }
    return inputs;
  }

  /**
   * A problem with {@code documents.get(index)} found after it was read, reported at its file and
   * line.
   */
  InputProblem problem(int index, String id, InputProblem.Kind kind, String message) {
    Where where = origins.get(index);
    return new InputProblem(where.source(), where.line(), id, kind, message);
  }

  /**
   * A problem the scan found with one of these documents, as the {@code problems.jsonl} object: the
   * document's file and line, its id, {@code "kind": "analysis"} and the message.
   */
  Map<String, Object> analysisProblem(DocumentProblem problem) {
    Map<String, Object> map = new LinkedHashMap<>();
    Where where = whereOf(problem.documentId());
    if (where != null) {
      map.put("source", where.source());
      map.put("line", where.line());
    }
    map.put("id", problem.documentId());
    map.put("kind", "analysis");
    map.put("message", problem.message());
    return map;
  }

  /** Prints the scan's problems with documents at their file and line, at most {@code limit}. */
  void printAnalysisProblems(PrintStream err, List<DocumentProblem> found, int limit) {
    List<String> lines = new ArrayList<>(found.size());
    for (DocumentProblem p : found) {
      Where where = whereOf(p.documentId());
      String at =
          where == null ? "" : where.source() + (where.line() > 0 ? ":" + where.line() : "") + ": ";
      lines.add(at + p.documentId() + ": " + p.message());
    }
    printAtMost(err, lines, limit, "document problems");
  }

  /** Prints each line after {@code polydup: }, the first {@code limit}, then how many are left. */
  private static void printAtMost(PrintStream err, List<?> lines, int limit, String noun) {
    for (int i = 0; i < lines.size(); i++) {
      if (i == limit) {
        err.println("polydup: ... and " + (lines.size() - limit) + " more " + noun);
        break;
      }
      err.println("polydup: " + lines.get(i));
    }
  }

  private Where whereOf(String id) {
    if (indexOfId == null) {
      indexOfId = new HashMap<>();
      for (int i = 0; i < documents.size(); i++) {
        indexOfId.put(documents.get(i).id(), i);
      }
    }
    Integer index = indexOfId.get(id);
    return index == null ? null : origins.get(index);
  }

  void printProblems(PrintStream err, int limit) {
    printAtMost(err, problems, limit, "problems");
  }

  /**
   * When one of {@code problems} is an input that could not be read to its end (an I/O error, a
   * truncated or corrupt gzip: {@link InputProblem.Kind#UNREADABLE}), says on stderr that the
   * results cover only what was read before it and returns true: the command then exits with {@link
   * Main#EXIT_INPUT}, its results written. A pipeline that trusts exit 0 would otherwise publish a
   * corpus cut short without knowing it.
   */
  static boolean sayIfCutShort(List<InputProblem> problems) {
    List<String> sources =
        problems.stream()
            .filter(p -> p.kind() == InputProblem.Kind.UNREADABLE)
            .map(InputProblem::source)
            .distinct()
            .toList();
    if (sources.isEmpty()) {
      return false;
    }
    System.err.println(
        "polydup: "
            + String.join(", ", sources)
            + " could not be read to the end (see above): the results cover only the documents read"
            + " before the failure; exit code 1");
    return true;
  }
}

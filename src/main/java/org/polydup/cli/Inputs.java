package org.polydup.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.polydup.Document;
import org.polydup.io.DocumentSource;
import org.polydup.io.InputProblem;
import org.polydup.io.UnreadableInputException;

/**
 * Reads the documents of every input path, keeping the first of duplicate ids across inputs and
 * collecting every problem so one bad document never loses the others.
 */
final class Inputs {
  final List<Document> documents = new ArrayList<>();
  final List<InputProblem> problems = new ArrayList<>();
  long bytes;

  static Inputs read(List<Path> paths, int maxCharacters) throws UnreadableInputException {
    Inputs inputs = new Inputs();
    Set<String> ids = new HashSet<>();
    for (Path path : paths) {
      DocumentSource source = DocumentSource.builder(path).maxCharacters(maxCharacters).build();
      source.forEach(
          d -> {
            if (ids.add(d.id())) {
              inputs.documents.add(d);
            } else {
              inputs.problems.add(
                  new InputProblem(
                      path.toString(),
                      0,
                      d.id(),
                      InputProblem.Kind.DUPLICATE_ID,
                      "duplicate id " + d.id() + " (also in an earlier input); kept the first"));
            }
          },
          inputs.problems::add);
    }
    return inputs;
  }

  /**
   * Reads the inputs, printing why on stderr and returning {@code null} when one cannot be read at
   * all (the commands then exit with {@link Main#EXIT_INPUT}).
   */
  static Inputs readOrReport(List<Path> paths, int maxCharacters) {
    try {
      return read(paths, maxCharacters);
    } catch (UnreadableInputException e) {
      System.err.println("polydup: " + e.getMessage());
      return null;
    }
  }

  void printProblems(PrintStream err, int limit) {
    int shown = 0;
    for (InputProblem p : problems) {
      if (shown++ == limit) {
        err.println("polydup: ... and " + (problems.size() - limit) + " more problems");
        break;
      }
      err.println("polydup: " + p);
    }
  }
}

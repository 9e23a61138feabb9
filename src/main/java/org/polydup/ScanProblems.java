package org.polydup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polydup.lang.LanguageGuess;

/** The scan's report of its documents' problems: failed analyses, cut texts, unknown languages. */
final class ScanProblems {
  private ScanProblems() {}

  /**
   * The problems of the documents in input order, each document's in the order: its analysis
   * failure, its cut, its alignment problem, its unidentified language.
   *
   * @param problems why each document could not be analysed, or null, by input position
   * @param cutLengths the full lengths of the texts cut to maximumCharacters, by input position
   * @param alignmentProblems the cross-language stage's problems, by input position
   */
  static List<DocumentProblem> of(
      List<Document> documents,
      String[] problems,
      Map<Integer, Integer> cutLengths,
      Map<Integer, String> alignmentProblems,
      LanguageResolver languages) {
    List<DocumentProblem> problemList = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (problems[i] != null) {
        problemList.add(new DocumentProblem(documents.get(i).id(), problems[i]));
      }
      int length = cutLengths.getOrDefault(i, -1);
      if (problems[i] == null && length >= 0) {
        problemList.add(
            new DocumentProblem(
                documents.get(i).id(),
                String.format(
                    Locale.ROOT,
                    "only the first %,d of its %,d characters are read (maximumCharacters)",
                    documents.get(i).text().length(),
                    length)));
      }
      String alignmentProblem = alignmentProblems.get(i);
      if (alignmentProblem != null) {
        problemList.add(new DocumentProblem(documents.get(i).id(), alignmentProblem));
      }
      String language = languages.resolvedOrNull(i);
      if (problems[i] == null && language != null && LanguageGuess.isUndetermined(language)) {
        problemList.add(new DocumentProblem(documents.get(i).id(), unidentified(language)));
      }
    }
    return problemList;
  }

  /** How many documents were analysed: those without an analysis problem. */
  static int scanned(String[] problems) {
    int scanned = 0;
    for (String problem : problems) {
      if (problem == null) {
        scanned++;
      }
    }
    return scanned;
  }

  /**
   * Why a document of an unidentified language was compared all the same, and how: the scan reports
   * it for each document whose language it needed (every document with cross-language matching on,
   * those in a pair without it), since identification is not run for the others.
   */
  static String unidentified(String language) {
    return "language not identified ("
        + language
        + "): compared by script-level rules (same-language copies as in any language;"
        + " cross-language keys by transliterating its script)";
  }
}

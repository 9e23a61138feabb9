package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polydup.eval.SyndicationEvaluation;

/**
 * A document whose analysis throws: the batch scan reports it as a problem and gives every other
 * document the results a scan without it gives; the incremental add, query and addAll pass the
 * exception to the caller and leave the detector as it was. Nothing in the public API makes one
 * document's analysis fail, so the tests build the detector with the package-private hook that sees
 * each text before it is fingerprinted ({@link DefaultDetector#DefaultDetector(Configuration,
 * Consumer)}).
 */
class AnalysisFailureTest {
  private static final String PLANTED = "planted failure";

  private static Polydup.Builder builder(boolean crossLanguage) {
    return Polydup.builder().crossLanguage(crossLanguage).threads(2);
  }

  /** A detector of {@code builder}'s configuration whose fingerprinting throws on {@code text}. */
  private static DefaultDetector failingOn(Polydup.Builder builder, String text) {
    Configuration configuration = ((DefaultDetector) builder.build()).configuration();
    Consumer<String> hook =
        t -> {
          if (t.equals(text)) {
            throw new IllegalStateException(PLANTED);
          }
        };
    return new DefaultDetector(configuration, hook);
  }

  private static List<Document> documents() {
    return new ArrayList<>(SyndicationEvaluation.load(Path.of("testdata/syndication")).documents());
  }

  /**
   * The position of a document in a pair of {@code result} whose text no other document has, so
   * that failing on its text fails on it alone.
   */
  private static int pairedDocumentWithItsOwnText(List<Document> documents, ScanResult result) {
    for (Match m : result.matches()) {
      for (int i = 0; i < documents.size(); i++) {
        Document d = documents.get(i);
        if (d.id().equals(m.a())
            && documents.stream().filter(o -> o.text().equals(d.text())).count() == 1) {
          return i;
        }
      }
    }
    throw new AssertionError("no paired document with a text of its own");
  }

  @ParameterizedTest(name = "crossLanguage={0}")
  @ValueSource(booleans = {false, true})
  void scan_reportsTheDocumentWhoseAnalysisThrows_andGivesTheOthersTheResultsOfAScanWithoutIt(
      boolean crossLanguage) {
    List<Document> documents = documents();
    ScanResult whole = builder(crossLanguage).build().scan(documents);
    int bad = pairedDocumentWithItsOwnText(documents, whole);
    Document failing = documents.get(bad);
    List<Document> others = new ArrayList<>(documents);
    others.remove(bad);
    ScanResult without = builder(crossLanguage).build().scan(others);
    assertTrue(
        whole.matches().size() > without.matches().size(),
        "the failing document is in pairs of its own");

    ScanResult result = failingOn(builder(crossLanguage), failing.text()).scan(documents);

    assertEquals(without.documents(), result.documents());
    assertEquals(without.matches(), result.matches());
    assertEquals(without.clusters(), result.clusters());
    List<DocumentProblem> problems = new ArrayList<>(result.problems());
    List<DocumentProblem> own =
        problems.stream().filter(p -> p.documentId().equals(failing.id())).toList();
    assertEquals(1, own.size(), problems::toString);
    assertTrue(own.get(0).message().startsWith("could not be analysed: "), own::toString);
    assertTrue(own.get(0).message().contains(PLANTED), own::toString);
    problems.removeAll(own);
    assertEquals(without.problems(), problems);
  }

  @Test
  void add_query_queryAndAdd_andAddAll_passTheFailureOn_andLeaveTheDetectorAsItWas() {
    List<Document> documents = documents();
    ScanResult whole = builder(true).build().scan(documents);
    int bad = pairedDocumentWithItsOwnText(documents, whole);
    Document failing = documents.get(bad);
    List<Document> others = new ArrayList<>(documents);
    others.remove(bad);
    Document later = others.remove(others.size() - 1);
    Detector reference = builder(true).build();
    reference.addAll(others);
    DefaultDetector detector = failingOn(builder(true), failing.text());
    detector.addAll(others);

    RuntimeException added = assertThrows(RuntimeException.class, () -> detector.add(failing));
    assertTrue(String.valueOf(added.getMessage()).contains(PLANTED), added::toString);
    assertThrows(RuntimeException.class, () -> detector.query(failing));
    assertThrows(RuntimeException.class, () -> detector.queryAndAdd(failing));
    // addAll adds all or none: the good document given with the failing one is not added either.
    assertThrows(RuntimeException.class, () -> detector.addAll(List.of(later, failing)));

    assertEquals(others.size(), detector.size());
    assertFalse(detector.contains(failing.id()));
    assertFalse(detector.contains(later.id()));
    assertSameAnswers(reference, detector, documents, failing, whole);
    // Still usable: a later add goes in as it does into a detector that never saw the failure.
    reference.add(later);
    detector.add(later);
    assertEquals(reference.size(), detector.size());
    assertSameAnswers(reference, detector, documents, failing, whole);
  }

  /**
   * The same matches in both detectors for the documents paired with {@code failing} in a scan of
   * them all, and for every 17th other document.
   */
  private static void assertSameAnswers(
      Detector reference,
      Detector detector,
      List<Document> documents,
      Document failing,
      ScanResult whole) {
    List<String> partners = new ArrayList<>();
    for (Match m : whole.matches()) {
      if (m.a().equals(failing.id())) {
        partners.add(m.b());
      } else if (m.b().equals(failing.id())) {
        partners.add(m.a());
      }
    }
    assertFalse(partners.isEmpty());
    for (int i = 0; i < documents.size(); i++) {
      Document d = documents.get(i);
      if (d != failing && (i % 17 == 0 || partners.contains(d.id()))) {
        assertEquals(reference.query(d), detector.query(d), d.id());
      }
    }
  }
}

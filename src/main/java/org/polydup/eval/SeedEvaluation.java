package org.polydup.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.polydup.Document;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.ScanResult;

/**
 * Checks a scan of the five seed documents against {@code expected.tsv}: every {@code copy} row
 * must be reported with one of its accepted relations (and, for {@code contained}, with the row's
 * {@code a} as the container); every {@code not-copy} row must not be reported as a copy.
 */
public final class SeedEvaluation {

  /** One row of expected.tsv. */
  public record Expectation(String a, String b, boolean copy, Set<Relation> accepted, String why) {}

  /** The verdict on one row. */
  public record Outcome(Expectation expected, Match found, boolean right) {}

  private final List<Document> documents;
  private final List<Expectation> expectations;

  private SeedEvaluation(List<Document> documents, List<Expectation> expectations) {
    this.documents = documents;
    this.expectations = expectations;
  }

  /** Loads every {@code *.txt} in the folder (id = file name without .txt) and expected.tsv. */
  public static SeedEvaluation load(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<Document> documents = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String name = f.getFileName().toString();
        documents.add(
            Document.of(
                name.substring(0, name.length() - 4), Files.readString(f, StandardCharsets.UTF_8)));
      }
      List<Expectation> expectations = new ArrayList<>();
      for (String line :
          Files.readAllLines(directory.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        Set<Relation> accepted = new LinkedHashSet<>();
        for (String r : f[3].split("\\|")) {
          accepted.add(Relation.fromLabel(r));
        }
        expectations.add(
            new Expectation(f[0], f[1], f[2].equals("copy"), accepted, f.length > 4 ? f[4] : ""));
      }
      return new SeedEvaluation(documents, expectations);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read seeds from " + directory, e);
    }
  }

  /** The seed documents, in file-name order. */
  public List<Document> documents() {
    return documents;
  }

  /** Judges every row of expected.tsv against the scan. */
  public List<Outcome> score(ScanResult result) {
    Map<PairKey, Match> reported = new HashMap<>();
    for (Match m : result.matches()) {
      reported.put(PairKey.of(m.a(), m.b()), m);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Expectation e : expectations) {
      Match m = reported.get(PairKey.of(e.a(), e.b()));
      boolean flaggedAsCopy = m != null && m.relation() != Relation.RELATED;
      boolean right;
      if (e.copy()) {
        right =
            flaggedAsCopy
                && e.accepted().contains(m.relation())
                && (m.relation() != Relation.CONTAINED || e.a().equals(m.container()));
      } else {
        right = !flaggedAsCopy;
      }
      outcomes.add(new Outcome(e, m, right));
    }
    return outcomes;
  }

  /** A table of the outcomes, one line per row. */
  public static String table(List<Outcome> outcomes) {
    StringBuilder s = new StringBuilder("seeds: expected.tsv\n");
    long right = outcomes.stream().filter(Outcome::right).count();
    for (Outcome o : outcomes) {
      Expectation e = o.expected();
      String found =
          o.found() == null
              ? "not flagged"
              : o.found().relation().label()
                  + (o.found().container() != null ? " in " + o.found().container() : "");
      s.append(
          String.format(
              Locale.ROOT,
              "%-4s %s ~ %s  expected %s %s, found %s%n",
              o.right() ? "ok" : "FAIL",
              e.a(),
              e.b(),
              e.copy() ? "copy" : "not-copy",
              e.accepted(),
              found));
    }
    s.append(String.format(Locale.ROOT, "%d/%d rows right%n", right, outcomes.size()));
    return s.toString();
  }
}

package org.polydup.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.polydup.Match;

/**
 * Every false positive of one evaluation written out for a person to read: the pair, its relation,
 * the stage that reported it (the shingle stage's passages or the align stage's entities), its
 * scores, each piece of evidence with the text around it, and the openings of both texts. A
 * diagnostic, not a score: it answers "what does this false positive rest on", which a count does
 * not. Written by {@code polydup eval SET --false-positives FILE} for syndication and rewrites.
 */
public final class FalsePositiveReport {
  /** Characters of each text's opening shown, and of context either side of a piece of evidence. */
  private static final int OPENING = 240;

  private static final int CONTEXT = 40;

  /** Evidence items shown per pair; the rest are counted. */
  private static final int SHOWN_EVIDENCE = 12;

  private final Map<String, String> textOf;
  private final Map<String, String> roleOf;
  private final List<String> blocks = new ArrayList<>();

  /**
   * A report over documents whose texts are in {@code textOf}.
   *
   * @param textOf each document's text by id
   * @param roleOf what each document is in the labelled set (for example "digest of s000123"),
   *     shown after its id; documents without an entry show none
   */
  public FalsePositiveReport(Map<String, String> textOf, Map<String, String> roleOf) {
    this.textOf = textOf;
    this.roleOf = roleOf;
  }

  /** Adds one false positive. */
  public void add(Match m) {
    String textA = textOf.getOrDefault(m.a(), "");
    String textB = textOf.getOrDefault(m.b(), "");
    StringBuilder s = new StringBuilder();
    boolean shingle = Double.isNaN(m.scores().alignment());
    s.append(
        String.format(
            Locale.ROOT,
            "== %s (%s, %d chars) ~ %s (%s, %d chars): %s%s by the %s stage%n",
            m.a(),
            m.languageA(),
            textA.length(),
            m.b(),
            m.languageB(),
            textB.length(),
            m.relation().label(),
            m.container() == null ? "" : " in " + m.container(),
            shingle ? "shingle" : "align"));
    if (shingle) {
      s.append(
          String.format(
              Locale.ROOT,
              "   J %.3f  containment a-in-b %.3f b-in-a %.3f  coverage a %.3f b %.3f%n",
              m.scores().jaccard(),
              m.scores().containmentAInB(),
              m.scores().containmentBInA(),
              m.scores().coverageA(),
              m.scores().coverageB()));
      appendFirst(
          s,
          m.passages(),
          p ->
              String.format(
                  Locale.ROOT,
                  "   passage a[%d,%d) b[%d,%d) %d shingles: %s%n",
                  p.aStart(),
                  p.aEnd(),
                  p.bStart(),
                  p.bEnd(),
                  p.shingles(),
                  snippet(textA, p.aStart(), p.aEnd())));
    } else {
      s.append(
          String.format(
              Locale.ROOT,
              "   alignment %.3f  aligned share a %.3f b %.3f  density %.3f  %d entities%n",
              m.scores().alignment(),
              m.scores().alignmentCoverageA(),
              m.scores().alignmentCoverageB(),
              m.scores().alignmentDensity(),
              m.entities().size()));
      appendFirst(
          s,
          m.entities(),
          e ->
              String.format(
                  Locale.ROOT,
                  "   %-8s a@%d %s | b@%d %s%n",
                  e.kind(),
                  e.aStart(),
                  around(textA, e.aStart(), e.aEnd()),
                  e.bStart(),
                  around(textB, e.bStart(), e.bEnd())));
    }
    s.append("   a (").append(roleOf.getOrDefault(m.a(), "?")).append("): ");
    s.append(opening(textA)).append('\n');
    s.append("   b (").append(roleOf.getOrDefault(m.b(), "?")).append("): ");
    s.append(opening(textB)).append('\n');
    blocks.add(s.toString());
  }

  /** How many false positives were added. */
  public int size() {
    return blocks.size();
  }

  /** Writes the report to {@code file}, replacing it. */
  public void write(Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String b : blocks) {
        w.write(b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String opening(String text) {
    return oneLine(text.substring(0, Math.min(OPENING, text.length())));
  }

  private static String snippet(String text, int start, int end) {
    if (end - start <= 2 * OPENING / 3) {
      return "«" + oneLine(text.substring(start, end)) + "»";
    }
    return "«"
        + oneLine(text.substring(start, start + OPENING / 3))
        + " … "
        + oneLine(text.substring(end - OPENING / 3, end))
        + "»";
  }

  private static String around(String text, int start, int end) {
    int from = Math.max(0, start - CONTEXT);
    int to = Math.min(text.length(), end + CONTEXT);
    return oneLine(text.substring(from, start))
        + "["
        + oneLine(text.substring(start, end))
        + "]"
        + oneLine(text.substring(end, to));
  }

  private static String oneLine(String s) {
    return s.replace('\n', '¶').replace('\r', ' ').replace('\t', ' ');
  }

  /**
   * Appends the first {@value #SHOWN_EVIDENCE} items, each as {@code line} formats it, then how
   * many more there are.
   */
  private static <T> void appendFirst(StringBuilder s, List<T> items, Function<T, String> line) {
    int shown = 0;
    for (T item : items) {
      if (shown++ == SHOWN_EVIDENCE) {
        s.append("   ... ").append(items.size() - SHOWN_EVIDENCE).append(" more\n");
        break;
      }
      s.append(line.apply(item));
    }
  }
}

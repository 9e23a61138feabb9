package org.polydup.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.text.StringEscapeUtils;
import org.polydup.EntityLink;
import org.polydup.Match;
import org.polydup.ParagraphLink;
import org.polydup.internal.Utf16;
import org.polydup.verify.SharedPassage;

/**
 * A static HTML page of flagged pairs, each with its scores and its evidence quoted in context from
 * both texts (the shared passages, the aligned names, numbers and dates, or for a translation found
 * by its structure alone the paired paragraphs), so that a person can check a pair in seconds
 * without opening the two documents. One self-contained file: no script, no external resource.
 * Every piece of document text is HTML-escaped.
 *
 * <p>The page is for reading, not for processing: {@code pairs.jsonl} stays the complete,
 * machine-readable output, and the page shows at most a given number of pairs (in the order given)
 * and the first {@value #EVIDENCE_ROWS} pieces of evidence of each.
 */
public final class HtmlReport {
  /** Pairs a page shows unless told otherwise: a page of a few megabytes, quick to open. */
  public static final int DEFAULT_MAXIMUM_PAIRS = 1_000;

  /** Pieces of evidence shown per pair. */
  static final int EVIDENCE_ROWS = 12;

  /** Characters of text shown before and after a piece of evidence. */
  static final int CONTEXT = 60;

  /** Characters of a shared passage shown; a longer one is cut, with an ellipsis. */
  static final int PASSAGE = 240;

  private static final String STYLE =
      "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:75em;padding:0 1em}"
          + "section{border-top:1px solid #ccc;padding:.5em 0}"
          + "h2{font-size:1.05em;margin:.4em 0}"
          + ".meta{color:#555;margin:.2em 0}"
          + "table{border-collapse:collapse;width:100%;table-layout:fixed}"
          + "td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left;"
          + "overflow-wrap:anywhere;white-space:pre-wrap}"
          + "th.kind,td.kind{width:7em;color:#555}"
          + "mark{background:#ffe58a}";

  private HtmlReport() {}

  /**
   * Writes the page.
   *
   * @param file where to write (replaced if it exists)
   * @param title the page's heading, such as the command that produced the pairs
   * @param matches the pairs, in the order to show them
   * @param textOf the raw text of a document by id (evidence offsets point into it); a document
   *     whose text is unknown ({@code null}) is shown without quotes
   * @param maximumPairs how many pairs to show at most, {@code >= 1}
   * @throws IOException when the file cannot be written
   */
  public static void write(
      Path file,
      String title,
      List<Match> matches,
      Function<String, String> textOf,
      int maximumPairs)
      throws IOException {
    if (maximumPairs < 1) {
      throw new IllegalArgumentException("maximumPairs must be >= 1, got " + maximumPairs);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(out, title, matches, textOf, maximumPairs);
    }
  }

  static void write(
      Writer out,
      String title,
      List<Match> matches,
      Function<String, String> textOf,
      int maximumPairs)
      throws IOException {
    Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
    int shown = Math.min(maximumPairs, matches.size());
    w.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>");
    w.write(escape(title));
    w.write("</title>\n<style>" + STYLE + "</style></head><body>\n<h1>");
    w.write(escape(title));
    w.write("</h1>\n<p>");
    w.write(
        shown == matches.size()
            ? String.format(Locale.ROOT, "%,d flagged pairs.", matches.size())
            : String.format(
                Locale.ROOT,
                "The first %,d of %,d flagged pairs; all of them are in pairs.jsonl.",
                shown,
                matches.size()));
    w.write("</p>\n");
    for (int k = 0; k < shown; k++) {
      pair(w, k + 1, matches.get(k), textOf);
    }
    w.write("</body></html>\n");
    w.flush();
  }

  private static void pair(Writer w, int number, Match m, Function<String, String> textOf)
      throws IOException {
    String textA = textOf.apply(m.a());
    String textB = textOf.apply(m.b());
    w.write("<section id=\"p" + number + "\"><h2>" + number + ". <code>");
    w.write(escape(m.a()));
    w.write("</code> and <code>");
    w.write(escape(m.b()));
    w.write("</code>: " + escape(m.relation().label()));
    if (m.container() != null) {
      w.write(" (in <code>" + escape(m.container()) + "</code>)");
    }
    w.write("</h2>\n<p class=\"meta\">");
    w.write(escape(m.languageA() + " / " + m.languageB()));
    for (Map.Entry<String, Object> score : JsonReport.scores(m.scores()).entrySet()) {
      w.write(" · " + escape(score.getKey()) + " ");
      w.write(String.format(Locale.ROOT, "%.3f", ((Number) score.getValue()).doubleValue()));
    }
    w.write("</p>\n<table><tr><th class=\"kind\">evidence</th><th>");
    w.write(escape(m.a()));
    w.write("</th><th>");
    w.write(escape(m.b()));
    w.write("</th></tr>\n");
    int rows = 0;
    for (SharedPassage p : m.passages()) {
      if (rows == EVIDENCE_ROWS) {
        break;
      }
      rows++;
      row(w, "passage", textA, p.aStart(), p.aEnd(), textB, p.bStart(), p.bEnd());
    }
    for (EntityLink link : m.entities()) {
      if (rows == EVIDENCE_ROWS) {
        break;
      }
      rows++;
      row(w, link.kind(), textA, link.aStart(), link.aEnd(), textB, link.bStart(), link.bEnd());
    }
    for (ParagraphLink p : m.paragraphs()) {
      if (rows == EVIDENCE_ROWS) {
        break;
      }
      rows++;
      row(w, "paragraph", textA, p.aStart(), p.aEnd(), textB, p.bStart(), p.bEnd());
    }
    w.write("</table>\n");
    int evidence = m.passages().size() + m.entities().size() + m.paragraphs().size();
    if (evidence > EVIDENCE_ROWS) {
      w.write(
          String.format(
              Locale.ROOT,
              "<p class=\"meta\">and %,d more in pairs.jsonl</p>\n",
              evidence - EVIDENCE_ROWS));
    }
    w.write("</section>\n");
  }

  private static void row(
      Writer w, String kind, String textA, int startA, int endA, String textB, int startB, int endB)
      throws IOException {
    w.write("<tr><td class=\"kind\">" + escape(kind) + "</td><td>");
    w.write(inContext(textA, startA, endA));
    w.write("</td><td>");
    w.write(inContext(textB, startB, endB));
    w.write("</td></tr>\n");
  }

  /**
   * {@code text[start, end)} marked, with up to {@value #CONTEXT} characters either side, as HTML;
   * the offsets alone when the text is unknown or they do not fit it. Cuts never split a surrogate
   * pair.
   */
  static String inContext(String text, int start, int end) {
    if (text == null || start < 0 || end > text.length() || start > end) {
      return escape("[" + start + ", " + end + ")");
    }
    int shownEnd = end - start > PASSAGE ? Utf16.safeCut(text, start + PASSAGE) : end;
    int from = Utf16.safeCut(text, Math.max(0, start - CONTEXT));
    int to = Utf16.safeCut(text, Math.min(text.length(), end + CONTEXT));
    StringBuilder html = new StringBuilder();
    if (from > 0) {
      html.append('…');
    }
    html.append(escape(text.substring(from, start)))
        .append("<mark>")
        .append(escape(text.substring(start, shownEnd)));
    if (shownEnd < end) {
      html.append(" […]");
    }
    html.append("</mark>").append(escape(text.substring(end, Math.max(end, to))));
    if (to < text.length()) {
      html.append('…');
    }
    return html.toString();
  }

  /**
   * HTML-escaped, with an unpaired surrogate (which the page's UTF-8 cannot encode) shown as
   * U+FFFD, so one malformed id or text cannot stop the page half-written.
   */
  private static String escape(String s) {
    return StringEscapeUtils.escapeHtml4(Utf16.wellFormed(s));
  }
}

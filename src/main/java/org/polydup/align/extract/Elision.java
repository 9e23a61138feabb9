package org.polydup.align.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Finds where a word begins after an elided article or pronoun glued to it by an apostrophe in
 * French, Italian and Catalan ({@code l'Allemagne}, {@code d’Israël}, {@code dell'Ucraina}), which
 * ICU's word breaks keep as one word. Not thread-safe (it caches answers): one per {@link
 * EntityExtractor}.
 *
 * <h2>Rationale</h2>
 *
 * The word after the apostrophe is the name a translation keeps; read whole, {@code l'Allemagne}
 * was a lower-case word, {@code l'OTAN} no acronym. Which prefixes are elisions is the language's
 * own list in Lucene's analyzers (its {@code ElisionFilter}'s articles): French, Italian and
 * Catalan lists, of which only French's is public, so each analyzer is asked once per prefix
 * whether it removes it ({@code dell'} yes, {@code aujourd'}, {@code sant'} no), and the answer
 * kept. Both the ASCII apostrophe and {@code ’} count, as they do for Lucene.
 */
final class Elision {
  /** Letters after the apostrophe in the probe word: a word no analyzer drops as a stop word. */
  private static final String PROBE = "zzzz";

  private final Map<String, Boolean> elided = new HashMap<>();

  /**
   * The analyzer whose elision filter decides for {@code language}, or {@code null} when the
   * language elides no articles.
   */
  private static Analyzer analyzer(String language) {
    return switch (language) {
      case "fr" -> Analyzers.FRENCH;
      case "it" -> Analyzers.ITALIAN;
      case "ca" -> Analyzers.CATALAN;
      default -> null;
    };
  }

  /**
   * Where the word {@code text[start, end)} of {@code language} begins once an elided prefix is
   * left out: just after the first apostrophe when what precedes it is an elision and letters
   * follow it, else {@code start}.
   */
  int wordStart(String text, int start, int end, String language) {
    int apostrophe = -1;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '\u2019') {
        apostrophe = i;
        break;
      }
    }
    if (apostrophe <= start || apostrophe + 1 >= end) {
      return start;
    }
    // Asked only past the apostrophe: the analyzers are built for the first such word.
    Analyzer analyzer = analyzer(language);
    if (analyzer == null) {
      return start;
    }
    String prefix = text.substring(start, apostrophe);
    String key = language + ':' + prefix;
    Boolean known = elided.get(key);
    if (known == null) {
      known = removesPrefix(analyzer, prefix);
      elided.put(key, known);
    }
    return known ? apostrophe + 1 : start;
  }

  /** Whether {@code analyzer} reads {@code prefix'zzzz} without its prefix. */
  private static boolean removesPrefix(Analyzer analyzer, String prefix) {
    try (TokenStream stream = analyzer.tokenStream("", prefix + '\'' + PROBE)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      boolean removed = true;
      int tokens = 0;
      while (stream.incrementToken()) {
        tokens++;
        String out = term.toString();
        if (out.indexOf('\'') >= 0 || !out.startsWith(PROBE.substring(0, 2))) {
          removed = false;
        }
      }
      stream.end();
      return removed && tokens == 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Built on first use; Lucene analyzers are thread-safe. */
  private static final class Analyzers {
    static final Analyzer FRENCH = new FrenchAnalyzer();
    static final Analyzer ITALIAN = new ItalianAnalyzer();
    static final Analyzer CATALAN = new CatalanAnalyzer();
  }
}

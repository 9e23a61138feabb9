package org.polydup.lang;

import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The text a reader sees: HTML tags and comments removed, entities decoded. The tokeniser ({@code
 * text/TextAnalyzer}) skips markup and decodes entities as it reads, so the language must be judged
 * on the same letters: counted raw, {@code <p class="lead" style="...">} adds Latin letters that
 * outweigh a short Hebrew paragraph, and a text written wholly as {@code &#3585;...} has no letters
 * at all.
 *
 * <p>Only a bounded prefix is read (the identifier reads no further), and a text with neither
 * {@code <} nor {@code &} is returned as it is, without a copy. A tag is an ASCII element name
 * after {@code <} or {@code </}, with attributes up to 512 characters; any other {@code <} stays
 * text, as in the tokeniser. Entities are decoded by commons-text's HTML 4 table, as the tokeniser
 * decodes its named entities.
 */
final class VisibleText {
  private static final Pattern TAG =
      Pattern.compile("</?[A-Za-z][A-Za-z0-9]{0,10}(?:[\\s/][^<>]{0,512})?>");

  /** The longest comment removed; a longer one is left as text. */
  private static final int MAXIMUM_COMMENT = 4096;

  private VisibleText() {}

  /**
   * The visible text of the first {@code maximumCharacters} characters of {@code text}.
   *
   * @param text any text
   * @param maximumCharacters how much of {@code text} to read
   * @return {@code text} itself when it has no markup or entity in that prefix
   */
  static CharSequence of(CharSequence text, int maximumCharacters) {
    CharSequence prefix =
        text.length() > maximumCharacters ? text.subSequence(0, maximumCharacters) : text;
    boolean markup = false;
    for (int i = 0; i < prefix.length() && !markup; i++) {
      char c = prefix.charAt(i);
      markup = c == '<' || c == '&';
    }
    if (!markup) {
      return prefix;
    }
    // A tag is replaced by a space: "<p>a</p><p>b</p>" holds two words, not one.
    String withoutTags = TAG.matcher(withoutComments(prefix.toString())).replaceAll(" ");
    return StringEscapeUtils.unescapeHtml4(withoutTags);
  }

  /**
   * {@code text} with each comment of at most {@value #MAXIMUM_COMMENT} characters replaced by a
   * space. Not a regular expression: a lazy {@code <!--.{0,4096}?-->} tries 4,096 characters after
   * every opener that never closes (20,000 characters of {@code <!--} took about 100 ms); here the
   * next closer is found once and kept while the openers before it are passed, so the walk is
   * linear.
   */
  static String withoutComments(String text) {
    int open = text.indexOf("<!--");
    if (open < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    int close = -1;
    while (open >= 0) {
      if (close < open + 4) {
        close = text.indexOf("-->", open + 4);
        if (close < 0) {
          break; // no comment closes after here: the rest is text
        }
      }
      if (close - (open + 4) > MAXIMUM_COMMENT) {
        open = text.indexOf("<!--", open + 4); // too long for a comment: this opener is text
        continue;
      }
      out.append(text, from, open).append(' ');
      from = close + 3;
      open = text.indexOf("<!--", from);
    }
    return out.append(text, from, text.length()).toString();
  }
}

package org.polydup.align.extract;

import com.ibm.icu.lang.UScript;
import java.util.List;
import java.util.Set;

/**
 * Finds the gazetteer's names among a text's tokens: countries, cities and languages of one word or
 * several, months and weekdays, names written in a script without case, and Japanese names written
 * in Katakana. Each method takes the token a name may start at and returns the words the name
 * consumed, or 0. Holds nothing but the shared gazetteer; owned by one {@link EntityExtractor} like
 * its other rules.
 *
 * <h2>Rationale</h2>
 *
 * A name found is one {@link EntityKind#CODE} entity over all its words, keyed by its CLDR code
 * ({@link #codeEntity}): translations write a country, city, language, month or weekday
 * differently, and the code is what they share. Katakana is mostly borrowed, so a Katakana country,
 * city or language is a code too ({@link #katakanaName}), instead of sound keys beside the other
 * languages' codes.
 */
final class GazetteerNames {
  private static final int LONGEST_KATAKANA_NAME = 3;

  private final Gazetteer gazetteer = Gazetteer.get();

  /**
   * Tries names of up to {@link Gazetteer#longestName()} words; returns words consumed or 0.
   *
   * <p>Both conditions on a span (adjacent words; every word after the first with a form) hold for
   * every shorter span from the same word, so each is found once as the longest span it holds for.
   * Checking them again for each of the up to ten lengths walked up to 55 words per call, for every
   * capitalised word and every Han word of Chinese.
   */
  int gazetteerName(
      List<Token> tokens,
      int index,
      String language,
      Set<String> capitalisedInside,
      List<Entity> entities) {
    String firstForm = tokens.get(index).word.form();
    // The form of several words with forms starts with the first one's: if that starts no name of
    // several words, only a one-word form (some words have none) can match.
    boolean startsNoName = !firstForm.isEmpty() && !gazetteer.startsName(firstForm);
    int longest =
        adjacentWords(tokens, index, Math.min(gazetteer.longestName(), tokens.size() - index));
    int withForms = startsNoName ? wordsWithForms(tokens, index, longest) : 0;
    for (int count = longest; count >= 1; count--) {
      if (count > 1 && count <= withForms) {
        continue;
      }
      String code =
          count == 1
              ? singleName(tokens, index, language, capitalisedInside)
              : gazetteer.lookupCapitalised(formOf(tokens, index, count));
      if (code != null) {
        Token first = tokens.get(index);
        Token last = tokens.get(index + count - 1);
        entities.add(codeEntity(code, first.text, first.start, last.end));
        return count;
      }
    }
    return 0;
  }

  /**
   * The code of the capitalised word {@code tokens[index]} as a name of one word, or {@code null}:
   * a country, city or language ({@link Word#singleNameCode}), else one of the text's own language
   * with a form shorter than {@value Gazetteer#MINIMUM_POOLED_FORM} letters ({@link
   * Gazetteer#lookupShort}), else a month or weekday of the text's own language ({@link
   * #dateName}). A short name not in capitals and, starting a sentence, only when the text
   * capitalises it elsewhere too (Russian {@code Мало}, "little", is Mali's stem).
   */
  private String singleName(
      List<Token> tokens, int index, String language, Set<String> capitalisedInside) {
    Token token = tokens.get(index);
    String code = token.word.singleNameCode();
    if (code == null
        && Gazetteer.hasNames(language)
        && token.word.form().length() < Gazetteer.MINIMUM_POOLED_FORM
        && !token.upper
        && (!token.sentenceInitial || capitalisedInside.contains(token.lower))) {
      code = token.word.shortNameCode();
    }
    return code == null && Gazetteer.hasNames(language)
        ? dateName(tokens, index, language, capitalisedInside)
        : code;
  }

  /**
   * The code of the capitalised word {@code tokens[index]} as a month or weekday of the text's own
   * language ({@link Gazetteer#lookupDate}), or {@code null}. A short one ({@code May}, {@code
   * Juli}) is a month beside a day or a year ({@code 5 May}, {@code Juli 2021}), or inside a
   * sentence where no other capitalised word touches it ({@code in May}, not {@code May I ...} or
   * {@code Theresa May}); an abbreviation ({@code Jan}, {@code Okt}) only beside a day or a year,
   * being a name as often ({@code Jan Marsalek}). On the xling set, English {@code July}, {@code
   * June} and {@code May} became months 144, 45 and 40 times so, 125, 21 and 18 times when all
   * needed a number beside them; the two readings of {@code May} as a month that are wrong are of
   * {@code Brian May} starting a sentence.
   */
  private String dateName(
      List<Token> tokens, int index, String language, Set<String> capitalisedInside) {
    Token token = tokens.get(index);
    String form = token.word.form();
    boolean besideNumber = besideNumber(tokens, index);
    String code =
        gazetteer.lookupDate(
            language, form, token.word.roman(), true, token.sentenceInitial || besideNumber);
    if (code != null
        && Gazetteer.isShortDate(form, true)
        && !besideNumber
        && (token.sentenceInitial || touchesCapitalised(tokens, index, capitalisedInside))) {
      code = null;
    }
    if (code == null && besideNumber) {
      code = gazetteer.lookupAbbreviatedMonth(language, token.word.roman());
    }
    return code;
  }

  /**
   * Whether a capitalised word one space before {@code tokens[index]} or after it makes it part of
   * a name ({@code Theresa May}, {@code May Day}); one starting a sentence only when the text
   * capitalises it elsewhere too ({@code In May} is a month).
   */
  private static boolean touchesCapitalised(
      List<Token> tokens, int index, Set<String> capitalisedInside) {
    Token token = tokens.get(index);
    if (index > 0) {
      Token previous = tokens.get(index - 1);
      if (previous.capitalised
          && (!previous.sentenceInitial || capitalisedInside.contains(previous.lower))
          && token.start - previous.end == 1
          && token.text.charAt(previous.end) == ' ') {
        return true;
      }
    }
    if (index + 1 < tokens.size()) {
      Token next = tokens.get(index + 1);
      return next.capitalised && next.start - token.end == 1 && token.text.charAt(token.end) == ' ';
    }
    return false;
  }

  /**
   * Whether a day (one or two digits) or a year (four) stands right before or after {@code
   * tokens[index]}, with at most {@value #DATE_GAP} characters between them and no letter or digit
   * ({@code 5 May}, {@code 5. Mai}, {@code July 4}, {@code Juni 2021}).
   */
  static boolean besideNumber(List<Token> tokens, int index) {
    Token token = tokens.get(index);
    return (index > 0 && isDayOrYear(tokens.get(index - 1), token))
        || (index + 1 < tokens.size() && isDayOrYear(tokens.get(index + 1), token));
  }

  private static final int DATE_GAP = 3;

  private static boolean isDayOrYear(Token number, Token word) {
    if (number.type != TokenType.NUMBER
        || !Numbers.isDigits(number.surface)
        || (number.length() > 2 && number.length() != 4)) {
      return false;
    }
    int from = Math.min(number.end, word.end);
    int to = Math.max(number.start, word.start);
    if (to - from > DATE_GAP) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(word.text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tries the names of the text's own language as written ({@link Gazetteer#lookupWritten}) over up
   * to {@value #LONGEST_WRITTEN_NAME} adjacent words of a script without case, longest first;
   * returns words consumed or 0. Chinese, Japanese and Korean words are names by their written form
   * ({@code 中国}, {@code 서울}); a Han word in a text of another language is tried as Chinese and
   * Japanese. The last word may also be tried by its stem, where the language's stemmer removes
   * endings ({@link WordStemmer#removesEndings}): Korean {@code 미국은} is "America" and a topic
   * particle.
   */
  int writtenName(List<Token> tokens, int index, String language, List<Entity> entities) {
    Token first = tokens.get(index);
    List<String> languages = writtenLanguages(language, first.script);
    if (languages.isEmpty()) {
      return 0;
    }
    int run = adjacentWords(tokens, index, Math.min(LONGEST_WRITTEN_NAME, tokens.size() - index));
    for (int i = 1; i < run; i++) {
      if (tokens.get(index + i).script != first.script) {
        run = i;
        break;
      }
    }
    for (int count = run; count >= 1; count--) {
      Token last = tokens.get(index + count - 1);
      StringBuilder written = new StringBuilder();
      for (int i = index; i < index + count - 1; i++) {
        written.append(tokens.get(i).surface);
      }
      int before = written.length();
      for (String own : languages) {
        String code =
            count == 1 ? first.word.writtenCode(own) : writtenCode(own, written, before, last);
        if (code != null) {
          entities.add(codeEntity(code, first.text, first.start, last.end));
          return count;
        }
      }
    }
    return 0;
  }

  /** The code of {@code written} + the last word, or + its stem, in {@code language}'s names. */
  private String writtenCode(String language, StringBuilder written, int before, Token last) {
    written.setLength(before);
    String code = gazetteer.lookupWritten(language, written.append(last.surface).toString());
    String stem = last.word.endingStem();
    if (code == null && stem != null) {
      written.setLength(before);
      code = gazetteer.lookupWritten(language, written.append(stem).toString());
    }
    return code;
  }

  /** Words a name written in a script without case spans at most in {@link #writtenName}. */
  private static final int LONGEST_WRITTEN_NAME = 4;

  /**
   * The languages whose written names a word in {@code script} is looked up among: the text's own,
   * when it writes names so; else Chinese and Japanese for a Han word; else none.
   */
  static List<String> writtenLanguages(String language, int script) {
    if (Gazetteer.writesNames(language)) {
      return List.of(language);
    }
    return script == UScript.HAN ? HAN_LANGUAGES : List.of();
  }

  private static final List<String> HAN_LANGUAGES = List.of("zh", "ja");

  /**
   * Tries Japanese CLDR names written in Katakana ({@link Gazetteer#lookupWritten}) over up to
   * {@value #LONGEST_KATAKANA_NAME} touching Katakana words, longest first (the dictionary may
   * split a long name); returns words consumed or 0. Japanese writes foreign countries, cities and
   * languages in Katakana ({@code ウクライナ}, {@code ロンドン}), which then meet the other languages' codes
   * instead of standing as sound keys beside them.
   */
  int katakanaName(List<Token> tokens, int index, List<Entity> entities) {
    int run = 1;
    while (run < LONGEST_KATAKANA_NAME
        && index + run < tokens.size()
        && tokens.get(index + run).type == TokenType.KANA
        && tokens.get(index + run).script == UScript.KATAKANA
        && tokens.get(index + run).start == tokens.get(index + run - 1).end) {
      run++;
    }
    Token first = tokens.get(index);
    for (int count = run; count >= 1; count--) {
      Token last = tokens.get(index + count - 1);
      String code = gazetteer.lookupWritten("ja", first.text.substring(first.start, last.end));
      if (code != null) {
        entities.add(codeEntity(code, first.text, first.start, last.end));
        return count;
      }
    }
    return 0;
  }

  /**
   * How many of the at most {@code limit} words from {@code index} on are words one space, hyphen
   * or no-break space apart.
   */
  private static int adjacentWords(List<Token> tokens, int index, int limit) {
    for (int i = index; i < index + limit; i++) {
      Token token = tokens.get(i);
      if (token.type != TokenType.LETTERS && token.type != TokenType.IDEOGRAPHS) {
        return i - index;
      }
      if (i > index) {
        Token previous = tokens.get(i - 1);
        for (int c = previous.end; c < token.start; c++) {
          char between = token.text.charAt(c);
          if (between != ' ' && between != '-' && between != '\u00a0') {
            return i - index;
          }
        }
        if (token.start - previous.end > 1) {
          return i - index;
        }
      }
    }
    return limit;
  }

  /**
   * How many of the at most {@code limit} words from {@code index} on come before the first one
   * after {@code index} without a form.
   */
  private static int wordsWithForms(List<Token> tokens, int index, int limit) {
    for (int i = index + 1; i < index + limit; i++) {
      if (tokens.get(i).word.form().isEmpty()) {
        return i - index;
      }
    }
    return limit;
  }

  /** {@link Gazetteer#form} of the words: their own forms, the empty ones left out. */
  private static String formOf(List<Token> tokens, int index, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = index; i < index + count; i++) {
      String form = tokens.get(i).word.form();
      if (!form.isEmpty()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(form);
      }
    }
    return out.toString();
  }

  /** A gazetteer code spanning {@code text[start, end)}; the code is also its word key. */
  static Entity codeEntity(String code, String text, int start, int end) {
    long key = KeyEncoder.hash("c:" + code);
    return new Entity(key, key, EntityKind.CODE, start, end, text.substring(start, end));
  }
}

package org.polydup.text;

import static org.polydup.text.CharacterTable.APOSTROPHE;
import static org.polydup.text.CharacterTable.DIGIT;
import static org.polydup.text.CharacterTable.ENTITY_OPEN;
import static org.polydup.text.CharacterTable.IGNORABLE;
import static org.polydup.text.CharacterTable.LETTER;
import static org.polydup.text.CharacterTable.MARK;
import static org.polydup.text.CharacterTable.NEEDS_NORMALIZER;
import static org.polydup.text.CharacterTable.NUMBER_PUNCTUATION;
import static org.polydup.text.CharacterTable.SEGMENTED;
import static org.polydup.text.CharacterTable.SEPARATOR;
import static org.polydup.text.CharacterTable.TAG_OPEN;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns raw news text into normalised tokens with offsets and hashed word shingles.
 *
 * <p>A worker: not thread-safe, it owns its buffers and its ICU {@link BreakIterator}. Create one
 * per thread from shared immutable {@link TextOptions}; each {@link #analyze} call returns an
 * independent immutable {@link AnalyzedText}.
 *
 * <h2>Rationale</h2>
 *
 * <ul>
 *   <li><b>One pass over the raw text, no normalised copy.</b> HTML entities ({@code &amp;}, {@code
 *       &#8217;}, named entities via commons-text's HTML 4 table) are decoded in place and markup
 *       remnants ({@code <br>}, {@code <p class=x>}, {@code <!-- -->}) are skipped as separators,
 *       so every token keeps the offsets of the raw characters it came from, which is what a person
 *       checking evidence sees.
 *   <li><b>Normalisation per character from a table.</b> NFKC case folding (ICU {@code
 *       Normalizer2.getNFKCCasefoldInstance()}) is precomputed for every BMP character that has a
 *       normalisation boundary before it and folds to one character ({@link CharacterTable}); a
 *       token containing anything else (combining sequences, ligatures, supplementary characters)
 *       is normalised as a whole by ICU, which gives the identical result. Quote, apostrophe and
 *       dash variants are separators, except that an apostrophe of any kind between two letters is
 *       kept as {@code '} ({@code don't}, {@code l'homme}, {@code м'ясо}) and {@code .}/{@code ,}
 *       between two digits stay inside a number ({@code 1,000.5}). Hyphens and dashes always split,
 *       so {@code e-mail}, {@code e‑mail} and {@code e mail} give the same tokens.
 *   <li><b>Hand-written loop for space-delimited scripts, ICU only where dictionaries are
 *       needed.</b> Measured on this project's {@code bulk} corpus (CPU time of one thread, JDK 17,
 *       MB of UTF-8): ICU's {@code BreakIterator.getWordInstance()} only finding boundaries,
 *       without normalising or hashing anything, runs at 75 MB/s on English and 143 MB/s on
 *       Russian; this whole analyzer (decoding, folding, tokens, hashes, shingles) runs at 90-115
 *       MB/s on Latin-script languages, 170-200 MB/s on Cyrillic and 160 MB/s on Devanagari.
 *       Segmenting English with ICU would use 80% of the 60 MB/s budget on boundaries alone. Only
 *       runs of Han, kana, Thai, Lao, Khmer and Myanmar, which have no spaces, go through the
 *       BreakIterator for its dictionary segmentation; that is slow (zh, ja: 10 MB/s, ICU alone 12
 *       MB/s) but confined to those scripts. Such a run is the one place with a normalised copy:
 *       the dictionary must see what a reader sees, entities decoded and text composed, and each
 *       word is mapped back to its raw offsets ({@link SegmenterInput}). {@link
 *       TextOptions.HanAndKanaSegmentation#BIGRAMS} replaces it for Han and kana by overlapping
 *       character bigrams (zh, ja: 85-95 MB/s), for scans where speed matters more than word
 *       boundaries.
 *   <li><b>Hashing.</b> Each normalised token is hashed once with komihash 5.0 (hash4j, seeded); a
 *       shingle hash is a position-weighted sum of its token hashes followed by a 64-bit finaliser
 *       (MurmurHash3-style), so k-grams cost k multiply-adds, not a hash of the joined string. A
 *       text with fewer than k tokens gives one shingle over all of them.
 * </ul>
 */
public final class TextAnalyzer {
  private static final long SHINGLE_MULTIPLIER = 0x9E3779B97F4A7C15L;

  private final TextOptions options;
  private final Hasher64 hasher;
  private final long shingleSeed;

  private char[] folded = new char[64];
  private int foldedLength;
  private char[] unfolded = new char[64];
  private int unfoldedLength;

  private boolean tokenNeedsNormalizer;
  private int tokenStart = -1;
  private int tokenEnd;
  private boolean lastWasDigit;
  private char pendingCharacter;
  private boolean hasPending;

  /**
   * Scratch sizes kept from one text to the next. A worker lives as long as its thread, and a
   * service's request threads live for months: arrays grown for one huge text (5,000,000 characters
   * left about 50 MB of token, offset and character buffers with each thread that analysed it)
   * stayed with the thread for good. Past these sizes they are dropped once the text is done, and
   * the next large text grows them again, a cost that is small next to analysing that many
   * characters. News texts are far below both (bulk's average 1,200 characters, 200 words).
   */
  static final int RETAINED_CHARACTERS = 1 << 16;

  /** As {@link #RETAINED_CHARACTERS}, for the token buffers. */
  static final int RETAINED_TOKENS = 1 << 14;

  private String[] tokens = new String[256];
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private long[] tokenHashes = new long[256];
  private int tokenCount;

  /**
   * The text being tokenised, copied: the loops index an array, where reading the String char by
   * char checks its coder (Latin-1 or UTF-16) at every read, and the JIT, having hoisted that check
   * out of a loop as a prediction from the texts seen so far, recompiles the whole tokeniser when a
   * text of the other coder arrives (TextAnalyzer.tokenize was compiled three times a bulk scan).
   * Holds the first {@link #textLength} characters; see {@link #copyOf}.
   */
  private char[] chars = new char[1024];

  private int textLength;

  private BreakIterator wordBreaker;
  private int decodedCodePoint;
  private int unitCodePoint;
  private final SegmenterInput segmenterInput = new SegmenterInput();

  /** Whether the current call keeps token strings ({@link #analyze}) or only their hashes. */
  private boolean keepTokens = true;

  private final FoldedChars foldedView = new FoldedChars();

  /**
   * Creates a worker.
   *
   * @param options immutable settings, shared between workers
   * @throws NullPointerException if {@code options} is null
   */
  public TextAnalyzer(TextOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.hasher = Hashing.komihash5_0(options.seed());
    this.shingleSeed = finalizeHash(options.seed() ^ 0x5F3C_6A1E_D2B4_8C97L);
  }

  /** The settings this worker was created with. */
  public TextOptions options() {
    return options;
  }

  /**
   * Analyses one text: normalises and tokenises its first {@link TextOptions#maximumCharacters()}
   * characters and hashes its word shingles.
   *
   * @param rawText the text as received, possibly with HTML entities and tag remnants; any string,
   *     including empty and malformed UTF-16 (unpaired surrogates are separators)
   * @return the tokens with offsets into {@code rawText}, and the shingles; never null
   * @throws NullPointerException if {@code rawText} is null
   */
  public AnalyzedText analyze(String rawText) {
    Objects.requireNonNull(rawText, "rawText");
    keepTokens = true;
    tokenize(rawText);
    return buildResult(rawText);
  }

  /**
   * Hashes the word shingles of a text as {@link #analyze} does, keeping only each shingle's hash
   * and character span. Faster, and it allocates far less: the tokens are hashed from this worker's
   * buffer, never made into strings (except the few that need whole-token Unicode normalisation).
   *
   * @param rawText as for {@link #analyze}
   * @return the same shingle hashes and spans as {@link #analyze} gives; never null
   * @throws NullPointerException if {@code rawText} is null
   */
  public ShingleSpans shingle(String rawText) {
    Objects.requireNonNull(rawText, "rawText");
    keepTokens = false;
    tokenize(rawText);
    int width = Math.min(options.shingleSize(), tokenCount);
    long[] shingles = shingleHashes(width);
    int[] shingleStarts = new int[shingles.length];
    int[] shingleEnds = new int[shingles.length];
    for (int j = 0; j < shingles.length; j++) {
      shingleStarts[j] = starts[j];
      shingleEnds[j] = ends[j + width - 1];
    }
    releaseLargeBuffers();
    return new ShingleSpans(rawText, shingles, shingleStarts, shingleEnds);
  }

  /** Drops the scratch arrays a large text grew past the retained sizes (see there). */
  private void releaseLargeBuffers() {
    if (chars.length > RETAINED_CHARACTERS) {
      chars = new char[1024];
    }
    if (tokenHashes.length > RETAINED_TOKENS) {
      tokens = new String[256];
      starts = new int[256];
      ends = new int[256];
      tokenHashes = new long[256];
    }
    if (folded.length > RETAINED_CHARACTERS) {
      folded = new char[64];
    }
    if (unfolded.length > RETAINED_CHARACTERS) {
      unfolded = new char[64];
    }
    if (segmenterInput.release(RETAINED_CHARACTERS) && wordBreaker != null) {
      wordBreaker.setText(""); // it holds the last run segmented, which may be the large one
    }
  }

  /** Capacity of the scratch arrays now kept, in array elements, for tests. */
  int retainedCapacity() {
    return chars.length
        + tokens.length
        + starts.length
        + ends.length
        + tokenHashes.length
        + folded.length
        + unfolded.length
        + segmenterInput.retainedCapacity();
  }

  /** Tokenises the first characters of {@code rawText} into this worker's token buffers. */
  private void tokenize(String rawText) {
    tokenCount = 0;
    resetToken();
    int limit = Math.min(rawText.length(), options.maximumCharacters());
    char[] text = copyOf(rawText, limit);
    int position = 0;
    while (position < limit) {
      char c = text[position];
      byte characterClass;
      int codePoint = c;
      int next = position + 1;
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && next < limit && Character.isLowSurrogate(text[next])) {
          codePoint = Character.toCodePoint(c, text[next]);
          next++;
          characterClass = CharacterTable.classOfCodePoint(codePoint);
        } else {
          characterClass = SEPARATOR;
        }
      } else {
        characterClass = CharacterTable.classOf(c);
      }
      if (characterClass == SEGMENTED) {
        position = segmentRun(text, position, limit);
        continue;
      }
      if ((characterClass == LETTER || characterClass == DIGIT || characterClass == MARK)
          && !hasPending
          && codePoint < 0x10000) {
        // Fast path: a run of BMP letters, digits and marks; a surrogate ends it (SEPARATOR).
        position = appendRun(text, position, characterClass, limit);
        continue;
      }
      if (characterClass == TAG_OPEN) {
        flushToken();
        int tagEnd = Markup.tagEnd(text, position, limit, textLength);
        position = tagEnd > 0 ? tagEnd : next;
        continue;
      }
      if (characterClass == ENTITY_OPEN) {
        int entityEnd = decodeEntity(text, position, limit);
        if (entityEnd > 0) {
          codePoint = decodedCodePoint;
          next = entityEnd;
          characterClass = CharacterTable.classOfCodePoint(codePoint);
          if (characterClass == SEGMENTED) {
            // A word of a script without spaces may start with an entity: segmented from here.
            position = segmentRun(text, position, limit);
            continue;
          } else if (characterClass == TAG_OPEN || characterClass == ENTITY_OPEN) {
            characterClass = SEPARATOR;
          }
        } else {
          characterClass = SEPARATOR;
        }
      }
      accept(codePoint, characterClass, position, next);
      position = next;
    }
    flushToken();
  }

  /**
   * Copies the characters the tokeniser may read into {@link #chars}: the first {@code limit} and
   * two more, for the look-ahead of a surrogate pair or a comment opener at the limit, so every
   * read answers as the String would.
   */
  private char[] copyOf(String rawText, int limit) {
    int length = Math.min(rawText.length(), limit + 2);
    if (chars.length < length) {
      chars = new char[Math.max(length, 2 * chars.length)];
    }
    rawText.getChars(0, length, chars, 0);
    textLength = length;
    return chars;
  }

  /**
   * Appends the BMP letters, digits and marks from {@code position} (whose class is {@code
   * characterClass}) to the current token; returns the position after them.
   */
  private int appendRun(char[] text, int position, byte characterClass, int limit) {
    if (tokenStart < 0) {
      tokenStart = position;
    }
    byte currentClass = characterClass;
    int i = position;
    while (true) {
      char c = text[i];
      appendUnfolded(c);
      if (!tokenNeedsNormalizer) {
        char f = CharacterTable.folded(c);
        if (f == NEEDS_NORMALIZER) {
          tokenNeedsNormalizer = true;
        } else {
          appendFolded(f);
        }
      }
      lastWasDigit = currentClass == DIGIT;
      i++;
      if (i >= limit) {
        break;
      }
      currentClass = CharacterTable.classOf(text[i]);
      if (currentClass != LETTER && currentClass != DIGIT && currentClass != MARK) {
        break;
      }
    }
    tokenEnd = i;
    return i;
  }

  private void accept(int codePoint, byte characterClass, int start, int end) {
    switch (characterClass) {
      case LETTER:
      case DIGIT:
      case MARK:
        if (hasPending) {
          boolean join =
              pendingCharacter == '\''
                  ? characterClass == LETTER
                  : characterClass == DIGIT && lastWasDigit;
          if (join) {
            appendFolded(pendingCharacter);
            appendUnfolded(pendingCharacter);
            hasPending = false;
          } else {
            flushToken();
          }
        }
        if (tokenStart < 0) {
          tokenStart = start;
        }
        appendCodePoint(codePoint);
        tokenEnd = end;
        lastWasDigit = characterClass == DIGIT;
        break;
      case APOSTROPHE:
        if (tokenStart >= 0 && !hasPending && !lastWasDigit) {
          pendingCharacter = '\'';
          hasPending = true;
        } else {
          flushToken();
        }
        break;
      case NUMBER_PUNCTUATION:
        if (tokenStart >= 0 && !hasPending && lastWasDigit) {
          pendingCharacter = numberPunctuation(codePoint);
          hasPending = true;
        } else {
          flushToken();
        }
        break;
      case IGNORABLE:
        break;
      default:
        flushToken();
        break;
    }
  }

  /**
   * The ASCII form of a separator inside a number: full-width ones (Japanese writes ３５，０００) and
   * Arabic ones (٣٫٥ and ١٬٠٠٠, whose digits fold to ASCII as well) read as {@code .} and {@code
   * ,}, so a number matches however it is written.
   */
  private static char numberPunctuation(int codePoint) {
    switch (codePoint) {
      case 0xFF0C: // full-width comma
      case 0x066C: // Arabic thousands separator
        return ',';
      case 0xFF0E: // full-width full stop
      case 0x066B: // Arabic decimal separator
        return '.';
      default:
        return (char) codePoint;
    }
  }

  private void appendCodePoint(int codePoint) {
    if (codePoint < 0x10000) {
      char c = (char) codePoint;
      appendUnfolded(c);
      if (!tokenNeedsNormalizer) {
        char f = CharacterTable.folded(c);
        if (f == NEEDS_NORMALIZER) {
          tokenNeedsNormalizer = true;
        } else {
          appendFolded(f);
        }
      }
    } else {
      appendUnfolded(Character.highSurrogate(codePoint));
      appendUnfolded(Character.lowSurrogate(codePoint));
      tokenNeedsNormalizer = true;
    }
  }

  private void appendFolded(char c) {
    if (foldedLength == folded.length) {
      folded = Arrays.copyOf(folded, foldedLength * 2);
    }
    folded[foldedLength++] = c;
  }

  private void appendUnfolded(char c) {
    if (unfoldedLength == unfolded.length) {
      unfolded = Arrays.copyOf(unfolded, unfoldedLength * 2);
    }
    unfolded[unfoldedLength++] = c;
  }

  private void resetToken() {
    foldedLength = 0;
    unfoldedLength = 0;
    tokenNeedsNormalizer = false;
    tokenStart = -1;
    lastWasDigit = false;
    hasPending = false;
  }

  private void flushToken() {
    if (tokenStart >= 0) {
      if (tokenNeedsNormalizer) {
        if (unfoldedLength > StreamSafeText.MAXIMUM_NON_STARTERS) {
          unfoldedLength = StreamSafeText.dropExcessMarks(unfolded, unfoldedLength);
        }
        String token =
            CharacterTable.foldFurther(
                CharacterTable.NFKC_CASEFOLD.normalize(
                    CharBuffer.wrap(unfolded, 0, unfoldedLength)));
        if (!token.isEmpty()) {
          addToken(hasher.hashCharsToLong(token), token, tokenStart, tokenEnd);
        }
      } else if (foldedLength > 0) {
        // komihash reads a CharSequence char by char: the buffer hashes as its String would.
        long hash = hasher.hashCharsToLong(foldedView.of(folded, foldedLength));
        String token = keepTokens ? new String(folded, 0, foldedLength) : null;
        addToken(hash, token, tokenStart, tokenEnd);
      }
    }
    resetToken();
  }

  private void addToken(long hash, String token, int start, int end) {
    if (tokenCount == tokenHashes.length) {
      int capacity = tokenCount * 2;
      tokens = Arrays.copyOf(tokens, capacity);
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
      tokenHashes = Arrays.copyOf(tokenHashes, capacity);
    }
    tokens[tokenCount] = token;
    starts[tokenCount] = start;
    ends[tokenCount] = end;
    tokenHashes[tokenCount] = hash;
    tokenCount++;
  }

  /**
   * Tokenises a run of characters from scripts written without spaces, starting at {@code runStart}
   * (a character or an entity of such a script): ICU's dictionary-based word BreakIterator, or
   * character bigrams for Han and kana when so configured. The run continues through marks,
   * invisible characters and entities that decode to any of these, and is segmented as a reader
   * sees it ({@link SegmenterInput}). Returns the position after the run.
   */
  private int segmentRun(char[] text, int runStart, int limit) {
    flushToken();
    boolean splitByScript =
        options.hanAndKanaSegmentation() == TextOptions.HanAndKanaSegmentation.BIGRAMS;
    boolean bigrams = false;
    segmenterInput.clear();
    int runEnd = runStart;
    while (runEnd < limit) {
      int unitEnd = unitAt(text, runEnd, limit);
      if (unitEnd < 0) {
        break;
      }
      int codePoint = unitCodePoint;
      byte characterClass = CharacterTable.classOfCodePoint(codePoint);
      if (runEnd == runStart) {
        bigrams = splitByScript && CharacterTable.isHanOrKana(codePoint);
      } else if (characterClass != SEGMENTED
          && characterClass != MARK
          && characterClass != IGNORABLE) {
        break;
      } else if (splitByScript
          && characterClass == SEGMENTED
          && CharacterTable.isHanOrKana(codePoint) != bigrams) {
        break; // Han/kana bigram runs and Thai-like dictionary runs are tokenised apart
      }
      // A soft hyphen or a joiner inside a run is invisible, as it is inside a Latin word; ICU's
      // dictionary would break at it.
      if (characterClass != IGNORABLE) {
        segmenterInput.add(codePoint, runEnd);
      }
      runEnd = unitEnd;
    }
    segmenterInput.finish(runEnd, !bigrams);
    char[] runText = segmenterInput.chars();
    int runLength = segmenterInput.length();
    if (bigrams) {
      emitBigrams(runText, runLength);
      return runEnd;
    }
    if (wordBreaker == null) {
      wordBreaker = BreakIterator.getWordInstance(ULocale.ROOT);
    }
    wordBreaker.setText(new String(runText, 0, runLength));
    int start = wordBreaker.first();
    for (int end = wordBreaker.next();
        end != BreakIterator.DONE;
        start = end, end = wordBreaker.next()) {
      if (wordBreaker.getRuleStatus() >= BreakIterator.WORD_NONE_LIMIT) {
        emitToken(runText, start, end);
      }
    }
    return runEnd;
  }

  /**
   * Reads the character or the HTML entity at {@code position} into {@link #unitCodePoint} and
   * returns the position after it; -1 if a surrogate pair would cross {@code limit}. An {@code &}
   * that opens no entity is itself.
   */
  private int unitAt(char[] text, int position, int limit) {
    if (text[position] == '&') {
      int entityEnd = decodeEntity(text, position, limit);
      if (entityEnd > 0) {
        unitCodePoint = decodedCodePoint;
        return entityEnd;
      }
    }
    int codePoint = Character.codePointAt(text, position, textLength);
    int end = position + Character.charCount(codePoint);
    if (end > limit) {
      return -1;
    }
    unitCodePoint = codePoint;
    return end;
  }

  /** Overlapping bigrams of the code points of a run; one token if only one. */
  private void emitBigrams(char[] runText, int runEnd) {
    int first = 0;
    int second = unitEnd(runText, first, runEnd);
    if (second >= runEnd) {
      emitToken(runText, first, runEnd);
      return;
    }
    while (second < runEnd) {
      int third = unitEnd(runText, second, runEnd);
      emitToken(runText, first, third);
      first = second;
      second = third;
    }
  }

  /**
   * The end of the bigram unit starting at {@code at}: a character with the marks after it. A
   * combining voicing mark (U+3099, how a decomposed text writes が) or a variation selector belongs
   * to its character, so the same text in NFC and NFD, or with and without a selector, makes the
   * same bigrams once each token is normalised.
   */
  private static int unitEnd(char[] runText, int at, int runEnd) {
    int i = at + Character.charCount(Character.codePointAt(runText, at, runEnd));
    while (i < runEnd) {
      int codePoint = Character.codePointAt(runText, i, runEnd);
      byte characterClass = CharacterTable.classOfCodePoint(codePoint);
      // The kana voicing marks are classed with their script, as segmented: their combining
      // class says they attach. The halfwidth ones (ｶﾞ) have class 0 but fold to the combining
      // ones, so they attach too.
      if (characterClass != MARK
          && UCharacter.getCombiningClass(codePoint) == 0
          && codePoint != 0xFF9E
          && codePoint != 0xFF9F) {
        break;
      }
      i += Character.charCount(codePoint);
    }
    return i;
  }

  /** Emits {@code runText[start, end)} as a token, with the raw offsets it was read from. */
  private void emitToken(char[] runText, int start, int end) {
    tokenStart = segmenterInput.rawOffset(start);
    tokenEnd = segmenterInput.rawOffset(end);
    for (int i = start; i < end; ) {
      int codePoint = Character.codePointAt(runText, i, end);
      appendCodePoint(codePoint);
      i += Character.charCount(codePoint);
    }
    flushToken();
  }

  /**
   * Decodes an HTML entity starting at {@code position} into {@link #decodedCodePoint}; returns the
   * position after its ';', or -1 if there is no well-formed, known entity there.
   */
  private int decodeEntity(char[] text, int position, int limit) {
    int semicolon = HtmlEntities.closingSemicolon(text, position, limit);
    if (semicolon < 0) {
      return -1;
    }
    int codePoint = HtmlEntities.codePoint(text, position, semicolon);
    if (codePoint < 0) {
      return -1;
    }
    decodedCodePoint = codePoint;
    return semicolon + 1;
  }

  private AnalyzedText buildResult(String rawText) {
    int width = Math.min(options.shingleSize(), tokenCount);
    long[] shingles = shingleHashes(width);
    int shingleCount = shingles.length;
    int[] shingleFirstToken = new int[shingleCount];
    int[] shingleTokenCount = new int[shingleCount];
    for (int j = 0; j < shingleCount; j++) {
      shingleFirstToken[j] = j;
      shingleTokenCount[j] = width;
    }
    AnalyzedText result =
        new AnalyzedText(
            rawText,
            Arrays.copyOf(tokens, tokenCount),
            Arrays.copyOf(starts, tokenCount),
            Arrays.copyOf(ends, tokenCount),
            shingles,
            shingleFirstToken,
            shingleTokenCount);
    Arrays.fill(tokens, 0, tokenCount, null);
    releaseLargeBuffers();
    return result;
  }

  /** The hashes of the shingles of {@code width} consecutive tokens, one per start position. */
  private long[] shingleHashes(int width) {
    int shingleCount = tokenCount == 0 ? 0 : tokenCount - width + 1;
    long[] shingles = new long[shingleCount];
    for (int j = 0; j < shingleCount; j++) {
      long accumulator = width;
      for (int t = j; t < j + width; t++) {
        accumulator = (accumulator + tokenHashes[t]) * SHINGLE_MULTIPLIER;
      }
      shingles[j] = finalizeHash(accumulator ^ shingleSeed);
    }
    return shingles;
  }

  /**
   * A MurmurHash3-style 64-bit finaliser. Its second multiplier differs from fmix64's
   * (0xC4CEB9FE1A85EC53); it is an odd constant with the same avalanche structure and is kept
   * because the shingle hashes are pinned by a golden test.
   */
  private static long finalizeHash(long value) {
    value ^= value >>> 33;
    value *= 0xFF51AFD7ED558CCDL;
    value ^= value >>> 33;
    value *= 0xC4CEB93053EC3FE5L;
    value ^= value >>> 33;
    return value;
  }

  /** A reusable view of the folded-token buffer, hashed without copying it into a String. */
  private static final class FoldedChars implements CharSequence {
    private char[] chars;
    private int length;

    FoldedChars of(char[] buffer, int size) {
      this.chars = buffer;
      this.length = size;
      return this;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }
}

package org.polydup.text;

import static org.polydup.text.CharacterTable.DIGIT;
import static org.polydup.text.CharacterTable.ENTITY_OPEN;
import static org.polydup.text.CharacterTable.LETTER;
import static org.polydup.text.CharacterTable.MARK;
import static org.polydup.text.CharacterTable.SEGMENTED;
import static org.polydup.text.CharacterTable.SEPARATOR;
import static org.polydup.text.CharacterTable.TAG_OPEN;

import com.dynatrace.hash4j.hashing.Hashing;
import com.ibm.icu.text.BreakIterator;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns raw news text into normalised tokens with offsets and hashed word shingles.
 *
 * <p>A worker: not thread-safe, it owns its buffers and its ICU {@link BreakIterator}. Create one
 * per thread from shared immutable {@link TextOptions}; each {@link #analyze} call returns an
 * independent immutable {@link AnalyzedText}.
 *
 * <p>This class reads the raw text and says what each character is (markup, entity, a run of a
 * script without spaces, a letter); the parts it owns do the rest: {@link TokenBuilder} folds and
 * hashes the token being read, {@link RunSegmenter} segments runs without spaces, {@link TokenList}
 * holds the tokens, {@link ShingleHasher} hashes their shingles.
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
 *       (MurmurHash3-style), so k-grams cost k multiply-adds, not a hash of the joined string
 *       ({@link ShingleHasher}). A text with fewer than k tokens gives one shingle over all of
 *       them.
 * </ul>
 */
public final class TextAnalyzer {
  private final TextOptions options;
  private final ShingleHasher shingleHasher;

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

  private final TokenList tokens = new TokenList();
  private final TokenBuilder builder;
  private final EntityDecoder entities = new EntityDecoder();
  private final RunSegmenter runs;

  /**
   * The text being tokenised, copied: the loops index an array, where reading the String char by
   * char checks its coder (Latin-1 or UTF-16) at every read, and the JIT, having hoisted that check
   * out of a loop as a prediction from the texts seen so far, recompiles the whole tokeniser when a
   * text of the other coder arrives (TextAnalyzer.tokenize was compiled three times a bulk scan).
   * Holds the first {@link #textLength} characters; see {@link #copyOf}.
   */
  private char[] chars = new char[1024];

  private int textLength;

  /**
   * Creates a worker.
   *
   * @param options immutable settings, shared between workers
   * @throws NullPointerException if {@code options} is null
   */
  public TextAnalyzer(TextOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.shingleHasher = new ShingleHasher(options.seed());
    this.builder = new TokenBuilder(Hashing.komihash5_0(options.seed()), tokens);
    this.runs = new RunSegmenter(options, builder, entities);
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
    builder.keepTokens(true);
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
    builder.keepTokens(false);
    tokenize(rawText);
    int tokenCount = tokens.count();
    int width = Math.min(options.shingleSize(), tokenCount);
    long[] shingles = shingleHasher.shingleHashes(tokens.hashes(), tokenCount, width);
    int[] starts = tokens.starts();
    int[] ends = tokens.ends();
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
    tokens.release(RETAINED_TOKENS);
    builder.release(RETAINED_CHARACTERS);
    runs.release(RETAINED_CHARACTERS);
  }

  /** Capacity of the scratch arrays now kept, in array elements, for tests. */
  int retainedCapacity() {
    return chars.length
        + tokens.retainedCapacity()
        + builder.retainedCapacity()
        + runs.retainedCapacity();
  }

  /** Tokenises the first characters of {@code rawText} into this worker's token buffers. */
  private void tokenize(String rawText) {
    tokens.clear();
    builder.resetToken();
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
        position = runs.segmentRun(text, position, limit, textLength);
        continue;
      }
      if ((characterClass == LETTER || characterClass == DIGIT || characterClass == MARK)
          && !builder.hasPending()
          && codePoint < 0x10000) {
        // Fast path: a run of BMP letters, digits and marks; a surrogate ends it (SEPARATOR).
        position = builder.appendRun(text, position, characterClass, limit);
        continue;
      }
      if (characterClass == TAG_OPEN) {
        builder.flushToken();
        int tagEnd = Markup.tagEnd(text, position, limit, textLength);
        position = tagEnd > 0 ? tagEnd : next;
        continue;
      }
      if (characterClass == ENTITY_OPEN) {
        int entityEnd = entities.decodeEntity(text, position, limit);
        if (entityEnd > 0) {
          codePoint = entities.codePoint();
          next = entityEnd;
          characterClass = CharacterTable.classOfCodePoint(codePoint);
          if (characterClass == SEGMENTED) {
            // A word of a script without spaces may start with an entity: segmented from here.
            position = runs.segmentRun(text, position, limit, textLength);
            continue;
          } else if (characterClass == TAG_OPEN || characterClass == ENTITY_OPEN) {
            characterClass = SEPARATOR;
          }
        } else {
          characterClass = SEPARATOR;
        }
      }
      builder.accept(codePoint, characterClass, position, next);
      position = next;
    }
    builder.flushToken();
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

  private AnalyzedText buildResult(String rawText) {
    int tokenCount = tokens.count();
    int width = Math.min(options.shingleSize(), tokenCount);
    long[] shingles = shingleHasher.shingleHashes(tokens.hashes(), tokenCount, width);
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
            tokens.takeTokens(),
            Arrays.copyOf(tokens.starts(), tokenCount),
            Arrays.copyOf(tokens.ends(), tokenCount),
            shingles,
            shingleFirstToken,
            shingleTokenCount);
    releaseLargeBuffers();
    return result;
  }
}

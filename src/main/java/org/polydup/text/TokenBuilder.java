package org.polydup.text;

import static org.polydup.text.CharacterTable.APOSTROPHE;
import static org.polydup.text.CharacterTable.DIGIT;
import static org.polydup.text.CharacterTable.IGNORABLE;
import static org.polydup.text.CharacterTable.LETTER;
import static org.polydup.text.CharacterTable.MARK;
import static org.polydup.text.CharacterTable.NEEDS_NORMALIZER;
import static org.polydup.text.CharacterTable.NUMBER_PUNCTUATION;

import com.dynatrace.hash4j.hashing.Hasher64;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * Builds the token being read, one character at a time, and adds it to a {@link TokenList} when it
 * ends: folds each character from {@link CharacterTable}, keeps an apostrophe between two letters
 * and a separator between two digits, normalises the whole token with ICU when a character cannot
 * be folded alone, and hashes it. The token keeps the raw offsets of the characters it came from.
 *
 * <p>Not thread-safe: owned by one {@link TextAnalyzer}, whose loop over the raw text feeds it.
 */
final class TokenBuilder {
  private final Hasher64 hasher;
  private final TokenList tokens;

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

  /** Whether the current call keeps token strings ({@link TextAnalyzer#analyze}) or only hashes. */
  private boolean keepTokens = true;

  private final FoldedChars foldedView = new FoldedChars();

  /** A builder hashing tokens with {@code hasher} into {@code tokens}. */
  TokenBuilder(Hasher64 hasher, TokenList tokens) {
    this.hasher = hasher;
    this.tokens = tokens;
  }

  /** Whether the tokens of the next text keep their strings, or only their hashes. */
  void keepTokens(boolean keep) {
    keepTokens = keep;
  }

  /** Whether an apostrophe or a number separator waits for the character after it. */
  boolean hasPending() {
    return hasPending;
  }

  /**
   * Appends the BMP letters, digits and marks from {@code position} (whose class is {@code
   * characterClass}) to the current token; returns the position after them.
   */
  int appendRun(char[] text, int position, byte characterClass, int limit) {
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

  /**
   * Takes one character (or decoded entity) of class {@code characterClass}, read from the raw text
   * at {@code [start, end)}: extends, joins or ends the current token.
   */
  void accept(int codePoint, byte characterClass, int start, int end) {
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

  /**
   * Adds {@code runText[start, end)}, a word of a segmented run, as a token of its own, with the
   * raw offsets {@code [rawStart, rawEnd)} it was read from.
   */
  void emit(char[] runText, int start, int end, int rawStart, int rawEnd) {
    tokenStart = rawStart;
    tokenEnd = rawEnd;
    for (int i = start; i < end; ) {
      int codePoint = Character.codePointAt(runText, i, end);
      appendCodePoint(codePoint);
      i += Character.charCount(codePoint);
    }
    flushToken();
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

  /** Forgets the token being read, without adding it. */
  void resetToken() {
    foldedLength = 0;
    unfoldedLength = 0;
    tokenNeedsNormalizer = false;
    tokenStart = -1;
    lastWasDigit = false;
    hasPending = false;
  }

  /** Ends the token being read: adds it to the list unless it is empty, and starts the next. */
  void flushToken() {
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
          tokens.add(hasher.hashCharsToLong(token), token, tokenStart, tokenEnd);
        }
      } else if (foldedLength > 0) {
        // komihash reads a CharSequence char by char: the buffer hashes as its String would.
        long hash = hasher.hashCharsToLong(foldedView.of(folded, foldedLength));
        String token = keepTokens ? new String(folded, 0, foldedLength) : null;
        tokens.add(hash, token, tokenStart, tokenEnd);
      }
    }
    resetToken();
  }

  /** Drops the character buffers if a large token grew them past {@code retained} characters. */
  void release(int retained) {
    if (folded.length > retained) {
      folded = new char[64];
    }
    if (unfolded.length > retained) {
      unfolded = new char[64];
    }
  }

  /** Capacity of the buffers now kept, in array elements, for tests. */
  int retainedCapacity() {
    return folded.length + unfolded.length;
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

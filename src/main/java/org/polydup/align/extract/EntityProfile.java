package org.polydup.align.extract;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.polydup.IncompatibleDataException;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.structure.ParagraphShape;

/**
 * The ordered entities of one document: immutable, safe to share between threads.
 *
 * <p>{@link #entities()} keeps text order. {@link #anchorKeys()} and {@link #wordKeys()} are the
 * two key sequences the {@link Aligner} works on: anchors only (cross-language) and every token
 * (same language).
 *
 * <p>Entities are held as parallel primitive arrays, and a profile made by the {@link
 * EntityExtractor} derives surfaces from the raw text, which the caller holds anyway: an object and
 * a string per entity took about 100 bytes each, which on the 103k-document bulk set was most of
 * the scan's heap. {@link #entity(int)} and {@link #entities()} build {@link Entity} objects on
 * demand, for the few entities a reported pair shows.
 */
public final class EntityProfile {
  private static final EntityKind[] KINDS = EntityKind.values();

  private final String language;
  private final int textLength;
  private final long[] keys;
  private final long[] wordKeys;
  private final byte[] kinds;
  private final int[] starts;
  private final int[] ends;

  /** The raw text surfaces are cut from, or {@code null} when {@link #surfaces} holds them. */
  private final String text;

  private final String[] surfaces;

  /** {@link #weightedLength()} once computed, -1 before (an int: written and read whole). */
  private int weightedLength = -1;

  /** Entities built so far by {@link #entity}, or {@code null} before the first. */
  private Entity[] built;

  private final int[] anchorIndexes;

  /**
   * Whether any entity is a {@link EntityKind#HAN_FORM} or a {@link EntityKind#SPELLING}: word
   * sequences then leave those out.
   */
  private final boolean secondKeys;

  /**
   * Creates a profile.
   *
   * @param language the language code the text was extracted with
   * @param textLength length of the raw text in chars
   * @param entities entities in text order; copied
   */
  public EntityProfile(String language, int textLength, List<Entity> entities) {
    this(language, textLength, null, entities);
  }

  /** A profile whose entities' surfaces are the spans of {@code text} they cover. */
  EntityProfile(String language, String text, List<Entity> entities) {
    this(language, text.length(), text, entities);
  }

  private EntityProfile(String language, int textLength, String text, List<Entity> entities) {
    this.language = Objects.requireNonNull(language, "language");
    if (textLength < 0) {
      throw new IllegalArgumentException("textLength must be >= 0, got " + textLength);
    }
    this.textLength = textLength;
    this.text = text;
    int size = entities.size();
    keys = new long[size];
    wordKeys = new long[size];
    kinds = new byte[size];
    starts = new int[size];
    ends = new int[size];
    surfaces = text == null ? new String[size] : null;
    int anchors = 0;
    boolean anySecondKey = false;
    for (int i = 0; i < size; i++) {
      Entity entity = Objects.requireNonNull(entities.get(i), "entity");
      keys[i] = entity.key();
      wordKeys[i] = entity.wordKey();
      kinds[i] = (byte) entity.kind().ordinal();
      starts[i] = entity.start();
      ends[i] = entity.end();
      if (surfaces != null) {
        surfaces[i] = entity.surface();
      }
      if (entity.kind().isAnchor()) {
        anchors++;
      }
      anySecondKey |= entity.kind() == EntityKind.HAN_FORM || entity.kind() == EntityKind.SPELLING;
    }
    secondKeys = anySecondKey;
    anchorIndexes = new int[anchors];
    int next = 0;
    for (int i = 0; i < size; i++) {
      if (kind(i).isAnchor()) {
        anchorIndexes[next++] = i;
      }
    }
  }

  /** The language code given at extraction. */
  public String language() {
    return language;
  }

  /** Length of the raw text in chars. */
  public int textLength() {
    return textLength;
  }

  /**
   * The text's length in Latin-equivalent characters, as {@link ParagraphShape} weighs them: a Han,
   * kana or Hangul character counts three (it carries about a word, as three letters do), white
   * space and controls nothing, any other character one; the raw length in chars when the profile
   * was built without its text.
   */
  public int weightedLength() {
    int length = weightedLength;
    if (length < 0) {
      if (text == null) {
        length = textLength;
      } else {
        length = 0;
        for (int i = 0; i < text.length(); ) {
          int codePoint = text.codePointAt(i);
          length += ParagraphShape.weight(codePoint);
          i += Character.charCount(codePoint);
        }
      }
      weightedLength = length;
    }
    return length;
  }

  /**
   * Whether the profile holds {@link EntityKind#HAN_FORM} entities (Chinese and Japanese) or {@link
   * EntityKind#SPELLING} ones (Japanese): second keys of a word, which word sequences leave out.
   * Internal to the align stage, not API: public for the aligner's key sequences.
   */
  public boolean hasSecondKeys() {
    return secondKeys;
  }

  /** Number of entities. */
  public int size() {
    return keys.length;
  }

  /** The language-independent key of the {@code i}-th entity, {@code 0 <= i < size()}. */
  public long key(int i) {
    return keys[i];
  }

  /** The language-specific key of the {@code i}-th entity, {@code 0 <= i < size()}. */
  public long wordKey(int i) {
    return wordKeys[i];
  }

  /** The kind of the {@code i}-th entity, {@code 0 <= i < size()}. */
  public EntityKind kind(int i) {
    return KINDS[kinds[i]];
  }

  /**
   * Where the {@code i}-th entity starts in the raw text, {@code 0 <= i < size()}: {@code
   * entity(i).start()}, without building the entity.
   */
  public int start(int i) {
    return starts[i];
  }

  /**
   * Where the {@code i}-th entity ends (exclusive), {@code 0 <= i < size()}; see {@link #start}.
   */
  public int end(int i) {
    return ends[i];
  }

  /**
   * Writes the entities (keys, kinds and spans; not the language or the text, which the caller
   * stores) so that {@link #readEntities} rebuilds an equal profile without extracting them again:
   * extraction is most of what adding a document costs with alignment on.
   *
   * @throws IllegalStateException for a profile built without its text (its surfaces would be lost)
   */
  public void writeEntities(DataOutput out) throws IOException {
    if (text == null) {
      throw new IllegalStateException("a profile built without its text cannot be stored");
    }
    out.writeInt(keys.length);
    for (int i = 0; i < keys.length; i++) {
      out.writeLong(keys[i]);
      out.writeLong(wordKeys[i]);
      out.writeByte(kinds[i]);
      out.writeInt(starts[i]);
      out.writeInt(ends[i]);
    }
  }

  /**
   * The profile {@link #writeEntities} wrote, over {@code text}.
   *
   * @throws IncompatibleDataException when what is read cannot be such a profile (a kind this
   *     version does not know, a span outside the text)
   */
  public static EntityProfile readEntities(DataInput in, String language, String text)
      throws IOException {
    int size = in.readInt();
    if (size < 0 || size > 4L * text.length() + 16) {
      throw new IncompatibleDataException(
          "stored entity count " + size + " for a text of " + text.length() + " chars");
    }
    List<Entity> entities = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      long key = in.readLong();
      long wordKey = in.readLong();
      int kind = in.readByte();
      int start = in.readInt();
      int end = in.readInt();
      if (kind < 0 || kind >= KINDS.length || start < 0 || end < start || end > text.length()) {
        throw new IncompatibleDataException(
            "stored entity " + i + " has kind " + kind + " and span [" + start + ", " + end + ")");
      }
      // The surface is cut from the text on demand, as for a profile the extractor made.
      entities.add(new Entity(key, wordKey, KINDS[kind], start, end, ""));
    }
    return new EntityProfile(language, text, entities);
  }

  /** The {@code i}-th entity in text order; {@code 0 <= i < size()}. */
  public Entity entity(int i) {
    // Built once and kept: a reported pair's evidence reads its entities many times, and a
    // document's entities appear in the evidence of several pairs. The cache is filled racily;
    // two threads may build equal entities, and Entity's final fields make either safe to share.
    Entity[] cache = built;
    if (cache == null) {
      cache = new Entity[keys.length];
      built = cache;
    }
    Entity entity = cache[i];
    if (entity == null) {
      String surface = text != null ? text.substring(starts[i], ends[i]) : surfaces[i];
      entity = new Entity(keys[i], wordKeys[i], kind(i), starts[i], ends[i], surface);
      cache[i] = entity;
    }
    return entity;
  }

  /** All entities in text order (an unmodifiable view whose elements are built on access). */
  public List<Entity> entities() {
    return new AbstractList<>() {
      @Override
      public Entity get(int index) {
        Objects.checkIndex(index, keys.length);
        return entity(index);
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  /** Number of anchor entities (kinds that survive translation). */
  public int anchorCount() {
    return anchorIndexes.length;
  }

  /** The {@code i}-th anchor entity, {@code 0 <= i < anchorCount()}. */
  public Entity anchor(int i) {
    return entity(anchorIndexes[i]);
  }

  /** Language-independent keys of the anchors, in text order (a fresh array). */
  public long[] anchorKeys() {
    long[] anchorKeys = new long[anchorIndexes.length];
    for (int i = 0; i < anchorKeys.length; i++) {
      anchorKeys[i] = keys[anchorIndexes[i]];
    }
    return anchorKeys;
  }

  /**
   * The language-specific keys themselves, for the aligner to share; never modified. Internal to
   * the align stage, not API: public for the aligner's key sequences, and the caller must not
   * modify the array.
   */
  public long[] wordKeyArray() {
    return wordKeys;
  }

  /** Language-specific keys of every entity, in text order (a fresh array). */
  public long[] wordKeys() {
    return wordKeys.clone();
  }

  @Override
  public String toString() {
    return "EntityProfile[" + language + ", " + keys.length + " entities]";
  }
}

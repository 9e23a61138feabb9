package org.polydup.align;

import java.util.List;
import java.util.Objects;

/**
 * The ordered entities of one document: immutable, safe to share between threads.
 *
 * <p>{@link #entities()} keeps text order. {@link #anchorKeys()} and {@link #wordKeys()} are the
 * two key sequences the {@link Aligner} works on: anchors only (cross-language) and every token
 * (same language).
 */
public final class EntityProfile {
  private final String language;
  private final int textLength;
  private final List<Entity> entities;
  private final int[] anchorIndexes;

  /**
   * Creates a profile.
   *
   * @param language the language code the text was extracted with
   * @param textLength length of the raw text in chars
   * @param entities entities in text order; copied
   */
  public EntityProfile(String language, int textLength, List<Entity> entities) {
    this.language = Objects.requireNonNull(language, "language");
    if (textLength < 0) {
      throw new IllegalArgumentException("textLength must be >= 0, got " + textLength);
    }
    this.textLength = textLength;
    this.entities = List.copyOf(entities);
    int anchors = 0;
    for (Entity entity : this.entities) {
      if (entity.kind().isAnchor()) {
        anchors++;
      }
    }
    anchorIndexes = new int[anchors];
    int next = 0;
    for (int i = 0; i < this.entities.size(); i++) {
      if (this.entities.get(i).kind().isAnchor()) {
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

  /** All entities in text order (unmodifiable). */
  public List<Entity> entities() {
    return entities;
  }

  /** Number of anchor entities (kinds that survive translation). */
  public int anchorCount() {
    return anchorIndexes.length;
  }

  /** The {@code i}-th anchor entity, {@code 0 <= i < anchorCount()}. */
  public Entity anchor(int i) {
    return entities.get(anchorIndexes[i]);
  }

  /** Language-independent keys of the anchors, in text order (a fresh array). */
  public long[] anchorKeys() {
    long[] keys = new long[anchorIndexes.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = entities.get(anchorIndexes[i]).key();
    }
    return keys;
  }

  /** Language-specific keys of every entity, in text order (a fresh array). */
  public long[] wordKeys() {
    long[] keys = new long[entities.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = entities.get(i).wordKey();
    }
    return keys;
  }

  @Override
  public String toString() {
    return "EntityProfile[" + language + ", " + entities.size() + " entities]";
  }
}
